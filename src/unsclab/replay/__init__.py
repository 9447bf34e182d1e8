"""Replay the Council's history under any design: would the Council have acted?

``replay(design, record, period, draws, seed)`` re-decides every recorded vote (1946–2025) as if
``design`` had been in force, with Monte Carlo uncertainty over who would have sat and how they
would have voted.

Seats, for each decision
------------------------
1. **Real members keep their seats where the design has one.** Named holders (the P5, and any
   named new permanent member) sit in their own seats. The other real members fill the design's
   non-permanent seats as :func:`unsclab.rules.seat_ballot` would: a seat of their own regional
   group first, then an open seat, then any seat left. If the design has fewer such seats than
   there were real elected members (e.g. the 1945 Charter's six seats after 1966), the ones who
   sit are drawn uniformly among them, once per draw and year.
2. **Unnamed permanent seats** are held, in each draw, by the states of a random order of the
   seat's group drawn with weights ``strength ** 4`` (:data:`PERMANENT_KAPPA`; the elections
   model's calibrated strengths, so Japan, Brazil, Germany, India … are the likeliest), taking
   at each date the first states of the order that are UN members then. When such a holder
   really sat that day, its real vote moves to
   the permanent seat and the elected seat it leaves is filled as in 3.
3. **Seats left empty** are filled, per draw, by terms: each empty elected or long-term seat is
   held for terms of its class's length, staggered as :mod:`unsclab.elections` staggers the
   class, by a state drawn with probability proportional to its fitted electability among the
   seat pool's UN members who sit in none of the term's years and hold no other seat then;
   without re-eligibility the previous term's holder is excluded. (The seat a drawn permanent
   holder leaves, see 2, is filled year by year.)
4. A named holder who did not really sit is a simulated seat with a fixed holder (if a UN member
   that year; otherwise the seat is empty).

Votes
-----
Real votes where the state really voted (``NV`` and unknown votes count as not voting).
Simulated holders' votes are drawn from the vote model's probabilities
(:class:`unsclab.votes.logit.CouncilVoteModel`, from the real members' votes on that decision,
the holder's Council and GA agreement with them, its GA ideal point and its regional group). Decisions the Record marks as **adopted without a vote** are
adopted under every design (every seat counts as in favour, as the Library's voting data records
them). Decisions marked **procedural** are decided with the procedural quota and no veto.

Decision rule
-------------
Vectorised over draws × decisions: the votes of the seats are small integers and the rule is
counting — affirmative votes against the quota, negative votes (or, with
``abstention_blocks``, anything but "yes", absence included) of veto seats against
``veto.negatives``, affirmative votes of each extra-majority clause's seats — in the order of
:func:`unsclab.rules.decide` (short of the quota → failed; else veto → vetoed; else unmet
clause → failed; else adopted). ``tests/replay`` proves it equal to ``decide`` on every historical
decision for the design in force and on random draws for every catalogue design.

Subjects
--------
Each decision gets a subject from keywords of its title (:data:`SUBJECT_KEYWORDS`, first match
wins; "Other" otherwise): a coarse, documented coding, not WPDL's (which covers vetoed drafts to
2022 only).

Stages (modules)
----------------
:mod:`~unsclab.replay.window` (the decisions and their calendar) →
:mod:`~unsclab.replay.seating` (who sat in reality, and the seats left to simulate) →
:mod:`~unsclab.replay.holders` (who fills those seats, per draw) →
:mod:`~unsclab.replay.vote_tables` (which votes are real, which predicted) →
:mod:`~unsclab.replay.counting` (the vectorised rule) →
:mod:`~unsclab.replay.result` (:class:`ReplayResult`, trails in :mod:`~unsclab.replay.trail`);
:mod:`~unsclab.replay.run` runs them in that order.
"""

from unsclab.replay.counting import ADOPTED, FAILED, OUTCOME_NAMES, VETOED
from unsclab.replay.result import ReplayResult
from unsclab.replay.run import design_in_force, replay, replay_summary
from unsclab.replay.subjects import SUBJECT_KEYWORDS, SUBJECTS, subject_of

__all__ = ["replay", "replay_summary", "ReplayResult", "design_in_force", "SUBJECT_KEYWORDS",
           "SUBJECTS", "subject_of", "ADOPTED", "VETOED", "FAILED", "OUTCOME_NAMES"]

from unsclab._callable import make_callable as _make_callable

# unsclab.replay(...) is the notebook API (unsclab.api.replay); the package stays importable.
_make_callable(__name__, "unsclab.api.replay")
