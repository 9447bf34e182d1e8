"""Hostile request bodies: each is a 4xx with one line per problem, never a 500 (issue 16)."""

from __future__ import annotations

import json

import pytest

from unsclab.designs import design_to_dict, load_design

DESIGN = design_to_dict(load_design("status-quo"))


def _post(client, body: bytes, ctype: str = "application/json"):
    return client.post("/api/evaluate", content=body, headers={"content-type": ctype})


@pytest.mark.parametrize(("body", "ctype", "words"), [
    (b"[" * 5000 + b"]" * 5000, "application/json", "nested too deeply"),
    (b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json",
     "nested too deeply"),  # a 200 KB body
    (b"x = " + b"[" * 5000 + b"]" * 5000, "application/toml", "nested too deeply"),
    (b'{"year": ' + b"9" * 5000 + b"}", "application/json", "more than 4300 digits"),
    (b"year = " + b"9" * 5000, "application/toml", "more than 4300 digits"),
])
def test_deep_or_huge_bodies_are_422(client, body, ctype, words):
    r = _post(client, body, ctype)
    assert r.status_code == 422, r.text
    message = r.json()["error"]["message"]
    assert words in message and len(message.splitlines()) == 1


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["rule"].update(quota=True), "rule.quota"),
    (lambda d: d["rule"].update(quota="9"), "rule.quota"),
    (lambda d: d["seats"][1].update(term_years=10_000_000), "seats[2].term_years"),
    (lambda d: d["seats"][1].update(term_years=10**9), "seats[2].term_years"),
])
def test_wrong_or_unbounded_values_are_422_naming_the_field(client, change, field):
    data = json.loads(json.dumps(DESIGN))
    change(data)
    r = client.post("/api/evaluate", json=data)
    assert r.status_code == 422, r.text
    assert [p["field"] for p in r.json()["error"]["problems"]] == [field]
