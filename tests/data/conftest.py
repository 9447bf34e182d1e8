"""Fixtures for the data-layer tests: a private cache directory and a copy helper."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("UNSCLAB_DATA", "")) if os.environ.get("UNSCLAB_DATA") else None


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Never write the user's cache from tests."""
    monkeypatch.setenv("UNSCLAB_CACHE", str(tmp_path_factory.getbasetemp() / "unsclab-cache"))


@pytest.fixture
def shared() -> Path:
    if SHARED is None or not SHARED.is_dir():
        pytest.skip("UNSCLAB_DATA (../shared/data) not available")
    return SHARED


@pytest.fixture
def copy_source(shared, tmp_path):
    """Copy one source file into a temporary data folder; returns its path there."""

    def _copy(rel: str) -> Path:
        dst = tmp_path / "data" / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shared / rel, dst)
        return dst

    return _copy
