"""Property-based requests against the OpenAPI schema: the server never answers 5xx."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from unsclab.web.app import create_app  # noqa: E402

schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app())


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_error(case):
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
    payload = response.json()
    assert payload["ok"] is (response.status_code == 200)
