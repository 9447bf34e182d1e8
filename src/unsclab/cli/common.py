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


def json_text(obj: Any) -> str:
    """``obj`` as indented JSON text (fractions and numpy scalars become numbers)."""
    return json.dumps(obj, indent=2, ensure_ascii=False, default=_json_default) + "\n"


def print_json(obj: Any) -> None:
    """Print ``obj`` as indented JSON on stdout."""
    sys.stdout.write(json_text(obj))


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


def _wants_json(kwargs: dict[str, Any]) -> bool:
    fmt = kwargs.get("fmt")
    return bool(kwargs.get("as_json")) or (isinstance(fmt, str) and fmt.strip().lower() == "json"
                                          and not kwargs.get("out"))


def user_errors(func: F) -> F:
    """Turn :class:`~unsclab.errors.UnsclabError` into a one-line message per problem and exit 1.

    Under ``--json`` (or ``--format json`` to stdout) the error is instead the JSON object of
    the web API's error envelope (:func:`unsclab.errors.error_envelope`) on stdout.
    """
    from unsclab.errors import UnsclabError, error_envelope

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UnsclabError as err:
            if _wants_json(kwargs):
                print_json(error_envelope(err))
            else:
                for problem in err.problems:
                    sys.stderr.write(f"error: {problem}\n")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def console():
    """A rich console on stdout (created lazily)."""
    from rich.console import Console

    import os

    # Piped output gets a comfortable fixed width rather than rich's 80-column default, unless
    # COLUMNS says how wide it should be.
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 140
    return Console(highlight=False, width=width)


def split_codes(value: str | None) -> list[str]:
    """Split a comma-separated ``--yes USA,FRA`` option into upper-case codes."""
    if not value:
        return []
    return [part.strip().upper() for part in value.split(",") if part.strip()]
