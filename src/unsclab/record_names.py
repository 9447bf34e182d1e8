"""Who held a seat, under which name: historical identities and UN short names.

- :func:`state_at` — the state that held a seat on a date: the China seat was the Republic of
  China's until 25 October 1971 (GA resolution 2758 (XXVI)), the Soviet seat the USSR's until
  24 December 1991, the 1990–91 Yemeni seat Democratic Yemen's until 22 May 1990, … The
  committed table ``data/seat_holders.csv`` gives each period with its basis; ballots carry both
  the seat (``iso3``) and the state (``state``), so analyses choose which they use.
- :func:`name_at` — the name at the time (Zaire, Upper Volta, Ceylon, the United Arab
  Republic, Turkey before June 2022 …), else the UN short name.
- :func:`un_name` — the UN official short name (Côte d'Ivoire, Cabo Verde, Republic of Korea,
  Türkiye, Democratic Republic of the Congo, Russian Federation …): ``data/un_names.csv`` where
  it differs from the common name of ``members.csv``, read in the UN Digital Library's voting
  records of 2021; historical states by ``historical_states.csv``.
- :func:`resolve_state` — ISO3, UN name, common name or historical name (``USSR``, ``Zaire``,
  ``Ivory Coast``, ``South Korea``) → the seat's ISO3, or a one-line error with near matches.
"""

from __future__ import annotations

__all__ = ["name_at", "resolve_state", "state_at", "states_column", "un_name"]

import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_EXTRA = {"TWN": "Republic of China", "SUN": "Union of Soviet Socialist Republics"}


@cache
def _holders() -> dict[str, list[tuple[str, str, str, str]]]:
    from unsclab.data.readers import project_table

    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for r in project_table("seat_holders.csv"):
        out.setdefault(r["iso3"], []).append((r["from"], r["to"] or "9999-12-31", r["state"],
                                              r["name"]))
    return out


@cache
def _names() -> dict[str, str]:
    from unsclab.data.readers import project_table

    names = {r["iso3"]: r["name"] for r in project_table("historical_states.csv")}
    names.update({r["iso3"]: r["name"] for r in project_table("members.csv")})
    names.update({r["iso3"]: r["name"] for r in project_table("un_names.csv")})
    names.update(_EXTRA)
    return names


def un_name(iso3: str) -> str:
    """The UN official short name of ``iso3`` (the code itself when unknown)."""
    return _names().get(str(iso3), str(iso3))


def _period(iso3: str, date: str) -> tuple[str, str] | None:
    for lo, hi, state, name in _holders().get(str(iso3), ()):
        if lo <= date <= hi:
            return state, name
    return None


def state_at(iso3: str, date: str) -> str:
    """The code of the state that held seat ``iso3`` on ``date`` (YYYY-MM-DD)."""
    hit = _period(iso3, str(date)[:10])
    return hit[0] if hit else str(iso3)


def name_at(iso3: str, date: str) -> str:
    """The name of the holder of seat ``iso3`` on ``date``, else its UN short name."""
    hit = _period(iso3, str(date)[:10])
    return hit[1] if hit else un_name(iso3)


def states_column(ballots: pd.DataFrame, decisions: pd.DataFrame) -> pd.Series:
    """``state`` for every ballot row (the state that held the seat on the decision's date)."""
    import pandas as pd

    date = ballots["decision"].map(decisions.set_index("id")["date"]).dt.strftime("%Y-%m-%d")
    iso = ballots["iso3"].astype(str)
    out = iso.copy()
    for seat, periods in _holders().items():
        sel = iso == seat
        for lo, hi, state, _ in periods:
            out[sel & date.between(lo, hi)] = state
    return out.astype("category") if len(out) else pd.Series([], dtype="category")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(text.replace("’", "'").lower().split())


@cache
def _aliases() -> dict[str, str]:
    from unsclab.data.readers import code_aliases, project_table

    out: dict[str, str] = {}
    for code, name in _names().items():
        out[_fold(name)] = code
    for r in project_table("members.csv"):
        out[_fold(r["name"])] = r["iso3"]
        out[_fold(r["iso3"])] = r["iso3"]
    for r in project_table("undl_names.csv"):
        out.setdefault(_fold(r["column"]), r["state"])
    for rows in _holders().values():
        for _, _, state, name in rows:
            out.setdefault(_fold(name), state)
    out.update({"ussr": "SUN", "soviet union": "SUN", "taiwan": "TWN", "roc": "TWN",
                "prc": "CHN", "uk": "GBR", "us": "USA", "usa": "USA"})
    alias = dict(code_aliases())
    alias["TWN"] = "CHN"
    return {k: alias.get(v, v) for k, v in out.items()}


def resolve_state(text: str) -> str:
    """The seat's ISO3 for a code or any known name; a one-line error with near matches."""
    import difflib

    key = _fold(text)
    table = _aliases()
    if key in table:
        return table[key]
    near = difflib.get_close_matches(key, list(table), n=6, cutoff=0.6)
    codes = list(dict.fromkeys(table[n] for n in near))[:3]  # several names of one state
    hint = ("; did you mean " + ", ".join(f"{un_name(c)} ({c})" for c in codes)
            + "?") if codes else ""
    raise DataError(f"unknown state {text!r}{hint}", field="state")
