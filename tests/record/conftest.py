"""Shared fixtures of the record tests: one build and one check per session, a private cache."""

from __future__ import annotations

import pytest

from unsclab.record import Record


@pytest.fixture(scope="session")
def record():
    return Record.build()


@pytest.fixture(scope="session")
def report(record):
    return record.check()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path_factory.getbasetemp() / "record-cache"))
