"""The seats the elections fill: staggered cohorts of terms, each class's pool of candidates,
and the classes of the Arab swing seat (see :mod:`unsclab.elections`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from unsclab.designs.model import Design, SeatClass
from unsclab.elections.states import group_of
from unsclab.groups import OPEN

#: The permanent members (project convention: CHN and RUS in every year).
P5 = ("CHN", "FRA", "RUS", "GBR", "USA")

#: Arab League members (League of Arab States, Pact of 1945 and later accessions; Syria's
#: suspension 2011–2023 ignored), by UN regional group — the pool of the Arab swing seat.
ARAB_STATES: dict[str, tuple[str, ...]] = {
    "AG": ("DZA", "COM", "DJI", "EGY", "LBY", "MRT", "MAR", "SOM", "SDN", "TUN"),
    "APG": ("BHR", "IRQ", "JOR", "KWT", "LBN", "OMN", "QAT", "SAU", "SYR", "ARE", "YEM"),
}

#: Status quo's staggering of two-year seats: (terms starting in even years, in odd years).
STATUS_QUO_COHORTS = {"AG": (2, 1), "APG": (1, 1), "EEG": (1, 0), "GRULAC": (1, 1), "WEOG": (0, 2)}

LAST_KNOWN_YEAR = 2027  # members elected in June 2025 and June 2026 (sc_elections.csv)

#: Unnamed permanent seats are drawn once with weights strength ** PERMANENT_KAPPA: a permanent
#: seat is a one-off choice concentrated on the states with the longest service (assumption).
PERMANENT_KAPPA = 4.0


@dataclass
class _Slot:
    cls: SeatClass
    offset: int  # terms start in years y with (y - offset) % term == 0
    seat_index: int  # position in design.seat_list()


def _cohorts(design: Design) -> list[_Slot]:
    """Non-permanent unnamed seats with their staggering offsets."""
    seats = design.seat_list()
    slots: list[_Slot] = []
    load: dict[int, dict[int, int]] = {}  # term length -> offset -> seats
    for c in design.seats:
        if c.kind == "permanent":
            continue
        idx = [i for i, s in enumerate(seats) if s.seat_class == c.id and s.holder is None]
        T = c.term_years or 2
        if T == 2 and c.group in STATUS_QUO_COHORTS:
            even, odd = STATUS_QUO_COHORTS[c.group]
            base = [0] * min(even, len(idx)) + [1] * min(odd, max(0, len(idx) - even))
        else:
            base = []
        counts = load.setdefault(T, {})
        for o in base:
            counts[o] = counts.get(o, 0) + 1
        offsets = list(base)
        for _ in range(len(idx) - len(base)):
            o = _least_loaded(counts, T)
            counts[o] = counts.get(o, 0) + 1
            offsets.append(o)
        slots.extend(_Slot(c, o, i) for i, o in zip(idx, offsets))
    return slots


def _least_loaded(counts: dict[int, int], term: int) -> int:
    """The staggering offset (0 … term-1) with the fewest seats so far, the smallest on ties.

    ``counts`` holds only offsets already used, so the work grows with the seats, not the term.
    """
    if len(counts) < term:  # an offset has no seat yet: the smallest such
        o = 0
        while o in counts:
            o += 1
        return o
    return min(counts, key=lambda o: (counts[o], o))


def _arab_classes(design: Design) -> dict[str, str]:
    """Group → class id of the Arab swing seat, when the design has the status-quo shape."""
    out = {}
    for g in ("AG", "APG"):
        for c in design.seats:
            if c.kind == "elected" and c.group == g and c.term_years == 2 and not c.re_eligible \
                    and not c.eligible and not c.constituency:
                out[g] = c.id
                break
    return out if len(out) == 2 else {}


def _pool_mask(design: Design, c: SeatClass, U: tuple[str, ...]) -> np.ndarray:
    """Which states of ``U`` may stand for class ``c`` (its group or eligible list, no named
    holder, no P5)."""
    named = set(design.named_holders) | set(P5) | set(design.represented)
    if c.eligible:
        ok = set(c.eligible)
        return np.array([s in ok and s not in named for s in U])
    if c.group != OPEN:
        return np.array([group_of(s) == c.group and s not in named for s in U])
    return np.array([s not in named for s in U])
