"""Elections to a design's non-permanent seats, simulated year by year.

Model
-----
**Strength.** Each state's chance of winning a seat of its group is proportional to its
*strength*, a smoothed rate of service calibrated on Council membership by year
(:mod:`unsclab.data.membership`: the record's ballots 1946–2025, then the General Assembly's
elections for 2026–2027; years 1946–2025 by default). For a state *s* of group *g*::

    r_s = (n_s + α · r̄_g) / (E_s + α)

where ``n_s`` is the number of years *s* sat as an elected (non-permanent) member in the
calibration window, ``E_s`` the number of years it was a UN member in the window (first year with
a GA roll-call vote, :mod:`unsclab.votes.alignment`), ``r̄_g = Σ n / Σ E`` the group's rate, and
``α`` (default 20 pseudo-years) the strength of the prior: a Beta(α r̄_g, α (1 − r̄_g)) prior on
the rate, i.e. Bayesian (Dirichlet/Beta) smoothing towards the group mean. A state that never
served gets the floor ``α r̄_g / (E_s + α)``; Japan, Brazil, Argentina, India … get rates near
their record. ``E_s`` counts the years in which the state cast a GA roll-call vote, so South
Africa's exclusion from the Assembly (1974–1993) is not counted as years it could have served.

**Electability.** Winning is rarer than the rate for the strongest states, because the rules
(no immediate re-election, one seat at a time) cap how often anyone can win. So the draw weights
``w_s`` are *fitted* (:func:`calibrate`, ``fit`` = 6 iterations on 200 seeded draws) until the
status quo's simulated service rate of each state over the calibration years matches ``r_s``:
``w_s ← w_s · (r_s / simulated_s) ** 0.8``, starting from ``w_s = r_s``.

**Seats, terms and staggering.** Named holders sit throughout. An unnamed permanent seat is held
by one state for the whole run, drawn once per draw from its group with weights
``strength ** 4`` (:data:`PERMANENT_KAPPA`: the likeliest are the states that served most).
Elected and long-term seats have terms of ``term_years``;
their seats are spread over staggered cohorts (a seat's terms start in years ≡ offset mod term).
Two-year classes follow the status quo's odd/even pattern: terms starting in even years hold
2 African, 1 Asia-Pacific, 1 Eastern European and 1 Latin American seat, terms starting in odd
years 1 African, 1 Asia-Pacific, 1 Latin American and 2 WEOG seats (GA res. 1991 A (XVIII);
Security Council Report election reports); other counts are balanced between the cohorts.

**Elections.** Each year, the seats whose terms start are filled by drawing states without
replacement with probability proportional to strength (Gumbel top-k sampling) among the group's
UN members who are not sitting that year. Where the design forbids immediate re-election
(Charter Art. 23(2)) members whose term just ended are excluded; where it allows it, each
retiring member is re-elected with probability ``reelect`` (default 0.5, an assumption: no
re-election record exists for such seats), else it stands down.

**Two-thirds rule** (GA rule 83). A winner needs two-thirds of the Assembly; the model keeps
only candidates whose strength is at least ``threshold`` × the strongest candidate's (default
0.0, i.e. no exclusion: the backtest found no threshold that improves the Brier score, because
states that had never served keep winning seats — the rule's effect is absorbed in the
calibrated strengths). This is a documented simplification of repeated balloting.

**Arab swing seat.** By an unrecorded understanding ("since 1968 there has always been an Arab
state on the Council", Security Council Report, What's in Blue, 18 Oct 2013), one seat
alternates between an Arab state of Africa (terms starting in years ≡ 0 mod 4, e.g. Tunisia
2020–21, Algeria 2024–25) and of the Asia-Pacific Group (years ≡ 2 mod 4: Kuwait 2018–19, UAE
2022–23, Bahrain 2026–27). Applied from 1968 to designs with two-year, non-re-eligible elected
African and Asia-Pacific classes: one winner of that cohort is drawn among the Arab League
members of the group (:data:`ARAB_STATES`).

Validation: :func:`backtest` calibrates on 1966–2005 and predicts 2006–2025 under the status
quo; the Brier score of P(state sits in year) is compared with a uniform-within-group baseline.

The stages live in their own modules: who can sit and who did (:mod:`~unsclab.elections.states`),
the seats' cohorts and pools (:mod:`~unsclab.elections.seats`), the calibrated model
(:mod:`~unsclab.elections.calibration`), the simulation (:mod:`~unsclab.elections.simulation`)
and the backtest (:mod:`~unsclab.elections.backtest`).
"""

from __future__ import annotations

__all__ = [
    "ARAB_STATES",
    "ElectionModel",
    "ElectionSim",
    "backtest",
    "calibrate",
    "elections_occupancy",
    "member_in_year",
    "simulate",
    "universe",
]

# The names outside __all__ are imported from here by the replay (unsclab.replay) and the tests.
from unsclab.elections.backtest import backtest
from unsclab.elections.calibration import ElectionModel, calibrate, default_model  # noqa: F401
from unsclab.elections.seats import (  # noqa: F401
    ARAB_STATES,
    LAST_KNOWN_YEAR,
    P5,
    PERMANENT_KAPPA,
    STATUS_QUO_COHORTS,
    _cohorts,
    _least_loaded,
    _pool_mask,
)
from unsclab.elections.simulation import ElectionSim, elections_occupancy, simulate
from unsclab.elections.states import (  # noqa: F401
    member_in_year,
    membership,
    real_members,
    universe,
)
