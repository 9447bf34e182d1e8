"""The Article 108 page, report section and seat map of the Assembly."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from unsclab.amend.hemicycle import hemicycle_svg
from unsclab.web.app import create_app
from unsclab.web.service import Limits

#: What the pages say is under test here, not how fast they say it (benchmarks/ measure that):
#: on a loaded machine the default 20 s limit turned a slow page into a 503 and a flaky failure.
PATIENT = Limits(timeout_seconds=600.0)


def test_hemicycle_has_one_seat_per_member_in_the_order_of_support():
    states = [f"S{i:03d}" for i in range(193)]
    p = [i / 192 for i in range(193)]
    svg = hemicycle_svg(states, p, 129)
    assert svg.count("<circle") == 193
    assert "129 needed" in svg
    ranks = [int(r) for r in re.findall(r"rank (\d+)", svg)]
    assert sorted(ranks) == list(range(1, 194))
    # rank 1 is the most favourable state
    assert "S192 (S192): P(yes) 100%, rank 1" in svg


def test_page_shows_the_arithmetic_and_the_p5():
    client = TestClient(create_app(PATIENT), base_url="http://127.0.0.1")
    r = client.get("/designs/ezulwini-2005/amend")
    assert r.status_code == 200
    html = r.text
    assert "Could it pass?" in html and html.count("<circle") == 193
    p5 = re.search(r'<table class="data" id="p5-table">(.*?)</table>', html, re.DOTALL).group(1)
    assert p5.count("<tr>") == 1 + 5
    assert "new veto holders are added" in p5 or "its declared position" in p5
    assert client.get("/designs/no-such/amend").status_code == 404
    assert '/designs/ezulwini-2005/amend' in client.get("/designs/ezulwini-2005").text


def test_report_has_the_section(tmp_path):
    from unsclab.designs import load_design
    from unsclab.report.html import render_report

    html = render_report([load_design("g4-2005")])
    assert "Could it pass? (Charter Article 108)" in html
    assert html.count("<circle") >= 193
