"""The JSON API: same shapes and messages as the CLI, exact values, limits, read-only."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from _pages import complete
from typer.testing import CliRunner

from unsclab.cli.main import app as cli_app

BAD_TOML = """id = "mine"
name = "Too high a quota"
year = 2030
status = "hypothetical"

[rule]
quota = 40

[[seats]]
id = "elected"
kind = "elected"
count = 15
term_years = 2

[[sources]]
title = "me"
"""


def _cli_json(*args: str):
    result = CliRunner().invoke(cli_app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_designs_list_matches_cli(client):
    r = client.get("/api/designs")
    assert r.status_code == 200
    assert r.json()["data"] == _cli_json("designs", "list", "--json")


def test_design_matches_cli_show(client):
    r = client.get("/api/designs/g4-2005")
    assert r.json()["data"] == _cli_json("designs", "show", "g4-2005", "--json")


def test_status_quo_power_is_the_published_one(client):
    # Felsenthal & Machover (1998) §3.3 / Leech (2002): [39; 7x5, 1x10] has 848 winning
    # coalitions of 2^15, so Coleman's power to act is 848/32768 = 53/2048; Shapley-Shubik of
    # a permanent member 421/2145 (Shapley & Shubik 1954's 0.1963).
    data = client.get("/api/designs/status-quo/power").json()["data"]
    assert data["power"]["ability_to_act_exact"] == "53/2048"
    perm = next(r for r in data["power"]["per_seat_class"] if r["class"] == "permanent")
    assert perm["shapley_shubik_exact"] == "421/2145"
    # Banzhaf shares over the 15 seats sum to 1
    total = sum(r["banzhaf_class_total"] for r in data["power"]["per_seat_class"])
    assert total == pytest.approx(1.0)


def test_evaluate_json_and_toml_agree(client):
    design = client.get("/api/designs/status-quo").json()["data"]
    design.pop("size")
    as_json = client.post("/api/evaluate", json={"design": design}).json()["data"]
    as_toml = client.post("/api/evaluate", content=as_json["toml"].encode(),
                          headers={"content-type": "application/toml"}).json()["data"]
    assert as_json["results"]["power"] == as_toml["results"]["power"]
    assert as_json["results"]["power"]["ability_to_act_exact"] == "53/2048"
    # a bare design object is accepted as well
    bare = client.post("/api/evaluate", json=design).json()
    assert bare["ok"] is True


def test_invalid_design_gets_the_cli_message(client, tmp_path):
    r = client.post("/api/evaluate", json={"toml": BAD_TOML})
    assert r.status_code == 422
    problems = r.json()["error"]["problems"]
    assert problems == [{"message": "expected a quota between 1 and the council's 15 seats, "
                                    "got 40", "field": "rule.quota", "line": 7, "file": "request"}]
    # the CLI says the same thing about the same text
    path = tmp_path / "mine.toml"
    path.write_text(BAD_TOML)
    result = CliRunner().invoke(cli_app, ["designs", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:7: rule.quota: {problems[0]['message']}" in result.output


@pytest.mark.parametrize("body, ctype, status, field", [
    (b"{not json", "application/json", 422, "body"),
    (b"[1, 2]", "application/json", 422, "body"),
    (b'{"toml": 5}', "application/json", 422, "toml"),
    (b"id = ", "application/toml", 422, None),
    (b"\xff\xfe", "application/toml", 422, "body"),
    (b"GIF89a", "image/gif", 415, "body"),
    (b'{"design": {"id": "x"}}', "application/json", 422, "name"),
])
def test_bad_bodies_are_4xx_with_fields(client, body, ctype, status, field):
    r = client.post("/api/evaluate", content=body, headers={"content-type": ctype})
    assert r.status_code == status
    err = r.json()["error"]
    assert err["problems"] and err["message"]
    if field:
        assert field in [p["field"] for p in err["problems"]]


def test_unknown_and_malformed_ids(client):
    r = client.get("/api/designs/no-such-design")
    assert r.status_code == 404 and "no catalogue design" in r.json()["error"]["message"]
    assert client.get("/api/designs/Bad..Id/power").status_code == 422
    assert client.get("/designs/no-such-design").status_code == 404


def test_body_limit(client):
    big = b"#" * (300 * 1024)
    r = client.post("/api/evaluate", content=big, headers={"content-type": "application/toml"})
    assert r.status_code == 413 and r.json()["error"]["problems"][0]["field"] == "body"

    def chunks():  # no Content-Length: counted while streaming
        for _ in range(300):
            yield b"#" * 1024

    r = client.post("/api/evaluate", content=chunks(), headers={"content-type": "application/toml"})
    assert r.status_code == 413


def test_work_limit_on_seats():
    from fastapi.testclient import TestClient

    from unsclab.web.app import create_app
    from unsclab.web.service import Limits

    # a valid 15-seat design on a server configured for at most 12 seats
    toml = BAD_TOML.replace("quota = 40", "quota = 9")
    with TestClient(create_app(Limits(max_seats=12)), base_url="http://127.0.0.1") as small:
        r = small.post("/api/evaluate", json={"toml": toml})
    assert r.status_code == 413
    assert "at most 12 seats, got 15" in r.json()["error"]["message"]


def test_more_seats_than_member_states_is_invalid(client):
    # two open classes of 150 seats: each can be filled from the 193 members, 300 in all
    second = '[[seats]]\nid = "elected-2"\nkind = "elected"\ncount = 150\nterm_years = 2\n\n'
    toml = (BAD_TOML.replace("quota = 40", "quota = 150").replace("count = 15", "count = 150")
            .replace("[[sources]]", second + "[[sources]]"))
    r = client.post("/api/evaluate", json={"toml": toml})
    assert r.status_code == 422
    assert "300 seats in all; expected at most 193" in r.json()["error"]["message"]


def test_compare_bounds(client):
    ok = client.get("/api/compare", params=[("ids", "status-quo"), ("ids", "no-veto")])
    assert [r["id"] for r in ok.json()["data"]] == ["status-quo", "no-veto"]
    too_many = client.get("/api/compare", params=[("ids", "status-quo")] * 41)  # limit 40
    assert too_many.status_code == 422


def test_timeout_is_503(monkeypatch):
    from fastapi.testclient import TestClient

    from unsclab.web import service
    from unsclab.web.app import create_app
    from unsclab.web.service import Limits

    def slow(design):
        time.sleep(1.0)

    monkeypatch.setattr(service, "view_of", slow)
    with TestClient(create_app(Limits(timeout_seconds=0.2)), base_url="http://127.0.0.1") as c:
        design = c.get("/api/designs/status-quo").json()["data"]
        r = c.post("/api/evaluate", json={"design": design})
    assert r.status_code == 503
    assert "longer than 0.2 s" in r.json()["error"]["message"]


def test_openapi_schema_served(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/evaluate" in schema["paths"]
    assert "ErrorEnvelope" in schema["components"]["schemas"]


def test_pages_render(client):
    for url in ("/", "/designs/g4-2005", "/compare?ids=status-quo&ids=g4-2005&state=BRA",
                "/editor?from=ezulwini-2005"):
        r = complete(client, url)
        assert "<svg" in r.text or url == "/"
    page = complete(client, "/designs/status-quo").text
    assert "A/RES/1991(XVIII)" in page and "Assumptions" in page  # sources and assumptions


def test_server_is_read_only(client, tmp_path, monkeypatch):
    import unsclab.designs as designs_pkg

    catalog = Path(designs_pkg.__file__).parent / "catalog"
    before = {p.name: p.stat().st_mtime_ns for p in catalog.iterdir()}
    monkeypatch.chdir(tmp_path)
    client.post("/api/evaluate", json={"toml": BAD_TOML})
    client.get("/api/designs/status-quo/power")
    client.get("/editor")
    assert {p.name: p.stat().st_mtime_ns for p in catalog.iterdir()} == before
    assert list(tmp_path.iterdir()) == []
