"""CLI: the record's cross-check output and ``unsclab record list|state|vetoes``.

The ``record`` command group itself lives in :mod:`unsclab.cli.data`; this module adds its
browsing commands and prints the second-source part of ``record check``.
"""

from __future__ import annotations

from typing import Any

import typer


def print_second_source(report: dict[str, Any]) -> None:
    """The second-source, corrections and numbering part of ``record check`` (text output)."""
    from unsclab.cli.common import console

    c = console()
    s = report["second_source"]
    if not s["available"]:
        c.print("second source: the UN Digital Library records are not at hand; not checked")
    else:
        c.print(f"second source ({s['source']}): {s['decisions_checked']} adopted resolutions, "
                f"{s['ballots_checked']} ballots checked member by member; "
                f"{s['ballots_agree']} agree; {s['decisions_agree']} resolutions agree in full",
                markup=False)
        by = ", ".join(f"{k} {v}" for k, v in sorted(s["by_status"].items()))
        c.print(f"resolutions by status: {by}", markup=False)
    n = report["numbering"]
    c.print(f"resolution numbers {n['first']}…{n['last']}: gaps {n['gaps'] or 'none'}, "
            f"duplicates {n['duplicates'] or 'none'}; year counts differing from the "
            f"Library or the published count: {n['year_mismatches'] or 'none'}", markup=False)
    c.print(f"corrections ({len(report['corrections'])}):", markup=False)
    for r in report["corrections"]:
        c.print(f"- {r['kind']} {r['scope']} {r['field']}: {r['old']} → {r['new']} "
                f"[{r['status']}] {r['basis']}", markup=False)


def register(app: typer.Typer) -> None:
    """The browsing commands join the ``record`` group of :mod:`unsclab.cli.data`."""
