"""Property-based requests against the OpenAPI schema: the server never answers 5xx."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from unsclab.web.app import create_app  # noqa: E402

# the ASGI transport sends "Host: testserver", the name of no real machine
schema = schemathesis.openapi.from_asgi("/api/openapi.json",
                                        create_app(allowed_hosts=["testserver"]))


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_error(case):
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
    if response.status_code == 204:  # OPTIONS: the methods in Allow, no body
        allow = response.headers["allow"]
        allow = allow if isinstance(allow, str) else ", ".join(allow)
        assert "GET" in allow or "POST" in allow
        return
    payload = response.json()
    assert payload["ok"] is (response.status_code == 200)
