"""End to end in headless Chromium (Debian's ``chromium``, driven by Playwright for Python).

Open the comparison page; edit a design in the editor and see the numbers change; type an
invalid quota and see the message next to the field. A screenshot of each step is kept under
``test-artifacts/`` (git-ignored). Skipped only when no Chromium is installed.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

from unsclab.web.service import DEFAULT_LIMITS

#: how long a test waits for results the server computes (cold caches on a loaded machine)
COMPUTE_TIMEOUT = 600_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not shutil.which("chromium"),
                       reason="Chromium is not installed (Debian package 'chromium'; "
                              "apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def server():
    """The app on a loopback socket bound here, before uvicorn starts: no other process can
    take the port between choosing it and serving on it."""
    uvicorn = pytest.importorskip("uvicorn")
    from unsclab.web.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(), log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not srv.started:  # the app is built before: this is uvicorn's own start-up
        if not thread.is_alive():
            raise RuntimeError("the test server stopped while starting")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


def open_page(page, url: str, selector: str | None = None) -> None:
    """Go to ``url`` and wait until its results are all shown (``selector``, else no pending
    results). A page whose results are still being computed shows what is ready and fills in
    (``unsclab.web.progress``); one whose computation outlasts the request deadline answers
    503 and asks again by itself. The wait is for the computation, which a loaded machine
    makes slow, not for the browser."""
    page.goto(url)
    if selector is not None:
        page.wait_for_selector(selector, timeout=COMPUTE_TIMEOUT)
    page.wait_for_selector("#results[data-pending]", state="detached", timeout=COMPUTE_TIMEOUT)


@pytest.fixture(scope="module")
def page(server):
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        page.set_default_timeout(15_000)
        # a navigation may wait for the server's whole request deadline (then a 503 page that
        # asks again by itself): the browser must not give up first
        page.set_default_navigation_timeout(1000 * (DEFAULT_LIMITS.timeout_seconds + 15))
        yield page
        browser.close()


def test_compare_page(server, page):
    open_page(page, f"{server}/compare?ids=status-quo&ids=g4-2005&ids=no-veto&state=BRA")
    rows = page.locator("#compare-table tbody tr")
    assert rows.count() == 3
    # status quo: Coleman's power to act 53/2048 = 2.59%
    assert page.locator('tr[data-id="status-quo"] td.act').inner_text() == "2.59%"
    # Pareto front, years on the Council, adoption over time (replay)
    assert page.locator("figure svg").count() == 3
    # replay columns: the status quo keeps every draft vetoed since 1990 vetoed, without a veto
    # every one passes; their number counted from the Record (72 in the Sciences Po data)
    from unsclab.record import Record

    d = Record.load().decisions
    vetoed = int(((d["year"] >= 1990) & (d["outcome"] == "vetoed")).sum())
    sq = page.locator('tr[data-id="status-quo"] td')
    nv = page.locator('tr[data-id="no-veto"] td')
    assert sq.nth(-1).inner_text() == f"0 of {vetoed}"
    assert nv.nth(-1).inner_text() == f"{vetoed} of {vetoed}"
    assert "draws, seed 1" in page.locator("main").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)


def test_design_page_replay_table(server, page):
    open_page(page, f"{server}/designs/two-vetoes")
    table = page.locator("#replay-table")
    assert "Vetoed drafts that would pass" in table.inner_text()
    assert page.locator("#replay-figure svg").count() == 1
    assert page.locator("pre.json").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#replay-table").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "design-replay.png"), full_page=True)


def test_editor_numbers_change_and_errors_show_inline(server, page):
    from playwright.sync_api import expect

    page.goto(f"{server}/editor?from=status-quo")
    act = page.locator("#r-act")
    assert act.inner_text() == "2.59%"
    quota = page.locator('[data-field="rule.quota"]')
    # quota 9 -> 11: fewer coalitions win
    quota.fill("11")
    expect(act).not_to_have_text("2.59%")  # (no wait_for_function: the CSP forbids eval)
    lower = act.inner_text()
    # all five permanent and at least 6 of the 10 elected: (210+120+45+10+1) / 2^15 = 1.18%
    assert lower == "1.18%"
    # drop the veto: any 11 of 15, (1365+455+105+15+1) / 2^15 = 5.92%
    page.locator('[data-veto="permanent"]').uncheck()
    expect(act).not_to_have_text(lower)
    assert act.inner_text() == "5.92%"
    # an impossible quota: the message sits next to the field, the results go stale
    quota.fill("99")
    error = page.locator('.field-error[data-for="rule.quota"]')
    error.wait_for(state="visible")
    assert "expected a quota between 1 and the council's 15 seats, got 99" in error.inner_text()
    assert "stale" in page.locator("#results").get_attribute("class")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "editor-error.png"), full_page=True)
    # fix it in the TOML tab: the form follows
    quota.fill("9")
    expect(page.locator("#results")).not_to_have_class(re.compile(r"\bstale\b"))
    page.locator("#tab-toml").click()
    toml = page.locator("#toml")
    text = toml.input_value()
    assert "quota = 9" in text
    toml.fill(text.replace("count = 3", "count = 5", 1).replace("quota = 9", "quota = 10", 1))
    expect(page.locator("#r-seats")).to_have_text("17")
    assert page.locator('[data-field="rule.quota"]').input_value() == "10"
    # the seat diagram is redrawn for the new council
    expect(page.locator("#seat-figure")).to_contain_text("17 seats")
    page.screenshot(path=str(ARTIFACTS / "editor.png"), full_page=True)


def test_record_pages(server, page):
    # browse with filters, follow a decision, see the ballot with the names at the time
    open_page(page, f"{server}/record?vetoed_by=USA&from=2024", "#record-table")
    ARTIFACTS.mkdir(exist_ok=True)
    rows = page.locator("#record-table tbody tr")
    # S/2024/312 (18 April 2024, admission of Palestine) was vetoed by the US (test_record)
    assert rows.count() >= 1 and "S/2024/312" in page.locator("#record-table").inner_text()
    assert all("United States" in rows.nth(i).inner_text() for i in range(rows.count()))
    page.screenshot(path=str(ARTIFACTS / "record_browse.png"), full_page=False)
    open_page(page, f"{server}/record?q=S/RES/82(1950)", "#record-table")
    page.locator("#record-table a").first.click()
    page.wait_for_selector("#ballot", timeout=COMPUTE_TIMEOUT)
    text = page.locator("#ballot").inner_text()
    assert "Republic of China" in text and "Union of Soviet Socialist Republics" in text
    page.screenshot(path=str(ARTIFACTS / "record_decision.png"), full_page=True)
    open_page(page, f"{server}/record/trends", "#trends-table")
    assert page.locator("#trends-table tbody tr").count() == 80  # 1946-2025
