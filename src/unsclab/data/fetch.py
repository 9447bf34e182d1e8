"""Find, verify and (when the network allows) download the raw source files.

Lookup order for a registered :class:`~unsclab.data.registry.Source`:

1. ``$UNSCLAB_DATA/<path>`` — a folder that already holds the files (one sub-folder per
   source, the ``path`` of each :class:`~unsclab.data.registry.Source`);
2. the user cache, ``$UNSCLAB_CACHE/<path>`` if set, else the platformdirs user cache directory
   ``unsclab`` (the folder of ``pooch.os_cache("unsclab")``);
3. a download of the pinned URL into the cache (pooch's HTTP downloader), written to a temporary
   file and moved into place only once its SHA-256 matches.

A copy whose SHA-256 differs from the registry is refused with a :class:`DataError` naming the
file and both hashes; a file found nowhere names itself and how to provide it (``UNSCLAB_DATA``).
Nothing happens at import time.
"""

from __future__ import annotations

__all__ = ["data_dir", "cache_dir", "sha256_of", "locate", "status", "fetch_all", "sources_from"]

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from unsclab.data.registry import SOURCES, Source, source
from unsclab.errors import DataError, Problem

_VERIFIED: dict[tuple[str, int, int], str] = {}

#: A source folder that replaces ``$UNSCLAB_DATA`` *and* the cache for the duration of a build
#: (see :func:`sources_from`), so a table is built from one known set of files.
_ONLY: ContextVar[Path | None] = ContextVar("unsclab_sources_only", default=None)


@contextmanager
def sources_from(folder: str | os.PathLike[str]) -> Iterator[Path]:
    """Within the block, :func:`locate` reads sources from ``folder`` only (no cache, no
    download). Used by the snapshot and cache builders."""
    token = _ONLY.set(Path(folder).expanduser())
    try:
        yield _ONLY.get()
    finally:
        _ONLY.reset(token)


def data_dir() -> Path | None:
    """The folder named by ``$UNSCLAB_DATA`` (or by :func:`sources_from`), ``None`` when unset."""
    only = _ONLY.get()
    if only is not None:
        return only
    value = os.environ.get("UNSCLAB_DATA", "").strip()
    return Path(value).expanduser() if value else None


def cache_dir() -> Path:
    """The user cache for downloaded sources and the Record's parquet cache."""
    value = os.environ.get("UNSCLAB_CACHE", "").strip()
    if value:
        return _usable_cache(Path(value).expanduser(), value)
    import platformdirs  # what pooch.os_cache uses, without importing pooch (about 25 ms)

    return Path(platformdirs.user_cache_dir("unsclab"))


def _usable_cache(path: Path, value: str) -> Path:
    """``UNSCLAB_CACHE`` as a folder unsclab can write in (created later when missing); a file,
    a device or a read-only folder is refused here, in one line, before any work starts."""
    problem = None
    existing = next(p for p in (path, *path.parents) if p.exists() or p == p.parent)
    if existing == path and not path.is_dir():
        problem = "is not a folder"
    elif not existing.is_dir():
        problem = f"cannot be created ({existing} is not a folder)"
    elif not os.access(existing, os.W_OK | os.X_OK):
        problem = ("is a folder unsclab cannot write in" if existing == path
                   else f"cannot be created ({existing} is read-only)")
    if problem:
        raise DataError(f"UNSCLAB_CACHE={value}: {problem}; expected a folder where unsclab may "
                        "keep downloaded sources and computed tables (or unset the variable)")
    return path


def sha256_of(path: Path) -> str:
    """SHA-256 of a file (memoised per path, size and modification time)."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _VERIFIED:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        _VERIFIED[key] = h.hexdigest()
    return _VERIFIED[key]


def _check(path: Path, src: Source) -> Path:
    got = sha256_of(path)
    if got != src.sha256:
        raise DataError(
            f"checksum mismatch: SHA-256 is {got}, expected {src.sha256} "
            f"(a different or corrupt copy of {src.path}; replace it with the pinned original "
            f"{src.url})",
            file=str(path),
        )
    return path


def _missing_message(src: Source, extra: str = "") -> str:
    d = data_dir()
    where = f"UNSCLAB_DATA ({d})" if d else "UNSCLAB_DATA (unset)"
    return (
        f"missing: not found in {where} or the cache ({cache_dir()}){extra}; set UNSCLAB_DATA "
        f"to a folder holding {src.path} (the layout 'unsclab data status' lists), or run "
        f"'unsclab data fetch' with network access to download {src.url}"
    )


def _download(src: Source, target: Path) -> Path:
    import pooch

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            pooch.HTTPDownloader(progressbar=False, timeout=30)(src.url, str(tmp), None)
        except Exception as err:  # network down, HTTP error, DNS, …
            reason = f"{type(err).__name__}: {err}".splitlines()[0][:200]
            raise DataError(_missing_message(src, f"; download failed ({reason})"),
                            file=src.path) from None
        got = sha256_of(tmp)
        if got != src.sha256:
            raise DataError(
                f"checksum mismatch: the download from {src.url} has SHA-256 {got}, "
                f"expected {src.sha256}; refused (nothing was written to the cache)",
                file=src.path,
            )
        os.replace(tmp, target)
        return target
    finally:
        if tmp.exists():
            tmp.unlink()


def locate(name: str, *, download: bool = True) -> Path:
    """The path of a verified copy of source ``name`` (see the module docstring)."""
    src = source(name)
    d = data_dir()
    if d is not None and (d / src.path).is_file():
        return _check(d / src.path, src)
    if _ONLY.get() is not None:
        raise DataError(_missing_message(src), file=src.path)
    cached = cache_dir() / src.path
    if cached.is_file():
        return _check(cached, src)
    if download:
        return _download(src, cached)
    raise DataError(_missing_message(src), file=src.path)


def status() -> list[dict[str, object]]:
    """Each source: present, verified, where (``data``/``cache``/``missing``) and its path."""
    rows = []
    d = data_dir()
    for src in SOURCES:
        row: dict[str, object] = {
            "name": src.name, "path": src.path, "present": False, "verified": False,
            "where": "missing", "location": None, "sha256": src.sha256, "url": src.url,
            "licence": src.licence,
        }
        for where, base in (("data", d), ("cache", cache_dir())):
            if base is not None and (base / src.path).is_file():
                p = base / src.path
                row.update(present=True, where=where, location=str(p),
                           verified=sha256_of(p) == src.sha256)
                break
        rows.append(row)
    return rows


def fetch_all(*, download: bool = True) -> list[dict[str, object]]:
    """Locate (downloading where needed) every source; all failures are reported together."""
    results, problems = [], []
    for src in SOURCES:
        try:
            path = locate(src.name, download=download)
            results.append({"name": src.name, "path": src.path, "location": str(path)})
        except DataError as err:
            problems.extend(err.problems)
    if problems:
        raise DataError(problems=[Problem(p.message, file=p.file) for p in problems])
    return results
