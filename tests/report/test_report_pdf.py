"""The report prints on A4 with no heading left alone at the foot of a page."""

from __future__ import annotations

import re
import shutil

import pytest

pypdf = pytest.importorskip("pypdf")

from unsclab.designs import load_design  # noqa: E402
from unsclab.report import html  # noqa: E402

A4 = (595.28, 841.89)  # ISO 216: 210 x 297 mm in PostScript points


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Chromium to print")
def test_pdf_is_a4_and_no_heading_is_orphaned(tmp_path, monkeypatch):
    monkeypatch.setattr(html, "pdf_engine", lambda: shutil.which("chromium"))
    out = tmp_path / "r.html"
    html.write_report([load_design("status-quo"), load_design("g4-2005")], out, state="IND")
    headings = [re.sub(r"<[^>]+>", "", h).strip()
                for h in re.findall(r"<h[234][^>]*>(.*?)</h[234]>", out.read_text(), re.S)]
    pdf = pypdf.PdfReader(html.write_pdf(out, tmp_path / "r.pdf"))
    assert len(pdf.pages) > 1
    for page in pdf.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=1.5)
    for n, page in enumerate(pdf.pages[:-1], 1):
        lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
        if lines:  # (a page may hold only a figure)
            assert lines[-1] not in headings, f"page {n} ends with heading {lines[-1]!r}"
