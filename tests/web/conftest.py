"""Fixtures of the web tests: one app and one test client per module."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from unsclab.web.app import create_app

    with TestClient(create_app(), base_url="http://127.0.0.1") as c:
        yield c
