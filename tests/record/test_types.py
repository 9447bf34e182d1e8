"""Vote types, participation and the two veto counts (issue 11)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from unsclab.record_types import reconcile_wpdl, veto_counts

pytestmark = pytest.mark.data  # reads the raw sources


def _flat(counts):
    return {c: v[c] for c, v in counts.items()}


def test_all_negative_votes_match_the_source_readme(record):
    # README §1: 325 P5 "no" votes on vetoed rows: USSR/Russia 159, US 96, UK 32, China 21,
    # France 17
    assert _flat(veto_counts(record.decisions, "all")) == {
        "CHN": 21, "FRA": 17, "GBR": 32, "RUS": 159, "USA": 96}


def test_dhl_rows_reconciled_with_the_library_list(record):
    rc = reconcile_wpdl(record.decisions)
    # every row of the WPDL scrape of the Library's list (214 drafts to 8 July 2022) is matched
    assert (rc["explanation"] == "in both").sum() == 214
    assert not rc["explanation"].str.startswith("in the WPDL list only").any()
    # ... and the matched rows give the list's own member counts (README §2: member_veto
    # names add up to USSR 90 + Russia 31, USA 82, UK 29, China 17, France 16)
    both = record.decisions[record.decisions["id"].isin(
        rc.loc[rc["explanation"] == "in both", "id"].astype(int))]
    per = {c: int(both["vetoed_by"].str.split(";").map(lambda s, c=c: c in s).sum())
           for c in ("RUS", "USA", "GBR", "CHN", "FRA")}
    assert per == {"RUS": 121, "USA": 82, "GBR": 29, "CHN": 17, "FRA": 16}
    # every record row the list lacks is explained, by type or from a document read
    assert not rc["explanation"].str.contains("no explanation found").any()
    why = dict(zip(rc["symbol"], rc["explanation"]))
    assert "amendment" in why["S/PV.194"] and "amendment" in why["S/3509"]


def test_rows_explained_from_documents_have_their_tallies(record):
    # S/PV.194: 7 in favour, France and Belgium against, UK and China abstaining (Australian
    # cablegram UN787, 25 August 1947). S/3509: 10 in favour, the USSR against (FRUS 1955-57
    # vol. XI doc. 219).
    for symbol, against, abstaining, yes in (("S/PV.194", {"FRA", "BEL"}, {"GBR", "CHN"}, 7),
                                             ("S/3509", {"RUS"}, set(), 10)):
        ballot = record.show(symbol)[0]["ballot"]
        assert {k for k, v in ballot.items() if v == "N"} == against
        assert {k for k, v in ballot.items() if v == "A"} == abstaining
        assert sum(v == "Y" for v in ballot.values()) == yes


def test_vote_types_on_known_rows(record):
    d = record.decisions.set_index("symbol")
    # the 1996 secret ballot on Boutros-Ghali's second term (US negative vote)
    assert d.loc["S/1996/952", "vote_type"] == "sg_nomination"
    assert d.loc["S/RES/1715(2006)", "vote_type"] == "sg_nomination"
    assert d.loc["S/10786", "vote_type"] == "amendment"  # Shichor 2006, meeting 1662
    oral = record.decisions[record.decisions["symbol"] == "Oral amendment"]
    assert len(oral) == 2 and (oral["vote_type"] == "amendment_oral").all()
    assert (record.decisions.loc[record.decisions["procedural"], "vote_type"]
            == "procedural").all()


def test_ussr_absent_in_1950(record):
    b = record.ballots.merge(record.decisions[["id", "symbol"]], left_on="decision",
                             right_on="id")
    for sym in ("S/RES/82(1950)", "S/RES/83(1950)", "S/RES/84(1950)"):
        row = b[(b["symbol"] == sym) & (b["iso3"] == "RUS")]
        assert row["participation"].tolist() == ["absent"], sym
    assert set(b["participation"].astype(str)) <= {"voted", "not_voting", "not_participating",
                                                    "absent", "unknown"}


def test_cli_vetoes_bad_option_names_it(record):
    from unsclab.cli.main import app

    res = CliRunner().invoke(app, ["record", "vetoes", "--by", "membr"])
    assert res.exit_code == 1
    assert "'membr' is not known; did you mean member?" in res.output
    res = CliRunner().invoke(app, ["record", "vetoes", "--definition", "all", "--json"])
    assert res.exit_code == 0 and '"total": 325' in res.stdout
