"""One reader per source. Each returns pandas tables with documented columns and dtypes.

Every reader takes an optional ``path``: without it the registered source is located and its
SHA-256 verified (:func:`unsclab.data.fetch.locate`); with it, that file is read as is (a user's
own copy, or a test fixture). Problems raise :class:`~unsclab.errors.DataError` naming the file,
the line where there is one, and the field: a missing file says how to provide it, a corrupt
row names its line, an unknown country name stops the load with the name (never a silent drop).

Committed mapping tables (see ``SOURCES.md``): ``sciencespo_names.csv`` (Sciences Po column →
ISO3), ``dppa_names.csv`` and ``dppa_blank_names.csv`` (DPPA names → ISO3, the blank names
resolved), ``historical_states.csv`` (codes of states that no longer exist or changed code).
"""

from __future__ import annotations

__all__ = [
    "P5",
    "SciencesPo",
    "code_aliases",
    "project_table",
    "read_dppa",
    "read_ga_issues",
    "read_ga_roll_calls",
    "read_ga_votes",
    "read_members",
    "read_sciencespo",
    "read_undl_sc_voting",
    "read_vetoes_wpdl",
]

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The permanent members, by the project convention (see SOURCES.md): CHN and RUS in every year.
P5: tuple[str, ...] = ("CHN", "FRA", "RUS", "GBR", "USA")

#: Historical codes that are the *same state* under its current code (continuation or rename),
#: as opposed to states absorbed by or split into others (DDR, YMD, CSK, YUG, XZN keep their own
#: code). Basis: historical_states.csv notes (ISO 3166-3 and the UN's continuity practice).
_CONTINUING = frozenset({"SUN", "ZAR", "BYS", "DHY", "HVO", "BUR", "SCG"})

_VOTES = ("Y", "N", "A", "NV")


# --------------------------------------------------------------------------- helpers

def project_table(filename: str) -> list[dict[str, str]]:
    """A committed table of ``unsclab/data`` as a list of dict rows (standard library only)."""
    try:
        text = resources.files("unsclab.data").joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError("committed table is missing from the package",
                        file=f"unsclab/data/{filename}") from None
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def code_aliases() -> dict[str, str]:
    """Historical ISO3 code → the code the project uses (``SUN`` → ``RUS``, ``ZAR`` → ``COD``…)."""
    out = {}
    for row in project_table("historical_states.csv"):
        if row["iso3"] in _CONTINUING:
            out[row["iso3"]] = row["successor"]
    return out


@cache
def _known_codes() -> frozenset[str]:
    codes = {r["iso3"] for r in project_table("members.csv")}
    codes |= {r["iso3"] for r in project_table("historical_states.csv")}
    return frozenset(codes)


def _resolve(name: str, path: str | Path | None) -> Path:
    if path is None:
        from unsclab.data.fetch import locate

        return locate(name, download=False)
    p = Path(path)
    if not p.is_file():
        raise DataError(
            "missing: no such file; give the path of a copy of the source, or set UNSCLAB_DATA "
            "to a folder holding the sources (the layout 'unsclab data status' lists)",
            file=str(p),
        )
    return p


def _read_text(p: Path) -> str:
    try:
        return p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        line = p.read_bytes()[: err.start].count(b"\n") + 1
        raise DataError(f"not UTF-8 text ({err.reason} at byte {err.start})",
                        file=str(p), line=line) from None


