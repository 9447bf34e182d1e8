"""What each row of the record is, who took part, and the veto counted two ways.

**Vote type** (``decisions.vote_type``), by rules over what the sources show — the symbol, the
title, the procedural table and repeated votes on one draft:

=================== =====================================================================
``procedural``      listed in ``procedural_decisions.csv`` (Charter Art. 27(2))
``sg_nomination``   on the appointment of the Secretary-General: title names the
                    appointment, recommendation or secret vote on the Secretary-General
                    (Art. 97; e.g. S/1996/952, resolution 1715 (2006))
``amendment_oral``  the source's symbol is "Oral amendment" (the vote is on an oral amendment)
``amendment``       an amendment the project identified from a cited document
                    (a ``vote_type`` row of ``corrections.csv``: S/PV.194 of 25 August 1947,
                    S/3509 of 14 December 1955, S/10786 of 10 September 1972)
``separate_vote``   one of several votes on the same draft on the same day (by paragraph, part
                    or, for the 1955 package of admissions, by applicant), or a vetoed part of
                    a draft whose rest was adopted (``_PART_VOTES``); the meeting-record-only
                    votes of 1946–48 (symbol ``S/PV.…``) are not grouped
``draft_resolution`` every other vote: a draft resolution, as the symbol shows
=================== =====================================================================

**Participation** (``ballots.participation``): ``voted`` (Y, N or A); ``absent`` — the USSR
from 13 January to 31 July 1950, when Malik walked out over China's representation and
returned to take the presidency on 1 August (TIME, "Out of the Stall", 1950; Hindustan Times
archive of 29 July 1950); ``not_participating`` — China recorded not voting between 25 October
1971 and 31 December 1981, the decade in which the People's Republic declined to take part in
votes on peacekeeping (J. P. Domínguez, "Chinese participation in UNPKOs during the Cold War
era", 2007, secondary); ``not_voting`` — any other "not voting" in the sources, which do not
say whether the member was present.

**Vetoes.** ``all`` counts every negative vote of a permanent member on a row that failed for
it (the Sciences Po count: 325 on 270 rows). ``dhl`` follows the Dag Hammarskjöld Library's
veto list (research.un.org/en/docs/sc/quick/veto), which lists each vetoed draft resolution
or amendment once per meeting, not the parts of a draft whose rest was adopted, and not the
appointment of the Secretary-General: separate votes on one draft count once, part votes and
``sg_nomination`` rows not at all. :func:`reconcile_wpdl`
matches the ``dhl`` rows one by one with the World Politics Data Lab's scrape of that list
(to 8 July 2022) and explains each row found in only one of them.
"""

from __future__ import annotations

__all__ = ["VOTE_TYPES", "participation", "reconcile_wpdl", "veto_counts", "vote_types"]

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

VOTE_TYPES = ("draft_resolution", "amendment", "amendment_oral", "separate_vote", "procedural",
              "sg_nomination")
_SG = re.compile(r"(?:appointment|appointed)(?: of)? [^\[\]]*?\bas (?:the )?(?:acting )?"
                 r"secretary-general|be appointed secretary-general|appointment of (?:the )?"
                 r"secretary-general|secret vote", re.IGNORECASE)
#: Drafts put to the vote in parts, a part vetoed and the rest adopted as a resolution the same
#: day (the record: S/3671 and resolution 118 (1956); S/4733/Rev.1 and 161 (1961); S/4985/Rev.1
#: and 169 (1961); S/17172 and 562 (1985); S/17354/Rev.1 and 569 (1985)). The Library's veto
#: list, which lists vetoed drafts, does not list these part votes (WPDL scrape, checked).
_PART_VOTES = {"S/3671", "S/4733/REV.1", "S/4985/REV.1", "S/17172", "S/17354/REV.1"}
#: Vetoed rows the WPDL scrape of the Library's list does not carry, explained from a document
#: read (record id → explanation).
_NOT_IN_WPDL = {
    9: "a second 9-2 vote (Poland, USSR against) at the meeting of 18 June 1946 on the Spanish "
       "question, where the Sub-Committee's draft and a United Kingdom amendment to it were "
       "both put to the vote (Australian delegation cablegram 210, 18 June 1946, Documents on "
       "Australian Foreign Policy vol. 9 doc. 316); the list carries one veto that day, the "
       "record two; which vote this row is could not be read",
    160: "one of two votes on the Canadian draft S/1431 on Indonesia, 13 December 1949 (8-2-1 "
         "and 9-2-0, the USSR and the Ukrainian SSR against); the WPDL scrape has no row "
         "within 40 days of it; no document of that meeting could be read",
    231: "the Brazil-New Zealand draft S/3502 recommending 18 applicants, voted paragraph by "
         "paragraph (one applicant per vote) at the 703rd meeting, 13 December 1955, and not "
         "adopted (FRUS 1955-57 vol. XI doc. 219; TIME, 26 December 1955); the record has its "
         "16 part votes, the WPDL scrape no row for that meeting",
}
#: China's seat held by the People's Republic from 25 October 1971 (A/RES/2758 (XXVI)).
_PRC_FROM = "1971-10-25"


