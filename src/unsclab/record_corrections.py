"""Corrections to the Sciences Po record, applied openly from ``data/corrections.csv``.

Each row has a ``kind``, a ``scope``, the ``field``, the ``old`` and ``new`` values, a
``status`` and its ``basis`` (the primary document read, with its address):

========================= =====================================================================
kind                      what it does (``status`` = ``corrected``)
========================= =====================================================================
``duplicate``             drops the vote ``id=N`` (a row recorded twice)
``ballot_code``           re-codes a source column that holds another state's votes in the
                          years of ``year=YYYY[-YYYY]`` (``field`` = the column)
``vote``                  sets member ``field``'s vote on resolution ``res=N`` (or on the vote
                          ``id=N``, e.g. a failed draft) from ``old`` to ``new``; the tally is
                          recounted from the ballot
``date``                  sets the date of resolution ``res=N``
``missing_decision``      adds a decision missing from the source (``data/added_decisions.csv``
                          holds its row and ballot)
``vote_type``             sets the vote type of the vote ``id=N`` (``field`` = ``vote_type``)
                          from ``old`` to ``new`` where a document shows what the vote was on
                          (:func:`vote_type_corrections`; the source gives such rows a
                          draft's symbol)
``modality``, ``identity`` a difference of form (a vote or no vote; the state's name at the
                          time); identities are applied through ``data/seat_holders.csv``
========================= =====================================================================

``status`` says what was decided: ``corrected`` (the record follows the primary document),
``confirmed`` (the primary document agrees with the source; the second source is wrong),
``both_readings`` (no primary document could be read: the record keeps the source's reading and
lists the other). Only ``corrected`` rows change the record.
"""

from __future__ import annotations

__all__ = ["Applied", "apply_corrections", "read_corrections", "resolution_scope",
           "vote_type_corrections"]

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_FILE = "unsclab/data/corrections.csv"
KINDS = ("duplicate", "ballot_code", "vote", "date", "missing_decision", "vote_type",
         "modality", "identity")
STATUSES = ("corrected", "confirmed", "both_readings")


@dataclass
class Applied:
    """What :func:`apply_corrections` did: dropped rows, recounted decisions, added decisions."""

    dropped: list[dict[str, Any]] = field(default_factory=list)
    recounted: set[int] = field(default_factory=set)
    added: list[int] = field(default_factory=list)


def read_corrections() -> list[dict[str, str]]:
    """The rows of ``corrections.csv``, checked for kind and status."""
    from unsclab.record_csv import checked_rows

    return checked_rows("corrections.csv", {"kind": ("correction kind", KINDS),
                                            "status": ("status", STATUSES)})


def resolution_scope(scope: str) -> range:
    """The resolution numbers of a ``res=N`` or ``res=N-M`` scope."""
    m = re.fullmatch(r"res=(\d+)(?:-(\d+))?", scope)
    if not m:
        raise DataError(f"scope {scope!r} is not res=N or res=N-M", file=_FILE, field="scope")
    return range(int(m[1]), int(m[2] or m[1]) + 1)


def vote_type_corrections() -> dict[int, tuple[str, str]]:
    """Source id → (the type the rules give, the type a document shows) of each ``corrected``
    ``vote_type`` row (applied by :func:`unsclab.record_types.vote_types`)."""
    out = {}
    for c in read_corrections():
        if c["kind"] == "vote_type" and c["status"] == "corrected":
            m = re.fullmatch(r"id=(\d+)", c["scope"])
            if not m or c["field"] != "vote_type":
                raise DataError(f"vote_type correction {c['scope']} {c['field']}: expected "
                                "scope id=N and field vote_type", file=_FILE, field="scope")
            out[int(m[1])] = (c["old"], c["new"])
    return out


def _years(scope: str) -> tuple[int, int]:
    m = re.fullmatch(r"year=(\d{4})(?:-(\d{4}))?", scope)
    if not m:
        raise DataError(f"scope {scope!r} is not year=YYYY or year=YYYY-YYYY", file=_FILE,
                        field="scope")
    return int(m[1]), int(m[2] or m[1])


def _scoped_id(votes: pd.DataFrame, scope: str) -> int:
    """The source id a ``vote`` row means: ``id=N`` (any vote, e.g. a failed draft) or
    ``res=N`` (the adopted resolution N)."""
    m = re.fullmatch(r"id=(\d+)", scope)
    if not m:
        return _vote_id(votes, resolution_scope(scope)[0])
    if not (votes["id"] == int(m[1])).any():
        raise DataError(f"correction refers to vote id {m[1]}, not in the source", file=_FILE,
                        field="scope")
    return int(m[1])


