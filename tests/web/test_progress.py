"""Catalogue results on disk (``web.store``) and pages that fill in as they are computed
(``web.progress``): a page never waits for results that are not there, and what it finally
shows are the numbers :func:`unsclab.views.design_view` computes directly."""

from __future__ import annotations

import re
import time

import pytest
from _pages import until_complete

pytestmark = pytest.mark.data

IDS = ("status-quo", "no-veto")
URL = "/compare?ids=status-quo&ids=no-veto&state=KAZ"


@pytest.fixture()
def fresh(monkeypatch, tmp_path):
    """An empty folder for the web's results and none in memory (the shared models in the user
    cache stay: they are not what is tested here)."""
    from unsclab.web import figures, service, store

    monkeypatch.setattr(store, "folder", lambda: tmp_path)
    saved = dict(service.CATALOG_VIEWS), dict(service.POWER_VIEWS)
    service.CATALOG_VIEWS.clear()
    service.POWER_VIEWS.clear()
    for f in (figures.pareto_svg, figures.years_svg, figures.replay_svg):
        f.cache_clear()
    yield tmp_path
    service.CATALOG_VIEWS.update(saved[0])
    service.POWER_VIEWS.update(saved[1])


@pytest.fixture()
def slow_power(monkeypatch):
    """Each design's voting power takes longer than a page waits: the first answer is partial."""
    from unsclab.web import progress, service

    real = service.power_view

    def slow(design_id):
        time.sleep(progress.FIRST_WAIT + 0.5)
        return real(design_id)

    monkeypatch.setattr(service, "power_view", slow)


def _client():
    from fastapi.testclient import TestClient

    from unsclab.web.app import create_app

    return TestClient(create_app(), base_url="http://127.0.0.1")


def test_a_slow_page_answers_at_once_then_fills_in(fresh, slow_power):
    from unsclab.views import design_view, headline
    from unsclab.web import progress, service

    with _client() as c:
        started = time.monotonic()
        first = c.get(URL)
        assert time.monotonic() - started < progress.FIRST_WAIT + 5
        assert first.status_code == 200 and 'data-pending="1"' in first.text
        assert first.headers["cache-control"] == "no-store"
        assert re.search(r"voting power of \d, history replay of \d done", first.text)
        assert "<svg" not in first.text  # the figures come when the table is complete
        pages = until_complete(c, URL)
    final = pages[-1].text
    assert "<svg" in final and "data-pending" not in final
    for design_id in IDS:  # the numbers shown are those computed directly
        row = headline(design_view(service.catalog_design(design_id)))
        cells = re.search(rf'<tr data-id="{design_id}">(.*?)</tr>', final, re.S).group(1)
        assert f"{100 * row['ability_to_act']:.2f}%" in cells
        assert (f"{row['replay']['vetoed_now_adopted']} of "
                f"{row['replay']['historical_vetoed']}") in cells


def test_results_on_disk_serve_a_new_process_without_computing(fresh, monkeypatch):
    from unsclab.web import figures, service, store

    with _client() as c:
        whole = until_complete(c, URL)[-1].text
    for design_id in IDS:
        assert store.view_path(service.catalog_design(design_id)).exists()
    # a new process: nothing in memory, and nothing may be computed
    service.CATALOG_VIEWS.clear()
    service.POWER_VIEWS.clear()
    for f in (figures.pareto_svg, figures.years_svg, figures.replay_svg):
        f.cache_clear()

    def refuse(*args, **kwargs):
        raise AssertionError("computed although the results are on disk")

    monkeypatch.setattr("unsclab.views.design_view", refuse)
    monkeypatch.setattr(service, "figure_svg", refuse)
    with _client() as c:
        again = c.get(URL)
    assert again.status_code == 200 and again.text == whole


def test_a_damaged_or_foreign_file_is_rebuilt_not_read(fresh):
    from unsclab.web import service, store

    design = service.catalog_design("status-quo")
    view = service.catalog_view("status-quo")
    path = store.view_path(design)
    text = path.read_text()
    path.write_text(text.replace('"ability_to_act": 0.02587890625', '"ability_to_act": 0.5'))
    assert store.stored_view(design) is None  # its SHA-256 no longer matches the sidecar
    service.CATALOG_VIEWS.clear()
    assert service.catalog_view("status-quo") == view  # rebuilt: 53/2048 again
    assert view["power"]["ability_to_act_exact"] == "53/2048"
    assert store.stored_view(design) == view
    assert list(store.stored_view(design)) == list(view)  # the keys in the view's order


def test_the_key_follows_the_design_and_older_files_go(fresh):
    from unsclab.web import service, store

    design = service.catalog_design("status-quo")
    other = design.model_copy(update={"rule": design.rule.model_copy(update={"quota": 10})})
    assert store.view_path(design) != store.view_path(other)
    assert store.view_path(design).name.startswith("web-view-status-quo-")
    store.cached_view(design, lambda: {"n": 1})
    store.cached_view(other, lambda: {"n": 2})  # the same id, another content: replaces it
    names = sorted(p.name for p in fresh.glob("web-view-status-quo-*"))
    assert names == [store.view_path(other).name, store.view_path(other).name + ".meta.json"]
    assert store.cached_view(other, lambda: {"n": 3}) == {"n": 2}


def test_a_busy_server_asks_the_client_to_come_back(fresh, monkeypatch):
    from fastapi.testclient import TestClient

    from unsclab.web import service
    from unsclab.web.app import create_app
    from unsclab.web.service import Limits

    def slow(design_id):
        time.sleep(1.5)
        return {}

    monkeypatch.setattr(service, "catalog_view", slow)
    with TestClient(create_app(Limits(timeout_seconds=0.5)), base_url="http://127.0.0.1") as c:
        r = c.get("/api/designs/status-quo/results")
    assert r.status_code == 503 and r.headers["retry-after"] == "2"


def test_a_design_page_shows_its_seats_while_its_results_are_computed(fresh, slow_power):
    with _client() as c:
        first = c.get("/designs/g4-2005")
        assert 'data-pending="1"' in first.text and "Computing the results of 1 design" in first.text
        assert "A/59/L.64" in first.text and "new-permanent-africa" in first.text  # seats, sources
        final = until_complete(c, "/designs/g4-2005")[-1].text
    assert "Power to act" in final and "History replayed" in final and "<svg" in final


def _answer_cache(app):
    from unsclab.web.fastpath import AnswerCache

    layer = app.middleware_stack
    while not isinstance(layer, AnswerCache):
        layer = layer.app
    return layer


def test_answers_given_before_are_given_again_the_same_without_routing(client):
    cache = _answer_cache(client.app)
    first = client.get("/api/designs/status-quo")
    hits = cache.hits
    again = client.get("/api/designs/status-quo")
    assert cache.hits == hits + 1 and again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["x-frame-options"] == "DENY"  # the security headers, added outside
    # the server's status changes, an error is not an answer, another query is another answer
    for url in ("/api/status", "/designs/no-such-design", "/api/designs/status-quo?x=1"):
        hits = cache.hits
        client.get(url)
        client.get(url)
        assert cache.hits == hits + (url.endswith("x=1")), url


def test_a_page_still_computing_is_not_kept(fresh, slow_power):
    with _client() as c:
        cache = _answer_cache(c.app)
        assert 'data-pending="1"' in c.get(URL).text
        assert not [k for k in cache.kept if k[0] == "/compare"]
        final = until_complete(c, URL)[-1]
        assert c.get(URL).text == final.text and [k for k in cache.kept if k[0] == "/compare"]
