"""Vote types, participation and the two veto counts (issue 11)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from unsclab.record_types import reconcile_wpdl, veto_counts


def _flat(counts):
    return {c: v[c] for c, v in counts.items()}


def test_all_negative_votes_match_the_source_readme(record):
    # README §1: 325 P5 "no" votes on vetoed rows: USSR/Russia 159, US 96, UK 32, China 21,
    # France 17
    assert _flat(veto_counts(record.decisions, "all")) == {
        "CHN": 21, "FRA": 17, "GBR": 32, "RUS": 159, "USA": 96}


@pytest.mark.data  # reads the raw sources
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
    # the Soviet amendment of 25 August 1947 (DAFP vol. 11 doc. 301) and the US amendment of
    # 14 December 1955 (FRUS 1955-57 vol. XI doc. 219), typed through corrections.csv
    assert d.loc["S/PV.194", "vote_type"] == "amendment"
    assert d.loc["S/3509", "vote_type"] == "amendment"
    # the two vetoed European amendments to the US draft on Ukraine, 24 February 2025, and the
    # two Russian amendments to the Brazilian draft on Gaza, 18 October 2023
    for symbol in ("S/2025/115", "S/2025/116", "S/2023/775", "S/2023/776"):
        assert d.loc[symbol, "vote_type"] == "amendment", symbol
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


def _fake_corrections(monkeypatch, extra):
    from unsclab.data import readers

    real = readers.project_table

    def fake(name):
        rows = real(name)
        return rows + [dict(zip(rows[0], extra))] if name == "corrections.csv" else rows

    monkeypatch.setattr(readers, "project_table", fake)


def test_a_vote_type_correction_must_find_its_old_type(monkeypatch, record):
    # S/3502 (id 231) is typed separate_vote by the rules, not draft_resolution: a correction
    # that expects another type is stale and stops the build instead of overruling the rules
    from unsclab.errors import DataError
    from unsclab.record_types import vote_types

    _fake_corrections(monkeypatch, ("vote_type", "id=231", "vote_type", "draft_resolution",
                                    "amendment", "corrected", "test"))
    with pytest.raises(DataError, match=r"corrections.csv: old: vote_type correction id=231"):
        vote_types(record.decisions)


def test_a_vote_type_correction_names_a_known_type(monkeypatch, record):
    from unsclab.errors import DataError
    from unsclab.record_types import vote_types

    _fake_corrections(monkeypatch, ("vote_type", "id=57", "vote_type", "draft_resolution",
                                    "ammendment", "corrected", "test"))
    with pytest.raises(DataError, match=r"vote type 'ammendment' of id=57 is not one of"):
        vote_types(record.decisions)
