"""unsclab report: one self-contained HTML file, atomic; --pdf fails clearly without an engine."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

pytest.importorskip("matplotlib")
pytest.importorskip("jinja2")

from unsclab.cli.main import app  # noqa: E402


def test_report_is_self_contained(tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "status-quo", "g4-2005", "--state", "IND",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert html.count("data:image/png;base64,") >= 5  # 2 seat, 2 group, pareto, years
    assert "<script" not in html and "http://" not in html.split("<body>")[0]
    assert "A/59/L.64" in html and "Assumptions" in html  # sources and assumptions
    assert "rule.quota" in html  # g4-2005's quota assumption is listed
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary left
    # the replay as tables and figures (one per design, one comparing them), not raw JSON
    assert html.count('id="replay-table"') == 2 and "<pre" not in html
    assert html.count("data:image/png;base64,") >= 8
    assert "Vetoed drafts that pass" in html and "200 draws, seed 1" in html


def test_failed_report_leaves_nothing(tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "status-quo", "no-such-design", "--out", str(out)])
    assert result.exit_code == 1
    assert "no catalogue design 'no-such-design'" in result.output
    assert list(tmp_path.iterdir()) == []


def test_pdf_without_engine_is_a_clear_error(tmp_path, monkeypatch):
    import unsclab.report.html as html

    monkeypatch.setattr(html, "pdf_engine", lambda: None)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "status-quo", "--out", str(out), "--pdf"])
    assert result.exit_code == 1
    assert "no PDF engine found" in result.output
    assert list(tmp_path.iterdir()) == []


def test_out_must_be_html(tmp_path):
    result = CliRunner().invoke(app, ["report", "status-quo", "--out", str(tmp_path / "r.txt")])
    assert result.exit_code == 1 and "expected an .html file name" in result.output
