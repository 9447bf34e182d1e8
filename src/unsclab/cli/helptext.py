"""``--help`` in words: option values are named by what they hold, never by a Python type.

typer writes ``--since <int>`` and ``ref <str>``; :func:`humanise` gives every option and
argument without an explicit ``metavar`` a name such as ``YEAR``, ``ISO3``, ``DESIGN``, ``N``.
"""

from __future__ import annotations

__all__ = ["humanise"]

import inspect

import typer
import typer.core
from typer.models import ArgumentInfo, OptionInfo

#: metavar by parameter name (the function argument), then by annotation
_BY_NAME = {
    "ref": "DESIGN", "refs": "DESIGN...", "design": "DESIGN", "target": "DESIGN",
    "state": "ISO3", "holders": "ISO3,...", "yes": "ISO3,...", "no": "ISO3,...",
    "abstain": "ISO3,...", "not_voting": "ISO3,...", "seat": "ISO3=CLASS",
    "since": "YEAR", "until": "YEAR", "years": "FIRST-LAST", "calibration": "FIRST-LAST",
    "test": "FIRST-LAST", "draws": "N", "seed": "N", "quota": "N", "top": "N",
    "out": "FILE", "plot": "FILE", "weights_file": "FILE", "paths": "FILE...",
    "weights": "W,W,...", "index": "INDEX", "by": "seat|state|group|bloc", "bloc": "BLOC",
    "occupancy": "auto|elections|uniform", "history": "auto|yes|no", "fmt": "FORMAT",
    "decision": "SYMBOL", "space_file": "FILE", "host": "HOST", "port": "PORT",
}
_BY_TYPE = {"int": "N", "float": "NUMBER", "str": "TEXT", "list[str]": "TEXT"}


def _metavar(name: str, annotation: str) -> str | None:
    if name in _BY_NAME:
        return _BY_NAME[name]
    clean = annotation.replace("Optional[", "").rstrip("]") if annotation.startswith(
        "Optional[") else annotation
    return _BY_TYPE.get(clean.replace(" | None", ""))


def _humanise_callback(func) -> None:
    for name, param in inspect.signature(func).parameters.items():
        info = param.default
        if not isinstance(info, (OptionInfo, ArgumentInfo)) or info.metavar is not None:
            continue
        ann = param.annotation if isinstance(param.annotation, str) else getattr(
            param.annotation, "__name__", str(param.annotation))
        if ann == "bool":
            continue
        info.metavar = _metavar(name, ann)


def _no_argument_type(self, ctx) -> None:
    return None


def humanise(app: typer.Typer) -> None:
    """Give every parameter of ``app``'s commands (and sub-apps) a metavar in words."""
    # typer prints an argument as "DESIGN <str>"; the metavar alone says what to give.
    typer.core.TyperArgument.display_type_rich = _no_argument_type  # type: ignore[method-assign]
    for cmd in app.registered_commands:
        if cmd.callback is not None:
            _humanise_callback(cmd.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            humanise(group.typer_instance)