def _norm(symbol: str) -> str:
    return re.sub(r"\s+", "", str(symbol)).upper()


def vote_types(decisions: pd.DataFrame) -> pd.Series:
    """The vote type of every row (see the module docstring), aligned on ``decisions``."""
    import pandas as pd

    sym = decisions["symbol"].astype(str)
    key = sym.map(_norm)
    repeated = (decisions.groupby([key, decisions["date"]])["id"].transform("size") > 1) & (
        ~key.str.startswith("S/PV.")) & (decisions["outcome"] != "adopted")
    out = pd.Series("draft_resolution", index=decisions.index, dtype="object")
    out[repeated | key.isin(_PART_VOTES)] = "separate_vote"
    out[sym.str.strip().str.lower() == "oral amendment"] = "amendment_oral"
    out[decisions["title"].astype(str).str.contains(_SG)] = "sg_nomination"
    out[decisions["procedural"].astype(bool)] = "procedural"
    _apply_type_corrections(out, decisions["id"])
    return out.astype(pd.CategoricalDtype(list(VOTE_TYPES)))


def _apply_type_corrections(types: pd.Series, ids: pd.Series) -> None:
    """The ``vote_type`` rows of ``corrections.csv``: each must find its row still typed as
    its ``old`` value (so a change of the rules cannot silently overrule a document)."""
    from unsclab.errors import DataError
    from unsclab.record_corrections import vote_type_corrections

    for vid, (old, new) in vote_type_corrections().items():
        sel = ids == vid
        where = "unsclab/data/corrections.csv"
        if new not in VOTE_TYPES:
            raise DataError(f"vote type {new!r} of id={vid} is not one of "
                            f"{', '.join(VOTE_TYPES)}", file=where, field="new")
        if sel.sum() != 1 or types[sel].iloc[0] != old:
            raise DataError(f"vote_type correction id={vid}: the record has "
                            f"{'no such row' if not sel.any() else types[sel].iloc[0]!r}, "
                            f"not {old!r}", file=where, field="old")
        types[sel] = new


def participation(ballots: pd.DataFrame, decisions: pd.DataFrame) -> pd.Series:
    """``voted`` / ``absent`` / ``not_participating`` / ``not_voting`` for every ballot row."""
    import pandas as pd

    date = ballots["decision"].map(decisions.set_index("id")["date"])
    nv = ballots["vote"].astype(str) == "NV"
    iso = ballots["iso3"].astype(str)
    out = pd.Series("voted", index=ballots.index, dtype="object")
    out[ballots["vote"].isna()] = "unknown"
    out[nv] = "not_voting"
    boycott = nv & (iso == "RUS") & date.between("1950-01-13", "1950-07-31")
    prc = nv & (iso == "CHN") & date.between(_PRC_FROM, "1981-12-31")
    out[boycott] = "absent"
    out[prc] = "not_participating"
    return out.astype(pd.CategoricalDtype(
        ["voted", "not_voting", "not_participating", "absent", "unknown"]))


def dhl_rows(decisions: pd.DataFrame) -> pd.DataFrame:
    """The vetoed rows the Library's list counts: one per draft per meeting, no SG ballots."""
    key = decisions["symbol"].map(_norm)
    v = decisions[(decisions["outcome"] == "vetoed")
                  & (decisions["vote_type"].astype(str) != "sg_nomination") & ~key.isin(_PART_VOTES)]
    first = ~v.assign(k=v["symbol"].map(_norm)).duplicated(["k", "date"]) | (
        v["vote_type"].astype(str) != "separate_vote")
    return v[first]


