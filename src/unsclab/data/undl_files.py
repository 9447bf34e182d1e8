"""The UN Dag Hammarskjöld Library's voting-data CSVs, as a user downloads them for import.

Two files, both long (one row per member state per adopted resolution) and both published by
the Library in the UN Digital Library:

- **Security Council Voting Data** (digitallibrary.un.org/record/4055387, version 3 and later):
  read by :func:`read_undl_sc_voting`; its columns are :data:`SC_COLUMNS`.
- **General Assembly Voting Data** (digitallibrary.un.org/record/4060887): read by
  :func:`read_undl_ga_voting`; its columns are :data:`GA_COLUMNS`. Their meaning is read in the
  Library's data dictionary for the file ("UN General Assembly Voting Data: Description and
  Terms of Use", 2024-09-12, in a copy kept in the GitHub repository Gunelmaas/SNA_team16;
  ``undl_id`` the Digital Library record, ``ms_code`` the member state's three-letter code,
  ``ms_vote`` Y / N / A / non-voting, ``session``, ``resolution``, ``committee_report``,
  ``agenda_title``, totals, ``undl_link``). The column names and order are those of the
  Library's files of 31 March 2025 and 6 February 2026 as quoted in a third-party importer's
  tests (not checked against a downloaded file); the second adds ``vote_note`` after
  ``subjects``, which is therefore optional here. The Library writes
  non-voting as ``X`` in these files (its research guide, research.un.org/en/docs/unvoting/undl,
  shows it blank) and totals as decimals such as ``120.0``.

Both readers refuse, with the file, line and field: an unknown or missing column, an unknown
state code, a vote that is not a vote, and **impossible tallies** — per-member votes that do not
add up to the row's ``total_*`` columns, or a ``total_ms`` other than the number of members
listed (:func:`check_tallies`).
"""

from __future__ import annotations

__all__ = [
    "GA_COLUMNS",
    "OPTIONAL_COLUMNS",
    "SC_COLUMNS",
    "UNDL_COLUMNS",
    "check_header",
    "check_tallies",
    "file_kind",
    "read_undl_ga_voting",
    "read_undl_sc_voting",
    "undl_member_row",
    "undl_member_rows",
]

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsclab.data.reading import (
    ISO_DATE,
    VOTES,
    code_aliases,
    csv_rows,
    csv_with_header,
    known_codes,
    read_utf8,
    source_path,
    whole_number,
)
from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

UNDL_COLUMNS = (
    "undl_id", "ms_code", "ms_name", "permanent_member", "ms_vote", "date", "resolution",
    "draft", "meeting", "description", "agenda", "subjects", "vote_note", "total_yes",
    "total_no", "total_abstentions", "total_non_voting", "total_ms", "modality", "undl_link",
)
_UNDL_VOTES = {"Y": "Y", "N": "N", "A": "A", "X": "NV", "": "NV", "NV": "NV"}
_TRUE = {"true", "t", "1", "yes", "y", "p"}
_FALSE = {"false", "f", "0", "no", "n", "r", ""}
SC_COLUMNS = UNDL_COLUMNS
GA_COLUMNS = (
    "undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution", "draft",
    "committee_report", "meeting", "title", "agenda_title", "subjects", "vote_note",
    "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms", "undl_link",
)
#: Columns older layouts of the files lack.
OPTIONAL_COLUMNS = frozenset({"vote_note"})
_GA_VOTES = {"Y": "yes", "A": "abstain", "N": "no", "X": "absent", "NV": "absent", "": "absent"}
_TALLY = {"Y": "yes", "N": "no", "A": "abstain", "NV": "not_voting"}


def _header_line(p: Path) -> list[str]:
    first = read_utf8(p).split("\n", 1)[0].rstrip("\r")
    return [h.strip().lstrip("\ufeff") for h in next(csv.reader([first]), [])]


def file_kind(path: str | Path) -> str:
    """``"sc"`` or ``"ga"`` from the header (``permanent_member`` vs ``session``); any other
    header is refused, naming the columns each kind expects."""
    p = Path(path)
    if not p.is_file():
        raise DataError("missing: no such file", file=str(p))
    header = set(_header_line(p))
    if "permanent_member" in header and "session" not in header:
        return "sc"
    if "session" in header and "permanent_member" not in header:
        return "ga"
    raise DataError("not a UN Library voting-data CSV; expected the Security Council columns "
                    f"({', '.join(SC_COLUMNS)}) or the General Assembly columns "
                    f"({', '.join(GA_COLUMNS)})", file=str(p), line=1)