def _vote_id(votes: pd.DataFrame, number: int) -> int:
    hit = votes.loc[(votes["resolution"] == number) & (votes["outcome"] == "adopted"), "id"]
    if len(hit) != 1:
        raise DataError(f"correction refers to resolution {number}, which the source has "
                        f"{len(hit)} times", file=_FILE, field="scope")
    return int(hit.iloc[0])


def apply_corrections(votes: pd.DataFrame, ballots: pd.DataFrame
                      ) -> tuple[pd.DataFrame, pd.DataFrame, Applied]:
    """Apply the ``corrected`` rows to the Sciences Po ``votes`` and ``ballots``.

    ``ballots`` needs a ``year`` column; its ``iso3`` and ``column`` are made plain strings.
    """
    ballots = ballots.assign(iso3=ballots["iso3"].astype("string"),
                             column=ballots["column"].astype("string"),
                             vote=ballots["vote"].astype("string"))
    done = Applied()
    for c in read_corrections():
        if c["status"] != "corrected":
            continue
        kind = c["kind"]
        if kind == "duplicate":
            votes, ballots = _drop(votes, ballots, c, done)
        elif kind == "ballot_code":
            lo, hi = _years(c["scope"])
            sel = (ballots["column"] == c["field"]) & ballots["year"].between(lo, hi) & (
                ballots["iso3"] == c["old"])
            if not sel.any():
                raise DataError(f"correction {c['field']} {c['scope']} matches no ballot",
                                file=_FILE, field="scope")
            ballots.loc[sel, "iso3"] = c["new"]
        elif kind == "vote":
            vid = _scoped_id(votes, c["scope"])
            sel = (ballots["id"] == vid) & (ballots["iso3"] == c["field"])
            if sel.sum() != 1 or ballots.loc[sel, "vote"].iloc[0] != c["old"]:
                raise DataError(f"correction {c['scope']} {c['field']}: the source's vote is "
                                f"not {c['old']!r}", file=_FILE, field="old")
            ballots.loc[sel, "vote"] = c["new"]
            done.recounted.add(vid)
        elif kind == "date":
            import pandas as pd

            vid = _vote_id(votes, resolution_scope(c["scope"])[0])
            votes.loc[votes["id"] == vid, "date"] = pd.Timestamp(c["new"])
        elif kind == "missing_decision":
            votes, ballots = _add(votes, ballots, resolution_scope(c["scope"])[0], done)
    votes = _recount(votes, ballots, done.recounted | set(done.added))
    return votes, ballots, done


def _drop(votes, ballots, c, done: Applied):
    vid = int(c["scope"].removeprefix("id="))
    row = votes.loc[votes["id"] == vid]
    if row.empty:
        raise DataError(f"correction refers to vote id {vid}, not in the source", file=_FILE,
                        field="scope")
    done.dropped.append({"id": vid, "symbol": str(row["symbol"].iloc[0]),
                         "date": str(row["date"].iloc[0].date()),
                         "recorded": str(row["outcome"].iloc[0]),
                         "reason": c["new"], "basis": c["basis"]})
    return votes[votes["id"] != vid], ballots[ballots["id"] != vid]


def _add(votes, ballots, number: int, done: Applied):
    import pandas as pd

    from unsclab.data.readers import project_table

    rows = [r for r in project_table("added_decisions.csv")
            if r["symbol"].startswith(f"S/RES/{number}(")]
    if len(rows) != 1:
        raise DataError(f"resolution {number} has {len(rows)} rows in added_decisions.csv; "
                        "expected 1", file="unsclab/data/added_decisions.csv", field="symbol")
    r = rows[0]
    vid, date = int(r["id"]), pd.Timestamp(r["date"])
    new = {"id": vid, "symbol": r["symbol"], "outcome": r["outcome"], "resolution": number,
           "date": date, "title": r["title"], "title_short": r["title"], "typology": "",
           "line": 0}
    votes = pd.concat([votes, pd.DataFrame([new]).astype(
        {k: votes[k].dtype for k in new if k in votes})], ignore_index=True)
    cells = [cell.split(":") for cell in r["ballot"].split(";")]
    extra = pd.DataFrame({"id": vid, "column": "(added)", "iso3": [c for c, _ in cells],
                          "vote": [v for _, v in cells], "year": date.year})
    ballots = pd.concat([ballots, extra.astype({k: ballots[k].dtype for k in extra})],
                        ignore_index=True)
    done.added.append(vid)
    return votes, ballots


def _recount(votes, ballots, ids: set[int]):
    """Tallies of the decisions whose ballot a correction changed, counted from the ballot."""
    for vid in ids:
        b = ballots.loc[ballots["id"] == vid, "vote"]
        sel = votes["id"] == vid
        for col, code in (("yes", "Y"), ("no", "N"), ("abstain", "A"), ("not_voting", "NV")):
            votes.loc[sel, col] = int((b == code).sum())
        if "total" in votes:
            votes.loc[sel, "total"] = len(b)
    return votes
