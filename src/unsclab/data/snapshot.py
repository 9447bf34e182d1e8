"""Snapshots: a folder of derived tables (Parquet) with a ``manifest.json``.

The package embeds one (``unsclab/data/snapshot/``), built by ``scripts/build_snapshot.py`` from
the pinned sources, so ``pip install unsclab`` alone gives the full record and the GA tables, as
the R package ``unvotes`` does. ``unsclab data update`` writes another, the same way, into the
user cache. Both have the same layout:

``manifest.json``
    ``format`` (this layout's version), ``built`` (UTC date), ``unsclab`` (version that built
    it), ``sources`` (each raw source it was built from: path, SHA-256, pinned URL, origin,
    whether the URL is a secondary mirror, title, licence, attribution), and ``tables``: for
    each table its ``file``, ``sha256`` and ``size`` (checked on every load), ``content_sha256``
    (a hash of the rows, independent of the Parquet encoding, for comparing builds),
    ``schema_version``, ``key`` (:func:`unsclab.data.tables.table_key`), ``sources``,
    ``inputs`` (committed project files and their SHA-256), ``rows``, ``years`` (first, last)
    and ``description``.
``<table>.parquet``
    one file per table (zstd-compressed, no index).

The raw source files are never part of a snapshot; UN Digital Library rows in particular are
used only for checks and derived facts.
"""

from __future__ import annotations

__all__ = ["FORMAT", "build_snapshot", "update_cache_snapshot", "read_manifest",
           "content_sha256", "coverage", "write_table", "embedded_dir"]

import datetime as _dt
import hashlib
import json
import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsclab._files import atomic_path
from unsclab.data.integrity import CorruptFile

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Version of the snapshot layout (manifest fields); a manifest of another format is refused.
FORMAT = 1


def embedded_dir() -> Path:
    """The snapshot folder inside the installed package."""
    return Path(str(resources.files("unsclab.data").joinpath("snapshot")))


def content_sha256(df: pd.DataFrame) -> str:
    """SHA-256 of a table's columns, dtypes and row values (not of its file encoding)."""
    import pandas as pd

    h = hashlib.sha256()
    h.update(json.dumps([[str(c), str(df[c].dtype)] for c in df.columns]).encode())
    h.update(pd.util.hash_pandas_object(df, index=False).to_numpy().tobytes())
    return h.hexdigest()


def coverage(df: pd.DataFrame, year: str | None) -> list[int] | None:
    """``[first, last]`` year of ``df[year]`` (a year or a datetime column), or None."""
    if year is None or year not in df.columns or df.empty:
        return None
    col = df[year]
    years = col.dt.year if hasattr(col, "dt") else col.astype(int)
    return [int(years.min()), int(years.max())]


def _years(df: pd.DataFrame, spec: Any, out: Path) -> list[int] | None:
    """Coverage of a table in a snapshot being built: its own year column, or its parent's."""
    if spec.via is None:
        return coverage(df, spec.year)
    import pandas as pd

    from unsclab.data.tables import table

    parent, key, parent_key = spec.via
    rows = pd.read_parquet(out / f"{parent}.parquet")
    return coverage(rows[rows[parent_key].isin(df[key])], table(parent).year)


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` as Parquet, deterministically (same rows → same bytes for one pyarrow)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pa.Table.from_pandas(df, preserve_index=False)
    with atomic_path(path, suffix=".parquet") as tmp:
        pq.write_table(t, tmp, compression="zstd", compression_level=9)


def _source_entry(name: str) -> dict[str, Any]:
    from unsclab.data.registry import source

    s = source(name)
    return {"path": s.path, "sha256": s.sha256, "url": s.url, "origin": s.origin,
            "mirror": s.mirror, "title": s.title, "licence": s.licence,
            "attribution": s.attribution}


def _built_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (_dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch
            else _dt.datetime.now(_dt.UTC))
    return when.date().isoformat()


def build_snapshot(out: Path, folder: Path | None, names: list[str] | None = None
                   ) -> dict[str, Any]:
    """Build the tables ``names`` (default: all registered) from the sources in ``folder`` (or,
    when None, wherever :func:`~unsclab.data.fetch.locate` finds them: ``$UNSCLAB_DATA``, then
    the cache) into ``out``; write ``out/manifest.json`` last. Returns the manifest."""
    from contextlib import nullcontext

    from unsclab import __version__
    from unsclab.data.fetch import sha256_of, sources_from
    from unsclab.data.tables import key_parts, table_key, tables

    specs = tables()
    names = list(specs) if names is None else names
    out.mkdir(parents=True, exist_ok=True)
    entries: dict[str, Any] = {}
    used: set[str] = set()
    with sources_from(folder) if folder is not None else nullcontext():
        for name in names:
            spec = specs[name]
            import pandas as pd

            path = out / f"{name}.parquet"
            write_table(spec.build(), path)
            df = pd.read_parquet(path)  # hash what a reader gets back, not the builder's frame
            parts = key_parts(spec)
            entries[name] = {
                "file": path.name, "sha256": sha256_of(path), "size": path.stat().st_size,
                "content_sha256": content_sha256(df), "schema_version": spec.schema_version,
                "key": table_key(spec), "sources": list(spec.sources),
                "credits": list(spec.credits),
                "inputs": parts["inputs"], "rows": int(len(df)),
                "years": _years(df, spec, out), "description": spec.description,
            }
            used.update(spec.sources, spec.credits)
    for stale in out.glob("*.parquet"):
        if stale.stem not in entries:
            stale.unlink()
    manifest = {
        "format": FORMAT, "built": _built_date(), "unsclab": __version__,
        "sources": {n: _source_entry(n) for n in sorted(used)},
        "tables": entries,
    }
    with atomic_path(out / "manifest.json") as tmp:
        tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    return manifest


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the snapshot in ``folder``; a missing, unreadable or other-format
    manifest raises :class:`~unsclab.data.integrity.CorruptFile` naming it."""
    path = folder / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorruptFile("missing: no snapshot manifest", file=str(path)) from None
    except (OSError, ValueError) as err:
        raise CorruptFile(f"unreadable snapshot manifest ({err}); refused",
                          file=str(path)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        got = manifest.get("format") if isinstance(manifest, dict) else None
        raise CorruptFile(f"snapshot format {got!r}, expected {FORMAT}; refused", file=str(path))
    return manifest


def update_cache_snapshot(target: Path, names: list[str]) -> dict[str, Any]:
    """Build the tables ``names`` into a fresh folder and put it in place of ``target`` at once
    (the old snapshot stays whole until the new one is complete)."""
    import shutil
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".snapshot-", dir=target.parent))
    try:
        manifest = build_snapshot(tmp, None, names)
        old = target.with_name(target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return manifest
