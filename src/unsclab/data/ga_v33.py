"""Reader of Voeten's UN General Assembly roll calls, version 33 (1946 – 4 June 2024), reshaped.

Origin: E. Voeten, "United Nations General Assembly Voting Data", Harvard Dataverse,
hdl:1902.1/12379, version 33 (2024-06-24), CC0. unsclab pins the copy of the repository
Pigeon-Effect/Mapping-UNGA-Voting-Alliances (``docs/static/ungaVoting_003.csv``), which reshaped
the data to one column per state and merged states into their successors (a secondary mirror;
see :mod:`unsclab.data.registry`). The file has no resolution symbol, title, session, amendment
or paragraph flag, so it cannot be reduced to final votes on whole resolutions.

How the reader handles the file's quirks:

- **Decimals.** About 4,700 vote cells are written ``1.0``, ``8.0`` …; a whole-number decimal is
  read as the integer, anything else is refused.
- **Four duplicated ids.** ``rcid`` 411, 427, 449 and 495 each appear twice: once in 1954–57 (the
  roll calls of those ids in ``unvotes``, same dates) and once in November–December 2023. The 2023
  rows sit among ids 9410–9494, and 9411, 9427, 9449 and 9495 are absent from the file, so the
  2023 rows are read as those ids (a lost leading 9, assumed). ``rcid_source`` keeps the file's
  value. Any other duplicated id is refused.
- **Successor merging.** The reshaping filed Yugoslavia's votes under ``SRB`` and the USSR's under
  ``RUS``: ``SRB`` before 1 November 2000 (GA res. 55/12 admitted the FRY) is read as ``YUG``,
  as in :func:`unsclab.data.readers.read_ga_votes`; ``RUS`` is the project's code for the USSR
  too. Taiwan (``TWN``) held the China seat until GA res. 2758 (XXVI) of 25 October 1971 and is
  read as ``CHN`` (project convention, ``SOURCES.md``); the ``CHN`` column before that date holds
  only "absent" cells and is dropped. States with no successor column — the GDR, Czechoslovakia,
  the Yemen Arab Republic before 1990, South Yemen, Zanzibar — have **no votes** in this file
  (``unvotes`` has them; see docs/data.md, "GA sources").
- **Years.** ``year`` is the calendar year of ``date``. ``ga_year`` is the session's year (session
  *s* ↔ 1945 + *s*, the convention of :mod:`unsclab.votes.alignment`), read from the date because
  the file has no session: a roll call from September to December belongs to the session opened
  that September, one from January to August to the session opened the September before. On the
  6,203 roll calls ``unvotes`` dates with their session, the rule gives the session year for
  98.9 % (99.7 % since 1980); the misses are roll calls in early September.
"""

from __future__ import annotations

__all__ = ["ISSUES", "V33_VOTES", "read_ga_v33"]

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from unsclab.data.reading import known_codes, read_utf8, source_path
from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The issue flags, as documented with the Dataverse data.
ISSUES = {"me": "Palestinian conflict", "nu": "nuclear weapons and material",
          "di": "arms control and disarmament", "hr": "human rights", "co": "colonialism",
          "ec": "economic development"}
#: Vote codes of the Dataverse data (9 = not a member: such cells are not rows).
V33_VOTES = {1: "yes", 2: "abstain", 3: "no", 8: "absent"}
_NOT_MEMBER = 9
_CODES = {f"{k}{suffix}": k for k in (*V33_VOTES, _NOT_MEMBER) for suffix in ("", ".0")}
#: (file rcid, date) of the 2023 rows whose id collides with a 1950s roll call → the id read.
RCID_FIXES = {(411, "2023-12-04"): 9411, (427, "2023-11-02"): 9427,
              (449, "2023-11-21"): 9449, (495, "2023-12-04"): 9495}
_FRY_ADMITTED = "2000-11-01"  # GA res. 55/12
_PRC_SEATED = "1971-10-25"  # GA res. 2758 (XXVI)
_BOOL = {"TRUE": True, "FALSE": False}


def _header(p: Path) -> list[str]:
    text = read_utf8(p)
    first = text.split("\n", 1)[0].rstrip("\r")
    header = next(csv.reader([first]), [])
    header = [h.strip().lstrip("\ufeff") for h in header]
    want = ["rcid", "date", *ISSUES]
    if header[:8] != want:
        raise DataError(f"header starts {','.join(header[:8])!r}; expected "
                        f"{','.join(want)!r} then one column per ISO3 code", file=str(p), line=1)
    known = known_codes() | {"TWN"}
    for code in header[8:]:
        if code not in known:
            raise DataError(f"unknown state column {code!r}; expected an ISO3 code", file=str(p),
                            line=1, field=code)
    if len(set(header)) != len(header):
        dup = next(c for c in header if header.count(c) > 1)
        raise DataError(f"column {dup!r} appears twice", file=str(p), line=1, field=dup)
    return header


