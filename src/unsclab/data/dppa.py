"""Reader of the DPPA list of Security Council members by year (Council membership 1946–2027).

Committed mapping tables (see ``SOURCES.md``): ``dppa_names.csv`` and ``dppa_blank_names.csv``
(DPPA names → ISO3, the blank names resolved).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from unsclab.data.reading import csv_with_header, project_table, source_path, whole_number
from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


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

    p = source_path("dppa_membership", path)
    names = {r["name"]: r["iso3"] for r in project_table("dppa_names.csv")}
    blanks = {int(r["year"]): r["iso3"] for r in project_table("dppa_blank_names.csv")}
    file, rows, header = csv_with_header(p, "DPPA")
    expected = ["id", "year", "security_council_member", "last_update"]
    if [h.strip().lstrip("\ufeff") for h in header] != expected:
        raise DataError(f"header is {','.join(header)!r}; expected {','.join(expected)!r}",
                        file=file, line=1)
    recs, seen = [], {}
    for line, row in rows:
        if len(row) != 4:
            raise DataError(f"row has {len(row)} fields; expected 4", file=file, line=line)
        rid = whole_number(row[0], file, line, "id")
        year = whole_number(row[1], file, line, "year")
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
