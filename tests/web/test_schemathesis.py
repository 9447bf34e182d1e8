"""Property-based requests against the OpenAPI schema, with every schemathesis check: no 5xx,
only documented statuses, content types and headers, responses that match their schema, and
schema-invalid requests refused (issue 16)."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from unsclab.web.app import create_app  # noqa: E402

# the ASGI transport sends "Host: testserver", the name of no real machine
schema = schemathesis.openapi.from_asgi("/api/openapi.json",
                                        create_app(allowed_hosts=["testserver"]))


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_every_check(case):
    # All checks but one: a design that fits the JSON schema may still break a rule that
    # involves several fields (a quota above the council's size), which JSON Schema cannot say;
    # such a design is rightly a 422, which "positive data acceptance" would count as a failure.
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
    if response.status_code == 204:  # OPTIONS: the methods in Allow, no body
        return
    payload = response.json()
    assert payload["ok"] is (response.status_code == 200)
    if not payload["ok"]:
        assert payload["error"]["status"] == response.status_code
        lines = payload["error"]["message"].split("\n")
        problems = payload["error"]["problems"]
        assert len(lines) == len(problems) >= 1  # one line per problem, as the CLI prints
        assert all(p["message"] in line for p, line in zip(problems, lines))
