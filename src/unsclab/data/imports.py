"""``unsclab data import``: merge a newer UN Library voting file into the user cache.

A user who downloaded the Library's "Security Council Voting Data" or "General Assembly Voting
Data" CSV (:mod:`unsclab.data.undl_files`) can extend the record past what unsclab ships, e.g.
with S/RES/2812 (2026) of 14 January 2026, without waiting for a release.

:func:`import_file` reads and validates the whole file first (an unknown column, state code or
impossible tally refuses it with file, line and field, and nothing is written). It then compares
it with the current data (:mod:`unsclab.data.import_plan`) and reports what it would add, what is
unchanged and what conflicts. ``on_conflict`` decides what happens next:

- ``refuse`` (default): if anything conflicts, **nothing** is written;
- ``keep``: the new items are added and the current data is kept where they conflict;
- ``replace``: the new items are added and the file's version replaces each conflicting one.

Imports live in ``<user cache>/imports/``: ``sc_decisions.parquet`` and ``sc_ballots.parquet``
(Record schema; an added resolution's ``id`` is its ``undl_id``, a replaced one keeps the record's
id), ``ga_roll_calls.parquet`` and ``ga_votes.parquet`` (schema of the ``ga_recent_*`` tables),
and ``manifest.json`` (each imported file's name, SHA-256, date and counts, and the GA roll calls
replaced). Each is written with an integrity sidecar (``<file>.meta.json``: kind, version,
size, SHA-256; :mod:`unsclab.data.integrity`) and checked before every read: a damaged import
cannot be rebuilt (it came from the user's file), so it is refused with a one-line error that
says how to start again. :func:`overlay` lays them over a table, so the record and the GA alignment see them
like any other data in the user cache. ``unsclab data import --undo`` (:func:`clear`) removes
them.
"""

from __future__ import annotations

__all__ = [
    "ON_CONFLICT",
    "ImportReport",
    "clear",
    "import_file",
    "import_status",
    "imports_digest",
    "imports_dir",
    "overlay",
]

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsclab.errors import UnsclabError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

ON_CONFLICT = ("refuse", "keep", "replace")
_FILES = {"decisions": "sc_decisions", "ballots": "sc_ballots",
          "ga_recent_roll_calls": "ga_roll_calls", "ga_recent_votes": "ga_votes"}
_KEYS = {"decisions": "id", "ballots": "decision", "ga_recent_roll_calls": "rcid",
         "ga_recent_votes": "rcid", "ga_roll_calls": "rcid", "ga_votes": "rcid"}
_KIND_TITLE = {"sc": "Security Council Voting Data", "ga": "General Assembly Voting Data"}
#: Schema version of the imported tables and manifest, recorded in their integrity sidecars.
_VERSION = 1


@dataclass
class ImportReport:
    """What an import found and did (``written`` is False when it changed nothing)."""

    file: str
    kind: str
    sha256: str
    on_conflict: str
    added: list[dict[str, Any]]
    unchanged: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    replaced: list[dict[str, Any]]
    written: bool

    @property
    def refused(self) -> bool:
        return bool(self.conflicts) and self.on_conflict == "refuse"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "title": _KIND_TITLE[self.kind], "refused": self.refused}


def imports_dir() -> Path:
    from unsclab.data.fetch import cache_dir

    return cache_dir() / "imports"


def _checked(path: Path, read: Callable[[Path], Any]) -> Any:
    """``read(path)`` once its integrity sidecar vouches for it; a damaged import is refused."""
    from unsclab.data.integrity import CorruptFile, read_checked

    try:
        return read_checked(path, read, kind=f"unsclab-import:{path.name}", version=_VERSION)
    except CorruptFile as err:
        problem = err.problems[0]
        why = problem.message.removesuffix("; refused")
        raise UnsclabError(f"imported file refused ({why}); remove the imports with "
                           "'unsclab data import --undo' and import the file again",
                           file=problem.file or str(path)) from None


def _write_checked(path: Path, write: Callable[[Path], None]) -> None:
    from unsclab.data.integrity import write_checked

    write_checked(path, write, kind=f"unsclab-import:{path.name}", version=_VERSION)


def _read_manifest() -> dict[str, Any]:
    path = imports_dir() / "manifest.json"
    if not path.is_file():
        return {"imports": [], "ga_replaced": []}
    return _checked(path, lambda p: json.loads(p.read_text(encoding="utf-8")))


def imports_digest() -> str:
    """A short hash of the imports (empty when there are none), for cache keys."""
    path = imports_dir() / "manifest.json"
    if not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _stored(name: str) -> pd.DataFrame | None:
    import pandas as pd

    path = imports_dir() / f"{_FILES[name]}.parquet"
    if not path.is_file():
        return None
    return _checked(path, pd.read_parquet)