def _table(p: Path, header: list[str]) -> pd.DataFrame:
    import pandas as pd

    try:
        df = pd.read_csv(p, dtype=str, keep_default_na=False, engine="c")
    except (pd.errors.ParserError, ValueError) as err:
        msg = str(err).strip().splitlines()[-1]
        raise DataError(f"malformed CSV ({msg})", file=str(p)) from None
    if list(df.columns) != header:
        raise DataError("header could not be read as CSV", file=str(p), line=1)
    return df


def _first_bad(mask, df, cols: list[str], file: str, what: str):
    import numpy as np

    r, c = np.argwhere(mask)[0]
    value = df[cols[c]].iloc[r]
    raise DataError(f"{value!r} is not {what}", file=file, line=int(r) + 2, field=cols[c])


def _roll_calls(df: pd.DataFrame, file: str) -> pd.DataFrame:
    import pandas as pd

    raw = pd.to_numeric(df["rcid"], errors="coerce")
    if raw.isna().any() or (raw != raw.round()).any():
        _first_bad(raw.isna().to_numpy()[:, None] | (raw != raw.round()).to_numpy()[:, None],
                   df, ["rcid"], file, "a whole-number roll-call id")
    date = pd.to_datetime(df["date"], format="%Y-%m-%d", errors="coerce")
    if date.isna().any():
        _first_bad(date.isna().to_numpy()[:, None], df, ["date"], file, "a date (YYYY-MM-DD)")
    src = raw.astype("int32")
    rcid = [RCID_FIXES.get((int(r), d), int(r)) for r, d in zip(src, df["date"])]
    rc = pd.DataFrame({"rcid": pd.array(rcid, dtype="int32"), "rcid_source": src.to_numpy(),
                       "date": date, "year": date.dt.year.astype("int16")})
    rc["ga_year"] = (rc["year"] - (date.dt.month < 9)).astype("int16")
    flags = df[list(ISSUES)].apply(lambda s: s.str.strip().str.upper())
    bad = ~flags.isin(list(_BOOL)).to_numpy()
    if bad.any():
        _first_bad(bad, df, list(ISSUES), file, "TRUE or FALSE")
    for col in ISSUES:
        rc[col] = flags[col].map(_BOOL).astype("bool")
    dup = rc["rcid"].duplicated(keep="first")
    if dup.any():
        i = int(dup.to_numpy().argmax())
        raise DataError(f"roll-call id {rc['rcid'].iloc[i]} appears twice", file=file,
                        line=i + 2, field="rcid")
    rc["line"] = pd.array(range(2, len(rc) + 2), dtype="int32")
    return rc


def _votes(df: pd.DataFrame, rc: pd.DataFrame, file: str) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    cols = list(df.columns[8:])
    cells = df[cols].apply(lambda s: s.str.strip().map(_CODES)).to_numpy(dtype="float64")
    if np.isnan(cells).any():
        _first_bad(np.isnan(cells), df, cols, file, "a vote code; expected 1, 2, 3, 8 or 9")
    cells = cells.astype(np.int8)
    r, c = np.nonzero(cells != _NOT_MEMBER)
    column = np.asarray(cols, dtype=object)[c]
    dates = rc["date"].to_numpy()[r]
    iso3 = column.copy()
    iso3[(column == "SRB") & (dates < np.datetime64(_FRY_ADMITTED))] = "YUG"
    iso3[column == "TWN"] = "CHN"
    early_prc = (column == "CHN") & (dates < np.datetime64(_PRC_SEATED))
    if (cells[r, c][early_prc] != 8).any():
        k = int(np.flatnonzero(early_prc & (cells[r, c] != 8))[0])
        raise DataError("a vote of the PRC before it took the China seat (25 October 1971); "
                        "expected 8 (absent) or 9", file=file, line=int(r[k]) + 2, field="CHN")
    keep = ~early_prc
    votes = pd.DataFrame({
        "rcid": rc["rcid"].to_numpy()[r[keep]],
        "iso3": pd.Categorical(iso3[keep]),
        "column": pd.Categorical(column[keep], categories=cols),
        "vote": pd.Categorical.from_codes(
            np.searchsorted([1, 2, 3, 8], cells[r, c][keep]), categories=list(V33_VOTES.values())),
    })
    return votes


def read_ga_v33(path: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Voeten v33 GA roll calls and votes (see the module docstring for every choice).

    Returns ``(roll_calls, votes)``:

    - ``roll_calls`` (6,551 rows): ``rcid`` (int32, unique; the four 2023 collisions renumbered),
      ``rcid_source`` (int32, as in the file), ``date`` (datetime64), ``year`` (int16, calendar),
      ``ga_year`` (int16, the session's year), ``me nu di hr co ec`` (bool issue flags,
      :data:`ISSUES`), ``line`` (int32, line in the file).
    - ``votes`` (one row per state and roll call while a member): ``rcid`` (int32), ``iso3``
      (category, project code), ``column`` (category, the file's column), ``vote`` (category
      yes / abstain / no / absent). "Not a member" cells (code 9) are not rows.
    """
    p = source_path("ga_votes_v33", path)
    header = _header(p)
    df = _table(p, header)
    rc = _roll_calls(df, str(p))
    return rc, _votes(df, rc, str(p))
