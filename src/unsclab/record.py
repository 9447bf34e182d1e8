"""The historical Record: every Security Council vote since 1946 as tidy tables.

Built from the Sciences Po "UNSC votes since 1946" database (every vote on adopted, vetoed and
failed drafts, 1946-01-25 … 2025-12-29; CC BY 4.0, MARTIN 2026), with the project's documented
tables applied — never silently:

- ``data/sciencespo_names.csv`` maps the source's country columns to ISO3 (project convention:
  the permanent seats are CHN, FRA, RUS, GBR, USA in every year; see ``data/SOURCES.md``);
- ``data/corrections.csv`` corrects errors in the source (a duplicated vote; four columns that
  hold another state's votes in some years), each with its basis;
- ``data/procedural_decisions.csv`` marks the decisions taken as procedural (Art. 27(2)), where
  a permanent member's "no" is not a veto, each with its basis.

Tables (pandas):

``decisions`` — one row per vote on a draft (3,202 after dropping the duplicate):
    ``id`` (int32, the source's "Vote in the DB"), ``date`` (datetime64), ``year`` (int16),
    ``symbol`` (string: the source's "UN classification" — the resolution symbol for adopted
    drafts, the draft or meeting symbol otherwise), ``draft`` (string, <NA> where the source
    gives only the resolution), ``resolution`` (string, e.g. ``S/RES/678(1990)``; <NA> if not
    adopted), ``resolution_number`` (Int32), ``title`` (string), ``outcome`` (category
    adopted / vetoed / lack_of_majority), ``yes``, ``no``, ``abstain``, ``not_voting`` (Int8;
    <NA> where the source has ``?``), ``vetoed_by`` (string, ``;``-joined ISO3 of the permanent
    members voting no on a vetoed draft), ``procedural`` (bool), ``adopted_without_vote``
    (bool: adopted with every member recorded not voting), ``votes_known`` (bool).
``ballots`` — one row per member per decision: ``decision`` (int32 → ``decisions.id``),
    ``iso3`` (category), ``vote`` (category Y/N/A/NV; <NA> where unknown), ``permanent`` (bool).
``membership`` — one row per member per year, 1946–2027 (1,150 rows): ``year`` (int16),
    ``iso3`` (category), ``permanent`` (bool), ``group`` (category; the state's UN regional group
    today, from ``members.csv`` / ``historical_states.csv``), ``basis`` (``ballots`` for the years
    of the record, ``election`` after it: :mod:`unsclab.data.membership`, ``sc_elections.csv``).
``members`` — the 193 member states (``data/members.csv``).

:meth:`Record.load` reads these tables through the data layers (``$UNSCLAB_DATA`` → user cache →
the snapshot embedded in the package; :mod:`unsclab.data.layers`); :meth:`Record.build` builds
them from the sources (the snapshot's builders call it).
"""

from __future__ import annotations

__all__ = ["Record", "UNKNOWN_VOTES"]

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SCHEMA_VERSION = 4
P5 = ("CHN", "FRA", "RUS", "GBR", "USA")
OUTCOMES = ("adopted", "vetoed", "lack_of_majority")
_TABLES = ("sciencespo_names.csv", "dppa_names.csv", "dppa_blank_names.csv",
           "procedural_decisions.csv", "corrections.csv", "members.csv",
           "historical_states.csv", "added_decisions.csv", "undl_names.csv",
           "seat_holders.csv", "un_names.csv", "sc_elections.csv", "seat_categories.csv")
_SOURCES = ("sciencespo_votes", "undl_scrape", "countries")

#: The four 1947–48 failed drafts whose member votes are unknown in the source (every member
#: cell ``?``; S/516 and S/1148 also have ``?`` tallies), as read in the Sciences Po
#: database (MARTIN 2026, V1). They cannot be re-decided and are reported as documented exceptions.
UNKNOWN_VOTES = {62: "S/516", 123: "S/1148", 124: "S/1158", 125: "S/1159"}


#: Record attribute → derived table of the data layers (:mod:`unsclab.data.builders`).
_TABLE_OF = {"decisions": "decisions", "ballots": "ballots", "membership": "membership",
             "members": "members", "crosscheck": "record_crosscheck"}


