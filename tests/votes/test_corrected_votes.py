"""The vote model and replay read the corrected record, not the raw Sciences Po ballots.

``council_votes()`` is built from :class:`unsclab.record.Record`, which applies
``data/corrections.csv``; these tests check that corrected ballots arrive in the arrays the
vote model and replay use. Expected values come from the UN's own records, not from the code.
"""

from __future__ import annotations

import numpy as np

from unsclab.record_corrections import read_corrections, resolution_scope
from unsclab.votes import council_votes
from unsclab.votes.data import A, N, VOTE_CODES, Y


def _row(cv, symbol: str) -> np.ndarray:
    hits = cv.index_of(symbol)
    assert len(hits) == 1, symbol
    return cv.votes[hits[0]]


def _named(cv, row: np.ndarray, code: int) -> set[str]:
    return {cv.states[j] for j in np.flatnonzero(row == code)}


def test_resolution_1559_reaches_the_vote_arrays_as_9_0_6():
    # S/RES/1559 (2004), 2 September 2004: 9 in favour, none against, 6 abstentions (Algeria,
    # Brazil, China, Pakistan, the Philippines, the Russian Federation) — UN press release
    # SC/8181 and the UN Digital Library voting record. The Sciences Po source has 15-0-0.
    cv = council_votes()
    row = _row(cv, "S/RES/1559(2004)")
    assert (row == Y).sum() == 9 and (row == N).sum() == 0
    assert _named(cv, row, A) == {"DZA", "BRA", "CHN", "PAK", "PHL", "RUS"}


def test_resolution_2760_missing_from_the_source_is_in_the_vote_arrays():
    # S/RES/2760 (2024), 14 November 2024: 14-0-1, the Russian Federation abstaining (SC/15900).
    cv = council_votes()
    row = _row(cv, "S/RES/2760(2024)")
    assert (row == Y).sum() == 14 and _named(cv, row, A) == {"RUS"}


def test_every_corrected_vote_reaches_the_vote_arrays():
    cv = council_votes()
    rows = [c for c in read_corrections() if c["kind"] == "vote" and c["status"] == "corrected"]
    assert rows, "corrections.csv has no corrected votes"
    for c in rows:
        if c["scope"].startswith("id="):  # a vote named by its id, e.g. a failed draft
            hits = list(np.flatnonzero(cv.ids == int(c["scope"][3:])))
        else:
            number = resolution_scope(c["scope"])[0]
            hits = [i for i, s in enumerate(cv.symbols) if s.startswith(f"S/RES/{number}(")
                    and cv.outcomes[i] == "adopted"]
        assert len(hits) == 1, c["scope"]
        cell = cv.votes[hits[0], cv.column(c["field"])]
        assert cell == VOTE_CODES[c["new"]], (c["scope"], c["field"])
