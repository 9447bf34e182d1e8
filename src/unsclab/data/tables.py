"""The registry of derived tables: what the embedded snapshot and the user cache hold.

A table is a pandas DataFrame built by a *builder* from the raw sources (read through
:func:`unsclab.data.fetch.locate`, which verifies each file's SHA-256) and from committed project
tables (``unsclab/data/*.csv``). Each table declares:

- ``sources`` — the registered raw sources it reads (:mod:`unsclab.data.registry`);
- ``inputs`` — the committed project files it reads (their SHA-256 goes into its key);
- ``schema_version`` — bumped whenever the builder's code or the table's columns change;
- ``year`` — the column that gives its coverage in years (``None`` if it has none);
- ``credits`` — sources that a committed input was derived from (their attribution and licence
  go into the snapshot manifest; they are not read by the builder);
- ``via`` — for a table without a year column, ``(table, key, its key)``: its years are those
  of the rows of ``table`` it refers to (ballots → decisions, GA votes → roll calls).

The table's **key** hashes all of these, so two tables with the same key hold the same rows: the
layers (:mod:`unsclab.data.layers`) use it to tell a current table from a stale one.

Adding a table (see CONTRIBUTING.md, "Data tables"): write a builder in your own module, decorate
it with :func:`register_table`, add the module to :data:`TABLE_MODULES`, and rerun
``scripts/build_snapshot.py``.
"""

from __future__ import annotations

__all__ = ["TableSpec", "register_table", "tables", "table", "table_key", "TABLE_MODULES"]

import hashlib
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Modules whose import registers tables (in this order, which is the snapshot's order).
TABLE_MODULES: tuple[str, ...] = ("unsclab.data.builders", "unsclab.data.ga_tables")


@dataclass(frozen=True)
class TableSpec:
    """One derived table and how to build it."""

    name: str
    build: Callable[[], pd.DataFrame]
    schema_version: int
    sources: tuple[str, ...]
    inputs: tuple[str, ...]
    description: str
    year: str | None = "year"
    credits: tuple[str, ...] = ()  # sources a committed input was derived from (attribution)
    via: tuple[str, str, str] | None = None  # (table, my key, its key) that gives my years


_REGISTRY: dict[str, TableSpec] = {}
_LOADED = False


def register_table(name: str, *, schema_version: int, sources: tuple[str, ...] = (),
                   inputs: tuple[str, ...] = (), description: str, year: str | None = "year",
                   credits: tuple[str, ...] = (), via: tuple[str, str, str] | None = None):
    """Decorator: register ``fn`` (no arguments → DataFrame) as the builder of table ``name``."""

    def wrap(fn: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
        if name in _REGISTRY and _REGISTRY[name].build is not fn:
            raise ValueError(f"table {name!r} is registered twice")
        _REGISTRY[name] = TableSpec(name, fn, schema_version, tuple(sources), tuple(inputs),
                                    description, year, tuple(credits), via)
        return fn

    return wrap


def tables() -> dict[str, TableSpec]:
    """Every registered table, by name (importing :data:`TABLE_MODULES` on first use)."""
    global _LOADED
    if not _LOADED:
        for module in TABLE_MODULES:
            importlib.import_module(module)
        _LOADED = True
    return dict(_REGISTRY)


def table(name: str) -> TableSpec:
    specs = tables()
    if name not in specs:
        raise DataError(f"unknown table {name!r}; expected one of {', '.join(specs)}",
                        field="table")
    return specs[name]


def input_sha256(filename: str) -> str:
    """SHA-256 of a committed project file in ``unsclab/data``."""
    try:
        data = resources.files("unsclab.data").joinpath(filename).read_bytes()
    except FileNotFoundError:
        raise DataError("committed table is missing from the package",
                        file=f"unsclab/data/{filename}") from None
    return hashlib.sha256(data).hexdigest()


def key_parts(spec: TableSpec) -> dict[str, object]:
    """What a table's key hashes: name, schema version, source and input SHA-256."""
    from unsclab.data.registry import source

    return {
        "table": spec.name,
        "schema_version": spec.schema_version,
        "sources": {s: source(s).sha256 for s in spec.sources},
        "inputs": {f: input_sha256(f) for f in spec.inputs},
    }


def table_key(spec: TableSpec | str) -> str:
    """SHA-256 over :func:`key_parts`: equal keys mean the same builder on the same inputs."""
    spec = table(spec) if isinstance(spec, str) else spec
    text = json.dumps(key_parts(spec), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()
