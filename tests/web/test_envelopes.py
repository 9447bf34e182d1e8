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
