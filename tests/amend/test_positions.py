"""Blocs and declared positions: every entry cites a source; bad files fail on one line."""

from __future__ import annotations

import pytest

from unsclab.amend.families import FAMILIES, families
from unsclab.amend.positions import BUILTIN, load_positions
from unsclab.designs import load_design
from unsclab.errors import UnsclabError
from unsclab.states import group_members


def test_every_position_and_bloc_cites_a_source():
    pos = load_positions()
    assert pos.positions and pos.blocs
    for p in pos.positions:
        assert p.source.strip(), p
        assert p.family in FAMILIES
        assert 0 <= p.support <= 1
    for b in pos.blocs.values():
        assert b.source.strip(), b
        # a list that could not be read in full says so in its note
        if not b.complete:
            assert "not read" in b.note, b.id


def test_blocs_read_in_their_sources():
    pos = load_positions()
    assert len(pos.blocs["L64"].members) == 27          # A/59/L.64: 27 sponsors named
    assert set(pos.blocs["G4"].members) <= set(pos.blocs["L64"].members)
    assert len(pos.blocs["ACT"].members) == 27          # scprocedure.org, 2021: 27 members
    assert pos.blocs["AU"].members == group_members("AG")
    assert len(pos.blocs["CARICOM"].members) == 14      # 15 members less Montserrat
    assert len(pos.blocs["Arab"].members) == 21         # 22 members less Palestine


def test_state_stance_overrides_its_blocs():
    pos = load_positions()
    usa, used = pos.stance("USA", "permanent-veto")
    assert usa == 0.05 and used[0].holder == "USA"
    nga, used = pos.stance("NGA", "permanent-veto")      # AU 0.95 and L.69 0.8
    assert nga == pytest.approx((0.95 + 0.8) / 2)
    assert pos.stance("KAZ", "permanent-veto") == (None, [])


def test_families_of_catalogue_designs():
    sq = load_design("status-quo")
    assert families(load_design("g4-2005"), sq) == ("permanent-no-veto",)
    assert families(load_design("ezulwini-2005"), sq) == ("permanent-veto",)
    assert families(load_design("ufc-2024"), sq) == ("longer-term",)
    assert families(load_design("kazakhstan-principles"), sq) == ("longer-term", "veto-limit")
    assert "veto-limit" in families(load_design("two-vetoes"), sq)
    assert families(sq, sq) == ()


@pytest.mark.parametrize("body, line, field, words", [
    ('[[position]]\nholder = "KAZ"\nfamily = "elected"\nsupport = 1.5\nsource = "x"\n',
     4, "position[1].support", "between 0 and 1"),
    ('[[position]]\nholder = "KAZ"\nfamily = "elected"\nsupport = 0.5\n',
     1, "position[1].source", "required"),
    ('[[position]]\nholder = "XXX"\nfamily = "elected"\nsupport = 0.5\nsource = "x"\n',
     2, "holder", "unknown bloc or state"),
    ('[[position]]\nholder = "KAZ"\nfamily = "rotating"\nsupport = 0.5\nsource = "x"\n',
     3, "position[1].family", "unknown family"),
    ('[[bloc]]\nid = "CA"\nmembers = ["KAZ", "UZB", "KAZ"]\nsource = "x"\n',
     3, "bloc[1].members", "listed twice"),
    (('[[position]]\nholder = "KAZ"\nfamily = "elected"\nsupport = 0.5\nsource = "x"\n'
     '[[position]]\nholder = "KAZ"\nfamily = "elected"\nsupport = 0.6\nsource = "y"\n'),
     7, "holder", "second position"),
])
def test_bad_positions_file(tmp_path, body, line, field, words):
    f = tmp_path / "mine.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(UnsclabError) as err:
        load_positions(f)
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith(f"{f}:{line}: {field}: "), text
    assert words in text


def test_user_file_adds_and_replaces(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[[bloc]]\nid = "CA"\nmembers = ["KAZ", "UZB"]\nsource = "mine"\n'
                 '[[position]]\nholder = "CA"\nfamily = "longer-term"\nsupport = 0.9\n'
                 'source = "mine"\n'
                 '[[position]]\nholder = "USA"\nfamily = "permanent-veto"\nsupport = 0.4\n'
                 'source = "mine"\n', encoding="utf-8")
    pos = load_positions(f)
    assert pos.stance("KAZ", "longer-term")[0] == 0.9
    assert pos.stance("USA", "permanent-veto")[0] == 0.4
    assert pos.files == (BUILTIN, str(f))


def test_the_example_positions_file_loads():
    from pathlib import Path

    from unsclab.amend.analysis import setup

    f = Path(__file__).resolve().parents[2] / "examples" / "amend-positions.toml"
    st = setup((f,))
    assert st.positions.stance("UZB", "longer-term")[0] == 0.8
    assert st.weights["alignment"] == 0.5 and st.weights["undeclared"] == 0.45
