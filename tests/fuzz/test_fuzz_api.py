"""Fuzzing the JSON API with mutated designs and hostile bodies (FastAPI's TestClient): never a
5xx, and every refusal one line per problem naming its field (issue 16)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_designs import mutated  # noqa: E402  (tests/fuzz/fuzz_designs.py)

pytest.importorskip("fastapi")

FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
PATHS = [("rule", "quota"), ("rule", "procedural_quota"), ("year",), ("status",),
         ("seats", 1, "count"), ("seats", 1, "term_years"), ("seats", 1, "kind"),
         ("seats", 0, "holders"), ("rule", "veto", "negatives"), ("rule", "veto", "classes"),
         ("rule", "veto", "review_after_years"), ("seats", 1, "re_eligible"), ("sources",),
         ("rule", "majorities"), ("seats", 2, "eligible"), ("seats", 1, "weight"),
         ("rule", "weighted_quota"), ("seats", 1, "shared")]
VALUES = st.one_of(st.integers(-10**40, 10**40), st.booleans(), st.none(),
                   st.text(max_size=20), st.floats(allow_nan=True, allow_infinity=True),
                   st.lists(st.integers(0, 300), max_size=5), st.just({}),
                   st.just(["ZZZ", "USA", "USA"]), st.just("9"), st.just(10**7))


@pytest.fixture(scope="module")
def api():
    from fastapi.testclient import TestClient

    from unsclab.web.app import create_app

    with TestClient(create_app(), base_url="http://127.0.0.1") as client:
        yield client


def _check(r) -> None:
    assert r.status_code < 500, r.text[:300]
    payload = r.json()
    assert payload["ok"] is (r.status_code == 200)
    if r.status_code != 200:
        problems = payload["error"]["problems"]
        assert problems and len(payload["error"]["message"].split("\n")) == len(problems)


@FUZZ
@given(path=st.sampled_from(PATHS), value=VALUES)
def test_mutated_designs(api, path, value):
    body = json.dumps(mutated(path, value), allow_nan=True)  # NaN/Infinity: not strict JSON
    r = api.post("/api/evaluate", content=body, headers={"content-type": "application/json"})
    _check(r)
    if r.status_code == 422:
        fields = {p["field"] for p in r.json()["error"]["problems"]}
        assert fields & {".".join(map(str, path)), "body", None} or any(
            f and f.startswith(path[0]) for f in fields), (path, value, fields)


@FUZZ
@given(body=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)),
       ctype=st.sampled_from(["application/json", "application/toml", "text/plain", "",
                              "application/json; charset=latin-1", "image/png"]),
       path=st.sampled_from(["/api/evaluate", "/api/figures/seats"]))
def test_hostile_bodies(api, body, ctype, path):
    _check(api.post(path, content=body, headers={"content-type": ctype} if ctype else {}))


@FUZZ
@given(value=st.one_of(st.text(max_size=30), st.integers(-10**20, 10**20).map(str)),
       name=st.sampled_from(["draws", "seed", "since", "ids", "junk"]))
def test_hostile_query_parameters(api, value, name):
    _check(api.get("/api/designs/status-quo/replay", params={name: value}))
