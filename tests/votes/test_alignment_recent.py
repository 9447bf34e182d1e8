"""GA alignment for sessions 75-78 (2020-2023) from Voeten v33, checked by brute force."""

from __future__ import annotations

import pytest

from unsclab.data.tables import table
from unsclab.votes.alignment import alignment

pytestmark = pytest.mark.data

_VALUE = {"yes": 1.0, "abstain": 0.5, "no": 0.0}


@pytest.fixture(scope="module")
def recent():
    rc = table("ga_recent_roll_calls").build()
    votes = table("ga_recent_votes").build()
    year = dict(zip(rc["rcid"], rc["ga_year"]))
    out: dict[int, dict[int, dict[str, float]]] = {}
    for rcid, iso3, vote in votes.astype({"iso3": str, "vote": str}).itertuples(index=False):
        if vote in _VALUE:
            out.setdefault(int(year[rcid]), {}).setdefault(int(rcid), {})[iso3] = _VALUE[vote]
    return out


def _agree(year_votes, a, b, mean, m=10.0):
    """The module docstring's shrunk agreement, one roll call at a time."""
    s = n = 0.0
    for cast in year_votes.values():
        if a in cast and b in cast:
            s += 1 - abs(cast[a] - cast[b])
            n += 1
    return (s + m * mean) / (n + m), n


def _mean(year_votes):
    s = n = 0.0
    for cast in year_votes.values():
        vals = list(cast.values())
        # every ordered pair (i, j), i == j included, as the matrix product counts them
        for x in vals:
            for y in vals:
                s += 1 - abs(x - y)
                n += 1
    return s / n


def test_recent_years_come_from_v33(recent):
    al = alignment()
    assert al.years[-1] == 2023 and set(range(2020, 2024)) <= set(al.years.tolist())
    assert al.used_year(2025) == 2023
    for year in (2020, 2023):
        usa = al.index("USA")
        voted = sum(1 for cast in recent[year].values() if "USA" in cast)
        assert al.common[al.year_row(year), usa, usa] == voted


@pytest.mark.parametrize("year, a, b", [(2021, "USA", "ISR"), (2022, "RUS", "CHN"),
                                        (2023, "FRA", "BRA")])
def test_recent_agreement_by_brute_force(recent, year, a, b):
    al = alignment()
    mean = _mean(recent[year])
    want, n = _agree(recent[year], a, b, mean)
    k, i, j = al.year_row(year), al.index(a), al.index(b)
    assert n > 50 and al.common[k, i, j] == n
    assert float(al.agree[k, i, j]) == pytest.approx(want, abs=1e-5)
