"""The data layers: one resolution order for every table, used by everything.

:func:`load_table` gives a derived table (:mod:`unsclab.data.tables`) from the first layer that
has it, in this order:

1. ``data`` — built from the raw sources in ``$UNSCLAB_DATA`` (or a folder passed explicitly),
   when that folder holds every source the table needs (each verified by SHA-256);
2. ``cache`` — the user cache's snapshot, written by ``unsclab data update``
   (``<user cache>/snapshot/``);
3. ``snapshot`` — the snapshot embedded in the package.

Tables are content-addressed: a table's key (:func:`unsclab.data.tables.table_key`) hashes its
builder's schema version, the SHA-256 of every source and committed project table it reads.
Sources are pinned by SHA-256, so a table built from ``$UNSCLAB_DATA`` has the key of the
embedded one and *is* the same table (``tests/data/test_snapshot.py`` rebuilds it to prove so);
unsclab then reads the embedded file instead of rebuilding it. A table whose key is new is built
once and kept in ``<user cache>/tables/``. Whatever the layer, the numbers are the same.

Every file is verified before it is read (SHA-256 from the manifest or the ``.meta.json``
sidecar, :mod:`unsclab.data.integrity`). A corrupt, truncated or wrong-version file in the data
or cache layer is ignored with a note on stderr naming it (the next layer answers); a corrupt
embedded snapshot is refused with a :class:`~unsclab.errors.DataError` naming the file.
"""

from __future__ import annotations

__all__ = ["LAYERS", "Origin", "load_table", "find_table", "status", "cache_snapshot_dir"]

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsclab.data.integrity import CorruptFile, note
from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from unsclab.data.tables import TableSpec

LAYERS = ("data", "cache", "snapshot")
_TABLE_KIND = "unsclab-table"


@dataclass(frozen=True)
class Origin:
    """Where a table was read from: its layer, file, key and what the layer says about it."""

    table: str
    layer: str
    path: Path
    key: str
    built: str | None = None
    rows: int | None = None
    years: list[int] | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "layer": self.layer, "path": str(self.path),
                "key": self.key, "built": self.built, "rows": self.rows, "years": self.years,
                "detail": self.detail}


def cache_snapshot_dir() -> Path:
    """The user cache's snapshot folder (written by ``unsclab data update``)."""
    from unsclab.data.fetch import cache_dir

    return cache_dir() / "snapshot"


def _built_dir() -> Path:
    from unsclab.data.fetch import cache_dir

    return cache_dir() / "tables"


def _refused(err: CorruptFile, *, strict: bool) -> None:
    """A failed check: an error for the embedded snapshot (nothing answers after it), a note
    naming the file for the cache (the next layer answers)."""
    if strict:
        raise DataError(f"{err}; reinstall unsclab, or set UNSCLAB_DATA to the raw sources"
                        ) from None
    note(f"{err}; ignored (rebuild it with 'unsclab data update')")


def _manifest(folder: Path, *, required: bool) -> dict[str, Any] | None:
    from unsclab.data.snapshot import read_manifest

    if not required and not (folder / "manifest.json").exists():
        return None
    try:
        return read_manifest(folder)
    except CorruptFile as err:
        return _refused(err, strict=required)


def _embedded() -> dict[str, Any]:
    from unsclab.data.snapshot import embedded_dir

    return _manifest(embedded_dir(), required=True) or {}


def _entry_origin(spec: TableSpec, folder: Path, manifest: dict[str, Any], layer: str,
                  *, strict: bool) -> Origin | None:
    """The verified file of ``spec`` in a snapshot folder, or None (with a note) if unusable."""
    from unsclab.data.integrity import verify
    from unsclab.data.tables import input_sha256

    entry = manifest.get("tables", {}).get(spec.name)
    if entry is None:
        if strict:
            raise DataError(f"table {spec.name!r} is not in the embedded snapshot; rerun "
                            "scripts/build_snapshot.py", file=str(folder / "manifest.json"))
        return None
    path = folder / str(entry.get("file", ""))
    try:
        if entry.get("schema_version") != spec.schema_version:
            raise CorruptFile(f"schema version {entry.get('schema_version')!r}, expected "
                              f"{spec.schema_version}; refused", file=str(path))
        verify(path, sha256=str(entry.get("sha256")), size=entry.get("size"))
    except CorruptFile as err:
        return _refused(err, strict=strict)
    inputs = {f: input_sha256(f) for f in spec.inputs}
    if entry.get("inputs") != inputs:
        msg = (f"{path}: built from other project tables than this unsclab's "
               f"({', '.join(f for f in inputs if entry.get('inputs', {}).get(f) != inputs[f])})")
        if not strict:
            note(f"{msg}; ignored (rebuild it with 'unsclab data update')")
            return None
        note(f"{msg}; rerun scripts/build_snapshot.py")
    return Origin(spec.name, layer, path, str(entry.get("key")), manifest.get("built"),
                  entry.get("rows"), entry.get("years"))