def _rows(text: str, file: str):
    """CSV rows with the physical line (counted in ``\\n``) where each starts.

    Lines are split on ``\\n`` only, so a stray carriage return inside a quoted field (the
    Sciences Po file has one) stays part of the field instead of shifting line numbers.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    feed = (ln + "\n" for ln in lines)
    reader = csv.reader(feed, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise DataError(f"malformed CSV ({err})", file=file, line=reader.line_num) from None
        if row and row[-1].endswith("\r"):
            row[-1] = row[-1][:-1]  # CRLF line ending
        yield start, row
        start = reader.line_num + 1


def _int(value: str, file: str, line: int, field: str, *, unknown: str | None = None):
    value = value.strip()
    if unknown is not None and value == unknown:
        return None
    try:
        f = float(value)
        if f != int(f):
            raise ValueError
        return int(f)
    except ValueError:
        expected = "a whole number" + (f" or {unknown!r}" if unknown else "")
        raise DataError(f"{value!r} is not {expected}", file=file, line=line,
                        field=field) from None


# --------------------------------------------------------------------------- Sciences Po

SCIENCESPO_META = (
    "Vote in the DB", "UN classification", "Vote outcome", "Vote outcome typology-Observable",
    "Resolution number", "Date", "Official full title", "Title-Observable", "Yes", "No",
    "Abstentions", "Non-Voting", "Total", "(of which veto)",
)
_OUTCOMES = {"adopted": "adopted", "vetoed": "vetoed", "lack of maj.": "lack_of_majority"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    import pandas as pd

    p = _resolve("sciencespo_votes", path)
    file = str(p)
    names = {r["column"]: r["iso3"] for r in project_table("sciencespo_names.csv")}
    rows = _rows(_read_text(p), file)
    try:
        _, header = next(rows)
    except StopIteration:
        raise DataError("empty file; expected the Sciences Po header", file=file, line=1) from None
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
    codes = [names[c] for c in countries]
    width = len(header)

    recs, b_id, b_col, b_iso, b_vote = [], [], [], [], []
    seen: set[int] = set()
    for line, row in rows:
        if len(row) != width:
            raise DataError(f"row has {len(row)} fields; expected {width}", file=file, line=line)
        vid = _int(row[0], file, line, "Vote in the DB")
        if vid in seen:
            raise DataError(f"vote id {vid} appears twice", file=file, line=line,
                            field="Vote in the DB")
        seen.add(vid)
        outcome = _OUTCOMES.get(row[2].strip())
        if outcome is None:
            raise DataError(f"{row[2]!r} is not a known outcome; expected one of "
                            f"{', '.join(map(repr, _OUTCOMES))}", file=file, line=line,
                            field="Vote outcome")
        if not _DATE.match(row[5].strip()):
            raise DataError(f"{row[5]!r} is not a date; expected YYYY-MM-DD", file=file,
                            line=line, field="Date")
        res = row[4].strip()
        resolution = None if res in ("-", "") else _int(res, file, line, "Resolution number")
        tallies = [_int(row[i], file, line, SCIENCESPO_META[i], unknown="?") for i in range(8, 14)]
        recs.append((vid, row[1].strip(), outcome, row[3].strip(), resolution, row[5].strip(),
                     row[6].strip(), row[7].strip(), *tallies, line))
        filled: dict[str, str] = {}
        for j, cell in enumerate(row[14:]):
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
            b_id.append(vid)
            b_col.append(countries[j])
            b_iso.append(code)
            b_vote.append(None if cell == "?" else cell)

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
    ballots = pd.DataFrame({
        "id": pd.array(b_id, dtype="int32"),
        "column": pd.Categorical(b_col, categories=countries),
        "iso3": pd.Categorical(b_iso),
        "vote": pd.Categorical(b_vote, categories=list(_VOTES)),
    })
    return SciencesPo(votes=votes, ballots=ballots, path=file)


# --------------------------------------------------------------------------- DPPA membership

def read_dppa(path: str | Path | None = None) -> pd.DataFrame:
    """DPPA Security Council membership by year (1,150 rows, 1946–2027).

    Columns: ``id`` (int32), ``year`` (int16), ``name`` (string; as in the source, empty for the
    8 blank rows), ``iso3`` (category; names via ``dppa_names.csv``, blanks via
    ``dppa_blank_names.csv`` — resolved by elimination against the Sciences Po ballots for
    1964–65, 1990–91 and 2018–19 (Côte d'Ivoire), and by the 2025 election for 2026–27 (DR
    Congo); see the basis column of that table), ``resolved`` (bool: the name was blank),
    ``last_update`` (string).
    """
    import pandas as pd

    p = _resolve("dppa_membership", path)
    file = str(p)
    names = {r["name"]: r["iso3"] for r in project_table("dppa_names.csv")}
    blanks = {int(r["year"]): r["iso3"] for r in project_table("dppa_blank_names.csv")}
    rows = _rows(_read_text(p), file)
    try:
        _, header = next(rows)
    except StopIteration:
        raise DataError("empty file; expected the DPPA header", file=file, line=1) from None
    expected = ["id", "year", "security_council_member", "last_update"]
    if [h.strip().lstrip("\ufeff") for h in header] != expected:
        raise DataError(f"header is {','.join(header)!r}; expected {','.join(expected)!r}",
                        file=file, line=1)
    recs, seen = [], {}
    for line, row in rows:
        if len(row) != 4:
            raise DataError(f"row has {len(row)} fields; expected 4", file=file, line=line)
        rid = _int(row[0], file, line, "id")
        year = _int(row[1], file, line, "year")
        name = row[2].strip()
        if name:
            if name not in names:
                raise DataError(f"unknown member name {name!r}; expected a name listed in "
                                "unsclab/data/dppa_names.csv", file=file, line=line,
                                field="security_council_member")
            iso3, resolved = names[name], False
        else:
            if year not in blanks:
                raise DataError(f"blank member name in {year}, which dppa_blank_names.csv does "
                                "not resolve", file=file, line=line,
                                field="security_council_member")
            iso3, resolved = blanks[year], True
        if (year, iso3) in seen:
            raise DataError(f"{iso3} listed twice for {year} (also line {seen[(year, iso3)]})",
                            file=file, line=line, field="security_council_member")
        seen[(year, iso3)] = line
        recs.append((rid, year, name, iso3, resolved, row[3].strip()))
    df = pd.DataFrame.from_records(recs, columns=["id", "year", "name", "iso3", "resolved",
                                                  "last_update"])
    return df.astype({"id": "int32", "year": "int16", "name": "string", "iso3": "category",
                      "resolved": "bool", "last_update": "string"})


# --------------------------------------------------------------------------- WPDL vetoes

_WPDL_NAMES = {"USSR": "RUS", "Russia": "RUS", "USA": "USA", "UK": "GBR", "China": "CHN",
               "France": "FRA"}


def read_vetoes_wpdl(path: str | Path | None = None) -> pd.DataFrame:
    """The World Politics Data Lab list of vetoed drafts (214 rows, 1946-02-16 … 2022-07-08).

    Columns: ``date`` (datetime64), ``year`` (int16), ``draft``, ``meeting_record``,
    ``agenda_item``, ``crisis_topic``, ``region`` (string), ``member_veto`` (string: the
    ``member_veto1..3`` names as the source spells them, ``;``-joined), ``vetoed_by`` (string:
    the same as ISO3 codes, USSR and Russia both ``RUS``, ``;``-joined in source order),
    ``n_vetoes`` (int8), ``line`` (int32). The dummy columns (``China`` … ``france_uk``) are not
    kept: the source's README notes that 26 rows disagree with ``member_veto*``.
    """
    import pandas as pd

    p = _resolve("wpdl_vetoes", path)
    file = str(p)
    rows = _rows(_read_text(p), file)
    try:
        _, header = next(rows)
    except StopIteration:
        raise DataError("empty file", file=file, line=1) from None
    need = ["year", "date", "draft", "meeting_record", "agenda_item", "crisis_topic", "region",
            "member_veto1", "member_veto2", "member_veto3"]
    header = [h.strip().lstrip("\ufeff") for h in header]
    for n in need:
        if n not in header:
            raise DataError(f"column {n!r} is missing", file=file, line=1, field=n)
    ix = {n: header.index(n) for n in need}
    recs = []
    for line, row in rows:
        if len(row) != len(header):
            raise DataError(f"row has {len(row)} fields; expected {len(header)}", file=file,
                            line=line)
        m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", row[ix["date"]].strip())
        if not m:
            raise DataError(f"{row[ix['date']]!r} is not a date; expected M/D/YYYY", file=file,
                            line=line, field="date")
        date = f"{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}"
        raw = [row[ix[f"member_veto{k}"]].strip() for k in (1, 2, 3)]
        raw = [r for r in raw if r]
        for r in raw:
            if r not in _WPDL_NAMES:
                raise DataError(f"unknown vetoing member {r!r}; expected one of "
                                f"{', '.join(_WPDL_NAMES)}", file=file, line=line,
                                field="member_veto")
        recs.append((pd.Timestamp(date), int(m[3]), row[ix["draft"]].strip(),
                     row[ix["meeting_record"]].strip(), row[ix["agenda_item"]].strip(),
                     row[ix["crisis_topic"]].strip(), row[ix["region"]].strip(), ";".join(raw),
                     ";".join(_WPDL_NAMES[r] for r in raw), len(raw), line))
    cols = ["date", "year", "draft", "meeting_record", "agenda_item", "crisis_topic", "region",
            "member_veto", "vetoed_by", "n_vetoes", "line"]
    df = pd.DataFrame.from_records(recs, columns=cols)
    return df.astype({"year": "int16", "draft": "string", "meeting_record": "string",
                      "agenda_item": "string", "crisis_topic": "string", "region": "string",
                      "member_veto": "string", "vetoed_by": "string", "n_vetoes": "int8",
                      "line": "int32"})


# --------------------------------------------------------------------------- GA (unvotes .rda)

def _read_rda(name: str, path: str | Path | None, obj: str) -> pd.DataFrame:
    p = _resolve(name, path)
    try:
        import pyreadr

        result = pyreadr.read_r(str(p))
    except ImportError:
        raise DataError("reading .rda files needs pyreadr (pip install 'unsclab[data]')",
                        file=str(p)) from None
    except Exception as err:  # pyreadr raises its own error kinds for corrupt files
        raise DataError(f"cannot read R data file ({type(err).__name__}: {err})",
                        file=str(p)) from None
    if obj not in result:
        raise DataError(f"R data file holds {', '.join(result) or 'nothing'}; expected {obj!r}",
                        file=str(p), field=obj)
    return result[obj]


def read_ga_roll_calls(path: str | Path | None = None) -> pd.DataFrame:
    """GA roll calls 1946–2019 (unvotes ``un_roll_calls``; 6,203 rows).

    Columns: ``rcid`` (int32), ``session`` (int16), ``importantvote`` (boolean), ``date``
    (datetime64), ``unres`` (string), ``amend``, ``para`` (boolean), ``short``, ``descr``
    (string).
    """
    import pandas as pd

    df = _read_rda("ga_roll_calls", path, "un_roll_calls").copy()
    df["date"] = pd.to_datetime(df["date"])
    for col in ("importantvote", "amend", "para"):
        df[col] = pd.array([None if pd.isna(v) else bool(int(v)) for v in df[col]],
                           dtype="boolean")
    return df.astype({"rcid": "int32", "session": "int16", "unres": "string",
                      "short": "string", "descr": "string"})


def read_ga_issues(path: str | Path | None = None) -> pd.DataFrame:
    """GA roll-call issues (unvotes ``un_roll_call_issues``; 5,745 rows): ``rcid`` (int32),
    ``short_name`` (string), ``issue`` (category, 6 issues)."""
    df = _read_rda("ga_issues", path, "un_roll_call_issues")
    return df.astype({"rcid": "int32", "short_name": "string", "issue": "category"})


#: unvotes country (name, ISO2 code) → ISO3 where the code is missing, historical or follows
#: the project convention. Everything else maps through mledoze ``cca2`` → ``cca3``.
_GA_SPECIAL = {
    ("Federal Republic of Germany", None): "DEU",
    ("German Democratic Republic", "DD"): "DDR",
    ("Czechoslovakia", "CS"): "CSK",
    ("Yemen Arab Republic", None): "YEM",
    ("Yemen People's Republic", "YD"): "YMD",
    ("Zanzibar", None): "XZN",
    ("Taiwan", "TW"): "CHN",  # the China seat 1946-1971 (project convention, SOURCES.md)
    ("Yugoslavia", "YU"): "YUG",  # to 1992; the FRY from 1 November 2000 → SRB (below)
}
_FRY_ADMITTED = "2000-11-01"  # GA resolution 55/12


@cache
def _iso2_to_iso3() -> dict[str, str]:
    import json

    from unsclab.data.fetch import locate

    countries = json.loads(locate("countries", download=False).read_text(encoding="utf-8"))
    return {c["cca2"]: c["cca3"] for c in countries if c.get("cca2") and c.get("cca3")}


def read_ga_votes(path: str | Path | None = None,
                  roll_calls: pd.DataFrame | None = None) -> pd.DataFrame:
    """GA votes by country (unvotes ``un_votes``; 870,109 rows).

    Columns: ``rcid`` (int32), ``country`` (category, unvotes' name), ``country_code``
    (category, ISO2 as in the source, <NA> for 3 historical names), ``iso3`` (category:
    current codes via mledoze ``cca2``; historical states by ``historical_states.csv``;
    Taiwan's 1946–1971 votes are those of the China seat → ``CHN``; "Yugoslavia" → ``YUG``
    before 1 November 2000 and ``SRB`` (FRY / Serbia and Montenegro / Serbia) after),
    ``vote`` (category yes/no/abstain). An unmapped country stops the load with its name.
    """
    import pandas as pd

    df = _read_rda("ga_votes", path, "un_votes")
    iso2 = _iso2_to_iso3()
    pairs = df[["country", "country_code"]].drop_duplicates()
    mapping = {}
    for name, code in pairs.itertuples(index=False):
        code = None if pd.isna(code) else str(code)
        iso3 = _GA_SPECIAL.get((name, code)) or (iso2.get(code) if code else None)
        if iso3 is None:
            raise DataError(f"unknown country {name!r} (code {code!r}); expected an ISO2 code "
                            "known to mledoze/countries or a historical state in readers.py",
                            file=str(_resolve("ga_votes", path)), field="country")
        mapping[name] = iso3
    out = pd.DataFrame({
        "rcid": df["rcid"].astype("int32"),
        "country": df["country"].astype("category"),
        "country_code": df["country_code"].astype("category"),
        "iso3": df["country"].map(mapping).astype("string"),
        "vote": df["vote"].astype("category"),
    })
    yug = out["country"] == "Yugoslavia"
    if yug.any():
        rc = roll_calls if roll_calls is not None else read_ga_roll_calls()
        dates = out.loc[yug, "rcid"].map(rc.set_index("rcid")["date"])
        late = dates.index[dates >= pd.Timestamp(_FRY_ADMITTED)]
        out.loc[late, "iso3"] = "SRB"
    out["iso3"] = out["iso3"].astype("category")
    return out


# --------------------------------------------------------------------------- UNDL official CSV

UNDL_COLUMNS = (
    "undl_id", "ms_code", "ms_name", "permanent_member", "ms_vote", "date", "resolution",
    "draft", "meeting", "description", "agenda", "subjects", "vote_note", "total_yes",
    "total_no", "total_abstentions", "total_non_voting", "total_ms", "modality", "undl_link",
)
_UNDL_VOTES = {"Y": "Y", "N": "N", "A": "A", "X": "NV", "": "NV", "NV": "NV"}
_TRUE = {"true", "t", "1", "yes", "y", "p"}
_FALSE = {"false", "f", "0", "no", "n", "r", ""}


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
    import pandas as pd

    p = _resolve("undl", path)
    file = str(p)
    rows = _rows(_read_text(p), file)
    try:
        _, header = next(rows)
    except StopIteration:
        raise DataError("empty file; expected the UNDL header", file=file, line=1) from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    for n in UNDL_COLUMNS:
        if n not in header:
            raise DataError(f"column {n!r} is missing; expected the Library's columns "
                            f"{', '.join(UNDL_COLUMNS)}", file=file, line=1, field=n)
    decisions: dict[int, dict] = {}
    b_dec, b_iso, b_vote, b_perm, b_line = [], [], [], [], []
    for line, get, uid, code, vote, date in undl_member_rows(rows, header, UNDL_COLUMNS,
                                                             _UNDL_VOTES, file):
        perm = get["permanent_member"].lower()
        if perm not in _TRUE | _FALSE:
            raise DataError(f"{get['permanent_member']!r} is not True/False", file=file,
                            line=line, field="permanent_member")
        if uid in decisions:
            _same_totals(decisions[uid], get, file, line)
        if uid not in decisions:
            without = "without" in (get["modality"] + " " + get["vote_note"]).lower()
            decisions[uid] = {
                "id": uid, "date": date, "symbol": get["resolution"],
                "draft": get["draft"] or None, "resolution": get["resolution"],
                "title": get["description"], "outcome": "adopted",
                "yes": _int(get["total_yes"], file, line, "total_yes", unknown=""),
                "no": _int(get["total_no"], file, line, "total_no", unknown=""),
                "abstain": _int(get["total_abstentions"], file, line, "total_abstentions",
                                unknown=""),
                "not_voting": _int(get["total_non_voting"], file, line, "total_non_voting",
                                   unknown=""),
                "vetoed_by": "", "procedural": False, "adopted_without_vote": without,
                "modality": get["modality"],
                "total_ms": _int(get["total_ms"], file, line, "total_ms", unknown=""),
                "line": line,
            }
        b_line.append(line)
        b_dec.append(uid)
        b_iso.append(code)
        b_vote.append(vote)
        b_perm.append(perm in _TRUE)
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
    ballots = pd.DataFrame({
        "decision": pd.array(b_dec, dtype="int64"),
        "iso3": pd.Categorical(b_iso),
        "vote": pd.Categorical(b_vote, categories=list(_VOTES)),
        "permanent": pd.array(b_perm, dtype="bool"),
        "line": pd.array(b_line, dtype="int32"),
    })
    return dec, ballots


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
    uid = _int(get["undl_id"], file, line, "undl_id")
    code = code_aliases().get(get["ms_code"].upper(), get["ms_code"].upper())
    if code not in _known_codes():
        raise DataError(f"unknown member state code {get['ms_code']!r} ({get['ms_name']!r}); "
                        "expected an ISO3 code of a current or historical state", file=file,
                        line=line, field="ms_code")
    vote = votes.get(get["ms_vote"].upper())
    if vote is None:
        raise DataError(f"{get['ms_vote']!r} is not a vote; expected Y, N, A or X", file=file,
                        line=line, field="ms_vote")
    date = get["date"][:10]
    if not _DATE.match(date):
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
        value = _int(get[name], file, line, name, unknown="")
        if value != first[col]:
            raise DataError(f"impossible tally: {name} is {value} here but {first[col]} on "
                            f"line {first['line']} for the same resolution", file=file,
                            line=line, field=name)


# --------------------------------------------------------------------------- members

def read_members() -> pd.DataFrame:
    """The committed member-states table ``members.csv`` (193 rows).

    Columns: ``iso3``, ``name`` (string), ``group`` (category AG/APG/EEG/GRULAC/WEOG),
    ``population`` (int64), ``population_year`` (int16), ``gdp_usd`` (Int64, <NA> where
    missing), ``gdp_year`` (Int16).
    """
    import pandas as pd

    df = pd.DataFrame(project_table("members.csv"))
    df = df.replace({"gdp_usd": {"": None}, "gdp_year": {"": None}})
    return df.astype({"iso3": "string", "name": "string", "population": "int64",
                      "population_year": "int16", "gdp_usd": "Int64", "gdp_year": "Int16"}
                     ).assign(group=lambda d: pd.Categorical(
                         d["group"], categories=["AG", "APG", "EEG", "GRULAC", "WEOG"]))
