"""The embedded snapshot: it equals a fresh build from the sources, and says where it came from."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from unsclab.data import integrity, snapshot, tables
from unsclab.data.registry import source

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="module")
def committed():
    return snapshot.read_manifest(snapshot.embedded_dir())


@pytest.mark.data
def test_rebuild_equals_committed(shared, tmp_path, committed):
    """Rebuilding from the sources gives the committed rows and hashes (never drifts)."""
    from build_snapshot import differences

    fresh = snapshot.build_snapshot(tmp_path / "snap", shared)
    assert differences(committed, fresh) == []
    for name, entry in committed["tables"].items():
        old = pd.read_parquet(snapshot.embedded_dir() / entry["file"])
        new = pd.read_parquet(tmp_path / "snap" / entry["file"])
        pd.testing.assert_frame_equal(old, new)


def test_manifest_covers_every_registered_table(committed):
    assert list(committed["tables"]) == list(tables.tables())
    for name, entry in committed["tables"].items():
        spec = tables.table(name)
        assert entry["key"] == tables.table_key(spec), f"{name}: rerun scripts/build_snapshot.py"
        path = snapshot.embedded_dir() / entry["file"]
        integrity.verify(path, sha256=entry["sha256"], size=entry["size"])
        assert snapshot.content_sha256(pd.read_parquet(path)) == entry["content_sha256"]


def test_manifest_carries_sources_attribution_and_licence(committed):
    used = {s for t in committed["tables"].values() for s in t["sources"] + t["credits"]}
    assert set(committed["sources"]) == used
    for name, entry in committed["sources"].items():
        assert entry["sha256"] == source(name).sha256
        assert entry["licence"] and entry["attribution"], name
    assert "CC BY 4.0" in committed["sources"]["sciencespo_votes"]["attribution"]
    assert committed["sources"]["dppa_membership"]["mirror"] is True


def test_record_totals_in_snapshot(committed):
    """Totals read in the Sciences Po file: 3,203 votes, one duplicate dropped and S/RES/2760
    (2024) added (corrections.csv); 11 members a decision before 1966 and 15 after (Charter
    Art. 23, as amended 1965)."""
    t = committed["tables"]
    assert t["decisions"]["rows"] == 3203 and t["decisions"]["years"] == [1946, 2025]
    assert t["members"]["rows"] == 193
    dec = pd.read_parquet(snapshot.embedded_dir() / "decisions.parquet")
    bal = pd.read_parquet(snapshot.embedded_dir() / "ballots.parquet")
    size = bal.groupby("decision").size()
    early = dec.set_index("id")["year"] < 1966
    assert (size[early[early].index] == 11).all() and (size[early[~early].index] == 15).all()


def test_snapshot_fits_the_budget(committed):
    assert sum(t["size"] for t in committed["tables"].values()) < 5_000_000
