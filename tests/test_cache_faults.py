"""Damaged caches are rebuilt or refused, never trusted; a full disk costs only the rebuild
(issue 16).

Each fault is one an adversarial run found: a truncated ``.npz`` broke every replay until
deleted by hand, zeroed predictions made ``replay`` report 530 adopted instead of 613, a full
disk left 0-byte model files and exit 0. Here every cache a replay reads (GA alignment, vote
model, elections model, replay predictions) is damaged in turn, and the replay must print
exactly what it prints with a sound cache, with a note naming the damaged file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ARGS = ["replay", "g4-2005", "--since", "2024", "--draws", "20", "--json"]
KINDS = ("ga-alignment", "vote-model", "elections-model", "replay-predictions")


def _run(cache: Path, prelude: str = "") -> subprocess.CompletedProcess:
    code = (f"import sys\n{prelude}\nfrom unsclab.cli.main import main\n"
            f"sys.argv = ['unsclab', *{ARGS!r}]\nmain()\n")
    env = {**os.environ, "UNSCLAB_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=900)


#: prints the path of every checked cache file the replay reads or writes
_TRACE = """
import sys
from unsclab.data import integrity
def _traced(name):
    real = getattr(integrity, name)
    def wrapper(path, *args, **kwargs):
        sys.stderr.write(f"USED {path}\\n")
        return real(path, *args, **kwargs)
    setattr(integrity, name, wrapper)
for _name in ("read_checked", "write_checked"):
    _traced(_name)
"""


@pytest.fixture(scope="module")
def warm(tmp_path_factory) -> tuple[Path, str]:
    """A cache folder with every file the replay needs, and the replay's sound output."""
    from unsclab.data.fetch import cache_dir

    cache = tmp_path_factory.mktemp("cache")
    try:  # start from the user's cache when it has these files: saves building them
        for path in Path(cache_dir()).glob("*"):
            if path.is_file() and path.name.startswith(KINDS):
                shutil.copy2(path, cache / path.name)
    except OSError:
        pass
    sound = _run(cache, prelude=_TRACE)
    assert sound.returncode == 0, sound.stderr[-2000:]
    used = {line.split(" ", 1)[1] for line in sound.stderr.splitlines()
            if line.startswith("USED ")}
    for path in cache.iterdir():  # keep only what this replay reads or writes
        if str(path).removesuffix(".meta.json") not in used:
            path.unlink()
    for kind in KINDS:
        assert list(cache.glob(f"{kind}*.meta.json")), f"the replay wrote no {kind} cache"
    return cache, sound.stdout


def _file(cache: Path, kind: str) -> Path:
    (path,) = [p for p in cache.glob(f"{kind}*") if not p.name.endswith(".meta.json")]
    return path


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zero(path: Path) -> None:  # same size, every byte zero (a disk that lost the blocks)
    path.write_bytes(bytes(path.stat().st_size))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _other_schema(path: Path) -> None:  # the sidecar of an older release
    side = path.with_name(path.name + ".meta.json")
    side.write_text(side.read_text().replace('"version": ', '"version": 1000'))


def _no_sidecar(path: Path) -> None:
    path.with_name(path.name + ".meta.json").unlink()


@pytest.mark.parametrize(("kind", "damage"), [
    ("replay-predictions", _zero),
    ("replay-predictions", _truncate),
    ("replay-predictions", _other_schema),
    ("ga-alignment", _truncate),
    ("vote-model", _empty),
    ("elections-model", _no_sidecar),
], ids=lambda v: getattr(v, "__name__", v))
def test_a_damaged_cache_is_rebuilt_and_the_answer_is_unchanged(warm, tmp_path, kind, damage):
    sound_cache, sound = warm
    cache = tmp_path / "cache"
    shutil.copytree(sound_cache, cache)
    path = _file(cache, kind)
    damage(path)
    result = _run(cache)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert result.stdout == sound, "a damaged cache changed the answer"
    notes = [line for line in result.stderr.splitlines() if path.name in line]
    assert notes and notes[0].startswith("note: ") and "rebuilding" in notes[0], result.stderr
    import json

    from unsclab.data.integrity import verify

    side = json.loads(path.with_name(path.name + ".meta.json").read_text())
    verify(path, sha256=side["sha256"], size=side["size"])  # rebuilt: sound for the next run


def test_a_full_disk_costs_the_rebuild_and_leaves_nothing(warm, tmp_path):
    sound_cache, sound = warm
    cache = tmp_path / "cache"
    shutil.copytree(sound_cache, cache)
    path = _file(cache, "replay-predictions")
    path.unlink()
    path.with_name(path.name + ".meta.json").unlink()
    full = ("import errno, os\n"
            "def _full(fd):\n    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
            "os.fsync = _full\n")  # every write reaches the disk through atomic_path's fsync
    result = _run(cache, prelude=full)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == sound
    assert "cache not written" in result.stderr and "No space left on device" in result.stderr
    assert not path.exists(), "no half-written or 0-byte cache file"
    assert not [p for p in cache.iterdir() if p.name.startswith(".") or p.stat().st_size == 0]
