"""unsclab: a laboratory for the UN Security Council and its reform.

Declare a council design (or pick a real proposal from the catalogue) and get its decisions,
voting power, representation and history, exactly and reproducibly.

>>> import unsclab
>>> design = unsclab.load_design("status-quo")
>>> unsclab.decide(design, {"USA": "N", "CHN": "Y", "FRA": "Y", "GBR": "Y", "RUS": "Y",
...                          "DZA": "Y", "ECU": "Y", "GUY": "Y", "JPN": "Y", "MLT": "Y"}).outcome
'vetoed'

For notebooks, :func:`unsclab.compare`, ``unsclab.power(design, by=...)`` and
``unsclab.replay(design, ...)`` return DataFrame-backed results (:mod:`unsclab.api`).

The top level exposes the main entry points; submodules hold the rest. Names are resolved
lazily so ``import unsclab`` stays cheap.
"""

from __future__ import annotations

from unsclab._version import __version__

__all__ = [
    "__version__",
    "Design",
    "load_design",
    "load_catalog",
    "catalog_ids",
    "decide",
    "Ballot",
    "Decision",
    "UnsclabError",
    "compare",
    "power",
    "replay",
]

_LAZY = {
    "Design": "unsclab.designs",
    "load_design": "unsclab.designs",
    "load_catalog": "unsclab.designs",
    "catalog_ids": "unsclab.designs",
    "decide": "unsclab.rules",
    "Ballot": "unsclab.rules",
    "Decision": "unsclab.rules",
    "UnsclabError": "unsclab.errors",
    "compare": "unsclab.api",
}
#: packages that are also functions of the notebook API (see unsclab._callable)
_CALLABLE_PACKAGES = ("power", "replay")


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _CALLABLE_PACKAGES:
        import importlib

        return importlib.import_module(f"unsclab.{name}")
    raise AttributeError(f"module 'unsclab' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
