#!/usr/bin/env python
"""Regenerate ``src/unsclab/data/members.csv``: the 193 UN member states.

Sources (read from ``$UNSCLAB_DATA``, one sub-folder per source, hashes as in
``unsclab.data.registry``; see also ``src/unsclab/data/SOURCES.md``):

- ``countries_mledoze/countries.json`` (mledoze/countries, commit 5e9f370050f8, ODbL 1.0):
  the states with ``unMember: true`` and their ``unRegionalGroup``; the Holy See (VAT), flagged
  as a member but a non-member observer state with no group, is dropped. ``name`` is mledoze's
  common name.
- ``worldbank_datasets/population.csv`` (World Bank SP.POP.TOTL via datahub ``datasets/population``
  commit 425fc447a53a, PDDL 1.0): the latest year per country (2024 for all 193).
- ``worldbank_datasets/gdp.csv`` (World Bank NY.GDP.MKTP.CD, current US$, via datahub
  ``datasets/gdp`` commit 822019c80142, PDDL 1.0): the latest year available per country, rounded
  to whole dollars; empty where the World Bank has no figure at all.

Usage::

    python scripts/build_members.py            # writes src/unsclab/data/members.csv
    python scripts/build_members.py --check    # exits 1 if the committed file differs
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import sys
from collections import Counter
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "unsclab" / "data" / "members.csv"

SOURCES = {
    "countries_mledoze/countries.json": (
        "69e45428770b8750c89a54ac6e6c91131c56cac930ec63551f9ee6d2a179f2da"
    ),
    "worldbank_datasets/population.csv": (
        "7d2dd6a17f5ed7916de1f89a9c116791e64d207f2e2f6ce47c57e1ab46f0088a"
    ),
    "worldbank_datasets/gdp.csv": (
        "f0a8408195646dbb1a9d7fc4424e2d302ee5380d0ec8834793f12ca25cbd7e2c"
    ),
}

GROUP_CODES = {
    "African Group": "AG",
    "Asia and the Pacific Group": "APG",
    "Eastern European Group": "EEG",
    "Latin American and Caribbean Group": "GRULAC",
    "Western European and Others Group": "WEOG",
}
EXPECTED_GROUP_COUNTS = {"AG": 54, "APG": 54, "EEG": 23, "GRULAC": 33, "WEOG": 29}
COLUMNS = ["iso3", "name", "group", "population", "population_year", "gdp_usd", "gdp_year"]


def data_dir() -> Path:
    folder = os.environ.get("UNSCLAB_DATA")
    if not folder:
        raise SystemExit("error: UNSCLAB_DATA is not set; expected the folder with the raw sources")
    return Path(folder)


def read_verified(rel: str) -> bytes:
    path = data_dir() / rel
    if not path.is_file():
        sys.exit(f"error: {path}: missing; set UNSCLAB_DATA to the folder holding {rel}")
    raw = path.read_bytes()
    got = hashlib.sha256(raw).hexdigest()
    if got != SOURCES[rel]:
        sys.exit(f"error: {path}: SHA-256 {got}, expected {SOURCES[rel]}")
    return raw


def latest_by_country(raw: bytes) -> dict[str, tuple[int, str]]:
    """``Country Code`` → (latest year, value string) of a World Bank long table."""
    latest: dict[str, tuple[int, str]] = {}
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))
    for row in reader:
        value = row["Value"].strip()
        if not value:
            continue
        code, year = row["Country Code"], int(row["Year"])
        if code not in latest or year > latest[code][0]:
            latest[code] = (year, value)
    return latest


def build() -> list[dict[str, str]]:
    countries = json.loads(read_verified("countries_mledoze/countries.json"))
    population = latest_by_country(read_verified("worldbank_datasets/population.csv"))
    gdp = latest_by_country(read_verified("worldbank_datasets/gdp.csv"))

    rows = []
    for c in countries:
        if not c.get("unMember"):
            continue
        if c["cca3"] == "VAT":  # Holy See: non-member observer state, no regional group
            continue
        group = GROUP_CODES[c["unRegionalGroup"]]
        iso3 = c["cca3"]
        if iso3 not in population:
            sys.exit(f"error: no World Bank population for UN member {iso3}")
        pop_year, pop = population[iso3]
        row = {
            "iso3": iso3,
            "name": c["name"]["common"],
            "group": group,
            "population": str(int(Decimal(pop))),
            "population_year": str(pop_year),
            "gdp_usd": "",
            "gdp_year": "",
        }
        if iso3 in gdp:
            gdp_year, value = gdp[iso3]
            row["gdp_usd"] = str(int(Decimal(value).quantize(Decimal(1), ROUND_HALF_EVEN)))
            row["gdp_year"] = str(gdp_year)
        rows.append(row)
    rows.sort(key=lambda r: r["iso3"])

    counts = Counter(r["group"] for r in rows)
    if len(rows) != 193 or dict(counts) != EXPECTED_GROUP_COUNTS:
        sys.exit(f"error: expected 193 members {EXPECTED_GROUP_COUNTS}, got {len(rows)} {counts}")
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("members.csv is up to date" if same else "members.csv differs from the sources")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} members")
    return 0


if __name__ == "__main__":
    sys.exit(main())
