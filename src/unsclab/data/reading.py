"""What every reader of a raw source shares: locating the file, decoding it, CSV rows with their
line numbers, whole numbers, and the committed tables of ``unsclab/data`` they map codes with.

Problems raise :class:`~unsclab.errors.DataError` naming the file, the line where there is one,
and the field. ``historical_states.csv`` (see ``SOURCES.md``) gives the codes of states that no
longer exist or changed code.
"""

from __future__ import annotations

__all__ = [
    "ISO_DATE",
    "P5",
    "VOTES",
    "code_aliases",
    "csv_rows",
    "csv_with_header",
    "known_codes",
    "project_table",
    "read_members",
    "read_utf8",
    "source_path",
    "whole_number",
]

import csv
import io
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The permanent members, by the project convention (see SOURCES.md): CHN and RUS in every year.
P5: tuple[str, ...] = ("CHN", "FRA", "RUS", "GBR", "USA")

#: Historical codes that are the *same state* under its current code (continuation or rename),
#: as opposed to states absorbed by or split into others (DDR, YMD, CSK, YUG, XZN keep their own
#: code). Basis: historical_states.csv notes (ISO 3166-3 and the UN's continuity practice).
_CONTINUING = frozenset({"SUN", "ZAR", "BYS", "DHY", "HVO", "BUR", "SCG"})

#: Ballot values: yes, no, abstention, present and not voting (or absent).
VOTES = ("Y", "N", "A", "NV")

#: A date as the sources write it, YYYY-MM-DD.
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
def known_codes() -> frozenset[str]:
    """ISO3 codes of current member states and of historical states."""
    codes = {r["iso3"] for r in project_table("members.csv")}
    codes |= {r["iso3"] for r in project_table("historical_states.csv")}
    return frozenset(codes)


def source_path(name: str, path: str | Path | None) -> Path:
    """The registered source ``name`` (located, SHA-256 verified), or the file ``path`` as is."""
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


def read_utf8(p: Path) -> str:
    """The file's text; not UTF-8 names the line and byte."""
    try:
        return p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        line = p.read_bytes()[: err.start].count(b"\n") + 1
        raise DataError(f"not UTF-8 text ({err.reason} at byte {err.start})",
                        file=str(p), line=line) from None


def csv_rows(text: str, file: str):
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


def csv_with_header(p: Path, what: str | None = None) -> tuple[str, Iterator, list[str]]:
    """``(file, rows, header)`` of a CSV file: its name, its rows after the header
    (:func:`csv_rows`) and the header as written; an empty file is refused (``what``: the
    header expected, named in the message)."""
    file = str(p)
    rows = csv_rows(read_utf8(p), file)
    try:
        _, header = next(rows)
    except StopIteration:
        expected = f"; expected the {what} header" if what else ""
        raise DataError(f"empty file{expected}", file=file, line=1) from None
    return file, rows, header


def whole_number(value: str, file: str, line: int, field: str, *, unknown: str | None = None):
    """``value`` as an int (``"120.0"`` is 120); ``unknown`` (e.g. ``"?"``) gives None."""
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
