"""The Record's proof: its own totals, membership against DPPA, ``decide()`` and the second source.

:func:`check_record` is :meth:`unsclab.record.Record.check` (see its docstring); the second
source, corrections and numbering parts come from :mod:`unsclab.record_crosscheck` and
:mod:`unsclab.record_corrections`.
"""

from __future__ import annotations

__all__ = ["check_record", "crosscheck_or_empty", "veto_definitions"]

from typing import TYPE_CHECKING, Any

from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def check_record(record: Any, decide: Any = None,
                 designs: dict[int, Any] | None = None) -> dict[str, Any]:
    """The report of :meth:`unsclab.record.Record.check` (see its docstring for the keys)."""
    from unsclab.data.readers import project_table

    if decide is None:
        from unsclab.rules import decide
    if designs is None:
        from unsclab.designs import load_design

        designs = {11: load_design("charter-1945"), 15: load_design("status-quo")}
    procedural = {int(r["id"]): r for r in project_table("procedural_decisions.csv")}

    d = record.decisions
    b = record.ballots
    by_dec = {k: g for k, g in b.groupby("decision", observed=True)}

    tally_bad, seat_bad, exceptions = [], [], []
    reproduced = reproduced_plain = 0
    for row in d.itertuples(index=False):
        g = by_dec.get(row.id)
        size = 11 if row.year < 1966 else 15
        n = 0 if g is None else len(g)
        if n != size:
            seat_bad.append({"id": int(row.id), "symbol": str(row.symbol),
                             "members": n, "expected": size})
        if not row.votes_known:
            exceptions.append(_unknown(row))
            continue
        votes = dict(zip(g["iso3"].astype(str), g["vote"].astype(str)))
        counts = {v: sum(1 for x in votes.values() if x == v) for v in ("Y", "N", "A", "NV")}
        rec = (row.yes, row.no, row.abstain, row.not_voting)
        if (counts["Y"], counts["N"], counts["A"], counts["NV"]) != rec:
            tally_bad.append({"id": int(row.id), "symbol": str(row.symbol),
                              "ballots": counts, "recorded": [int(x) for x in rec]})
        design = designs[size]
        plain = decide(design, votes, procedural=False)
        plain_outcome = _outcome(plain.outcome)
        plain_ok = plain_outcome == row.outcome and (
            row.outcome != "vetoed" or set(plain.vetoed_by) == set(
                str(row.vetoed_by).split(";")))
        if row.adopted_without_vote:
            modelled_outcome, modelled_ok = "adopted", row.outcome == "adopted"
        elif row.procedural:
            m = decide(design, votes, procedural=True)
            modelled_outcome = _outcome(m.outcome)
            modelled_ok = modelled_outcome == row.outcome
        else:
            modelled_outcome, modelled_ok = plain_outcome, plain_ok
        reproduced_plain += plain_ok
        reproduced += modelled_ok
        if plain_ok and modelled_ok:
            continue
        kind, documented, reason = _why(row, plain, plain_outcome, modelled_ok, procedural)
        exceptions.append({
            "id": int(row.id), "symbol": str(row.symbol), "date": str(row.date.date()),
            "recorded": str(row.outcome), "plain": plain_outcome,
            "modelled": modelled_outcome, "kind": kind, "documented": documented,
            "reason": reason})
    for drop in record.dropped:
        exceptions.append({
            "id": drop["id"], "symbol": drop["symbol"], "date": drop["date"],
            "recorded": drop["recorded"], "plain": "vetoed", "modelled": None,
            "kind": "source_error", "documented": True,
            "reason": f"{drop['reason']} — {drop['basis']} (data/corrections.csv)"})

    years_checked, member_bad = _membership(record)

    undocumented = [e for e in exceptions if not e["documented"]]
    kinds: dict[str, int] = {}
    for e in exceptions:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    known = int(d["votes_known"].sum())
    return {
        "decisions": int(len(d)),
        "decisions_with_known_votes": known,
        "reproduced": int(reproduced),
        "reproduced_plain": int(reproduced_plain),
        "exceptions": exceptions,
        "exceptions_by_kind": kinds,
        "undocumented": len(undocumented),
        "tallies": {"checked": known, "mismatches": tally_bad},
        "seats": {"checked": int(len(d)), "mismatches": seat_bad},
        "membership": {"years_checked": years_checked, "mismatches": member_bad},
        **_second_source_checks(record),
        "ok": not undocumented and not tally_bad and not seat_bad and not member_bad
        and reproduced == known and _second_source_ok(record),
    }

