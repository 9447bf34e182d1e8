"""Replay results summarised by period, subject or region.

- **period**: the Council of eleven (1946–1965, the Charter of 1945), the Council of fifteen in
  the Cold War (1966–1989, after the amendment of Article 23 in force on 31 August 1965), then
  the decades 1990–1999, 2000–2009, 2010–2019 and 2020–2025 (the backtest's periods);
- **subject**: the replay's coarse subject from keywords of the title
  (:func:`unsclab.replay.subjects.subject_of`, the Subject column of the changed decisions);
- **region**: the record's region coding (:mod:`unsclab.record_subjects`: the region of the
  countries the title names — Africa, Americas, Asia-Pacific, Europe, Middle East —, "several"
  when they span regions, "thematic" when none is named).

Each group gets the counts of :func:`unsclab.replay.result.totals`: recorded outcomes, most
likely outcomes under the design, decisions changed, vetoed drafts now adopted, adopted drafts
now not adopted.
"""

from __future__ import annotations

__all__ = ["PERIODS", "GROUPINGS", "period_label", "decision_regions", "record_regions",
           "choose_region",
           "choose_grouping", "grouped_totals", "select"]

from functools import cache
from typing import Any

import numpy as np

PERIODS = ((1946, 1965), (1966, 1989), (1990, 1999), (2000, 2009), (2010, 2019), (2020, 2025))
GROUPINGS = ("period", "subject", "region")


def period_label(year: int) -> str:
    """The period of :data:`PERIODS` holding ``year`` ("2000-2009"; after 2025: "2026-")."""
    for lo, hi in PERIODS:
        if lo <= year <= hi:
            return f"{lo}-{hi}"
    return f"{PERIODS[-1][1] + 1}-"


def _coded_regions(cv) -> np.ndarray:
    import re

    import pandas as pd

    from unsclab.record_subjects import code_decisions

    numbers = [int(m[1]) if (m := re.match(r"S/RES/(\d+)", s)) else None for s in cv.symbols]
    frame = pd.DataFrame({"title": cv.titles, "outcome": cv.outcomes,
                          "resolution_number": numbers})
    return code_decisions(frame)["region"].astype(str).to_numpy()


@cache
def record_regions(record_key: int) -> np.ndarray:
    """:func:`decision_regions` of the full record registered under ``record_key``
    (:func:`unsclab.replay.vote_tables.register_record`), computed once."""
    from unsclab.replay.vote_tables import record

    return decision_regions(record(record_key))


def decision_regions(cv) -> np.ndarray:
    """The record's region of every decision of ``cv``: read from the project's Record when
    ``cv`` holds its decisions (same ids and titles), else coded from the titles."""
    from unsclab.record import Record

    dec = Record.load().decisions.set_index("id")
    ids = cv.ids
    if np.isin(ids, dec.index.to_numpy()).all():
        known = dec.loc[ids]
        if [str(t) for t in known["title"].fillna("")] == list(cv.titles):
            return known["region"].astype(str).to_numpy()
    return _coded_regions(cv)


def _choose(value: str, choices: tuple[str, ...] | list[str], option: str) -> str:
    from unsclab.errors import UnsclabError

    for c in choices:
        if c.lower() == value.strip().lower():
            return c
    raise UnsclabError(f"{option} {value!r}: unknown; expected one of " + ", ".join(choices))


def choose_region(value: str | None) -> str | None:
    """The region named by ``value`` (any case), None for None; an unknown one is an error."""
    from unsclab.record_subjects import REGIONS

    return None if value is None else _choose(value, REGIONS, "--region")


def choose_grouping(value: str | None) -> str | None:
    return None if value is None else _choose(value, GROUPINGS, "--by")


def select(res, since: int | None = None, until: int | None = None,
           subject: str | None = None, region: str | None = None) -> np.ndarray:
    """Mask of the decisions of the replay ``res`` in those years, on that subject and in that
    region (None: any)."""
    years = res.cv.years
    m = np.ones(len(years), bool)
    if since is not None:
        m &= years >= since
    if until is not None:
        m &= years <= until
    if subject is not None:
        m &= res.subjects == subject
    if region is not None:
        m &= res.regions == region
    return m


def _labels(res, by: str) -> tuple[np.ndarray, list[str]]:
    from unsclab.record_subjects import REGIONS
    from unsclab.replay.subjects import SUBJECTS

    if by == "period":
        labels = np.array([period_label(int(y)) for y in res.cv.years])
        order = sorted(set(labels))
    elif by == "subject":
        labels, order = res.subjects, list(SUBJECTS)
    else:
        labels, order = res.regions, list(REGIONS)
    return labels, order


def grouped_totals(res, by: str, **filters: Any) -> list[dict[str, Any]]:
    """One row per group (``by``: "period", "subject" or "region") with decisions among
    ``filters`` (:func:`select`): the group's name and its totals; groups without decisions
    are left out."""
    from unsclab.replay.result import totals

    keep = select(res, **filters)
    labels, order = _labels(res, by)
    return [{"group": g, **totals(res, keep & (labels == g))} for g in order
            if (keep & (labels == g)).any()]


def grouped_table(rows: list[dict[str, Any]], by: str, design_id: str, what: str = ""):
    """The rows of :func:`grouped_totals` as a :class:`unsclab.tables.Table`."""
    from unsclab.tables import Column, Table

    def count(key: str, header: str, short: str, definition: str) -> Column:
        return Column(key, header=header, short=short, kind="int", definition=definition)

    columns = [
        Column("group", header=by.capitalize(), kind="text", key_column=True),
        count("decisions", "Decisions", "Decisions", "Drafts put to the vote in the record."),
        count("historical_adopted", "Adopted in the record", "Rec. adopted",
              "Adopted in history."),
        count("historical_vetoed", "Vetoed in the record", "Rec. vetoed", "Vetoed in history."),
        count("historical_failed", "Failed in the record", "Rec. failed",
              "Failed for lack of votes in history."),
        count("adopted", f"Adopted under {design_id}", "Adopted",
              "Most likely outcome under the design: adopted."),
        count("vetoed", f"Vetoed under {design_id}", "Vetoed",
              "Most likely outcome under the design: vetoed."),
        count("failed", f"Failed under {design_id}", "Failed",
              "Most likely outcome under the design: too few votes in favour."),
        count("vetoed_now_adopted", "Vetoed, now adopted", "Veto→adopted",
              "Vetoed in history, most likely adopted under the design."),
        count("adopted_now_failed", "Adopted, now not", "Adopted→not",
              "Adopted in history, most likely not adopted under the design."),
    ]
    return Table(f"By {by}{what}: recorded outcomes and most likely outcomes under {design_id}",
                 columns, rows)
