"""Readers of the General Assembly roll calls, issues and votes of Voeten et al. as packaged in
the R package ``unvotes`` (``.rda`` files, read with pyreadr; Harvard Dataverse hdl:1902.1/12379).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from unsclab.data.reading import source_path
from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _read_rda(name: str, path: str | Path | None, obj: str) -> pd.DataFrame:
    p = source_path(name, path)
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
                            "known to mledoze/countries or a historical state in unvotes.py",
                            file=str(source_path("ga_votes", path)), field="country")
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
