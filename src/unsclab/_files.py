"""Writing files so that a failure leaves nothing behind."""

from __future__ import annotations

__all__ = ["atomic_path", "check_target"]

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: str | os.PathLike[str], suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place when the block succeeds.

    On any error the temporary file is removed and ``target`` is left as it was. The file gets
    the permissions a plain ``open()`` would give (``mkstemp`` creates it 0600).
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_target(path: str | os.PathLike[str], *, field: str = "--out",
                 suffixes: tuple[str, ...] | None = None) -> Path:
    """``path`` as a Path if a file can be written there, else a one-line
    :class:`~unsclab.errors.UnsclabError` naming it (missing folder, a folder, wrong suffix)."""
    from unsclab.errors import UnsclabError

    target = Path(path)
    if suffixes is not None and target.suffix.lower() not in suffixes:
        raise UnsclabError(f"expected a file name ending in {', '.join(suffixes)}",
                           file=str(path), field=field)
    if target.is_dir():
        raise UnsclabError("is a folder; expected a file name", file=str(path), field=field)
    if not target.parent.is_dir():
        raise UnsclabError(f"cannot write: the folder {str(target.parent)!r} does not exist",
                           file=str(path), field=field)
    return target
