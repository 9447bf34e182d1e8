"""Who can hold a seat and who did: the states' universe, UN membership by year (GA
participation) and the Council's real members by year (the ``membership`` table)."""

from __future__ import annotations

from functools import cache

import numpy as np


@cache
def universe() -> tuple[str, ...]:
    """States that can hold a seat: the 193 members and historical states with a group
    (Czechoslovakia, Yugoslavia, the GDR, South Yemen, Zanzibar)."""
    from unsclab.states import _table

    out = []
    for code, st in _table().items():
        if st.member or (st.group and st.successor is None) or code in ("CSK", "DDR", "YMD", "XZN"):
            out.append(code)
    return tuple(sorted(set(out)))


def group_of(code: str) -> str | None:
    """The state's UN regional group (None for a state outside the groups)."""
    from unsclab.states import state

    return state(code).group


def member_in_year(code: str, year: int) -> bool:
    """UN membership proxy: cast a GA roll-call vote in ``year`` (so South Africa is out in
    1974–1993, when it was excluded from the Assembly's work); current members count as members
    in every year after the GA data ends (``LAST_GA_YEAR``, 2023)."""
    from unsclab.states import is_member
    from unsclab.votes.alignment import LAST_GA_YEAR, alignment

    al = alignment()
    i = al.index(code)
    if i is None:
        return is_member(code) and year > LAST_GA_YEAR
    if year > LAST_GA_YEAR:
        return is_member(code) and al.first_year[i] <= year
    return al.took_part(code, year)


@cache
def _membership_matrix(y0: int, y1: int) -> np.ndarray:
    """(years, universe) boolean membership."""
    U = universe()
    return np.array([[member_in_year(s, y) for s in U] for y in range(y0, y1 + 1)], dtype=bool)


def membership(years: range) -> np.ndarray:
    """(years, universe) boolean UN membership (:func:`member_in_year`)."""
    lo, hi = min(years), max(years)
    return _membership_matrix(lo, hi)


@cache
def _membership_by_year() -> dict[int, tuple[str, ...]]:
    """Council members by year, from the ``membership`` table of the data layers."""
    from unsclab.data.layers import load_table

    df = load_table("membership")
    out: dict[int, list[str]] = {}
    for y, s in zip(df["year"].astype(int), df["iso3"].astype(str)):
        out.setdefault(y, []).append(s)
    return {y: tuple(sorted(v)) for y, v in out.items()}


def real_members(year: int) -> tuple[str, ...]:
    """Council members in ``year`` (the ``membership`` table), P5 included."""
    return _membership_by_year().get(year, ())
