"""CLI: ``unsclab report`` — a self-contained HTML report (and PDF) on one or more designs."""

from __future__ import annotations

from typing import Optional

import typer

from unsclab.cli.common import fail, user_errors


@user_errors
def report_command(
    refs: list[str] = typer.Argument(..., help="Catalogue ids or design TOML files."),
    out: str = typer.Option(..., "--out", "-o", help="The HTML file to write (e.g. report.html)."),
    pdf: bool = typer.Option(False, "--pdf", help="Also print the report to a PDF beside it "
                             "(needs WeasyPrint or Chromium)."),
    state: Optional[str] = typer.Option(None, "--state", help="Add a figure of this state's "
                                        "expected years on the Council per decade (ISO3)."),
) -> None:
    """Write one self-contained HTML report: figures, tables, sources and every assumption.

    Example: unsclab report status-quo g4-2005 ezulwini-2005 --state IND --out reform.html --pdf
    """
    import sys

    from unsclab.designs import load_design

    try:
        from unsclab.report.html import pdf_engine, write_pdf, write_report
    except ModuleNotFoundError as err:
        raise fail(f"reports need the 'plot' extra ({err.name} is not installed); "
                   "install it with: pip install 'unsclab[plot]'") from None
    from unsclab._files import check_target
    from unsclab.errors import UnsclabError

    if not out.lower().endswith((".html", ".htm")):
        raise UnsclabError("expected an .html file name", file=out, field="--out")
    target = check_target(out, field="--out")  # before any work: a folder, a device, ...
    if pdf:
        check_target(target.with_suffix(".pdf"), field="--pdf")
    if pdf and pdf_engine() is None:  # fail before any work, and before writing anything
        write_pdf(target, target.with_suffix(".pdf"))
    code = state.strip().upper() if state else None
    designs = [load_design(r) for r in refs]
    write_report(designs, target, state=code)
    sys.stderr.write(f"wrote {target}\n")
    if pdf:
        written = write_pdf(target, target.with_suffix(".pdf"))
        sys.stderr.write(f"wrote {written}\n")


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
