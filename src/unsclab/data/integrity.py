"""Checked files: every cache or snapshot file is verified before it is read.

A file is written atomically (:func:`unsclab._files.atomic_path`) together with a small sidecar,
``<file>.meta.json``, that records its kind, schema version, size and SHA-256. Reading checks all
four first: a truncated, corrupt, foreign or old-version file raises :class:`CorruptFile`, which
names the file and what is wrong — it is never read into numbers. :func:`cached` turns that into
"ignore it (with a note on stderr naming the file) and rebuild", the policy for caches.

The snapshot (:mod:`unsclab.data.snapshot`) uses :func:`verify` with the hashes of its manifest.

Example — a cache of a numpy array::

    arr = cached(path, build=compute, write=lambda p, a: np.save(p, a),
                 read=lambda p: np.load(p), kind="my-matrix", version=3)
"""

from __future__ import annotations

__all__ = ["CorruptFile", "verify", "write_checked", "read_checked", "cached", "cached_json",
           "meta_path"]

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from unsclab._files import atomic_path
from unsclab.errors import DataError

T = TypeVar("T")


class CorruptFile(DataError):
    """A cache or snapshot file that fails its check (hash, size, kind or version)."""


def meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json")


def verify(path: Path, *, sha256: str, size: int | None = None) -> None:
    """Raise :class:`CorruptFile` unless ``path`` has this size and SHA-256."""
    from unsclab.data.fetch import sha256_of

    if not path.is_file():
        raise CorruptFile("missing: the file is listed but not there", file=str(path))
    got_size = path.stat().st_size
    if size is not None and got_size != size:
        raise CorruptFile(f"truncated or altered: {got_size} bytes, expected {size}; refused",
                          file=str(path))
    got = sha256_of(path)
    if got != sha256:
        raise CorruptFile(f"corrupt: SHA-256 is {got}, expected {sha256}; refused",
                          file=str(path))


def write_checked(path: Path, write: Callable[[Path], None], *, kind: str, version: int,
                  **meta: Any) -> dict[str, Any]:
    """Write ``path`` atomically with ``write(tmp_path)``, then its sidecar; return the sidecar."""
    from unsclab.data.fetch import sha256_of

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path, suffix=path.suffix) as tmp:
        write(tmp)
        info = {"kind": kind, "version": version, "size": tmp.stat().st_size,
                "sha256": sha256_of(tmp), **meta}
    with atomic_path(meta_path(path)) as tmp:
        tmp.write_text(json.dumps(info, sort_keys=True, indent=1), encoding="utf-8")
    return info


def read_meta(path: Path, *, kind: str, version: int) -> dict[str, Any]:
    """The sidecar of ``path``, checked for kind and version (not yet the file's hash)."""
    side = meta_path(path)
    try:
        info = json.loads(side.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorruptFile(f"no checksum file ({side.name}); refused", file=str(path)) from None
    except (OSError, ValueError) as err:
        raise CorruptFile(f"unreadable checksum file ({err}); refused", file=str(side)) from None
    if not isinstance(info, dict) or info.get("kind") != kind:
        raise CorruptFile(f"holds {info.get('kind') if isinstance(info, dict) else '?'!r}, "
                          f"expected {kind!r}; refused", file=str(path))
    if info.get("version") != version:
        raise CorruptFile(f"schema version {info.get('version')!r}, expected {version}; refused",
                          file=str(path))
    return info


def read_checked(path: Path, read: Callable[[Path], T], *, kind: str, version: int) -> T:
    """``read(path)`` once the sidecar's kind, version, size and SHA-256 all match."""
    path = Path(path)
    info = read_meta(path, kind=kind, version=version)
    verify(path, sha256=str(info.get("sha256")), size=info.get("size"))
    try:
        return read(path)
    except Exception as err:  # a file that verifies but does not parse: foreign writer
        raise CorruptFile(f"cannot be read ({type(err).__name__}: {err}); refused",
                          file=str(path)) from None


def note(message: str) -> None:
    """A one-line note on stderr (library output for users stays on stdout)."""
    sys.stderr.write(f"note: {message}\n")


def cached(path: Path, *, build: Callable[[], T], write: Callable[[Path, T], None],
           read: Callable[[Path], T], kind: str, version: int, **meta: Any) -> T:
    """The value cached at ``path``; built and written when missing, rebuilt when it fails its
    check (with a note naming the file). A cache that cannot be written costs only the build."""
    path = Path(path)
    if path.exists():
        try:
            return read_checked(path, read, kind=kind, version=version)
        except CorruptFile as err:
            note(f"{err}; rebuilding it")
    value = build()
    try:
        write_checked(path, lambda p: write(p, value), kind=kind, version=version, **meta)
    except OSError as err:
        note(f"cache not written ({err}); it will be rebuilt next time")
    return value


def cached_json(path: Path, *, build: Callable[[], Any], kind: str, version: int) -> Any:
    """:func:`cached` for a JSON-serialisable value (fitted parameters, small models)."""

    def write(p: Path, value: Any) -> None:
        p.write_text(json.dumps(value, sort_keys=True), encoding="utf-8")

    def read(p: Path) -> Any:
        return json.loads(p.read_text(encoding="utf-8"))

    return cached(path, build=build, write=write, read=read, kind=kind, version=version)