def record_key() -> str:
    """SHA-256 over the keys of the Record's tables (:func:`unsclab.data.tables.table_key`)."""
    from unsclab.data.tables import table_key

    keys = "".join(table_key(n) for n in (*_TABLE_OF.values(), "record_dropped"))
    return hashlib.sha256(keys.encode()).hexdigest()


def _norm_symbol(symbol: str) -> str:
    return re.sub(r"\s+", "", str(symbol)).upper()


@dataclass
class Record:
    """The historical record (see the module docstring for the tables)."""

    decisions: pd.DataFrame
    ballots: pd.DataFrame
    membership: pd.DataFrame
    members: pd.DataFrame
    crosscheck: pd.DataFrame | None = None
    key: str = ""
    dropped: list[dict[str, Any]] = field(default_factory=list)

    # ------------------------------------------------------------------ building and loading

    @classmethod
    def build(cls) -> Record:
        """Build the Record from the sources (verified) and the committed tables."""
        import pandas as pd

        from unsclab.data.readers import project_table, read_members, read_sciencespo
        from unsclab.record_check import crosscheck_or_empty
        from unsclab.record_corrections import apply_corrections
        from unsclab.record_groups import seat_categories
        from unsclab.record_names import states_column
        from unsclab.record_subjects import code_decisions
        from unsclab.record_types import participation, vote_types

        sp = read_sciencespo()
        votes, ballots = sp.votes.copy(), sp.ballots.copy()
        ballots["iso3"] = ballots["iso3"].astype("string")
        year_of = dict(zip(votes["id"], votes["date"].dt.year))
        ballots["year"] = ballots["id"].map(year_of)
        votes, ballots, applied = apply_corrections(votes, ballots)
        dropped = applied.dropped

        procedural = {int(r["id"]): r for r in project_table("procedural_decisions.csv")}
        for vid, r in procedural.items():
            hit = votes.loc[votes["id"] == vid, "symbol"]
            if hit.empty or _norm_symbol(hit.iloc[0]) != _norm_symbol(r["symbol"]):
                raise DataError(f"procedural decision id {vid} ({r['symbol']}) does not match "
                                "the source", file="unsclab/data/procedural_decisions.csv",
                                field="id")

        ballots["permanent"] = ballots["iso3"].isin(P5)
        known = ballots.groupby("id")["vote"].apply(lambda v: bool(v.notna().all()))
        nv_only = ballots.groupby("id")["vote"].apply(lambda v: bool((v == "NV").all()))
        p5no = (ballots[ballots["permanent"] & (ballots["vote"] == "N")]
                .groupby("id")["iso3"].apply(lambda s: ";".join(c for c in P5 if c in set(s))))

        is_res = votes["symbol"].str.startswith("S/RES/")
        dec = pd.DataFrame({
            "id": votes["id"].astype("int32"),
            "date": votes["date"],
            "year": votes["date"].dt.year.astype("int16"),
            "symbol": votes["symbol"],
            "draft": votes["symbol"].where(~is_res, pd.NA).astype("string"),
            "resolution": votes["symbol"].where(is_res, pd.NA).astype("string"),
            "resolution_number": votes["resolution"],
            "title": votes["title"],
            "outcome": votes["outcome"],
            "yes": votes["yes"], "no": votes["no"], "abstain": votes["abstain"],
            "not_voting": votes["not_voting"],
        })
        dec["vetoed_by"] = (dec["id"].map(p5no).where(dec["outcome"] == "vetoed", "")
                            .fillna("").astype("string"))
        dec["procedural"] = dec["id"].isin(list(procedural)).astype("bool")
        dec["adopted_without_vote"] = ((dec["outcome"] == "adopted")
                                       & dec["id"].map(nv_only).fillna(False).astype(bool)
                                       & (dec["yes"] == 0).fillna(False)).astype("bool")
        dec["votes_known"] = dec["id"].map(known).fillna(False).astype("bool")
        dec = dec.sort_values(["date", "id"]).reset_index(drop=True)
        dec["vote_type"] = vote_types(dec)
        dec = pd.concat([dec, code_decisions(dec)], axis=1)

        bal = pd.DataFrame({
            "decision": ballots["id"].astype("int32"),
            "iso3": ballots["iso3"].astype("category"),
            "vote": pd.Categorical(ballots["vote"], categories=["Y", "N", "A", "NV"]),
            "permanent": ballots["permanent"].astype("bool"),
        }).reset_index(drop=True)
        bal["participation"] = participation(bal, dec)
        bal.insert(2, "state", states_column(bal, dec))
        bal["seat_category"] = seat_categories(bal, dec)

        from unsclab.data.membership import membership_table

        mem = membership_table(dec, bal)
        return cls(dec, bal, mem, read_members(), crosscheck=crosscheck_or_empty(dec, bal),
                   key=record_key(), dropped=dropped)

    @classmethod
    def load(cls, data: str | Path | None = None) -> Record:
        """The Record from the data layers (:func:`unsclab.data.layers.load_table`):
        ``$UNSCLAB_DATA`` (or ``data``) → the user cache → the embedded snapshot. Every file is
        verified before it is read; the same sources give the same tables in every layer. The
        user's imports (``unsclab data import``; :mod:`unsclab.data.imports`) are laid over it."""
        from unsclab.data.imports import imports_digest, overlay
        from unsclab.data.layers import find_table, read_origin

        names = {**_TABLE_OF, "dropped": "record_dropped"}
        origins = {attr: find_table(name, data) for attr, name in names.items()}
        # the user's imports of UN Library SC voting files are laid over decisions and ballots
        frames = {attr: overlay(names[attr], read_origin(o)) for attr, o in origins.items()}
        dropped = [{k: (int(v) if k == "id" else str(v)) for k, v in row.items()}
                   for row in frames.pop("dropped").to_dict("records")]
        keys = "".join(o.key for o in origins.values()) + imports_digest()
        return cls(**frames, key=hashlib.sha256(keys.encode()).hexdigest(), dropped=dropped)

    # ------------------------------------------------------------------ export

    def to_csv(self, folder: str | Path) -> list[Path]:
        """Write ``decisions``, ``ballots``, ``membership`` and ``crosscheck`` as CSV files in
        ``folder`` (created); returns the paths written."""
        return self._export(folder, "csv")

    def to_parquet(self, folder: str | Path) -> list[Path]:
        """The same tables as Parquet files (dtypes kept)."""
        return self._export(folder, "parquet")

    def _export(self, folder: str | Path, kind: str) -> list[Path]:
        from unsclab._files import atomic_path

        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in ("decisions", "ballots", "membership", "crosscheck"):
            frame = getattr(self, name)
            if frame is None:
                continue
            target = out / f"{name}.{kind}"
            with atomic_path(target) as tmp:
                if kind == "csv":
                    frame.to_csv(tmp, index=False)
                else:
                    frame.to_parquet(tmp, index=False)
            written.append(target)
        return written

    # ------------------------------------------------------------------ lookups

    def find(self, symbol: str) -> pd.DataFrame:
        """Decisions whose symbol (draft, resolution or meeting) is ``symbol`` (spaces ignored)."""
        want = _norm_symbol(symbol)
        keys = self.decisions["symbol"].map(_norm_symbol)
        return self.decisions[keys == want]

    def ballot(self, decision_id: int) -> dict[str, str | None]:
        """ISO3 → vote (``None`` where unknown) for one decision, permanent members first."""
        import pandas as pd

        b = self.ballots[self.ballots["decision"] == decision_id]
        b = b.sort_values(["permanent", "iso3"], ascending=[False, True])
        return {str(c): (None if pd.isna(v) else str(v))
                for c, v in zip(b["iso3"], b["vote"].astype(object))}

    def show(self, symbol: str) -> list[dict[str, Any]]:
        """Every decision with ``symbol``, each with its full ballot; raises when there is none."""
        hits = self.find(symbol)
        if hits.empty:
            import difflib

            known = dict(zip(self.decisions["symbol"].map(_norm_symbol),
                             self.decisions["symbol"].astype(str)))
            want = _norm_symbol(symbol)
            near = [known[k] for k in known if k.startswith(want + "(")]  # S/RES/1559
            near += [known[k] for k in difflib.get_close_matches(want, known, n=3, cutoff=0.75)
                     if known[k] not in near]
            near = near[:3]
            hint = f"did you mean {', '.join(near)}?" if near else (
                "expected a draft symbol such as S/2024/312 or a resolution symbol such as "
                "S/RES/678(1990)")
            raise DataError(f"no decision with symbol {symbol!r}; {hint}", field="symbol")
        return [self._describe(row) for row in hits.itertuples(index=False)]

    def _describe(self, row: Any) -> dict[str, Any]:
        import pandas as pd

        def num(v):
            return None if pd.isna(v) else int(v)

        def text(v):
            return None if pd.isna(v) else str(v)

        return {
            "id": int(row.id), "symbol": str(row.symbol),
            "draft": text(row.draft), "resolution": text(row.resolution),
            "date": str(row.date.date()), "title": str(row.title), "outcome": str(row.outcome),
            "yes": num(row.yes), "no": num(row.no), "abstain": num(row.abstain),
            "not_voting": num(row.not_voting),
            "vetoed_by": [c for c in str(row.vetoed_by).split(";") if c],
            "procedural": bool(row.procedural),
            "adopted_without_vote": bool(row.adopted_without_vote),
            "vote_type": str(getattr(row, "vote_type", "")),
            "ballot": self.ballot(int(row.id)),
            "names": self._names_at(int(row.id), str(row.date.date())),
        }

    def _names_at(self, decision_id: int, date: str) -> dict[str, dict[str, str]]:
        """ISO3 → the state that held the seat and its name at the time."""
        from unsclab.record_names import name_at, state_at

        b = self.ballots[self.ballots["decision"] == decision_id]
        return {str(c): {"state": state_at(str(c), date), "name": name_at(str(c), date)}
                for c in b["iso3"]}

    # ------------------------------------------------------------------ summary

    def summary(self) -> dict[str, Any]:
        """Counts by outcome and by decade, vetoes by permanent member."""
        from unsclab.record_check import veto_definitions

        d = self.decisions
        by_outcome = {o: int((d["outcome"] == o).sum()) for o in OUTCOMES}
        decade = (d["year"] // 10 * 10).astype(int)
        by_decade = {}
        for dec_start in sorted(decade.unique()):
            sub = d[decade == dec_start]
            by_decade[f"{dec_start}s"] = {o: int((sub["outcome"] == o).sum()) for o in OUTCOMES}
        vetoed = d[d["outcome"] == "vetoed"]
        by_member = {c: int(vetoed["vetoed_by"].str.split(";").apply(lambda s: c in s).sum())
                     for c in P5}
        return {
            "decisions": int(len(d)),
            "first": str(d["date"].min().date()), "last": str(d["date"].max().date()),
            "by_outcome": by_outcome,
            "by_decade": by_decade,
            "vetoes_by_member": by_member,
            "vetoes_total": int(sum(by_member.values())),
            **veto_definitions(d),
            "adopted_without_vote": int(d["adopted_without_vote"].sum()),
            "procedural": int(d["procedural"].sum()),
            "votes_unknown": int((~d["votes_known"]).sum()),
            "corrections": {"dropped": self.dropped},
            "source": "Sciences Po UNSC votes since 1946 (MARTIN 2026, CC BY 4.0)",
        }

    # ------------------------------------------------------------------ fidelity

    def check(self, decide: Any = None, designs: dict[int, Any] | None = None) -> dict[str, Any]:
        """Prove the Record against its own totals, the DPPA membership, ``decide()`` and the
        UN Digital Library (:func:`unsclab.record_check.check_record`).

        Returns a report with ``decisions``, ``reproduced`` (decisions with known votes whose
        recorded outcome ``decide()`` reproduces under the design in force — ``charter-1945``
        before 1966, ``status-quo`` after — with adoption without a vote and procedural
        decisions modelled), ``reproduced_plain`` (plain arithmetic: every vote substantive),
        ``exceptions`` (every decision where plain arithmetic disagrees with the record, or
        that cannot be decided, with ``symbol``, ``kind``, ``reason``, ``documented``), the
        tally, seat and membership checks, ``second_source`` (ballots checked against the
        Library and how many agree), ``corrections`` (every row with its citation),
        ``numbering`` (gaps and year counts) and ``ok``.
        """
        from unsclab.record_check import check_record

        return check_record(self, decide, designs)

