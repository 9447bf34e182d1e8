"""Computations the server can stop, results it does not compute twice (issue 16)."""

from __future__ import annotations

import os
import time

import pytest
from _pages import complete


def _gone(pid: int, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_timed_out_work_is_killed(monkeypatch, tmp_path):
    from fastapi.testclient import TestClient

    from unsclab.web import service
    from unsclab.web.app import create_app
    from unsclab.web.service import Limits

    pidfile = tmp_path / "pid"

    def endless(design, replay=False):  # a computation that would never end
        pidfile.write_text(str(os.getpid()))
        while True:
            sum(range(10**6))

    monkeypatch.setattr(service, "view_of", endless)
    with TestClient(create_app(Limits(timeout_seconds=1.0)), base_url="http://127.0.0.1") as c:
        design = c.get("/api/designs/status-quo").json()["data"]
        r = c.post("/api/evaluate", json={"design": design})
        assert r.status_code == 503 and "longer than 1 s" in r.json()["error"]["message"]
        pid = int(pidfile.read_text())
        assert pid != os.getpid()
        assert _gone(pid), "the computation still runs after its 503"


def test_a_page_has_one_deadline_for_all_its_jobs(monkeypatch):
    from fastapi.testclient import TestClient

    from unsclab.web import figures, service
    from unsclab.web.app import create_app
    from unsclab.web.service import Limits

    service.catalog_view("status-quo")  # warm: only the figures below take time
    service.catalog_view("no-veto")

    def slow_figure(*args):
        time.sleep(0.6)
        return "<svg/>"

    # three figures of 0.6 s each: each within a 1 s timeout, 1.8 s together
    for name in ("pareto_svg", "years_svg", "replay_svg"):
        monkeypatch.setattr(figures, name, slow_figure)
    with TestClient(create_app(Limits(timeout_seconds=1.0)), base_url="http://127.0.0.1") as c:
        started = time.monotonic()
        r = c.get("/compare?ids=status-quo&ids=no-veto&state=KAZ")
        took = time.monotonic() - started
    assert r.status_code == 503 and "longer than 1 s" in r.text
    assert took < 10  # stopped at the page's deadline, not after every figure


def test_unknown_query_parameters_do_not_bypass_the_cache(client):
    ctx = client.app.state.context
    first = complete(client, "/compare?ids=status-quo&ids=no-veto&state=KAZ")
    computed = ctx.runner.computed
    for n in range(5):
        r = client.get(f"/compare?ids=status-quo&ids=no-veto&state=KAZ&junk={n}")
        assert r.status_code == 200 and r.text == first.text
    # unknown ids fall back to the status quo: its figures are computed once, not per value
    for n in range(5):
        assert client.get(f"/compare?ids=junk{n}").status_code == 200
    assert ctx.runner.computed <= computed + 3  # pareto, years, replay of the fallback
    other = complete(client, "/designs/status-quo?x=1")
    assert other.status_code == 200


def test_pages_that_read_their_own_query_are_cached_by_all_of_it(client):
    # the record browser takes its filters from the query string itself
    a = client.get("/record?q=S/RES/82(1950)")
    b = client.get("/record?q=S/2024/312")
    assert a.status_code == b.status_code == 200
    assert "S/RES/82(1950)" in a.text and "S/2024/312" in b.text and a.text != b.text


@pytest.mark.parametrize("body", [b'{"design": {"id": "x"}}'])
def test_user_errors_from_a_child_keep_their_fields(client, body):
    r = client.post("/api/evaluate", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["problems"]
