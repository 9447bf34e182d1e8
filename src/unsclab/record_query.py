"""The record's decisions as plain columns and the filters of ``record list``, without pandas.

``unsclab record list`` must answer in under 0.5 s as a whole command (issue 11), and importing
pandas alone takes about 0.3 s. :func:`decision_columns` gives the decisions table of the data
layers (:func:`unsclab.data.layers.find_table`: the same verified file that
:meth:`unsclab.record.Record.load` reads) as one Python list per column, from a JSON index of
it kept in the user cache; the filters then run in plain Python (3,203 rows: a few
milliseconds). :func:`unsclab.record_browse.select`
applies the same filters to a Record's DataFrame (:func:`frame_columns`), so the CLI, the web
pages and Python users share one definition of each filter.

A filter value that is not known raises :class:`~unsclab.errors.UnsclabError` with one line
naming it and the nearest choices (``difflib``).
"""

from __future__ import annotations

__all__ = ["COLUMNS", "choose", "decision_columns", "display_rows", "filters", "frame_columns",
           "matching"]

from collections.abc import Callable, Mapping, Sequence
from typing import Any

#: The columns of the decisions table that the filters and the listing read.
COLUMNS = ("id", "date", "symbol", "title", "outcome", "yes", "no", "abstain", "vetoed_by",
           "vote_type", "subject", "region", "countries")
OUTCOMES = ("adopted", "vetoed", "lack_of_majority", "failed")

#: column name -> one value per decision (dates as ``YYYY-MM-DD``, missing values ``None``)
Columns = Mapping[str, Sequence[Any]]
#: the columns a filter reads, and whether a decision with those values passes it
Filter = tuple[tuple[str, ...], Callable[..., bool]]


def choose(value: str, allowed: tuple[str, ...], option: str) -> str:
    """``value`` if allowed, else a one-line error naming it with the nearest choices."""
    import difflib

    from unsclab.errors import UnsclabError

    v = (value or "").strip().lower()
    folded = {a.lower(): a for a in allowed}
    if v in folded:
        return folded[v]
    near = [folded[n] for n in difflib.get_close_matches(v, list(folded), n=3, cutoff=0.6)]
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UnsclabError(f"{value!r} is not known{hint} (expected one of "
                       f"{', '.join(allowed)})", field=option)


def _date_bound(value: str | None, option: str, end: bool) -> str | None:
    import datetime as dt
    import re

    from unsclab.errors import UnsclabError

    if value is None:
        return None
    v = value.strip()
    if re.fullmatch(r"\d{4}", v):
        return f"{v}-12-31" if end else f"{v}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        try:
            return dt.date.fromisoformat(v).isoformat()
        except ValueError:
            raise UnsclabError(f"{value!r} is not a date of the calendar; expected YYYY-MM-DD",
                               field=option) from None
    raise UnsclabError(f"{value!r} is not a year or a date; expected YYYY or YYYY-MM-DD",
                       field=option)


#: the permanent seats and the names a user may give them (the state at the time included)
_PERMANENT = ("CHN", "FRA", "RUS", "GBR", "USA")


def _permanent(value: str) -> str:
    """The permanent seat of ``value`` (China, USSR, UK …); a one-line error otherwise."""
    from unsclab.errors import UnsclabError
    from unsclab.record_names import resolve_state, un_name

    code = resolve_state(value)
    if code not in _PERMANENT:
        named = "" if value.strip().lower() == un_name(code).lower() else f" ({un_name(code)})"
        raise UnsclabError(f"{value!r}{named} is not a permanent member; expected "
                           "one of " + ", ".join(f"{un_name(c)} ({c})" for c in _PERMANENT)
                           + " (the USSR and the Republic of China are found by name too)",
                           field="--vetoed-by")
    return code


def _codes(value: Any) -> list[str]:
    return value.split(";") if isinstance(value, str) else []


def filters(*, start=None, end=None, outcome=None, vote_type=None, vetoed_by=None, state=None,
            subject=None, region=None, search=None) -> list[Filter]:
    """The filters of ``record list`` for the given values, each checked first (one-line
    errors with near matches), before any table is read."""
    # each filter imports what it checks its value against, so a plain listing stays lean
    out: list[Filter] = []
    lo, hi = _date_bound(start, "--from", False), _date_bound(end, "--to", True)
    if lo and hi and lo > hi:
        from unsclab.errors import UnsclabError

        raise UnsclabError(f"--from {start} is after --to {end}; expected the first date "
                           "first", field="--from")
    if lo or hi:
        lo, hi = lo or "0000-00-00", hi or "9999-99-99"
        out.append((("date",), lambda d: lo <= d <= hi))
    if outcome:
        o = choose(outcome, OUTCOMES, "--outcome")
        wanted = {"vetoed", "lack_of_majority"} if o == "failed" else {o}
        out.append((("outcome",), lambda v: v in wanted))
    if vote_type:
        from unsclab.record_types import VOTE_TYPES

        t = choose(vote_type.replace("-", "_"), VOTE_TYPES, "--type")
        out.append((("vote_type",), lambda v: v == t))
    if vetoed_by:
        veto = _permanent(vetoed_by)
        out.append((("vetoed_by",), lambda v: veto in _codes(v)))
    if state:
        from unsclab.record_names import resolve_state

        code = resolve_state(state)
        out.append((("countries",), lambda v: code in _codes(v)))
    if subject:
        from unsclab.record_subjects import SUBJECTS

        s = choose(subject, tuple(s for s, _ in SUBJECTS) + ("other",), "--subject")
        out.append((("subject",), lambda v: v == s))
    if region:
        from unsclab.record_subjects import REGIONS

        r = choose(region, REGIONS, "--region")
        out.append((("region",), lambda v: v == r))
    if search:
        text = search.lower()
        out.append((("title", "symbol"),
                    lambda title, symbol: text in str(title).lower() or text in
                    str(symbol).lower()))
    return out


