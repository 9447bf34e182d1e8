"""One explorer run per results folder at a time.

Two runs on the same ``--out`` once raced (one removed the other's files: ``FileNotFoundError``
in 4–6 of 20 trials) and both repeated all the work. :func:`folder_lock` takes an exclusive
``flock`` on ``<folder>/.lock`` for the whole run; the lock file holds the owner's pid so the
second run can say who has it. The kernel releases the lock when its process ends, even by
``kill -9``, so a killed run never leaves the folder locked. Once the lock is held, temporary
files that a killed run left behind (``.manifest.json.*.tmp``) are removed.
"""

from __future__ import annotations

__all__ = ["folder_lock", "FolderBusy"]

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from unsclab.errors import UnsclabError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; runs are not serialised there
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".lock"


class FolderBusy(UnsclabError):
    """Another run holds the results folder."""


@contextmanager
def folder_lock(folder: Path, field: str = "--out") -> Iterator[None]:
    """Hold ``folder`` for this process, or raise :class:`FolderBusy` naming the holder."""
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                raise FolderBusy(f"another unsclab explore (pid {holder}) is writing to this "
                                 "folder; wait for it to finish, then run again to reuse its "
                                 "results, or choose another --out", file=str(folder),
                                 field=field) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        remove_orphans(folder)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_orphans(folder: Path) -> list[Path]:
    """Remove the temporary files of interrupted writes (``.NAME.XXXX.tmp``) in ``folder`` and
    its ``parts/``; only safe while holding the folder's lock."""
    removed = []
    for where in (folder, folder / "parts", folder / "pareto"):
        if where.is_dir():
            for tmp in where.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
                removed.append(tmp)
    return removed