def check_header(path: str | Path, expected: tuple[str, ...]) -> None:
    """Refuse a header with a column not in ``expected`` or without a required one."""
    header = _header_line(Path(path))
    for col in header:
        if col not in expected:
            raise DataError(f"unknown column {col!r}; expected only {', '.join(expected)}",
                            file=str(path), line=1, field=col)
    for col in expected:
        if col not in header and col not in OPTIONAL_COLUMNS:
            raise DataError(f"column {col!r} is missing", file=str(path), line=1, field=col)
    if len(set(header)) != len(header):
        dup = next(c for c in header if header.count(c) > 1)
        raise DataError(f"column {dup!r} appears twice", file=str(path), line=1, field=dup)


def check_tallies(decisions: pd.DataFrame, votes: pd.DataFrame, *, key: str, file: str,
                  codes: dict[str, str]) -> None:
    """Each decision's per-member votes must add up to its totals.

    ``decisions`` has ``key``, ``line``, ``yes``, ``no``, ``abstain``, ``not_voting`` and
    ``total_ms`` (<NA> where the file leaves a total empty: not checked); ``votes`` has ``key``
    and ``vote``, coded by ``codes`` into Y/N/A/NV.
    """
    import pandas as pd

    counts = pd.crosstab(votes[key], votes["vote"].astype(str).map(codes))
    size = votes.groupby(key).size()
    for row in decisions.itertuples(index=False):
        k = getattr(row, key)
        for code, col in _TALLY.items():
            want = getattr(row, col)
            got = int(counts.at[k, code]) if code in counts.columns and k in counts.index else 0
            if not pd.isna(want) and int(want) != got:
                raise DataError(f"impossible tally: total_{_total_name(col)} is {int(want)} but "
                                f"{got} member rows vote {code}", file=file, line=int(row.line),
                                field=f"total_{_total_name(col)}")
        if not pd.isna(row.total_ms) and int(row.total_ms) != int(size.get(k, 0)):
            raise DataError(f"impossible tally: total_ms is {int(row.total_ms)} but "
                            f"{int(size.get(k, 0))} member rows are listed", file=file,
                            line=int(row.line), field="total_ms")


def _total_name(col: str) -> str:
    return {"abstain": "abstentions", "not_voting": "non_voting"}.get(col, col)


def _ga_year(session: str, date: str) -> int:
    """The GA year of a vote: 1945 + *s* for regular session *s*; for a special or emergency
    special session (``S-28``, ``ES-10``), the regular session running on that date (September
    to December → that year, January to August → the year before), as for Voeten v33."""
    if session.isdigit():
        return 1945 + int(session)
    year, month = int(date[:4]), int(date[5:7])
    return year if month >= 9 else year - 1


