"""Reader for the UN Digital Library voting scrape (GA and SC, to 2021).

The file is a scrape of the Library's "Voting Data" records (digitallibrary.un.org), zip entry
``UN DATA.csv`` dated 2022-01-29: one row per adopted resolution, Security Council (2,617 rows,
S/RES/1 … 2617, 1946-01-25 … 2021-12-30) and General Assembly (5,238 rows to 2021-12-24), with
the Library's full title (its bracketed subject, e.g. "[on extension of the mandate of …]"; 723
SC titles are cut with "[...]"), the record id and one column per state under its UN name in
capitals (historic names such as ``USSR``, ``ZAIRE``, ``UPPER VOLTA`` included).

Terms: the Library's data is offered for non-commercial use with attribution and the copy read
has no licence of its own, so unsclab uses it for checks and derived facts only (the Record's
cross-check, subject coding); its raw rows are never shipped in the package or the snapshot.

Cells are ``Y``, ``N``, ``A`` (abstention) or ``X`` (non-voting; the Library's marker for a
member present and not voting or absent, e.g. the USSR in June 1950); empty = not a member of
that organ then. The count columns are mislabelled in the scrape: ``ABSENT COUNT`` counts the
``A`` cells (abstentions) and ``NO-VOTE COUNT`` the ``X`` cells (checked on every SC row).

Column names map to states through the committed table ``undl_names.csv`` (``column``,
``state``, ``note``): ``state`` is the code of the state the column names (``SUN`` for the USSR,
``ZAR`` for Zaire, ``BYS`` for the Byelorussian SSR …); ``iso3`` in the tables below is the
project's code for the continuing state (``SUN`` → ``RUS``, ``ZAR`` → ``COD``; see
``historical_states.csv``). Scrape artefacts (stray prefixes, typos, one ``DONOTKNOW`` column)
are mapped there with their reasons.
"""

from __future__ import annotations

__all__ = ["UNDLScrape", "read_undl_scrape", "undl_title_subject"]

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_META = ("Council", "Date", "Title", "Resolution", "TOTAL VOTES", "NO-VOTE COUNT",
         "ABSENT COUNT", "NO COUNT", "YES COUNT", "Link", "token")
_ORGANS = {"Security Council": "sc", "General Assembly": "ga"}
_CELLS = {"Y": "Y", "N": "N", "A": "A", "X": "NV"}
_ENTRY = "UN DATA.csv"
#: The Federal Republic of Yugoslavia was admitted on 1 November 2000 (GA res. 55/12); GA cells
#: of the "YUGOSLAVIA" column from that date are its votes (SRB), as in the unvotes reader.
_FRY_ADMITTED = "2000-11-01"
_SC_SYMBOL = re.compile(r"^S/RES/(\d+)\((\d{4})\)$")
_BRACKET = re.compile(r"[\[<](.*?)(?:[\]>]|$)")


@dataclass(frozen=True)
class UNDLScrape:
    """The scrape, split by organ.

    ``sc`` / ``ga`` — one row per resolution: ``record`` (int64, the Library's record id),
    ``symbol`` (string, spaces removed, e.g. ``S/RES/1559(2004)``), ``number`` (Int32, the
    resolution number for SC rows; <NA> for GA), ``date`` (datetime64; NaT for the two GA rows
    that give only a year), ``year`` (int16),
    ``title`` (string, the Library's title), ``subject`` (string, its bracketed part without
    the brackets; <NA> where none), ``title_cut`` (bool: the scrape cut the title with
    ``[...]``), ``link`` (string), ``yes``, ``no``, ``abstain``, ``not_voting``, ``total``
    (Int16, the count columns under their real meaning), ``line`` (int32, line in the CSV).

    ``sc_votes`` / ``ga_votes`` — one row per filled cell: ``record`` (int64), ``column``
    (category, the scrape's column), ``state`` (category, the state named), ``iso3`` (category,
    the continuing state's code), ``vote`` (category Y/N/A/NV).
    """

    sc: pd.DataFrame
    sc_votes: pd.DataFrame
    ga: pd.DataFrame
    ga_votes: pd.DataFrame
    path: str