def overlay(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` (table ``name``) with the user's imports laid over it: imported rows replace rows
    with the same key and the rest are appended; GA roll calls an import replaced are dropped."""
    import pandas as pd

    if name in ("ga_roll_calls", "ga_votes", "ga_recent_roll_calls", "ga_recent_votes"):
        dropped = set(_read_manifest().get("ga_replaced", []))
        if dropped:
            df = df[~df["rcid"].isin(dropped)]
    if name not in _FILES:
        return df
    extra = _stored(name)
    if extra is None or extra.empty:
        return df
    key = _KEYS[name]
    replaced = set(extra[key]) if name in ("decisions", "ga_recent_roll_calls") else set(
        extra[key].unique())
    out = pd.concat([df[~df[key].isin(replaced)], extra.astype(_common(df, extra))],
                    ignore_index=True)
    for col in df.columns:
        if isinstance(df[col].dtype, pd.CategoricalDtype) and col not in ("vote", "outcome"):
            out[col] = out[col].astype(str).astype("category")
        elif isinstance(df[col].dtype, pd.CategoricalDtype):
            out[col] = pd.Categorical(out[col].astype("string"),
                                      categories=df[col].cat.categories)
    if name == "decisions":
        out = out.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    return out[list(df.columns)]


def _common(df: pd.DataFrame, extra: pd.DataFrame) -> dict[str, Any]:
    import pandas as pd

    return {c: df[c].dtype for c in extra.columns
            if c in df.columns and not isinstance(df[c].dtype, pd.CategoricalDtype)}


def import_status() -> list[dict[str, Any]]:
    """The files imported so far, oldest first: name, SHA-256, kind, date, counts."""
    return [{k: v for k, v in e.items() if k != "ga_symbols"}
            for e in _read_manifest().get("imports", [])]


def clear() -> int:
    """Remove every import (and the sidecars); returns how many imported files were removed."""
    n = 0
    for path in imports_dir().glob("*"):
        if path.suffix in (".parquet", ".json"):
            path.unlink()
            n += not path.name.endswith(".meta.json")
    return n


# --------------------------------------------------------------------------- importing

def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def import_file(path: str | Path, *, on_conflict: str = "refuse",
                dry_run: bool = False) -> ImportReport:
    """Validate, compare and (unless refused or ``dry_run``) merge a Library voting CSV."""
    from unsclab.data.undl_files import file_kind

    if on_conflict not in ON_CONFLICT:
        raise UnsclabError(f"{on_conflict!r} is not a choice; expected one of "
                           f"{', '.join(ON_CONFLICT)}", field="--on-conflict")
    p = Path(path)
    kind = file_kind(p)
    plan, frames = _plan_sc(p) if kind == "sc" else _plan_ga(p)
    take = {i["undl_id"] for i in plan.added}
    replaced = plan.conflicts if on_conflict == "replace" else []
    take |= {i["undl_id"] for i in replaced}
    report = ImportReport(str(p), kind, _sha256(p), on_conflict, plan.added, plan.unchanged,
                          plan.conflicts, replaced, written=False)
    if dry_run or report.refused or not take:
        return report
    extra: dict[str, Any] = {}
    if kind == "sc":
        _write_sc(frames, take, {i["undl_id"]: i["record_id"] for i in replaced})
    else:
        extra = _write_ga(frames, take, [i["record_id"] for i in replaced if "record_id" in i])
    _log(report, **extra)
    report.written = True
    return report


def _plan_sc(p: Path):
    from unsclab.data.import_plan import plan_sc
    from unsclab.data.readers import read_undl_sc_voting
    from unsclab.data.undl_files import SC_COLUMNS, check_header, check_tallies
    from unsclab.record import Record

    check_header(p, SC_COLUMNS)
    dec, bal = read_undl_sc_voting(p)
    for d in dec[dec["total_ms"].notna() & (dec["total_ms"] > 15)].itertuples():
        raise UnsclabError(f"impossible tally: {int(d.total_ms)} members; the Council has 15",
                           file=str(p), line=int(d.line), field="total_ms")
    check_tallies(dec, bal.rename(columns={"decision": "id"}), key="id", file=str(p),
                  codes={c: c for c in ("Y", "N", "A", "NV")})
    rec = Record.load()
    return plan_sc(dec, bal, rec.decisions, rec.ballots), (dec, bal)


def _current_ga() -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """Every current GA roll call (``rcid``, ``date``, ``symbol``) and the vote tables
    (``rcid``, ``iso3``, ``vote``; ``unvotes`` then v33 and imports)."""
    import pandas as pd

    from unsclab.votes.alignment import _table

    old_rc, old_v = _table("ga_roll_calls"), _table("ga_votes")
    new_rc, new_v = _table("ga_recent_roll_calls"), _table("ga_recent_votes")
    symbols = _imported_symbols()
    rc = pd.concat([
        pd.DataFrame({"rcid": old_rc["rcid"].astype("int64"), "date": old_rc["date"],
                      "symbol": old_rc["unres"].astype("string").replace("", pd.NA)}),
        pd.DataFrame({"rcid": new_rc["rcid"].astype("int64"), "date": new_rc["date"],
                      "symbol": new_rc["rcid"].map(symbols).astype("string")}),
    ], ignore_index=True)
    rc["date"] = pd.to_datetime(rc["date"])
    return rc, [old_v[["rcid", "iso3", "vote"]], new_v[["rcid", "iso3", "vote"]]]


def _imported_symbols() -> dict[int, str]:
    out: dict[int, str] = {}
    for entry in _read_manifest().get("imports", []):
        out.update({int(k): v for k, v in entry.get("ga_symbols", {}).items()})
    return out


def _plan_ga(p: Path):
    from unsclab.data.import_plan import plan_ga
    from unsclab.data.undl_files import read_undl_ga_voting

    rc, votes = read_undl_ga_voting(p)
    cur_rc, cur_votes = _current_ga()
    return plan_ga(rc, votes, cur_rc, cur_votes), (rc, votes)


def _merge_store(name: str, new: pd.DataFrame, key: str) -> None:
    import pandas as pd

    old = _stored(name)
    if old is not None:
        new = pd.concat([old[~old[key].isin(set(new[key]))], new], ignore_index=True)
    _write_checked(imports_dir() / f"{_FILES[name]}.parquet",
                   lambda tmp: new.to_parquet(tmp, index=False))


def _write_sc(frames, take: set[int], replace_ids: dict[int, int]) -> None:
    import pandas as pd

    dec, bal = frames
    dec = dec[dec["id"].isin(take)].copy()
    bal = bal[bal["decision"].isin(take)].copy()
    ids = {u: replace_ids.get(u, u) for u in dec["id"]}
    from unsclab.data.import_plan import norm_symbol

    symbol = dec["resolution"].map(lambda s: norm_symbol(str(s))).astype("string")
    number = symbol.map(lambda s: _res_number(str(s)))
    out = pd.DataFrame({
        "id": dec["id"].map(ids).astype("int32"), "date": dec["date"],
        "year": dec["year"].astype("int16"), "symbol": symbol,
        "draft": dec["draft"].astype("string"), "resolution": symbol,
        "resolution_number": pd.array(number, dtype="Int32"),
        "title": dec["title"].astype("string"), "outcome": dec["outcome"],
        "yes": dec["yes"], "no": dec["no"], "abstain": dec["abstain"],
        "not_voting": dec["not_voting"], "vetoed_by": pd.array([""] * len(dec), "string"),
        "procedural": False, "adopted_without_vote": dec["adopted_without_vote"],
        "votes_known": True,
    })
    ballots = pd.DataFrame({"decision": bal["decision"].map(ids).astype("int32"),
                            "iso3": bal["iso3"].astype(str), "vote": bal["vote"].astype(str),
                            "permanent": bal["permanent"].astype(bool)})
    _merge_store("decisions", out, "id")
    _merge_store("ballots", ballots, "decision")


def _res_number(symbol: str) -> int | None:
    m = re.match(r"^S/RES/(\d+)", symbol.replace(" ", ""))
    return int(m[1]) if m else None


def _write_ga(frames, take: set[int], dropped: list[int]) -> dict[str, Any]:
    import pandas as pd

    rc, votes = frames
    rc = rc[rc["rcid"].isin(take)]
    out = pd.DataFrame({
        "rcid": rc["rcid"].astype("int32"), "rcid_source": rc["rcid"].astype("int32"),
        "date": rc["date"], "year": rc["date"].dt.year.astype("int16"),
        "ga_year": rc["ga_year"].astype("int16"),
        **{flag: False for flag in ("me", "nu", "di", "hr", "co", "ec")},
    })
    v = votes[votes["rcid"].isin(take)]
    vout = pd.DataFrame({"rcid": v["rcid"].astype("int32"), "iso3": v["iso3"].astype(str),
                         "vote": v["vote"].astype(str)})
    _merge_store("ga_recent_roll_calls", out, "rcid")
    _merge_store("ga_recent_votes", vout, "rcid")
    return {"dropped": dropped, "symbols": dict(zip(rc["rcid"].astype(int),
                                                    rc["symbol"].astype(str)))}


def _log(report: ImportReport, *, dropped: list[int] | None = None,
         symbols: dict[int, str] | None = None) -> None:
    manifest = _read_manifest()
    entry = {"file": Path(report.file).name, "sha256": report.sha256, "kind": report.kind,
             "imported": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
             "added": len(report.added), "replaced": len(report.replaced),
             "on_conflict": report.on_conflict}
    if report.kind == "ga":
        entry["ga_symbols"] = {str(k): v for k, v in (symbols or {}).items()}
        manifest["ga_replaced"] = sorted(set(manifest.get("ga_replaced", []))
                                         | set(dropped or []))
    manifest["imports"].append(entry)
    _write_checked(imports_dir() / "manifest.json",
                   lambda tmp: tmp.write_text(json.dumps(manifest, indent=1) + "\n",
                                              encoding="utf-8"))
