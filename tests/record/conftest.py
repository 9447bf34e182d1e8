"""Shared fixtures of the record tests: one load, one build and one check per session, a private
cache."""

from __future__ import annotations

import pytest

from unsclab.record import Record


@pytest.fixture(scope="session")
def record(tmp_path_factory):
    """The Record from the data layers: built from the raw sources where ``UNSCLAB_DATA`` has
    them, else the embedded snapshot (``tests/data/test_snapshot.py`` proves it equal to a
    rebuild), so the tests of its content run on a bare clone too."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("UNSCLAB_CACHE", str(tmp_path_factory.getbasetemp() / "record-cache"))
        return Record.load()


@pytest.fixture(scope="session")
def built_record():
    """The Record built from the raw sources (needs them: tests using it carry ``data``)."""
    return Record.build()


@pytest.fixture(scope="session")
def report(record):
    return record.check()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path_factory.getbasetemp() / "record-cache"))
