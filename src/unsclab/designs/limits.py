"""Bounds on every number, list and text of a design, and on the inputs designs are read from.

A design describes a real council, so each figure has a natural ceiling; the bounds are set well
above every proposal in the catalogue yet low enough that no valid design can make a computation
explode (the elections model simulates a burn-in as long as the longest term, so an unbounded
``term_years`` once let a 3.6 KB design tie up a server for 20 s and 1.5 GB). They are listed in
``docs/designs.md``; a design outside them is refused with the field and the bound. Bounds on the
files themselves (size, nesting) are in :mod:`unsclab.inputs`.
"""

from __future__ import annotations

__all__ = [
    "MAX_SEATS",
    "MAX_SEAT_CLASSES",
    "MAX_TERM_YEARS",
    "MAX_REVIEW_YEARS",
    "MAX_MAJORITIES",
    "MAX_ALTERNATIVES",
    "MAX_SOURCES",
    "MAX_ASSUMPTIONS",
    "MAX_ID_CHARS",
    "MAX_NAME_CHARS",
    "MAX_TEXT_CHARS",
    "MAX_SEAT_WEIGHT",
    "MAX_WEIGHT_SCALE",
    "MAX_MIX_PART",
    "MAX_UNION_MEMBERS",
]

#: Seats in a council: one per UN member state at most (193 since South Sudan's admission,
#: A/RES/65/308 of 14 July 2011), since each seat is held by a different state.
MAX_SEATS = 193
#: Seat classes in a design (the catalogue's largest has 11).
MAX_SEAT_CLASSES = 64
#: Years of a term of a long-term or elected seat (the catalogue's longest is 8; the Charter's 2).
MAX_TERM_YEARS = 50
#: Years after entry into force of a review of deferred vetoes (A/59/L.64 proposes 15).
MAX_REVIEW_YEARS = 100
#: Extra majority clauses in a rule.
MAX_MAJORITIES = 16
#: Alternative ways for a substantive decision to pass (``rule.alternatives``); the power
#: engine's inclusion-exclusion takes 2^(k+1) - 1 conjunctions.
MAX_ALTERNATIVES = 8
#: Entries of ``sources`` and ``assumptions``.
MAX_SOURCES = 64
MAX_ASSUMPTIONS = 128
#: Characters of an identifier (design or seat class id).
MAX_ID_CHARS = 80
#: Characters of a name, label, title, symbol, field or URL.
MAX_NAME_CHARS = 500
#: Characters of a summary or note (the catalogue's longest note has about 1,500).
MAX_TEXT_CHARS = 10_000


def shown(value: int) -> str:
    """An integer as a message shows it: huge ones by their number of digits."""
    text = str(value)
    return text if len(text) <= 12 else f"a number of {len(text)} digits"

#: Vote weight of one seat (``seats.weight``): the catalogue's Strand–Rapkin council weighs its
#: seats in thousandths of the UN membership; 10,000 keeps the exact weighted kernel well inside
#: its 60-million-cell limit for any council of 193 seats or fewer.
MAX_SEAT_WEIGHT = 10_000
#: Total weight of the whole UN membership in a derived weight (``seats.weight.scale``).
MAX_WEIGHT_SCALE = 100_000
#: Each part of a derived weight's mix (``population``, ``sqrt_population``, ``gdp``, ``equal``).
MAX_MIX_PART = 100
#: Member states of an organisation holding a shared seat (every UN member at most).
MAX_UNION_MEMBERS = 193
