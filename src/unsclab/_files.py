"""Writing files so that a failure leaves nothing behind.

:func:`atomic_path` is the one writer of every file unsclab makes (designs, figures, reports,
tables, caches): a temporary file beside the target, flushed to disk, then renamed over it, so a
reader sees the old file or the new one, never half of one. :func:`output_file` adds what a
file *a user named* needs: the target is checked first (a folder, a device, a pipe, a missing
folder, a wrong suffix are refused in one line), and a failed write (read-only file system, full
disk, no permission) becomes one line naming the file and the option — no traceback, and the old
file, if any, untouched.
"""

from __future__ import annotations

__all__ = ["atomic_path", "check_target", "output_file"]

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _destination(target: Path) -> Path:
    """Where the bytes go: a symbolic link is written through (the link stays a link)."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _mode_for(target: Path) -> int:
    """An existing file keeps its permissions; a new one gets what ``open()`` would give."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_path(target: str | os.PathLike[str], suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place when the block succeeds.

    The data is flushed to disk (``fsync``) before the rename, so a crash or a full disk cannot
    leave a truncated file under the target's name. On any error the temporary file is removed
    and ``target`` is left as it was. An existing target keeps its permissions; a symbolic link
    is written through, not replaced by a file.
    """
    target = _destination(Path(target))
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(target))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def check_target(path: str | os.PathLike[str], *, field: str = "--out",
                 suffixes: tuple[str, ...] | None = None) -> Path:
    """``path`` as a Path if a file can be written there, else a one-line
    :class:`~unsclab.errors.UnsclabError` naming it: a wrong suffix, an empty name, a folder, a
    device or pipe (never replaced by a file), or a folder that does not exist."""
    from unsclab.errors import UnsclabError

    def refuse(message: str) -> UnsclabError:
        return UnsclabError(message, file=str(path), field=field)

    if not str(path).strip():
        raise UnsclabError("expected a file name, got an empty one", field=field)
    target = Path(path)
    if suffixes is not None and target.suffix.lower() not in suffixes:
        raise refuse(f"expected a file name ending in {', '.join(suffixes)}")
    if target.is_dir():
        raise refuse("is a folder; expected a file name")
    real = _destination(target)
    if real.exists() and not real.is_file():
        raise refuse("is a device, pipe or socket, not a regular file; expected a file name")
    if target.is_symlink() and not real.parent.is_dir():
        raise refuse("is a symbolic link to a folder that does not exist")
    if not target.parent.is_dir():
        raise refuse(f"cannot write: the folder {str(target.parent)!r} does not exist")
    return target


@contextmanager
def output_file(path: str | os.PathLike[str], *, field: str = "--out",
                suffixes: tuple[str, ...] | None = None, suffix: str = ".tmp") -> Iterator[Path]:
    """:func:`check_target`, then :func:`atomic_path`; an ``OSError`` while writing (read-only
    file system, full disk, no permission) is one :class:`~unsclab.errors.UnsclabError` naming
    the file and ``field``, and nothing is left behind."""
    from unsclab.errors import UnsclabError

    target = check_target(path, field=field, suffixes=suffixes)
    try:
        with atomic_path(target, suffix=suffix) as tmp:
            yield tmp
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise UnsclabError(f"cannot write the file ({reason})", file=str(path),
                           field=field) from None
