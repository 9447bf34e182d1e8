"""Reader of the UN General Assembly ideal points 1946–2025 (Bailey, Strezhnev and Voeten).

Source: M. A. Bailey, A. Strezhnev and E. Voeten, "Estimating Dynamic State Preferences from
United Nations Voting Data", *Journal of Conflict Resolution* 61(2) (2017) 430–456,
doi:10.1177/0022002715595700; data: E. Voeten, A. Strezhnev and M. Bailey, "United Nations
General Assembly Voting Data", Harvard Dataverse, doi:10.7910/DVN/LEJUQZ, file
``Idealpointestimates1946-2025.tab`` (CC0). unsclab pins a byte copy kept in a third-party
repository (a secondary mirror; see :mod:`unsclab.data.registry`).

Caveats, handled here:

- **Thin years.** An estimate resting on few votes is noise. A row is ``reliable`` only when the
  state's own ``n_votes`` is at least :data:`MIN_VOTES` *and* the year's mean ``n_votes`` over all
  states is at least :data:`MIN_VOTES`. The second rule marks whole years: 1951 (mean 4.8 votes),
  1955 (6.5) and **2024 (6.7)**. The 2024 figure looks like a session/year coding artefact: the
  79th session's votes are counted in 2025, whose estimates rest on about 146 votes a state.
- **More than one dimension.** The providers warn that GA voting became more than
  one-dimensional in 2024–25, so a single ideal point describes those years less well than
  earlier ones. Their 2024–2025 values should be read with that in mind. The flag does not
  capture it.
- **Codes.** ``iso3c`` is kept as ``iso3c``. ``iso3`` follows the project convention (see
  ``SOURCES.md``): Taiwan (``TWN``) held the China seat to 1970 → ``CHN``. In 1971 the file has
  both a Taiwan and a PRC row; the PRC (seated on 25 October 1971, GA res. 2758 (XXVI)) is
  ``CHN`` and Taiwan keeps ``TWN``. The Yemen Arab Republic (``YAR``, 1947–1989) → ``YEM``, as
  in :func:`unsclab.data.readers.read_ga_votes`.
"""

from __future__ import annotations

__all__ = ["IDEAL_POINT_COLUMNS", "MIN_VOTES", "QUANTILES", "read_ideal_points"]

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from unsclab.data.reading import known_codes, read_utf8, source_path, whole_number
from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Fewest votes (a state's own, and the year's mean over states) for an estimate to count as
#: reliable. The same floor as the GA alignment's minimum roll calls a year
#: (:mod:`unsclab.votes.alignment`); chosen, not published by the providers.
MIN_VOTES = 10

#: The source's quantile columns → ours.
QUANTILES = {"Q5%FP": "q05", "Q10%FP": "q10", "Q50%FP": "q50", "Q90%FP": "q90",
             "Q95%FP": "q95"}
IDEAL_POINT_COLUMNS = ("ccode", "iso3c", "Countryname", "year", "NVotesFP", "IdealPointFP",
                       *QUANTILES)
_PROJECT_CODE = {"YAR": "YEM"}
_PRC_SEATED_YEAR = 1971


def _float(value: str, file: str, line: int, field: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise DataError(f"{value!r} is not a number", file=file, line=line, field=field) from None


def _project_iso3(iso3c: str, year: int) -> str:
    if iso3c == "TWN" and year < _PRC_SEATED_YEAR:
        return "CHN"
    return _PROJECT_CODE.get(iso3c, iso3c)


def _parse(p: Path) -> list[tuple]:
    file = str(p)
    lines = read_utf8(p).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    reader = csv.reader(lines, delimiter="\t", strict=True)
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except StopIteration:
        raise DataError("empty file; expected the ideal-point header", file=file, line=1) from None
    except csv.Error as err:
        raise DataError(f"malformed header ({err})", file=file, line=1) from None
    if tuple(header) != IDEAL_POINT_COLUMNS:
        raise DataError(f"header is {' '.join(header)!r}; expected the tab-separated columns "
                        f"{' '.join(IDEAL_POINT_COLUMNS)}", file=file, line=1)
    known = known_codes() | {"TWN", "YAR"}
    recs = []
    for line, row in enumerate(reader, start=2):
        if len(row) != len(header):
            raise DataError(f"row has {len(row)} fields; expected {len(header)}", file=file,
                            line=line)
        ccode = whole_number(row[0], file, line, "ccode")
        iso3c = row[1].strip()
        if iso3c not in known:
            raise DataError(f"unknown state code {iso3c!r}; expected an ISO3 code of a current "
                            "or historical state", file=file, line=line, field="iso3c")
        year = whole_number(row[3], file, line, "year")
        if not 1946 <= year <= 2100:
            raise DataError(f"year {year} is outside 1946–2100", file=file, line=line,
                            field="year")
        n = whole_number(row[4], file, line, "NVotesFP")
        values = [_float(row[i], file, line, header[i]) for i in range(5, len(header))]
        recs.append((_project_iso3(iso3c, year), iso3c, ccode, row[2].strip(), year, n, *values))
    return recs


def read_ideal_points(path: str | Path | None = None) -> pd.DataFrame:
    """GA ideal points, one row per state-year (11,610 rows, 1946–2025; no 1964).

    ========== ======== ====================================================================
    iso3       category project code (``TWN`` → ``CHN`` to 1970, ``YAR`` → ``YEM``; see the
                        module docstring)
    iso3c      category the source's ``iso3c``
    ccode      int16    Correlates of War state code
    country    string   ``Countryname``
    year       int16
    n_votes    int16    ``NVotesFP``: votes the estimate rests on
    ideal_point float64 ``IdealPointFP``: higher = closer to the US-led liberal order
    q05 … q95  float64  ``Q5%FP`` ``Q10%FP`` ``Q50%FP`` ``Q90%FP`` ``Q95%FP``: quantiles of
                        the estimate's uncertainty
    reliable   bool     ``n_votes`` ≥ :data:`MIN_VOTES` and the year's mean ``n_votes`` ≥
                        :data:`MIN_VOTES` (False for every state in 1951, 1955 and 2024)
    ========== ======== ====================================================================

    A duplicated (iso3, year) after the code mapping, a malformed number or an unknown code stops
    the load with the file, line and field.
    """
    import pandas as pd

    p = source_path("ga_ideal_points", path)
    cols = ["iso3", "iso3c", "ccode", "country", "year", "n_votes", "ideal_point",
            *QUANTILES.values()]
    df = pd.DataFrame.from_records(_parse(p), columns=cols)
    dup = df.duplicated(["iso3", "year"], keep=False)
    if dup.any():
        first = df[dup].iloc[0]
        raise DataError(f"{first['iso3']} has two rows for {first['year']}", file=str(p),
                        line=int(df.index[dup][1]) + 2, field="iso3c")
    df = df.astype({"iso3": "category", "iso3c": "category", "ccode": "int16",
                    "country": "string", "year": "int16", "n_votes": "int16"})
    year_mean = df.groupby("year")["n_votes"].transform("mean")
    df["reliable"] = (df["n_votes"] >= MIN_VOTES) & (year_mean >= MIN_VOTES)
    return df
