"""Self-contained HTML reports (and PDF, where a PDF engine is installed).

:func:`render_report` builds one HTML document for one or more designs: for each design its
seat diagram, decision rule, seats, voting power, representation, the states with most power,
blocs, the design's sources and every assumption it makes; for several designs, a comparison
first (headline table with the replay columns, ability to act against equality, adoption over
time). Unnamed seats are filled as ``unsclab compare`` fills them (``occupancy_for`` "auto": the
elections model, on the record the package embeds) and the history replay
uses the same draws and seed, named in the report. Figures are embedded as base64 PNG,
so the file opens anywhere, offline, and can be mailed as is.

:func:`write_report` writes it atomically (temporary file in the target folder, then rename):
an error leaves no partial file. :func:`write_pdf` prints the HTML to PDF with WeasyPrint when
it is importable, else with a headless Chromium found on the PATH; with neither it raises an
:class:`~unsclab.errors.UnsclabError` saying what to install.
"""

from __future__ import annotations

__all__ = ["render_report", "write_report", "write_pdf", "pdf_engine"]

import base64
import datetime as _dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from unsclab._files import output_file
from unsclab.designs.model import Design
from unsclab.errors import UnsclabError

_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _png(fig) -> str:
    from unsclab.report.figures import to_png

    return "data:image/png;base64," + base64.b64encode(to_png(fig)).decode("ascii")


def _env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=select_autoescape(["html"]))
    from unsclab.quantities import QUANTITIES, format_value

    env.globals["quantities"] = QUANTITIES  # one name and unit per quantity, as on the pages
    env.filters["q"] = lambda x, key: format_value(x, QUANTITIES[key].kind, QUANTITIES[key].digits)
    env.filters["pct"] = lambda x, d=1: "—" if x is None else f"{100 * x:.{d}f}%"
    env.filters["num"] = lambda x, d=4: "—" if x is None else f"{x:.{d}f}"
    return env


def _amend(design: Design) -> dict | None:
    """The Article 108 section (unsclab.amend), or None when the GA data cannot be read."""
    from unsclab.amend.view import amend_view
    from unsclab.errors import DataError

    try:
        return amend_view(design)
    except DataError:
        return None


def render_report(designs: Sequence[Design], *, state: str | None = None) -> str:
    """The HTML text of a report on ``designs`` (see the module docstring)."""
    from unsclab._version import __version__
    from unsclab.evaluate import occupancy_for
    from unsclab.report import figures
    from unsclab.views import DRAWS, SEED, design_view, occupancy_text

    if not designs:
        raise UnsclabError("expected at least one design", field="designs")
    occs = [occupancy_for(d, "auto", draws=DRAWS, seed=SEED) for d in designs]
    views = [design_view(d, occupancy=o, draws=DRAWS, seed=SEED) for d, o in zip(designs, occs)]
    occ_of = {id(d): o for d, o in zip(designs, occs)}
    occupancy = occupancy_text(views[0]["occupancy_method"], DRAWS, SEED)
    sections = []
    for d, v in zip(designs, views):
        rp = v.get("replay")
        sections.append({
            "d": d, "v": v,
            "occupancy": occupancy_text(v["occupancy_method"], DRAWS, SEED),
            "seat_png": _png(figures.seat_diagram(d)),
            "group_png": _png(figures.group_power(v)) if v.get("groups") else None,
            "replay_png": _png(figures.replay_adoption(
                {d.id: rp["by_year"]}, since=rp["since"], draws=rp["draws"], seed=rp["seed"],
                title=f"{d.id}: share of drafts adopted per year, replayed and recorded"))
            if rp else None,
            "amend": _amend(d),
        })
    replayed = {v["design"]["id"]: v["replay"] for v in views if v.get("replay")}
    replay0 = next(iter(replayed.values()), None)

    def years_png():
        return _png(figures.years_per_decade(
            designs, state, occupancy=lambda d: occ_of[id(d)],
            occupancy_note=occupancy))

    comparison = None
    if len(designs) > 1:
        comparison = {
            "pareto_png": _png(figures.act_vs_equality(views)),
            "years_png": years_png() if state else None,
            "replay_png": _png(figures.replay_adoption(
                {k: rp["by_year"] for k, rp in replayed.items()}, since=replay0["since"],
                draws=replay0["draws"], seed=replay0["seed"])) if replay0 else None,
        }
    elif state:
        comparison = {"pareto_png": None, "years_png": years_png(), "replay_png": None}
    return _env().get_template("report.html").render(
        sections=sections, views=views, comparison=comparison, state=state,
        occupancy=occupancy, replay0=replay0,
        version=__version__, today=_dt.date.today().isoformat(),
        title=("unsclab report: " + ", ".join(d.id for d in designs)),
    )


def _atomic_write(target: Path, data: bytes, field: str = "--out") -> Path:
    with output_file(target, field=field) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_report(designs: Sequence[Design], out: str | os.PathLike[str], *,
                 state: str | None = None) -> Path:
    """Render and write the HTML report to ``out`` atomically."""
    html = render_report(designs, state=state)
    return _atomic_write(Path(out), html.encode("utf-8"))


def pdf_engine() -> str | None:
    """``"weasyprint"``, the path of a Chromium, or None when no PDF engine is installed."""
    try:
        import weasyprint  # noqa: F401

        return "weasyprint"
    except (ImportError, OSError):
        pass
    for name in _CHROMIUMS:
        path = shutil.which(name)
        if path:
            return path
    return None


def write_pdf(html_path: str | os.PathLike[str], out: str | os.PathLike[str],
              *, timeout: float = 120.0) -> Path:
    """Print the HTML file ``html_path`` to the PDF ``out`` (atomically)."""
    engine = pdf_engine()
    if engine is None:
        raise UnsclabError(
            "no PDF engine found: install WeasyPrint (pip install weasyprint) or Chromium "
            "(e.g. apt-get install chromium), or open the HTML report and print it",
            field="--pdf")
    target = Path(out)
    html_path = Path(html_path).resolve()
    if engine == "weasyprint":
        import weasyprint

        data = weasyprint.HTML(filename=str(html_path)).write_pdf()
        return _atomic_write(target, data, field="--pdf")
    with tempfile.TemporaryDirectory(prefix="unsclab-pdf-") as tmpdir:
        tmp_pdf = Path(tmpdir) / "report.pdf"
        cmd = [engine, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-pdf-header-footer", f"--user-data-dir={tmpdir}/profile",
               f"--print-to-pdf={tmp_pdf}", html_path.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise UnsclabError(f"Chromium did not finish printing within {timeout:g} s",
                               field="--pdf") from None
        if proc.returncode != 0 or not tmp_pdf.exists() or tmp_pdf.stat().st_size == 0:
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise UnsclabError(f"Chromium could not print the PDF (exit {proc.returncode}): "
                               f"{tail[0]}", field="--pdf")
        return _atomic_write(target, tmp_pdf.read_bytes(), field="--pdf")
