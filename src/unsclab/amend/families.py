"""Families of designs: what a design changes against a baseline Council.

States declare positions in words about kinds of reform — new permanent members with or without
the veto, longer-term seats, more elected seats, a limited veto — not about any one design file.
:func:`families` says which of these kinds a design is, against a baseline (by default the
Council since 1965, GA resolution 1991 A (XVIII)), so a declared stance can be applied to it.
"""

from __future__ import annotations

__all__ = ["FAMILIES", "FAMILY_DOC", "families", "new_veto_seats", "veto_losers"]

from unsclab.designs.model import Design

FAMILY_DOC: dict[str, str] = {
    "permanent-veto": "new permanent seats whose holders have the veto at once",
    "permanent-no-veto": "new permanent seats without the veto, or with the veto deferred",
    "longer-term": "new long-term (renewable) elected seats, no new permanent seats",
    "elected": "more two-year elected seats only (no new permanent or long-term seats)",
    "veto-limit": "the veto restricted (more than one negative vote needed) or abolished",
}
FAMILIES: tuple[str, ...] = tuple(FAMILY_DOC)


def _seats(design: Design, kind: str) -> int:
    return sum(c.count for c in design.seats if c.kind == kind)


def _immediate_veto_classes(design: Design) -> set[str]:
    veto = design.rule.veto
    return {c for c in veto.classes if c not in veto.deferred}


def veto_holders(design: Design) -> set[str]:
    """Named states whose seats carry an immediate veto with a single negative vote."""
    if design.rule.veto.negatives != 1:
        return set()
    classes = _immediate_veto_classes(design)
    return {h for c in design.seats if c.id in classes for h in c.holders}


def veto_losers(design: Design, baseline: Design) -> set[str]:
    """States with a single-vote veto in ``baseline`` that lose it (or see it weakened)."""
    return veto_holders(baseline) - veto_holders(design)


def new_veto_seats(design: Design, baseline: Design) -> int:
    """Seats with an immediate veto in ``design`` beyond those of ``baseline``."""
    def count(d: Design) -> int:
        classes = _immediate_veto_classes(d)
        return sum(c.count for c in d.seats if c.id in classes)

    return max(0, count(design) - count(baseline))


def families(design: Design, baseline: Design) -> tuple[str, ...]:
    """The families ``design`` belongs to against ``baseline``: at most one of the membership
    families (permanent seats first, then long-term, then elected) and ``veto-limit``."""
    found: list[str] = []
    extra_permanent = _seats(design, "permanent") - _seats(baseline, "permanent")
    if extra_permanent > 0:
        if new_veto_seats(design, baseline) > 0:
            found.append("permanent-veto")
        else:
            found.append("permanent-no-veto")
    elif _seats(design, "long-term") > _seats(baseline, "long-term"):
        found.append("longer-term")
    elif _seats(design, "elected") > _seats(baseline, "elected"):
        found.append("elected")
    if veto_losers(design, baseline):
        found.append("veto-limit")
    return tuple(found)