def read_undl_ga_voting(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Library's "General Assembly Voting Data" CSV (see the module docstring).

    Returns ``(roll_calls, votes)``:

    - ``roll_calls``: ``rcid`` (int64, ``undl_id``), ``date`` (datetime64), ``session``
      (string, ``79`` or ``ES-10``), ``ga_year`` (int16), ``symbol`` (string, ``resolution``),
      ``title`` (string), ``yes``, ``no``, ``abstain``, ``not_voting``, ``total_ms`` (Int16; <NA>
      where empty), ``line`` (int32, first line).
    - ``votes``: ``rcid`` (int64), ``iso3`` (category, historical codes mapped as for the SC
      file), ``vote`` (category yes / abstain / no / absent; the Library's non-voting ``X`` is
      ``absent``), ``line`` (int32).
    """
    import pandas as pd

    p = source_path("undl_ga", path)
    file = str(p)
    check_header(p, GA_COLUMNS)
    rows = csv_rows(read_utf8(p), file)
    header = next(rows)[1]
    header = [h.strip().lstrip("\ufeff") for h in header]
    rcs: dict[int, dict] = {}
    out: list[tuple] = []
    for line, get, uid, code, vote, date in undl_member_rows(rows, header, header, _GA_VOTES,
                                                             file):
        totals = {c: whole_number(get[f"total_{_total_name(c)}"], file, line,
                          f"total_{_total_name(c)}", unknown="")
                  for c in ("yes", "no", "abstain", "not_voting")}
        if uid in rcs:
            _same_totals(rcs[uid], get, file, line)
        if uid not in rcs:
            rcs[uid] = {"rcid": uid, "date": date, "session": get["session"],
                        "ga_year": _ga_year(get["session"], date),
                        "symbol": get["resolution"], "title": get["title"], **totals,
                        "total_ms": whole_number(get["total_ms"], file, line, "total_ms",
                                                 unknown=""),
                        "line": line}
        elif rcs[uid]["date"] != date or rcs[uid]["symbol"] != get["resolution"]:
            raise DataError(f"undl_id {uid} has another date or resolution than on line "
                            f"{rcs[uid]['line']}", file=file, line=line, field="undl_id")
        out.append((uid, code, vote, line))
    rc = pd.DataFrame(list(rcs.values()), columns=[
        "rcid", "date", "session", "ga_year", "symbol", "title", "yes", "no", "abstain",
        "not_voting", "total_ms", "line"])
    rc["date"] = pd.to_datetime(rc["date"], format="%Y-%m-%d")
    rc = rc.astype({"rcid": "int64", "session": "string", "ga_year": "int16", "symbol": "string",
                    "title": "string", "yes": "Int16", "no": "Int16", "abstain": "Int16",
                    "not_voting": "Int16", "total_ms": "Int16", "line": "int32"})
    votes = pd.DataFrame(out, columns=["rcid", "iso3", "vote", "line"]).astype(
        {"rcid": "int64", "iso3": "category", "line": "int32"})
    votes["vote"] = pd.Categorical(votes["vote"], categories=["yes", "abstain", "no", "absent"])
    check_tallies(rc, votes, key="rcid", file=file,
                  codes={"yes": "Y", "no": "N", "abstain": "A", "absent": "NV"})
    return rc, votes


def read_undl_sc_voting(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The UN Dag Hammarskjöld Library "Security Council Voting Data" CSV
    (digitallibrary.un.org/record/4055387; one row per member state per adopted resolution).

    Returns ``(decisions, ballots)`` in the shape of :class:`unsclab.record.Record`:

    - ``decisions``: ``id`` (int64, ``undl_id``), ``date`` (datetime64), ``year`` (int16),
      ``symbol`` (string: the resolution symbol), ``draft`` (string, <NA> where the Library has
      none — before 1998 mostly), ``resolution`` (string), ``title`` (string, ``description``),
      ``outcome`` (category: always ``adopted``; the file holds adopted resolutions only),
      ``yes``, ``no``, ``abstain``, ``not_voting`` (Int8, the ``total_*`` columns),
      ``vetoed_by`` (string, empty), ``procedural`` (bool, False: the file does not say),
      ``adopted_without_vote`` (bool: ``modality`` or ``vote_note`` says "without", in which
      case the Library records every member as ``Y``), ``modality`` (string), ``total_ms``
      (Int16), ``line`` (int32, the decision's first line in the file).
    - ``ballots``: ``decision`` (int64), ``iso3`` (category; ``ms_code`` with historical codes
      mapped by the project convention, e.g. ``SUN`` → ``RUS``), ``vote`` (category Y/N/A/NV;
      the Library's ``X`` = non-voting), ``permanent`` (bool, ``permanent_member``), ``line``
      (int32).

    Votes on drafts not adopted are not in this file; use the Sciences Po source for them.
    """
    p = source_path("undl", path)
    file, rows, header = csv_with_header(p, "UNDL")
    header = [h.strip().lstrip("\ufeff") for h in header]
    for n in UNDL_COLUMNS:
        if n not in header:
            raise DataError(f"column {n!r} is missing; expected the Library's columns "
                            f"{', '.join(UNDL_COLUMNS)}", file=file, line=1, field=n)
    decisions: dict[int, dict] = {}
    ballots: list[tuple] = []
    for line, get, uid, code, vote, date in undl_member_rows(rows, header, UNDL_COLUMNS,
                                                             _UNDL_VOTES, file):
        perm = get["permanent_member"].lower()
        if perm not in _TRUE | _FALSE:
            raise DataError(f"{get['permanent_member']!r} is not True/False", file=file,
                            line=line, field="permanent_member")
        if uid in decisions:
            _same_totals(decisions[uid], get, file, line)
        else:
            decisions[uid] = _sc_decision(uid, date, get, file, line)
        ballots.append((uid, code, vote, perm in _TRUE, line))
    return _sc_decisions_frame(decisions), _sc_ballots_frame(ballots)


def _sc_decision(uid: int, date: str, get: dict[str, str], file: str, line: int) -> dict:
    """A decision of the SC file, from the first of its member rows."""
    without = "without" in (get["modality"] + " " + get["vote_note"]).lower()

    def total(name: str):
        return whole_number(get[name], file, line, name, unknown="")

    return {
        "id": uid, "date": date, "symbol": get["resolution"],
        "draft": get["draft"] or None, "resolution": get["resolution"],
        "title": get["description"], "outcome": "adopted",
        "yes": total("total_yes"), "no": total("total_no"),
        "abstain": total("total_abstentions"), "not_voting": total("total_non_voting"),
        "vetoed_by": "", "procedural": False, "adopted_without_vote": without,
        "modality": get["modality"], "total_ms": total("total_ms"), "line": line,
    }


def _sc_decisions_frame(decisions: dict[int, dict]) -> pd.DataFrame:
    import pandas as pd

    dec = pd.DataFrame(list(decisions.values()),
                       columns=["id", "date", "symbol", "draft", "resolution", "title",
                                "outcome", "yes", "no", "abstain", "not_voting", "vetoed_by",
                                "procedural", "adopted_without_vote", "modality", "total_ms",
                                "line"])
    dec["date"] = pd.to_datetime(dec["date"], format="%Y-%m-%d")
    dec.insert(2, "year", dec["date"].dt.year.astype("int16"))
    dec = dec.astype({"id": "int64", "symbol": "string", "draft": "string",
                      "resolution": "string", "title": "string", "yes": "Int8", "no": "Int8",
                      "abstain": "Int8", "not_voting": "Int8", "vetoed_by": "string",
                      "procedural": "bool", "adopted_without_vote": "bool",
                      "modality": "string", "total_ms": "Int16", "line": "int32"})
    dec["outcome"] = pd.Categorical(dec["outcome"],
                                    categories=["adopted", "vetoed", "lack_of_majority"])
    return dec


def _sc_ballots_frame(ballots: list[tuple]) -> pd.DataFrame:
    """``ballots``: (decision, iso3, vote, permanent, line) tuples."""
    import pandas as pd

    b_dec, b_iso, b_vote, b_perm, b_line = ([b[i] for b in ballots] for i in range(5))
    return pd.DataFrame({
        "decision": pd.array(b_dec, dtype="int64"),
        "iso3": pd.Categorical(b_iso),
        "vote": pd.Categorical(b_vote, categories=list(VOTES)),
        "permanent": pd.array(b_perm, dtype="bool"),
        "line": pd.array(b_line, dtype="int32"),
    })


def undl_member_rows(rows: Any, header: list[str], columns: Sequence[str],
                     votes: dict[str, str], file: str) -> Iterator[tuple]:
    """Each row of a Library voting CSV as ``(line, fields, undl_id, ISO3, vote, date)``, with
    its field count and member columns checked by :func:`undl_member_row`."""
    ix = {n: header.index(n) for n in columns}
    seen: set[tuple[int, str]] = set()
    for line, row in rows:
        if len(row) != len(header):
            raise DataError(f"row has {len(row)} fields; expected {len(header)}", file=file,
                            line=line)
        get = {n: row[i].strip() for n, i in ix.items()}
        yield (line, get, *undl_member_row(get, votes, seen, file, line))


def undl_member_row(get: dict[str, str], votes: dict[str, str], seen: set[tuple[int, str]],
                    file: str, line: int) -> tuple[int, str, str, str]:
    """``(undl_id, ISO3, vote, date)`` of one row of a Library voting CSV, checked: a known state
    code (historical codes mapped, e.g. ``SUN`` → ``RUS``), a vote in ``votes``, an ISO date,
    and the state listed once per resolution."""
    uid = whole_number(get["undl_id"], file, line, "undl_id")
    code = code_aliases().get(get["ms_code"].upper(), get["ms_code"].upper())
    if code not in known_codes():
        raise DataError(f"unknown member state code {get['ms_code']!r} ({get['ms_name']!r}); "
                        "expected an ISO3 code of a current or historical state", file=file,
                        line=line, field="ms_code")
    vote = votes.get(get["ms_vote"].upper())
    if vote is None:
        raise DataError(f"{get['ms_vote']!r} is not a vote; expected Y, N, A or X", file=file,
                        line=line, field="ms_vote")
    date = get["date"][:10]
    if not ISO_DATE.match(date):
        raise DataError(f"{get['date']!r} is not a date; expected YYYY-MM-DD", file=file,
                        line=line, field="date")
    if (uid, code) in seen:
        raise DataError(f"{code} appears twice for undl_id {uid}", file=file, line=line,
                        field="ms_code")
    seen.add((uid, code))
    return uid, code, vote, date


def _same_totals(first: dict, get: dict[str, str], file: str, line: int) -> None:
    """Every row of one resolution must repeat its first row's totals."""
    for col, name in (("yes", "total_yes"), ("no", "total_no"), ("abstain", "total_abstentions"),
                      ("not_voting", "total_non_voting")):
        value = whole_number(get[name], file, line, name, unknown="")
        if value != first[col]:
            raise DataError(f"impossible tally: {name} is {value} here but {first[col]} on "
                            f"line {first['line']} for the same resolution", file=file,
                            line=line, field=name)
