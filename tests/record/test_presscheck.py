"""Non-unanimous and failed decisions of 2022–2025 against UN press releases (issue 11).

The expected tallies are those of the press releases and reports cited in
``data/press_checks.csv``; the record is compared with them, never with itself.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.data  # reads the raw sources


def _fake_rows(monkeypatch, change):
    from unsclab.data import readers

    real = readers.project_table

    def fake(name):
        rows = real(name)
        return [change(dict(r)) for r in rows] if name == "press_checks.csv" else rows

    monkeypatch.setattr(readers, "project_table", fake)


def test_every_checked_vote_agrees_and_is_reported(report):
    p = report["press_releases"]
    assert p["checked"] >= 20 and p["agree"] == p["checked"]
    assert p["checked_un_press_release"] >= 7
    assert p["checked"] + len(p["not_checked"]) == p["candidates"]
    assert all(r["source"] for r in p["rows"])


def test_the_referenda_veto_of_30_september_2022_matches_sc_15046(record):
    # SC/15046: 10 in favour, the Russian Federation against (veto), Brazil, China, Gabon and
    # India abstaining.
    ballot = record.show("S/2022/720")[0]["ballot"]
    by_vote = {v: {k for k, x in ballot.items() if x == v} for v in "YNA"}
    assert len(by_vote["Y"]) == 10 and by_vote["N"] == {"RUS"}
    assert by_vote["A"] == {"BRA", "CHN", "GAB", "IND"}


def test_a_differing_source_is_reported_not_hidden(monkeypatch, record):
    from unsclab.record_presscheck import press_report

    def change(r):
        if r["symbol"] == "S/2022/431":
            r.update(yes="12", abstain="1", abstaining="GHA")
        return r

    _fake_rows(monkeypatch, change)
    p = press_report(record.decisions, record.ballots)
    bad = [r for r in p["rows"] if not r["agree"]]
    assert [r["symbol"] for r in bad] == ["S/2022/431"]
    assert "GHA: record Y, source A" in bad[0]["differences"]
    assert p["agree"] == p["checked"] - 1


def test_unknown_source_kind_names_the_line(monkeypatch, record):
    from unsclab.errors import DataError
    from unsclab.record_presscheck import press_report

    _fake_rows(monkeypatch, lambda r: dict(r, source_kind="blog"))
    with pytest.raises(DataError, match=r"press_checks.csv:2: source_kind: unknown source_kind"):
        press_report(record.decisions, record.ballots)