def _unknown(row: Any) -> dict[str, Any]:
    return {"id": int(row.id), "symbol": str(row.symbol), "date": str(row.date.date()),
            "recorded": str(row.outcome), "plain": None, "modelled": None,
            "kind": "unknown_votes", "documented": int(row.id) in _unknown_votes(),
            "reason": ("member votes unknown in the source ('?'); cannot be decided "
                       "(the Sciences Po file's known gaps: S/516, S/1148, S/1158, S/1159)")}


def _why(row: Any, plain: Any, plain_outcome: str, modelled_ok: bool,
         procedural: dict[int, dict[str, str]]) -> tuple[str, bool, str]:
    """Kind, documented and reason of a decision plain arithmetic does not reproduce."""
    if row.adopted_without_vote:
        return ("adopted_without_vote", modelled_ok,
                "adopted without a vote: the source marks every member not voting (0-0-0); "
                "modelled as adopted")
    if row.procedural:
        p = procedural[int(row.id)]
        return "procedural", modelled_ok, f"procedural decision ({p['kind']}): {p['basis']}"
    return ("unexplained", False, f"decide() gives {plain_outcome}"
            + (f" (vetoed by {', '.join(plain.vetoed_by)})" if plain.vetoed_by else "")
            + f"; the record says {row.outcome}")


def _membership(record: Any) -> tuple[int, list[dict[str, Any]]]:
    """Membership by year (the ballots, then the elections; :mod:`unsclab.data.membership`)
    against the DPPA table: the source where it is at hand, else the snapshot's
    ``membership_dppa`` (the pairs on which they disagree, computed when it was built)."""
    from unsclab.data.membership import dppa_disagreements

    try:
        from unsclab.data.readers import read_dppa

        diff = dppa_disagreements(record.membership, read_dppa())
    except DataError:
        from unsclab.data.layers import load_table

        diff = load_table("membership_dppa")
    bad = []
    for year, rows in diff.groupby("year"):
        bad.append({"year": int(year),
                    "ballots_only": sorted(map(str, rows.loc[rows["in_membership"], "iso3"])),
                    "dppa_only": sorted(map(str, rows.loc[rows["in_dppa"], "iso3"]))})
    return int(record.membership["year"].nunique()), bad


def _second_source_checks(record: Any) -> dict[str, Any]:
    """Second source, corrections with their citations, numbering and year counts."""
    from unsclab.record_corrections import read_corrections
    from unsclab.record_crosscheck import numbering_report, second_source_report
    from unsclab.record_presscheck import press_report

    return {
        "second_source": second_source_report(record.crosscheck),
        "press_releases": press_report(record.decisions, record.ballots),
        "corrections": [dict(r) for r in read_corrections()],
        "numbering": numbering_report(record.decisions, record.crosscheck),
    }

def _second_source_ok(record: Any) -> bool:
    x = record.crosscheck
    unexplained = 0 if x is None or not len(x) else int((x["status"] == "unexplained").sum())
    checks = _second_source_checks(record)
    n, press = checks["numbering"], checks["press_releases"]
    earlier = press["earlier_failed"]
    return not unexplained and not n["gaps"] and not n["duplicates"] and not n[
        "year_mismatches"] and press["agree"] == press["checked"] and earlier[
        "agree"] == earlier["checked"]


def veto_definitions(d: pd.DataFrame) -> dict[str, Any]:
    """The veto counted on the Library's definition beside the count of all negative votes."""
    from unsclab.record_types import veto_counts

    dhl = {c: v.get(c, 0) for c, v in veto_counts(d, "dhl").items()}
    return {
        "vetoes_definition": "all: every negative vote of a permanent member on a row that "
                             "failed for it (drafts, amendments, separate and part votes, "
                             "Secretary-General ballots)",
        "vetoes_dhl_by_member": dhl,
        "vetoes_dhl_total": int(sum(dhl.values())),
        "vetoes_dhl_definition": "dhl: the Dag Hammarskjöld Library's veto list — each vetoed "
                                 "draft resolution or amendment once per meeting; not part "
                                 "votes nor Secretary-General ballots",
        "by_vote_type": {str(k): int(v) for k, v in
                         d["vote_type"].value_counts().sort_index().items()},
    }


def crosscheck_or_empty(decisions: pd.DataFrame, ballots: pd.DataFrame) -> pd.DataFrame:
    """The ballots against the UN Digital Library (empty when that source is not at hand)."""
    import pandas as pd

    from unsclab.record_crosscheck import EMPTY_COLUMNS, crosscheck_undl

    try:
        return crosscheck_undl(decisions, ballots)
    except DataError:
        return pd.DataFrame({c: [] for c in EMPTY_COLUMNS})


def _outcome(decide_outcome: str) -> str:
    return "lack_of_majority" if decide_outcome == "failed" else decide_outcome


def _unknown_votes() -> dict[int, str]:
    from unsclab.record import UNKNOWN_VOTES

    return UNKNOWN_VOTES