def veto_counts(decisions: pd.DataFrame, definition: str = "dhl", by: str = "member"
                ) -> dict[str, dict[str, int]]:
    """Vetoes per permanent member, decade or subject on ``definition`` ``dhl`` or ``all``."""
    v = dhl_rows(decisions) if definition == "dhl" else decisions[
        decisions["outcome"] == "vetoed"]
    rows = [(c, r) for r in v.itertuples() for c in str(r.vetoed_by).split(";") if c]
    out: dict[str, dict[str, int]] = {}
    for code, r in rows:
        group = {"member": code, "decade": f"{int(r.year) // 10 * 10}s",
                 "subject": str(getattr(r, "subject", "") or "unknown"),
                 "type": str(r.vote_type)}[by]
        cell = out.setdefault(group, {})
        cell[code] = cell.get(code, 0) + 1
    return dict(sorted(out.items()))


def reconcile_wpdl(decisions: pd.DataFrame, wpdl: pd.DataFrame | None = None
                   ) -> pd.DataFrame:
    """Row-by-row match of the vetoed rows to 8 July 2022 with the WPDL veto list.

    A WPDL row matches a record row with the same draft symbol within 16 days, else one with
    the same vetoing members within 16 days (the scrape's dates are off by a day for some rows
    and its symbol is missing for others). Returns one row per record vetoed row or unmatched
    WPDL row: ``id`` (record id, <NA> for WPDL-only), ``date``, ``symbol``, ``vetoed_by``,
    ``vote_type``, ``dhl`` (bool, counted on the Library's definition), ``wpdl_line``
    (<NA> when unmatched), ``explanation``.
    """
    import pandas as pd

    if wpdl is None:
        from unsclab.data.readers import read_vetoes_wpdl

        wpdl = read_vetoes_wpdl()
    end = wpdl["date"].max()
    v = decisions[(decisions["outcome"] == "vetoed") & (decisions["date"] <= end)].copy()
    v["dhl"] = v["id"].isin(dhl_rows(decisions)["id"])
    w = wpdl.assign(k=wpdl["draft"].map(lambda s: "" if pd.isna(s) else _norm(s)),
                    who=wpdl["vetoed_by"].astype(str).map(lambda s: ";".join(sorted(
                        s.split(";")))))
    free = dict(zip(w["line"], zip(w["k"], w["date"], w["who"])))
    match: dict[int, int] = {}
    order = v.sort_values(["dhl", "date"], ascending=[False, True])
    for pass_no in (1, 2):
        for r in order.itertuples():
            if r.id in match:
                continue
            who = ";".join(sorted(str(r.vetoed_by).split(";")))
            for line, (k, date, wwho) in list(free.items()):
                near = abs((date - r.date).days) <= 16
                if near and ((pass_no == 1 and k == _norm(r.symbol))
                             or (pass_no == 2 and wwho == who)):
                    match[r.id] = line
                    del free[line]
                    break
    v["wpdl_line"] = v["id"].map(match).astype("Int32")
    v["explanation"] = [_explain(r, r.id in match) for r in v.itertuples()]
    extra = w[w["line"].isin(free)]
    only = pd.DataFrame({"id": pd.array([pd.NA] * len(extra), dtype="Int32"),
                         "date": extra["date"].values, "symbol": extra["draft"].values,
                         "vetoed_by": extra["vetoed_by"].values, "vote_type": None,
                         "dhl": True, "wpdl_line": extra["line"].astype("Int32").values,
                         "explanation": "in the WPDL list only: no vetoed row of the record "
                                        "matches it"})
    cols = ["id", "date", "symbol", "vetoed_by", "vote_type", "dhl", "wpdl_line",
            "explanation"]
    out = pd.concat([v[cols].astype({"id": "Int32"}), only], ignore_index=True)
    return out.sort_values("date", kind="stable").reset_index(drop=True)


def _explain(r, matched: bool) -> str:
    kind = str(r.vote_type)
    if matched and r.dhl:
        return "in both"
    if matched:
        return f"matched, but not counted on the Library's definition ({kind})"
    if _norm(r.symbol) in _PART_VOTES:
        return ("vote on a part of a draft whose rest was adopted the same day; the Library "
                "lists vetoed drafts, not part votes")
    if kind == "separate_vote" and not r.dhl:
        return ("a further vote on the same draft the same day (separate vote); the Library "
                "lists the draft once")
    if kind == "sg_nomination":
        return "vote on the appointment of the Secretary-General; not in the Library's list"
    if kind == "amendment":
        return ("vetoed amendment (its type read in a cited document); the Library's list "
                "counts vetoed drafts, not amendments")
    if int(r.id) in _NOT_IN_WPDL:
        return f"not in the WPDL list: {_NOT_IN_WPDL[int(r.id)]}"
    return "not in the WPDL list; no explanation found"
