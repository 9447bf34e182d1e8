"""The explorer under faults (issue 16): concurrent runs, kills, oversized spaces, bad folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from unsclab.explore import explore, parse_space
from unsclab.explore.lock import FolderBusy, folder_lock
from unsclab.explore.space import SpaceError


def test_a_second_run_on_a_held_folder_is_told_who_holds_it(tiny_text, tmp_path):
    space = parse_space(tiny_text, "tiny.toml")
    out = tmp_path / "o"
    out.mkdir()
    with folder_lock(out):  # this process is the "first run"
        with pytest.raises(FolderBusy, match=rf"another unsclab explore \(pid {os.getpid()}\)"):
            explore(space, out=out)
    assert not (out / "manifest.json").exists()  # the second run wrote nothing
    result = explore(space, out=out)  # once the first has finished, the folder is free
    assert result.complete


def test_the_lock_dies_with_its_process(tmp_path):
    code = ("import sys, time; from pathlib import Path; from unsclab.explore.lock import "
            "folder_lock\nwith folder_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n"
            "    time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE,
                            env={**os.environ})
    try:
        assert proc.stdout.readline().strip() == b"held"
        with pytest.raises(FolderBusy, match=f"pid {proc.pid}"):
            with folder_lock(tmp_path):
                pass
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    with folder_lock(tmp_path):  # kill -9 released it
        pass


def test_orphan_temporary_files_of_a_killed_run_are_removed_on_resume(tiny_text, tmp_path):
    space = parse_space(tiny_text, "tiny.toml")
    out = tmp_path / "o"
    explore(space, out=out, max_chunks=2)
    orphans = [out / ".manifest.json.k1ll3d.tmp", out / "parts" / ".part-00002.parquet.x.tmp"]
    for path in orphans:
        path.write_bytes(b"half")
    result = explore(space, out=out)
    assert result.complete and result.info["resumed_chunks"] == 2
    assert not any(p.exists() for p in orphans)
    assert not list(out.rglob("*.tmp"))


def test_two_processes_on_one_folder_never_crash_or_repeat_each_others_work(tiny_text,
                                                                            tmp_path):
    space_file = tmp_path / "tiny.toml"
    space_file.write_text(tiny_text)
    out = tmp_path / "o"
    cmd = [sys.executable, "-m", "unsclab.cli.main", "explore", str(space_file), "--out",
           str(out)]
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)]
    results = [(p.communicate(timeout=300), p.returncode) for p in runs]
    for (_, err), code in results:
        err = err.decode()
        assert "Traceback" not in err, err
        assert code == 0 or (code == 1 and "another unsclab explore" in err), err
    assert any(code == 0 for _, code in results)
    assert (out / "pareto.json").exists() and not list(out.rglob("*.tmp"))


@pytest.mark.parametrize(("old", "new", "words"), [
    ("count = {min = 2, max = 4}", "count = {min = 2, max = 100000000}", "at most 1000 choices"),
    ("count = [3, 4]", "count = [" + ", ".join(map(str, range(2000))) + "]", "at most 1000"),
    ("budget = 1000", "budget = 1000000000", "less than or equal to 1000000"),
    ("chunk_size = 7", "chunk_size = 7\n[[constraints]]\nexpr = \""
     + " + ".join(["size"] * 20_000) + " <= 27\"", "at most 2000"),
    ("budget = 1000", "budget = " + "9" * 5000, "more than 4300 digits"),
])
def test_oversized_spaces_are_refused_by_size(tiny_text, old, new, words):
    assert old in tiny_text
    started = time.perf_counter()
    with pytest.raises(SpaceError) as info:
        parse_space(tiny_text.replace(old, new, 1), "big.toml")
    assert words in str(info.value) and len(str(info.value).splitlines()) == 1
    assert time.perf_counter() - started < 30  # refused, not attempted (a generous bound)


def test_out_that_is_a_file_is_refused(tiny_text, tmp_path):
    not_a_folder = tmp_path / "o"
    not_a_folder.write_text("x")
    with pytest.raises(SpaceError, match="is not a folder"):
        explore(parse_space(tiny_text, "tiny.toml"), out=not_a_folder)
