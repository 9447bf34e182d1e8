"""The data layers: one resolution order, the same tables in every layer, damaged files refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from unsclab.data import integrity, layers, snapshot
from unsclab.errors import DataError

UNSCLAB = str(Path(sys.executable).with_name("unsclab"))


@pytest.fixture
def no_data(monkeypatch, tmp_path):
    """No UNSCLAB_DATA and an empty cache: only the embedded snapshot is there."""
    monkeypatch.delenv("UNSCLAB_DATA", raising=False)
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path / "empty-cache"))


@pytest.fixture
def fake_embedded(monkeypatch, tmp_path):
    """A copy of the embedded snapshot that a test may damage."""
    copy = tmp_path / "embedded"
    shutil.copytree(snapshot.embedded_dir(), copy)
    monkeypatch.setattr(snapshot, "embedded_dir", lambda: copy)
    return copy


def test_snapshot_alone_answers_for_every_table(no_data):
    rows = layers.status()
    assert {r["layer"] for r in rows} == {"snapshot"}
    manifest = snapshot.read_manifest(snapshot.embedded_dir())
    for r in rows:
        assert r["rows"] == manifest["tables"][r["table"]]["rows"]


@pytest.mark.data
def test_same_tables_from_data_cache_and_snapshot(shared, monkeypatch, tmp_path):
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path / "cache"))
    from_data = {n: layers.load_table(n) for n in ("decisions", "ballots", "ga_votes")}
    assert {layers.find_table(n).layer for n in from_data} == {"data"}
    result = subprocess.run([UNSCLAB, "data", "update", "--offline"], capture_output=True,
                            text=True, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    monkeypatch.delenv("UNSCLAB_DATA")
    assert {layers.find_table(n).layer for n in from_data} == {"cache"}
    for name, df in from_data.items():
        pd.testing.assert_frame_equal(layers.load_table(name), df)


@pytest.mark.data
def test_a_new_key_is_built_once_into_the_cache(shared, monkeypatch, tmp_path):
    """A table whose key the snapshot lacks (here: a changed schema version) is built from the
    sources and kept, checked, in the user cache."""
    from unsclab.data import tables

    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path / "cache"))
    spec = tables.table("members")
    bumped = tables.TableSpec(**{**spec.__dict__, "name": "members", "schema_version": 99,
                                 "sources": ("countries",)})
    monkeypatch.setitem(tables._REGISTRY, "members", bumped)
    o = layers.find_table("members")
    assert o.layer == "data" and o.path.parent == tmp_path / "cache" / "tables"
    assert integrity.meta_path(o.path).is_file()
    assert len(layers.read_origin(o)) == 193


def test_corrupt_embedded_table_is_refused_with_its_path(no_data, fake_embedded):
    path = fake_embedded / "decisions.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    from unsclab.record import Record

    with pytest.raises(DataError, match=r"decisions\.parquet.*truncated"):
        Record.load()


def test_half_size_decisions_never_becomes_a_summary(no_data, tmp_path):
    """The issue's case: a half-size decisions.parquet must not give '1,601 decisions', exit 0."""
    emb = tmp_path / "pkg"
    shutil.copytree(Path(snapshot.__file__).parents[1], emb / "unsclab")
    bad = emb / "unsclab" / "data" / "snapshot" / "decisions.parquet"
    bad.write_bytes(bad.read_bytes()[: bad.stat().st_size // 2])
    env = dict(os.environ, PYTHONPATH=str(emb))
    env.pop("UNSCLAB_DATA", None)
    r = subprocess.run([sys.executable, "-m", "unsclab.cli.main", "record", "summary"],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 1 and r.stdout == ""
    assert str(bad) in r.stderr and "Traceback" not in r.stderr


def test_wrong_version_embedded_table_is_refused(no_data, fake_embedded):
    manifest = json.loads((fake_embedded / "manifest.json").read_text())
    manifest["tables"]["ballots"]["schema_version"] = 0
    (fake_embedded / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(DataError, match=r"ballots\.parquet.*schema version 0"):
        layers.load_table("ballots")


def test_other_format_manifest_is_refused(no_data, fake_embedded):
    (fake_embedded / "manifest.json").write_text(json.dumps({"format": 99}))
    with pytest.raises(DataError, match=r"manifest\.json.*format 99"):
        layers.load_table("members")


def _cache_snapshot(tmp_path, monkeypatch) -> Path:
    """A user-cache snapshot (a copy of the embedded one) and the cache env pointing at it."""
    cache = tmp_path / "cache"
    shutil.copytree(snapshot.embedded_dir(), cache / "snapshot")
    monkeypatch.delenv("UNSCLAB_DATA", raising=False)
    monkeypatch.setenv("UNSCLAB_CACHE", str(cache))
    return cache / "snapshot"


def test_corrupt_cache_table_is_ignored_with_its_path(tmp_path, monkeypatch, capsys):
    snap = _cache_snapshot(tmp_path, monkeypatch)
    assert layers.find_table("ballots").layer == "cache"
    bad = snap / "ballots.parquet"
    data = bytearray(bad.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, one flipped byte
    bad.write_bytes(bytes(data))
    o = layers.find_table("ballots")
    assert o.layer == "snapshot"
    err = capsys.readouterr().err
    assert str(bad) in err and "corrupt" in err


def test_wrong_version_cache_table_is_ignored(tmp_path, monkeypatch, capsys):
    snap = _cache_snapshot(tmp_path, monkeypatch)
    manifest = json.loads((snap / "manifest.json").read_text())
    manifest["tables"]["decisions"]["schema_version"] = 0
    (snap / "manifest.json").write_text(json.dumps(manifest))
    assert layers.find_table("decisions").layer == "snapshot"
    assert layers.find_table("ballots").layer == "cache"
    assert "schema version 0" in capsys.readouterr().err


def test_checked_cache_rebuilds_a_truncated_file(tmp_path, capsys):
    path = tmp_path / "m.npz"
    calls = []

    def build():
        calls.append(1)
        return np.arange(1000.0)

    def write(p, a):
        with open(p, "wb") as f:
            np.savez(f, a=a)

    def read(p):
        with np.load(p) as z:
            return z["a"]

    kw = dict(build=build, write=write, read=read, kind="test-array", version=1)
    assert integrity.cached(path, **kw).sum() == 499500.0
    assert integrity.cached(path, **kw).sum() == 499500.0 and len(calls) == 1
    path.write_bytes(path.read_bytes()[:100])
    assert integrity.cached(path, **kw).sum() == 499500.0 and len(calls) == 2
    assert str(path) in capsys.readouterr().err
    with pytest.raises(integrity.CorruptFile, match="expected 'other'"):
        integrity.read_checked(path, read, kind="other", version=1)
    with pytest.raises(integrity.CorruptFile, match="schema version 1, expected 2"):
        integrity.read_checked(path, read, kind="test-array", version=2)
    integrity.meta_path(path).unlink()
    with pytest.raises(integrity.CorruptFile, match="no checksum file"):
        integrity.read_checked(path, read, kind="test-array", version=1)
