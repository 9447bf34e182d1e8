"""Output paths a user names (``--out``, ``--plot``): bad places are refused in one line, a failed
write leaves nothing behind and the old file untouched (issue 16).

A full disk and a read-only file system are simulated by making the system call fail with the
error the kernel gives (ENOSPC, EROFS): the code under test sees exactly what it would see on a
full or read-only mount.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unsclab.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
SMALL = str(ROOT / "examples" / "explore-small.toml")

#: (command before the path, the option, a file name it accepts, command after the path)
WRITERS = {
    "designs list --out": (["designs", "list", "--out"], "list.csv", []),
    "compare --out": (["compare", "status-quo", "--history", "no", "--occupancy", "uniform",
                       "--out"], "c.md", []),
    "compare --plot": (["compare", "status-quo", "--history", "no", "--occupancy", "uniform",
                        "--plot"], "c.png", []),
    "report --out": (["report", "status-quo", "--out"], "r.html", []),
    "explore --plot": (["explore", SMALL, "--plot"], "e.png", []),
}


def _run(name: str, path: str, tmp_path: Path, extra=()):
    before, _, after = WRITERS[name]
    args = [*before, path, *after, *extra]
    if name.startswith("explore"):
        args += ["--out", str(tmp_path / "explore-out")]
    return CliRunner().invoke(app, args)


def _one_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1 and "Traceback" not in result.output, result.stderr
    return errors[0]


def _left(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name != "explore-out")


@pytest.mark.parametrize("name", WRITERS)
def test_a_folder_a_missing_folder_and_a_pipe_are_refused_before_any_work(name, tmp_path):
    ext = WRITERS[name][1].rsplit(".", 1)[1]
    (tmp_path / f"folder.{ext}").mkdir()
    pipe = tmp_path / f"pipe.{ext}"  # a FIFO: opening it to write would wait for a reader
    os.mkfifo(pipe)
    for path, words in ((tmp_path / f"folder.{ext}", "is a folder"),
                        (tmp_path / "missing" / f"x.{ext}", "does not exist"),
                        (pipe, "not a regular file")):
        line = _one_line(_run(name, str(path), tmp_path))
        assert words in line and str(path) in line, line
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)  # not replaced by a file
    assert _left(tmp_path) == [f"folder.{ext}", f"pipe.{ext}"]


def test_a_device_is_not_replaced():
    line = _one_line(CliRunner().invoke(app, ["designs", "list", "--format", "csv",
                                              "--out", "/dev/null"]))
    assert "/dev/null" in line and "not a regular file" in line
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize(("name", "code", "words"), [
    ("designs list --out", errno.ENOSPC, "No space left on device"),
    ("designs list --out", errno.EROFS, "Read-only file system"),
    ("compare --plot", errno.ENOSPC, "No space left on device"),
    ("report --out", errno.ENOSPC, "No space left on device"),
    ("explore --plot", errno.EROFS, "Read-only file system"),
])
def test_full_disk_or_read_only_leaves_the_old_file_and_nothing_else(name, code, words,
                                                                      tmp_path, monkeypatch):
    import unsclab._files as files

    target = tmp_path / WRITERS[name][1]
    target.write_bytes(b"old")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    if code == errno.ENOSPC:  # the data does not reach the disk
        monkeypatch.setattr(files.os, "fsync", fail)
    else:  # no file can be created
        monkeypatch.setattr(files.tempfile, "mkstemp", fail)
    line = _one_line(_run(name, str(target), tmp_path))
    # the explorer writes its results folder first: the failure names that folder
    named = tmp_path / "explore-out" if name.startswith("explore") else target
    assert words in line and str(named) in line, line
    assert target.read_bytes() == b"old"
    assert _left(tmp_path) == [target.name]
    if named != target:  # no temporary files left in the results folder either
        assert not [p for p in named.rglob("*.tmp")]


def test_existing_file_keeps_its_permissions_and_a_symlink_stays_a_link(tmp_path):
    target = tmp_path / "list.csv"
    target.write_text("old")
    target.chmod(0o600)
    assert CliRunner().invoke(app, ["designs", "list", "--out", str(target)]).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and "status-quo" in target.read_text()

    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert CliRunner().invoke(app, ["designs", "list", "--out", str(link)]).exit_code == 0
    assert link.is_symlink() and "status-quo" in real.read_text()
    assert _left(tmp_path) == ["link.csv", "list.csv", "real.csv"]


def test_a_link_to_a_missing_folder_is_refused(tmp_path):
    link = tmp_path / "dangling.csv"
    link.symlink_to(tmp_path / "nowhere" / "x.csv")
    line = _one_line(CliRunner().invoke(app, ["designs", "list", "--out", str(link)]))
    assert "symbolic link to a folder that does not exist" in line
