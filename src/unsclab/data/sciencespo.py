"""Reader of the Sciences Po "UNSC votes since 1946" file: every vote on a draft, with each
member's ballot, read faithfully (no corrections; those are applied by the Record).

Committed mapping table (see ``SOURCES.md``): ``sciencespo_names.csv`` (Sciences Po column →
ISO3).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from unsclab.data.reading import (
    ISO_DATE,
    VOTES,
    csv_with_header,
    project_table,
    source_path,
    whole_number,
)
from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SCIENCESPO_META = (
    "Vote in the DB", "UN classification", "Vote outcome", "Vote outcome typology-Observable",
    "Resolution number", "Date", "Official full title", "Title-Observable", "Yes", "No",
    "Abstentions", "Non-Voting", "Total", "(of which veto)",
)
_OUTCOMES = {"adopted": "adopted", "vetoed": "vetoed", "lack of maj.": "lack_of_majority"}


@dataclass(frozen=True)
class SciencesPo:
    """The Sciences Po "UNSC votes since 1946" file, read faithfully (no corrections).

    ``votes`` — one row per vote (3,203), in the source's order (newest first):

    ========== ================ ===========================================================
    id         int32            "Vote in the DB" (1–3203, unique)
    symbol     string           "UN classification", stripped of surrounding whitespace
                                (the stray carriage return of id 3098 is removed here)
    outcome    category         adopted / vetoed / lack_of_majority
    typology   string           "Vote outcome typology-Observable"
    resolution Int32            "Resolution number"; <NA> for drafts not adopted ("-")
    date       datetime64       "Date"
    title      string           "Official full title"
    title_short string          "Title-Observable"
    yes, no, abstain, not_voting, total, vetoes
               Int8             the tallies and "(of which veto)"; <NA> where the source has "?"
    line       int32            line of the row in the file (1 = header)
    ========== ================ ===========================================================

    ``ballots`` — one row per filled country cell: ``id`` (int32), ``column`` (category, the
    source's column name), ``iso3`` (category, from ``sciencespo_names.csv``), ``vote``
    (category Y/N/A/NV; <NA> for the source's ``?``).
    """

    votes: pd.DataFrame
    ballots: pd.DataFrame
    path: str



def read_sciencespo(path: str | Path | None = None) -> SciencesPo:
    """Read the Sciences Po UNSC votes file (see :class:`SciencesPo`)."""
    p = source_path("sciencespo_votes", path)
    file, rows, header = csv_with_header(p, "Sciences Po")
    countries, codes = _country_columns(header, file)
    width = len(header)
    recs: list[tuple] = []
    ballots: tuple[list, ...] = ([], [], [], [])  # id, column, iso3, vote
    seen: set[int] = set()
    for line, row in rows:
        if len(row) != width:
            raise DataError(f"row has {len(row)} fields; expected {width}", file=file, line=line)
        vid = whole_number(row[0], file, line, "Vote in the DB")
        if vid in seen:
            raise DataError(f"vote id {vid} appears twice", file=file, line=line,
                            field="Vote in the DB")
        seen.add(vid)
        recs.append(_vote(vid, row, file, line))
        _ballots(vid, row[14:], countries, codes, ballots, file, line)
    return SciencesPo(votes=_votes_frame(recs), ballots=_ballots_frame(ballots, countries),
                      path=file)


def _country_columns(header: list[str], file: str) -> tuple[list[str], list[str]]:
    """The header's country columns and their ISO3 codes, after checking the 14 metadata ones."""
    names = {r["column"]: r["iso3"] for r in project_table("sciencespo_names.csv")}
    if tuple(header[:14]) != SCIENCESPO_META:
        for i, (got, want) in enumerate(zip(header, SCIENCESPO_META)):
            if got != want:
                raise DataError(f"header column {i + 1} is {got!r}; expected {want!r}",
                                file=file, line=1, field=want)
        raise DataError(f"header has {len(header)} columns; expected at least 14 metadata "
                        "columns then one per country", file=file, line=1)
    countries = header[14:]
    for col in countries:
        if col not in names:
            raise DataError(
                f"unknown country column {col!r}; expected a name listed in "
                "unsclab/data/sciencespo_names.csv (add it there with its ISO3 code)",
                file=file, line=1, field=col)
    if len(set(countries)) != len(countries):
        dup = next(c for c in countries if countries.count(c) > 1)
        raise DataError(f"country column {dup!r} appears twice", file=file, line=1, field=dup)
    return countries, [names[c] for c in countries]


def _vote(vid: int, row: list[str], file: str, line: int) -> tuple:
    """The metadata of one vote (a row of ``votes``), checked."""
    outcome = _OUTCOMES.get(row[2].strip())
    if outcome is None:
        raise DataError(f"{row[2]!r} is not a known outcome; expected one of "
                        f"{', '.join(map(repr, _OUTCOMES))}", file=file, line=line,
                        field="Vote outcome")
    if not ISO_DATE.match(row[5].strip()):
        raise DataError(f"{row[5]!r} is not a date; expected YYYY-MM-DD", file=file,
                        line=line, field="Date")
    res = row[4].strip()
    resolution = None if res in ("-", "") else whole_number(res, file, line, "Resolution number")
    tallies = [whole_number(row[i], file, line, SCIENCESPO_META[i], unknown="?")
               for i in range(8, 14)]
    return (vid, row[1].strip(), outcome, row[3].strip(), resolution, row[5].strip(),
            row[6].strip(), row[7].strip(), *tallies, line)


def _ballots(vid: int, cells: list[str], countries: list[str], codes: list[str],
             out: tuple[list, ...], file: str, line: int) -> None:
    """Append the filled country cells of one vote to ``out`` (id, column, iso3, vote)."""
    filled: dict[str, str] = {}
    for j, cell in enumerate(cells):
        cell = cell.strip()
        if not cell:
            continue
        if cell not in ("Y", "N", "A", "NV", "?"):
            raise DataError(f"{cell!r} is not a vote; expected Y, N, A, NV, ? or empty",
                            file=file, line=line, field=countries[j])
        code = codes[j]
        if code in filled:
            raise DataError(f"two columns ({filled[code]!r} and {countries[j]!r}) give a vote "
                            f"for {code}", file=file, line=line, field=countries[j])
        filled[code] = countries[j]
        for column, value in zip(out, (vid, countries[j], code, None if cell == "?" else cell),
                                 strict=True):
            column.append(value)


def _votes_frame(recs: list[tuple]) -> pd.DataFrame:
    import pandas as pd

    cols = ["id", "symbol", "outcome", "typology", "resolution", "date", "title", "title_short",
            "yes", "no", "abstain", "not_voting", "total", "vetoes", "line"]
    votes = pd.DataFrame.from_records(recs, columns=cols)
    votes = votes.astype({
        "id": "int32", "symbol": "string", "typology": "string", "title": "string",
        "title_short": "string", "resolution": "Int32", "yes": "Int8", "no": "Int8",
        "abstain": "Int8", "not_voting": "Int8", "total": "Int8", "vetoes": "Int8",
        "line": "int32",
    })
    votes["outcome"] = pd.Categorical(votes["outcome"],
                                      categories=["adopted", "vetoed", "lack_of_majority"])
    votes["date"] = pd.to_datetime(votes["date"], format="%Y-%m-%d")
    return votes


def _ballots_frame(ballots: tuple[list, ...], countries: list[str]) -> pd.DataFrame:
    import pandas as pd

    b_id, b_col, b_iso, b_vote = ballots
    return pd.DataFrame({
        "id": pd.array(b_id, dtype="int32"),
        "column": pd.Categorical(b_col, categories=countries),
        "iso3": pd.Categorical(b_iso),
        "vote": pd.Categorical(b_vote, categories=list(VOTES)),
    })
