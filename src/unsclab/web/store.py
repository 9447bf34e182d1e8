"""Catalogue results kept on disk, so that a new server process does not compute them again.

A catalogue design's results (:func:`unsclab.views.design_view`: power, groups,
representation, blocs, replay) cost 0.2–0.5 s each and the shared models behind them (the
elections model, the GA alignment matrices, the vote model's predictions) several seconds more
on a cold machine: the whole-catalogue comparison took 8 s on a quiet machine and about 30 s on
a loaded one. They depend only on

- the design (its full content, not only its id),
- the data the tables were built from (each registered table's key: builder version, source
  SHA-256s and committed inputs; plus the user's imports),
- the code that computes them (a SHA-256 of the package's Python modules and committed tables),
- the draws, seed and first year of the view.

So they are kept in the user cache (:func:`unsclab.data.fetch.cache_dir`) under a key that
hashes all four, with :func:`unsclab.data.integrity.cached` (written atomically with a checked
sidecar; a truncated or foreign file is refused and rebuilt, never read). Any change of data,
code or design gives a new key; the files of older keys of the same design are removed when a
new one is written. Figures of the comparison page (SVG text) are kept the same way.
"""

from __future__ import annotations

__all__ = ["fingerprint", "stored_view", "stored_svg", "cached_view", "cached_svg",
           "view_path", "svg_path"]

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from unsclab.designs.model import Design

_VIEW_KIND, _VIEW_VERSION = "web-view", 1
_SVG_KIND, _SVG_VERSION = "web-figure", 1


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """SHA-256 of the package's Python modules and committed tables (what computes a view)."""
    import unsclab

    root = Path(unsclab.__file__).parent
    h = hashlib.sha256()
    for path in sorted(p for ext in ("*.py", "*.csv") for p in root.rglob(ext)):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """One hash of the code, the tables' keys, the imports and the view's parameters (computed
    once per process: a server does not reload its data either)."""
    from unsclab.data.imports import imports_digest
    from unsclab.data.layers import find_table
    from unsclab.data.tables import tables
    from unsclab.views import DRAWS, SEED, SINCE

    parts = {"code": _code_digest(), "imports": imports_digest(),
             "tables": {name: find_table(name).key for name in tables()},
             "view": [DRAWS, SEED, SINCE]}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=1024)
def _design_digest(design: Design) -> str:  # designs are immutable: hashed once each
    from unsclab.designs import design_to_dict

    return hashlib.sha256(json.dumps(design_to_dict(design), sort_keys=True,
                                     default=str).encode()).hexdigest()


def _key(*parts: str) -> str:
    return hashlib.sha256("\n".join((fingerprint(), *parts)).encode()).hexdigest()[:24]


def folder() -> Path:
    """Where the files go: the user cache."""
    from unsclab.data.fetch import cache_dir

    return cache_dir()


def view_path(design: Design) -> Path:
    return folder() / f"web-view-{design.id}-{_key(_design_digest(design))}.json"


def svg_path(name: str, designs: tuple[Design, ...], *args: str) -> Path:
    key = _key(name, *(_design_digest(d) for d in designs), *args)
    return folder() / f"web-figure-{name}-{key}.svg"


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value), encoding="utf-8")  # keys in the view's order


def _read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _write_text(path: Path, value: str) -> None:
    path.write_text(value, encoding="utf-8")


def _stored(path: Path, read: Callable[[Path], Any], kind: str, version: int) -> Any | None:
    """The checked file at ``path``, or None when it is missing or fails its check."""
    from unsclab.data.integrity import CorruptFile, read_checked

    if not path.exists():
        return None
    try:
        return read_checked(path, read, kind=kind, version=version)
    except CorruptFile:
        return None  # rebuilt (and the note printed) by the next cached() call


def _forget_older(path: Path, prefix: str | None) -> None:
    """Remove the files (and sidecars) of other keys of ``prefix`` (older code or data)."""
    import re

    if prefix is None:
        return
    other = re.compile(re.escape(prefix) + r"[0-9a-f]{24}\.json(\.meta\.json)?")
    for old in path.parent.glob(prefix + "*"):
        if other.fullmatch(old.name) and not old.name.startswith(path.name):
            try:
                old.unlink()
            except OSError:
                pass


def _cached(path: Path, build, write, read, kind: str, version: int, prefix: str | None):
    from unsclab.data.integrity import cached

    fresh = not path.exists()
    value = cached(path, build=build, write=write, read=read, kind=kind, version=version)
    if fresh and path.exists():
        _forget_older(path, prefix)
    return value


def stored_view(design: Design) -> dict[str, Any] | None:
    """The view of ``design`` kept on disk, or None (nothing is computed)."""
    return _stored(view_path(design), _read_json, _VIEW_KIND, _VIEW_VERSION)


def cached_view(design: Design, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The view of ``design`` from disk, else ``build()`` and kept."""
    path = view_path(design)
    return _cached(path, build, _write_json, _read_json, _VIEW_KIND, _VIEW_VERSION,
                   f"web-view-{design.id}-")


def stored_svg(name: str, designs: tuple[Design, ...], *args: str) -> str | None:
    return _stored(svg_path(name, designs, *args), _read_text, _SVG_KIND, _SVG_VERSION)


def cached_svg(name: str, designs: tuple[Design, ...], build: Callable[[], str],
               *args: str) -> str:
    """A figure's SVG text from disk, else ``build()`` and kept (older keys of the same figure
    and designs are not removed: selections differ)."""
    return _cached(svg_path(name, designs, *args), build, _write_text, _read_text, _SVG_KIND,
                   _SVG_VERSION, prefix=None)