def matching(columns: Columns, rows: int, given: Sequence[Filter]) -> list[int]:
    """Positions of the decisions that pass every filter, in table order."""
    keep: Sequence[int] = range(rows)
    for names, passes in given:
        values = [columns[n] for n in names]
        keep = [i for i in keep if passes(*(v[i] for v in values))]
    return list(keep)


def display_rows(columns: Columns, positions: Sequence[int], short: bool = False
                 ) -> list[dict[str, Any]]:
    """Display rows of decisions: date, symbol, title, outcome, type, tally, vetoed by (names
    at the time), subject, region. ``short`` cuts titles to 70 characters for a terminal."""
    from unsclab.record_names import name_at

    c = {k: columns[k] for k in ("date", "symbol", "title", "outcome", "vote_type", "yes", "no",
                                 "abstain", "vetoed_by", "subject", "region")}
    out = []
    for i in positions:
        day, yes = c["date"][i], c["yes"][i]
        tally = "" if yes is None else f"{yes}-{c['no'][i]}-{c['abstain'][i]}"
        title = str(c["title"][i])
        if short and len(title) > 70:
            title = title[:69] + "…"
        out.append({"date": day, "symbol": str(c["symbol"][i]), "title": title,
                    "outcome": str(c["outcome"][i]), "type": str(c["vote_type"][i]),
                    "tally": tally,
                    "vetoed_by": ", ".join(name_at(v, day) for v in _codes(c["vetoed_by"][i])
                                           if v),
                    "subject": str(c["subject"][i]), "region": str(c["region"][i])})
    return out


class _FrameColumns(Mapping[str, Sequence[Any]]):
    """A DataFrame's columns as plain lists, converted when first read."""

    def __init__(self, frame: Any) -> None:
        self._frame, self._done = frame, {}

    def __getitem__(self, name: str) -> Sequence[Any]:
        if name not in self._done:
            s = self._frame[name]
            if name == "date":
                values = s.dt.strftime("%Y-%m-%d").tolist()
            else:
                values = s.astype(object).where(s.notna(), None).tolist()
            self._done[name] = values
        return self._done[name]

    def __iter__(self):
        return iter(self._frame.columns)

    def __len__(self) -> int:
        return len(self._frame.columns)


def frame_columns(frame: Any) -> Columns:
    """The columns of a decisions DataFrame (:attr:`Record.decisions`) as :data:`Columns`."""
    return _FrameColumns(frame)


_INDEX_KIND = "unsclab-decisions-index"
_INDEX_VERSION = 1  # bump when COLUMNS or the way values are written change


def decision_columns(data: str | None = None) -> tuple[Columns, int]:
    """The decisions table of the data layers as :data:`Columns` and its number of rows.

    The first call after a table changes reads it with pyarrow and keeps its columns as JSON
    in the user cache (``tables/decisions-index-<SHA-256 of the table file>.json``, checked
    like every cache file: :mod:`unsclab.data.integrity`); later calls read that JSON with the
    standard library, which spares even numpy's import. When the user has imported UN Library
    files (``unsclab data import``) they are laid over the table as :meth:`Record.load` does,
    with pandas.
    """
    from unsclab.data.fetch import cache_dir, sha256_of
    from unsclab.data.imports import imports_digest
    from unsclab.data.integrity import cached_json
    from unsclab.data.layers import find_table

    if imports_digest():
        from unsclab.data.layers import load_table

        frame = load_table("decisions", data)
        return frame_columns(frame), len(frame)
    origin = find_table("decisions", data)  # verified: its SHA-256 is known (memoised)
    folder = cache_dir() / "tables"
    path = folder / f"decisions-index-{sha256_of(origin.path)[:20]}.json"
    if not path.exists():
        for old in folder.glob("decisions-index-*.json*"):  # indexes of earlier tables
            old.unlink(missing_ok=True)
    index = cached_json(path, build=lambda: _parquet_columns(origin.path), kind=_INDEX_KIND,
                        version=_INDEX_VERSION)
    return index["columns"], int(index["rows"])


def _parquet_columns(path) -> dict[str, Any]:
    from unsclab.errors import DataError

    try:
        import pyarrow.parquet as pq

        table = pq.ParquetFile(path).read(columns=list(COLUMNS), use_threads=False)
    except Exception as err:  # verified bytes that do not parse: a foreign writer
        raise DataError(f"cannot read table ({type(err).__name__}: {err})",
                        file=str(path)) from None
    cols = {c: table.column(c).to_pylist() for c in COLUMNS}
    cols["date"] = [d.date().isoformat() for d in cols["date"]]
    return {"rows": table.num_rows, "columns": cols}