def _sources_in(spec: TableSpec, folder: Path) -> bool:
    """Whether ``folder`` holds every source of ``spec`` with its registered SHA-256."""
    from unsclab.data.fetch import sha256_of
    from unsclab.data.registry import source

    for name in spec.sources:
        src = source(name)
        path = folder / src.path
        if not path.is_file():
            return False
        if sha256_of(path) != src.sha256:
            note(f"{path}: SHA-256 differs from the registry's ({src.sha256[:12]}…); ignored "
                 "(replace it with the pinned original)")
            return False
    return bool(spec.sources)


def _from_data(spec: TableSpec, folder: Path) -> Origin | None:
    """Layer 1: the table built from the sources in ``folder`` (content-addressed)."""
    from unsclab.data.snapshot import embedded_dir
    from unsclab.data.tables import table_key

    if not _sources_in(spec, folder):
        return None
    key = table_key(spec)
    detail = f"built from the sources in {folder}"
    emb = _embedded()
    entry = emb.get("tables", {}).get(spec.name, {})
    if entry.get("key") == key:
        o = _entry_origin(spec, embedded_dir(), emb, "data", strict=True)
        return Origin(spec.name, "data", o.path, key, o.built, o.rows, o.years,
                      detail + " (same key as the embedded table, which is read)")
    return _build_cached(spec, folder, key, detail)


def _build_cached(spec: TableSpec, folder: Path, key: str, detail: str) -> Origin:
    """A table whose key the embedded snapshot lacks: built once, kept in the user cache."""
    import datetime as dt

    from unsclab.data.fetch import sources_from
    from unsclab.data.integrity import read_meta, verify, write_checked
    from unsclab.data.snapshot import coverage, write_table

    path = _built_dir() / f"{spec.name}-{key[:20]}.parquet"
    if path.exists():
        try:
            info = read_meta(path, kind=_TABLE_KIND, version=spec.schema_version)
            verify(path, sha256=str(info["sha256"]), size=info.get("size"))
            return Origin(spec.name, "data", path, key, info.get("built"), info.get("rows"),
                          info.get("years"), detail)
        except CorruptFile as err:
            note(f"{err}; rebuilding it")
    with sources_from(folder):
        df = spec.build()
    built = dt.datetime.now(dt.UTC).date().isoformat()
    info = write_checked(path, lambda p: write_table(df, p), kind=_TABLE_KIND,
                         version=spec.schema_version, key=key, built=built, rows=len(df),
                         years=coverage(df, spec.year))
    return Origin(spec.name, "data", path, key, built, info["rows"], info["years"], detail)


def find_table(name: str, data: str | Path | None = None) -> Origin:
    """Which layer answers for table ``name`` (see the module docstring), verified."""
    from unsclab.data.fetch import data_dir
    from unsclab.data.snapshot import embedded_dir
    from unsclab.data.tables import table

    spec = table(name)
    folder = Path(data).expanduser() if data is not None else data_dir()
    if folder is not None:
        o = _from_data(spec, folder)
        if o is not None:
            return o
    cache = cache_snapshot_dir()
    manifest = _manifest(cache, required=False)
    if manifest is not None:
        o = _entry_origin(spec, cache, manifest, "cache", strict=False)
        if o is not None:
            return o
    return _entry_origin(spec, embedded_dir(), _embedded(), "snapshot", strict=True)


_FRAMES: dict[tuple[str, int, int], pd.DataFrame] = {}


def read_origin(origin: Origin) -> pd.DataFrame:
    """The table at ``origin`` (memoised per file, size and modification time; a copy)."""
    import pandas as pd

    st = origin.path.stat()
    k = (str(origin.path), st.st_size, st.st_mtime_ns)
    if k not in _FRAMES:
        try:
            _FRAMES[k] = pd.read_parquet(origin.path)
        except Exception as err:  # verified bytes that do not parse: a foreign writer
            raise DataError(f"cannot read table ({type(err).__name__}: {err})",
                            file=str(origin.path)) from None
    return _FRAMES[k].copy()


def load_table(name: str, data: str | Path | None = None) -> pd.DataFrame:
    """Table ``name`` from the first layer that has it (``data`` → ``cache`` → ``snapshot``),
    with the user's imports (``unsclab data import``) laid over it."""
    from unsclab.data.imports import overlay

    return overlay(name, read_origin(find_table(name, data)))


def status(data: str | Path | None = None) -> list[dict[str, Any]]:
    """Per table: the layer that answers, its file, build date, rows and years."""
    from unsclab.data.tables import tables

    return [find_table(n, data).to_dict() | {"description": s.description}
            for n, s in tables().items()]