def undl_title_subject(title: str) -> str | None:
    """The bracketed subject of a Library title ("[on …]" or "<on …>"), without the brackets."""
    m = _BRACKET.search(title)
    if not m:
        return None
    text = m[1].strip()
    return text.removesuffix("[...").strip() or None


def _open_csv(p: Path) -> str:
    try:
        with zipfile.ZipFile(p) as z:
            names = z.namelist()
            if _ENTRY not in names:
                raise DataError(f"zip has no entry {_ENTRY!r} (entries: {', '.join(names)})",
                                file=str(p))
            raw = z.read(_ENTRY)
    except zipfile.BadZipFile as err:
        raise DataError(f"not a zip archive ({err})", file=str(p)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError(f"not UTF-8 text ({err.reason} at byte {err.start})",
                        file=f"{p}:{_ENTRY}") from None


def _state_map(columns: list[str], file: str) -> tuple[dict[str, str], dict[str, str]]:
    from unsclab.data.reading import code_aliases, project_table

    table = {r["column"]: r["state"] for r in project_table("undl_names.csv")}
    for col in columns:
        if col not in table:
            raise DataError(f"unknown state column {col!r}; expected a name listed in "
                            "unsclab/data/undl_names.csv (add it there with its code)",
                            file=file, line=1, field=col)
    aliases = code_aliases()
    return ({c: table[c] for c in columns},
            {c: aliases.get(table[c], table[c]) for c in columns})


def read_undl_scrape(path: str | Path | None = None) -> UNDLScrape:
    """Read the UN Digital Library voting scrape (see :class:`UNDLScrape`)."""
    import pandas as pd

    from unsclab.data.reading import source_path

    p = source_path("undl_scrape", path)
    file = f"{p}:{_ENTRY}"
    try:
        df = pd.read_csv(io.StringIO(_open_csv(p)), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as err:
        raise DataError(f"malformed CSV ({err})", file=file) from None
    header = list(df.columns)
    if tuple(header[:len(_META)]) != _META:
        bad = next((i for i, (g, w) in enumerate(zip(header, _META)) if g != w), len(header))
        want = _META[bad] if bad < len(_META) else "more columns"
        raise DataError(f"header column {bad + 1} is {header[bad] if bad < len(header) else ''!r}"
                        f"; expected {want!r}", file=file, line=1)
    states = header[len(_META):]
    state_of, iso_of = _state_map(states, file)
    df["line"] = range(2, len(df) + 2)
    organ = df["Council"].map(_ORGANS)
    if organ.isna().any():
        i = organ.index[organ.isna()][0]
        raise DataError(f"{df.at[i, 'Council']!r} is not an organ; expected "
                        "'Security Council' or 'General Assembly'", file=file,
                        line=int(df.at[i, "line"]), field="Council")
    parts = {}
    for key in ("sc", "ga"):
        sub = df[organ == key]
        parts[key] = (_meta(sub, key, file), _votes(sub, states, state_of, iso_of, file))
    return UNDLScrape(sc=parts["sc"][0], sc_votes=parts["sc"][1], ga=parts["ga"][0],
                      ga_votes=parts["ga"][1], path=str(p))


def _meta(sub: pd.DataFrame, organ: str, file: str) -> pd.DataFrame:
    import pandas as pd

    def whole(col: str, field: str) -> pd.Series:
        out = pd.to_numeric(sub[col], errors="coerce")
        bad = out.isna() | (out % 1 != 0)
        if bad.any():
            i = bad.idxmax()
            raise DataError(f"{sub.at[i, col]!r} is not a whole number", file=file,
                            line=int(sub.at[i, "line"]), field=field)
        return out.astype("Int64")

    dates = pd.to_datetime(sub["Date"], format="%Y-%m-%d", errors="coerce")
    year_only = sub["Date"].str.fullmatch(r"\d{4}")  # two GA rows give only the year
    bad = dates.isna() & ~year_only
    if bad.any():
        i = bad.idxmax()
        raise DataError(f"{sub.at[i, 'Date']!r} is not a date; expected YYYY-MM-DD", file=file,
                        line=int(sub.at[i, "line"]), field="Date")
    symbol = sub["Resolution"].str.replace(r"\s+", "", regex=True)
    number = pd.array([pd.NA] * len(sub), dtype="Int32")
    if organ == "sc":
        m = symbol.str.extract(_SC_SYMBOL)
        if m[0].isna().any():
            i = m[0].isna().idxmax()
            raise DataError(f"{sub.at[i, 'Resolution']!r} is not a resolution symbol; expected "
                            "S/RES/N(YYYY)", file=file, line=int(sub.at[i, "line"]),
                            field="Resolution")
        number = m[0].astype("Int32")
    title = sub["Title"].str.strip()
    out = pd.DataFrame({
        "record": whole("token", "token").astype("int64"),
        "symbol": symbol.astype("string"),
        "number": number,
        "date": dates,
        "year": sub["Date"].str[:4].astype("int16"),
        "title": title.astype("string"),
        "subject": title.map(undl_title_subject).astype("string"),
        "title_cut": title.str.endswith("[...]").astype("bool"),
        "link": sub["Link"].astype("string"),
        "yes": whole("YES COUNT", "YES COUNT").astype("Int16"),
        "no": whole("NO COUNT", "NO COUNT").astype("Int16"),
        "abstain": whole("ABSENT COUNT", "ABSENT COUNT").astype("Int16"),
        "not_voting": whole("NO-VOTE COUNT", "NO-VOTE COUNT").astype("Int16"),
        "total": whole("TOTAL VOTES", "TOTAL VOTES").astype("Int16"),
        "line": sub["line"].astype("int32"),
    })
    dup = out["record"].duplicated()
    if dup.any():
        i = dup.idxmax()
        raise DataError(f"record {out.at[i, 'record']} appears twice", file=file,
                        line=int(out.at[i, "line"]), field="token")
    order = ["number"] if organ == "sc" else ["date", "symbol"]
    return out.sort_values(order).reset_index(drop=True)


def _votes(sub: pd.DataFrame, states: list[str], state_of: dict[str, str],
           iso_of: dict[str, str], file: str) -> pd.DataFrame:
    import pandas as pd

    long = sub.melt(id_vars=["token", "line", "Date"], value_vars=states, var_name="column",
                    value_name="cell")
    long["cell"] = long["cell"].str.strip()
    long = long[long["cell"] != ""]
    vote = long["cell"].map(_CELLS)
    if vote.isna().any():
        i = vote.isna().idxmax()
        raise DataError(f"{long.at[i, 'cell']!r} is not a vote; expected Y, N, A, X or empty",
                        file=file, line=int(long.at[i, "line"]), field=long.at[i, "column"])
    state = long["column"].map(state_of)
    iso3 = long["column"].map(iso_of)
    late_yug = (long["column"] == "YUGOSLAVIA") & (long["Date"] >= _FRY_ADMITTED)
    state = state.mask(late_yug, "SRB")
    iso3 = iso3.mask(late_yug, "SRB")
    twice = pd.DataFrame({"token": long["token"], "iso3": iso3}).duplicated()
    if twice.any():
        i = twice.idxmax()
        raise DataError(f"two columns give a vote for {iso3[i]} in record {long.at[i, 'token']}",
                        file=file, line=int(long.at[i, "line"]), field=long.at[i, "column"])
    out = pd.DataFrame({
        "record": long["token"].astype("int64"),
        "column": pd.Categorical(long["column"], categories=states),
        "state": state.astype("category"),
        "iso3": iso3.astype("category"),
        "vote": pd.Categorical(vote, categories=["Y", "N", "A", "NV"]),
    })
    return out.sort_values(["record", "iso3"]).reset_index(drop=True)
