"""The Article 108 view of a design for pages and reports: the analysis and its seat map."""

from __future__ import annotations

__all__ = ["amend_view"]

from functools import lru_cache


@lru_cache(maxsize=64)
def _cached(design_id: str) -> dict:
    from unsclab.designs import load_design

    return _view(load_design(design_id))


def _view(design) -> dict:
    from unsclab.amend.analysis import analyse, setup
    from unsclab.amend.hemicycle import hemicycle_svg
    from unsclab.states import state_name

    r = analyse(design, setup(), changes=False)
    states = list(r["yes_by_state"])
    svg = hemicycle_svg(states, [r["yes_by_state"][s] for s in states], r["threshold"],
                        {s: state_name(s) for s in states},
                        title=f"General Assembly, predicted support for {design.name}")
    r["hemicycle_svg"] = svg
    r["pivotal_names"] = [{**row, "name": state_name(row["state"])} for row in r["pivotal_detail"]]
    r["p5_rows"] = [{"state": s, "name": state_name(s), "p": p, "reason": r["p5_reason"][s]}
                    for s, p in sorted(r["p5"].items(), key=lambda kv: kv[1])]
    return r


def amend_view(design) -> dict:
    """The analysis of ``unsclab amend`` (default positions and weights) with its seat map;
    catalogue designs are cached."""
    from unsclab.designs.io import catalog_ids

    if design.id in catalog_ids():
        return _cached(design.id)
    return _view(design)
