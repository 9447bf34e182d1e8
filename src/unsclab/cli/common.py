"""Helpers shared by every CLI command: JSON output, error handling, rich console.

Heavy libraries are imported inside commands, never here, so ``unsclab --help`` starts fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])


def print_json(obj: Any) -> None:
    """Print ``obj`` as indented JSON on stdout (fractions and numpy scalars become numbers)."""
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False, default=_json_default) + "\n")


def _json_default(obj: Any) -> Any:
    from fractions import Fraction

    if isinstance(obj, Fraction):
        return float(obj)
    if hasattr(obj, "item"):  # numpy scalar
        return obj.item()
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` on stderr and return an Exit to raise."""
    sys.stderr.write(f"error: {message}\n")
    return typer.Exit(code)


def user_errors(func: F) -> F:
    """Turn :class:`~unsclab.errors.UnsclabError` into a one-line message per problem and exit 1."""
    from unsclab.errors import UnsclabError

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UnsclabError as err:
            for problem in err.problems:
                sys.stderr.write(f"error: {problem}\n")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def console():
    """A rich console on stdout (created lazily)."""
    from rich.console import Console

    # Piped output gets a comfortable fixed width rather than rich's 80-column default.
    width = None if sys.stdout.isatty() else 140
    return Console(highlight=False, width=width)


def split_codes(value: str | None) -> list[str]:
    """Split a comma-separated ``--yes USA,FRA`` option into upper-case codes."""
    if not value:
        return []
    return [part.strip().upper() for part in value.split(",") if part.strip()]
