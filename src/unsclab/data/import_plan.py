"""What an import of a UN Library voting file would change: added, unchanged, conflicting.

:func:`plan_sc` compares the Library's Security Council file with the current record (the
Record's ``decisions`` / ``ballots``), resolution by resolution; :func:`plan_ga` compares its
General Assembly file with the current GA tables. Nothing is written here
(:mod:`unsclab.data.imports` does that).

Matching rules:

- **SC.** By resolution symbol (spaces ignored: ``S/RES/2812 (2026)`` = ``S/RES/2812(2026)``).
  A resolution is *unchanged* when its date, its tallies and every member's vote agree with the
  record. Resolutions adopted without a vote are equal when both sides say so: the Library then
  lists every member as ``Y``, the record as not voting. Anything else that differs is a
  *conflict*. A symbol the record lacks is *added*.
- **GA.** By symbol against the ``unvotes`` roll calls (``A/RES/74/56``; the older ``R/26/2758``
  form is read as ``A/RES/26/2758``) and earlier imports. Voeten v33 (2020 – June 2024) has no
  symbols, so a resolution dated on or before the last GA roll call held is matched by its
  ballot: *unchanged* if a roll call of the same date has the same yes / abstain / no by every
  state, a *conflict* otherwise. A later resolution is *added*. Absences are not compared.
"""

from __future__ import annotations

__all__ = ["Plan", "norm_symbol", "plan_ga", "plan_sc"]

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_MAX_SHOWN = 4


@dataclass
class Plan:
    """The outcome of comparing a file with the current data, item by item."""

    kind: str  # "sc" or "ga"
    added: list[dict[str, Any]] = field(default_factory=list)
    unchanged: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def norm_symbol(symbol: str) -> str:
    """``S/RES/2812 (2026)`` → ``S/RES/2812(2026)``; ``R/26/2758`` → ``A/RES/26/2758``."""
    s = re.sub(r"\s+", "", str(symbol)).upper()
    m = re.match(r"^R/(\d+)/(.+)$", s)
    return f"A/RES/{m[1]}/{m[2]}" if m else s


def _diff_votes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    out = []
    for code in sorted(set(old) | set(new)):
        a, b = old.get(code, "not listed"), new.get(code, "not listed")
        if a != b:
            out.append(f"{code} {a} in the record, {b} in the file")
    return out


def _classify(plan: Plan, item: dict[str, Any], diffs: list[str]) -> None:
    """A conflict (with its first differences) if anything differs, else unchanged."""
    if diffs:
        more = [f"and {len(diffs) - _MAX_SHOWN} more"] if len(diffs) > _MAX_SHOWN else []
        item["differences"] = diffs[:_MAX_SHOWN] + more
        plan.conflicts.append(item)
    else:
        plan.unchanged.append(item)


def _tally_text(row: Any) -> str:
    import pandas as pd

    vals = [row.yes, row.no, row.abstain]
    return "-".join("?" if pd.isna(v) else str(int(v)) for v in vals)


def plan_sc(dec: pd.DataFrame, bal: pd.DataFrame, record_dec: pd.DataFrame,
            record_bal: pd.DataFrame) -> Plan:
    """Compare the Library's SC decisions/ballots with the record's (see the module docstring)."""
    import pandas as pd

    plan = Plan("sc")
    res = record_dec[record_dec["resolution"].notna()]
    by_symbol = {norm_symbol(s): i for s, i in zip(res["resolution"], res["id"])}
    rec_rows = record_dec.set_index("id")
    rec_votes = {d: dict(zip(g["iso3"].astype(str), g["vote"].astype("string").fillna("?")))
                 for d, g in record_bal.groupby("decision", observed=True)}
    file_votes = {d: dict(zip(g["iso3"].astype(str), g["vote"].astype(str)))
                  for d, g in bal.groupby("decision", observed=True)}
    for row in dec.itertuples(index=False):
        item = {"symbol": str(row.resolution), "date": str(row.date.date()),
                "tally": _tally_text(row), "line": int(row.line), "undl_id": int(row.id)}
        rid = by_symbol.get(norm_symbol(row.resolution))
        if rid is None:
            plan.added.append(item)
            continue
        old = rec_rows.loc[rid]
        diffs = []
        if pd.Timestamp(old["date"]).date() != row.date.date():
            diffs.append(f"date {pd.Timestamp(old['date']).date()} in the record, "
                         f"{row.date.date()} in the file")
        both_without = bool(old["adopted_without_vote"]) and bool(row.adopted_without_vote)
        if not both_without:
            for col in ("yes", "no", "abstain", "not_voting"):
                a, b = old[col], getattr(row, col)
                if not pd.isna(a) and not pd.isna(b) and int(a) != int(b):
                    diffs.append(f"{col} {int(a)} in the record, {int(b)} in the file")
            diffs += _diff_votes(rec_votes.get(rid, {}), file_votes.get(row.id, {}))
        item["record_id"] = int(rid)
        _classify(plan, item, diffs)
    return plan


def _ballots(votes: pd.DataFrame) -> dict[int, dict[str, str]]:
    v = votes[votes["vote"].astype(str) != "absent"]
    return {int(r): dict(zip(g["iso3"].astype(str), g["vote"].astype(str)))
            for r, g in v.groupby("rcid", observed=True)}


def plan_ga(rc: pd.DataFrame, votes: pd.DataFrame, cur_rc: pd.DataFrame,
            cur_votes: list[pd.DataFrame]) -> Plan:
    """Compare the Library's GA roll calls with the current GA tables (``cur_rc``: ``rcid``,
    ``date``, ``symbol`` (<NA> where unknown); ``cur_votes``: tables of ``rcid``, ``iso3``,
    ``vote``)."""
    import pandas as pd

    plan = Plan("ga")
    known = cur_rc[cur_rc["symbol"].notna()]
    by_symbol = {norm_symbol(s): int(r) for s, r in zip(known["symbol"], known["rcid"])}
    last = cur_rc["date"].max()
    on_date: dict[Any, list[int]] = {}
    for r, d in zip(cur_rc["rcid"], cur_rc["date"]):
        on_date.setdefault(pd.Timestamp(d).date(), []).append(int(r))
    wanted = {by_symbol.get(norm_symbol(s)) for s in rc["symbol"]}
    wanted |= {r for d in rc["date"] for r in on_date.get(d.date(), [])}
    cur_ballots = _ballots(pd.concat([v[v["rcid"].isin(wanted)] for v in cur_votes]))
    new_ballots = _ballots(votes)
    for row in rc.itertuples(index=False):
        item = {"symbol": str(row.symbol), "date": str(row.date.date()),
                "tally": _tally_text(row), "line": int(row.line), "undl_id": int(row.rcid)}
        mine = new_ballots.get(int(row.rcid), {})
        rid = by_symbol.get(norm_symbol(row.symbol))
        if rid is not None:
            diffs = _diff_votes(cur_ballots.get(rid, {}), mine)
            item["record_id"] = rid
            _classify(plan, item, diffs)
        elif row.date <= last:
            same = [r for r in on_date.get(row.date.date(), []) if cur_ballots.get(r) == mine]
            if same:
                item["record_id"] = same[0]
                plan.unchanged.append(item)
            else:
                n = len(on_date.get(row.date.date(), []))
                item["differences"] = [(f"none of the {n} GA roll calls of {row.date.date()} "
                                        "in the current data has this ballot")]
                plan.conflicts.append(item)
        else:
            plan.added.append(item)
    return plan
