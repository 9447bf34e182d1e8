"""The registry and the fetcher: lookup order, verification, refusal, download on loopback."""

from __future__ import annotations

import functools
import hashlib
import http.server
import threading

import pytest

from unsclab.data import fetch, registry
from unsclab.errors import DataError

README_HASHES = {  # ../shared/data/README.md, "SHA-256 of each file"
    "sc_votes_sciencespo/UNSC_votes_1946-2025.csv":
        "82f67c1392c1599e62fcbcdf81cbebbe266e09e745086d525849bf4b210af16c",
    "sc_membership_dppa/DPPA-SCMembership.csv":
        "cd0cd5af751afc999b3e5d9e3a8b41cbdb45ea41700cb5b9b368de2ee13246fa",
    "ga_unvotes/un_votes.rda":
        "cf814a48bc536e8f87f8e027942ac515fe6aae9d63cd71dd88ed718b14887e87",
    "ga_idealpoints_voeten/Idealpointestimates1946-2025.tab":
        "156bb24075dd7124ced3659c9c9c72b0999f9ebd7e822fb30904271ca6ad5478",
    "ga_votes_voeten_v33/ungaVoting_003.csv":
        "42948eab4adac8302b78a02ca08e4ef0a82a752320bf634b8b26eb7a5dd2bf12",
}


def test_registry_matches_readme():
    for path, sha in README_HASHES.items():
        assert registry.source(path).sha256 == sha
    assert len(registry.SOURCES) == 12
    secondary = {s.name for s in registry.SOURCES if s.mirror}
    assert {"ga_ideal_points", "ga_votes_v33"} <= secondary
    assert all(s.origin for s in registry.SOURCES if s.mirror)
    assert all(s.url.startswith("https://raw.githubusercontent.com/") for s in registry.SOURCES)


def test_every_source_verifies_in_shared(shared):
    for row in fetch.status():
        assert row["present"] and row["verified"] and row["where"] == "data", row


def test_locate_prefers_unsclab_data(shared):
    p = fetch.locate("sciencespo_votes", download=False)
    assert p == shared / "sc_votes_sciencespo/UNSC_votes_1946-2025.csv"


def test_missing_file_names_file_and_unsclab_data(tmp_path, monkeypatch):
    monkeypatch.setenv("UNSCLAB_DATA", str(tmp_path / "empty"))
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path / "cache"))
    with pytest.raises(DataError) as err:
        fetch.locate("dppa_membership", download=False)
    msg = str(err.value)
    assert "sc_membership_dppa/DPPA-SCMembership.csv" in msg
    assert "UNSCLAB_DATA" in msg and "missing" in msg


def test_checksum_mismatch_is_refused_with_both_hashes(copy_source, tmp_path, monkeypatch):
    dst = copy_source("sc_vetoes_wpdl/unsc_vetoes_1946_sept2022.csv")
    dst.write_bytes(dst.read_bytes().replace(b"USSR", b"USSA", 1))
    monkeypatch.setenv("UNSCLAB_DATA", str(tmp_path / "data"))
    with pytest.raises(DataError) as err:
        fetch.locate("wpdl_vetoes", download=False)
    msg = str(err.value)
    actual = hashlib.sha256(dst.read_bytes()).hexdigest()
    assert actual in msg and registry.source("wpdl_vetoes").sha256 in msg
    assert "unsc_vetoes_1946_sept2022.csv" in msg and "checksum mismatch" in msg


@pytest.fixture
def http_root(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


def _fake_source(url: str, sha: str) -> registry.Source:
    return registry.Source(name="fixture", path="fixture/votes.csv", sha256=sha, url=url,
                           title="fixture", licence="test")


@pytest.mark.network
def test_download_into_cache_after_hash_matches(http_root, tmp_path, monkeypatch):
    root, base = http_root
    payload = b"id,vote\n1,Y\n"
    (root / "votes.csv").write_bytes(payload)
    src = _fake_source(f"{base}/votes.csv", hashlib.sha256(payload).hexdigest())
    monkeypatch.setattr(fetch, "source", lambda name: src)
    monkeypatch.delenv("UNSCLAB_DATA", raising=False)
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path / "cache"))
    path = fetch.locate("fixture")
    assert path == tmp_path / "cache" / "fixture/votes.csv"
    assert path.read_bytes() == payload
    assert fetch.locate("fixture", download=False) == path  # now found in the cache
    assert not list(path.parent.glob("*.part"))


@pytest.mark.network
def test_download_with_wrong_hash_is_refused_and_not_cached(http_root, tmp_path, monkeypatch):
    root, base = http_root
    (root / "votes.csv").write_bytes(b"tampered\n")
    src = _fake_source(f"{base}/votes.csv", "0" * 64)
    monkeypatch.setattr(fetch, "source", lambda name: src)
    monkeypatch.delenv("UNSCLAB_DATA", raising=False)
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path / "cache"))
    with pytest.raises(DataError) as err:
        fetch.locate("fixture")
    assert "0" * 64 in str(err.value)
    assert hashlib.sha256(b"tampered\n").hexdigest() in str(err.value)
    assert not (tmp_path / "cache" / "fixture").exists() or not any(
        (tmp_path / "cache" / "fixture").iterdir())


@pytest.mark.network
def test_download_failure_names_file_and_unsclab_data(http_root, tmp_path, monkeypatch):
    _, base = http_root
    src = _fake_source(f"{base}/absent.csv", "0" * 64)
    monkeypatch.setattr(fetch, "source", lambda name: src)
    monkeypatch.delenv("UNSCLAB_DATA", raising=False)
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path / "cache"))
    with pytest.raises(DataError) as err:
        fetch.locate("fixture")
    assert "fixture/votes.csv" in str(err.value) and "UNSCLAB_DATA" in str(err.value)
