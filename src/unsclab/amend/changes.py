"""What a design would need: the cheapest states to win, and changes of the design that help.

- :func:`coalition` — given like-minded partners (assumed yes), the states cheapest to win next,
  in order of the logit shift each needs to reach an even chance (``max(0, −z_i)``), with the
  General Assembly arithmetic as they join.
- :func:`variants` — small changes of a design, each played again: one more elected seat for a
  regional group (the quota scaled to keep its share of the seats), the new members' veto deferred
  or dropped, the permanent members' veto kept as it is.
"""

from __future__ import annotations

__all__ = ["coalition", "needed_states", "try_variants", "variants"]

import math

import numpy as np

from unsclab.designs.model import Design
from unsclab.errors import UnsclabError
from unsclab.groups import GROUP_NAMES, GROUPS


def coalition(sup, partners: list[str], threshold: int, limit: int | None = None) -> dict:
    """The GA arithmetic as the cheapest states join ``partners`` (see the module docstring)."""
    idx = [sup.index(s, field="--partners") for s in partners]
    if len(set(idx)) != len(idx):
        raise UnsclabError("a partner is listed twice; expected each state once", field="--partners")
    won = set(idx)
    p = sup.p
    rest = sorted((i for i in range(len(sup.states)) if i not in won), key=lambda i: -sup.z[i])

    def expected() -> float:
        return len(won) + float(sum(p[i] for i in range(len(p)) if i not in won))

    rows = [{"step": 0, "state": None, "joined": len(won), "expected_yes": round(expected(), 1)}]
    for step, i in enumerate(rest, start=1):
        if len(won) >= threshold or (limit and step > limit):
            break
        won.add(i)
        rows.append({"step": step, "state": sup.states[i], "group": sup.groups[i],
                     "p_yes": round(float(p[i]), 3), "cost": round(max(0.0, -float(sup.z[i])), 2),
                     "joined": len(won), "expected_yes": round(expected(), 1)})
    return {"partners": list(partners), "threshold": threshold, "steps": rows,
            "reached": len(won) >= threshold}


def _scaled_quota(quota: int, size: int, new_size: int) -> int:
    return max(1, math.ceil(quota * new_size / size - 1e-9))


def _with_extra_seat(design: Design, group: str) -> Design:
    from unsclab.designs.io import design_from_dict, design_to_dict

    d = design_to_dict(design)
    for c in d["seats"]:
        if c["kind"] == "elected" and c.get("group") == group and not c.get("constituency"):
            c["count"] += 1
            break
    else:
        d["seats"].append({"id": f"elected-extra-{group.lower()}", "kind": "elected", "count": 1,
                           "group": group, "term_years": 2, "re_eligible": False,
                           "label": f"Elected, {GROUP_NAMES[group]} (added)"})
    d["rule"]["quota"] = _scaled_quota(design.rule.quota, design.size, design.size + 1)
    if d["rule"].get("procedural_quota"):
        d["rule"]["procedural_quota"] = _scaled_quota(design.rule.procedural, design.size,
                                                      design.size + 1)
    d["id"] = f"{design.id}-plus-{group.lower()}"
    return design_from_dict(d)


def variants(design: Design, baseline: Design) -> list[tuple[str, Design]]:
    """Candidate changes of ``design`` (see the module docstring)."""
    from unsclab.amend.families import new_veto_seats, veto_losers
    from unsclab.designs.io import design_from_dict, design_to_dict

    out = [(f"one more elected seat for the {g}", _with_extra_seat(design, g)) for g in GROUPS]
    veto = design.rule.veto
    permanent = {c.id for c in baseline.seats if c.kind == "permanent"}
    new = [c for c in veto.classes if c not in veto.deferred and c not in permanent]
    if new and new_veto_seats(design, baseline):
        d = design_to_dict(design)
        d["rule"]["veto"]["deferred"] = sorted(set(veto.deferred) | set(new))
        d["rule"]["veto"].setdefault("review_after_years", 15)
        d["id"] = f"{design.id}-deferred-veto"
        out.append(("the new members' veto deferred to a review", design_from_dict(d)))
        d = design_to_dict(design)
        d["rule"]["veto"]["classes"] = [c for c in veto.classes if c not in new]
        d["rule"]["veto"]["deferred"] = [c for c in veto.deferred if c not in new]
        d["id"] = f"{design.id}-no-new-veto"
        out.append(("no veto for the new permanent members", design_from_dict(d)))
    if veto_losers(design, baseline):
        d = design_to_dict(design)
        d["rule"]["veto"]["negatives"] = 1
        d["rule"]["veto"]["classes"] = sorted(set(veto.classes) | (permanent & {c.id for c in design.seats}))
        d["id"] = f"{design.id}-p5-veto-kept"
        try:
            out.append(("the permanent members' veto kept as it is", design_from_dict(d)))
        except UnsclabError:
            pass  # the design has no seat class of the current permanent members
    return out


def try_variants(design: Design, baseline: Design, play_one, base_p_ga: float,
                 base_p_rat: float) -> list[dict]:
    """Play each variant with ``play_one(design) -> Game``; rows sorted by the gain they bring."""
    rows = []
    for label, variant in variants(design, baseline):
        g = play_one(variant)
        rows.append({"change": label, "design": variant.id, "ga_yes_expected": round(g.ga_yes_expected, 1),
                     "p_ga": g.p_ga, "p_ratification": g.p_ratification,
                     "gain_p_ga": round(g.p_ga - base_p_ga, 3),
                     "gain_p_ratification": round(g.p_ratification - base_p_rat, 3)})
    rows.sort(key=lambda r: (-r["gain_p_ratification"], -r["gain_p_ga"]))
    return rows


def needed_states(game, limit: int = 12) -> list[dict]:
    """The states short of an even chance that are closest to it, enough to close the gap."""
    p = game.p_yes
    gap = max(0, game.threshold - int(np.floor(game.ga_yes_expected)))
    order = [i for i in np.argsort(-p, kind="stable") if p[i] < 0.5]
    sup = game.support
    picked = order[:min(limit, max(gap, 0))]
    return [{"state": sup.states[i], "group": sup.groups[i], "p_yes": round(float(p[i]), 3)}
            for i in picked]
