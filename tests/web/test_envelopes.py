"""One success envelope and one error envelope across every API endpoint (docs/web.md)."""

from __future__ import annotations

import pytest

SUCCESS = [
    ("get", "/api/designs", None),
    ("get", "/api/designs/status-quo", None),
    ("get", "/api/designs/g4-2005/power", None),
    ("get", "/api/designs/g4-2005/results", None),
    ("get", "/api/designs/status-quo/replay", None),
    ("get", "/api/compare?ids=status-quo&ids=ufc-2005", None),
    ("get", "/api/limits", None),
    ("post", "/api/evaluate", "status-quo"),
    ("post", "/api/figures/seats", "status-quo"),
]

ERRORS = [
    ("get", "/api/designs/unknown", 404),
    ("get", "/api/designs/UPPER", 422),
    ("get", "/api/designs/unknown/power", 404),
    ("get", "/api/compare", 422),
    ("get", "/api/designs/status-quo/replay?draws=0", 422),
    ("get", "/api/nothing-here", 404),
    ("delete", "/api/designs", 405),
    ("post", "/api/evaluate", 422),
]


def _design(client, design_id):
    d = client.get(f"/api/designs/{design_id}").json()["data"]
    d.pop("size")
    return {"design": d}


@pytest.mark.parametrize("method, url, body", SUCCESS)
def test_success_envelope(client, method, url, body):
    kwargs = {"json": _design(client, body)} if body else {}
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == 200
    payload = r.json()
    assert set(payload) == {"ok", "data"}
    assert payload["ok"] is True


@pytest.mark.parametrize("method, url, status", ERRORS)
def test_error_envelope(client, method, url, status):
    kwargs = {"json": {"design": {"id": "x"}}} if method == "post" else {}
    r = getattr(client, method)(url, **kwargs)
    assert r.status_code == status
    payload = r.json()
    assert set(payload) == {"ok", "error"}
    assert payload["ok"] is False
    err = payload["error"]
    assert set(err) == {"status", "message", "problems"}
    assert err["status"] == status
    assert err["problems"], "at least one problem"
    for p in err["problems"]:
        assert set(p) == {"message", "field", "line", "file"}
    assert err["message"].count("\n") == len(err["problems"]) - 1


REPLAY_KEYS = {"design", "since", "draws", "seed", "decisions", "adopted", "vetoed", "failed",
               "changed", "vetoed_now_adopted", "adopted_now_failed", "expected_adopted",
               "expected_vetoed", "expected_failed", "adoption_rate", "historical_adopted",
               "historical_vetoed", "historical_failed", "by_year", "changed_decisions",
               "notes"}


def test_replay_shape_is_pinned(client):
    data = client.get("/api/designs/status-quo/replay").json()["data"]
    assert set(data) == {"design", "since", "draws", "seed", "replay", "notes"}
    assert (data["since"], data["draws"], data["seed"]) == (1990, 200, 1)
    rp = data["replay"]
    assert set(rp) == REPLAY_KEYS
    assert set(rp["by_year"][0]) == {"year", "adoption_rate", "historical_rate", "decisions"}
    # the record's own totals: the status quo replays history exactly
    assert rp["adopted"] + rp["vetoed"] + rp["failed"] == rp["decisions"]
    assert (rp["adopted"], rp["vetoed"], rp["failed"]) == (
        rp["historical_adopted"], rp["historical_vetoed"], rp["historical_failed"])
    assert rp["changed_decisions"] == [] and rp["changed"] == 0
    # the page's replay is the one of /results
    assert client.get("/api/designs/status-quo/results").json()["data"]["replay"] == rp


def test_results_keys_are_pinned(client):
    from unsclab.views import VIEW_KEYS

    data = client.get("/api/designs/status-quo/results").json()["data"]
    assert tuple(data) == VIEW_KEYS == (
        "design", "seat_classes", "power", "groups", "representation", "states", "blocs",
        "engine", "occupancy_method", "replay", "notes")
    assert data["engine"] == "unsclab.evaluate" and data["occupancy_method"] == "elections"
    row = client.get("/api/compare?ids=status-quo").json()["data"][0]
    assert set(row["replay"]) == {"since", "draws", "seed", "decisions", "adoption_rate",
                                  "vetoed_now_adopted", "adopted_now_failed", "changed",
                                  "historical_vetoed", "historical_adopted"}


def test_replay_draws_are_bounded(client):
    limit = client.get("/api/limits").json()["data"]["max_draws"]
    r = client.get(f"/api/designs/status-quo/replay?draws={limit + 1}")
    assert r.status_code == 422 and r.json()["error"]["problems"][0]["field"] == "draws"
    other = client.get("/api/designs/status-quo/replay?draws=20&seed=2").json()["data"]
    assert (other["draws"], other["seed"]) == (20, 2) and other["replay"]["draws"] == 20
