"""Vote models: how a state that did not sit would have voted on a Council decision.

- :mod:`unsclab.votes.data` — the Council's record as numpy arrays (:class:`CouncilVotes`);
- :mod:`unsclab.votes.alignment` — GA agreement scores by year (cached numpy matrices);
- :mod:`unsclab.votes.issues` — GA agreement on one issue (me/nu/di/hr/co/ec), matched to a
  decision's title;
- :mod:`unsclab.votes.features` — what is known before a decision about a state's vote;
- :mod:`unsclab.votes.logit` — :class:`~unsclab.votes.logit.CouncilVoteModel`
  (``council-ga-logit``), the model the replay uses;
- :mod:`unsclab.votes.model` — :class:`AlignmentVoteModel` (``ga-alignment-logit``), the previous
  model, kept as a baseline;
- :mod:`unsclab.votes.backtest` — hide each real elected member's vote and predict it, training
  on earlier years only.
"""

from unsclab.votes.alignment import Alignment, alignment
from unsclab.votes.data import CouncilVotes, council_votes
from unsclab.votes.model import AlignmentVoteModel, VoteModelParams, default_vote_model

__all__ = [
    "Alignment",
    "AlignmentVoteModel",
    "CouncilVotes",
    "VoteModelParams",
    "alignment",
    "council_votes",
    "default_vote_model",
]
