"""A seat shared by a regional organisation in the replay: how its vote is predicted.

The record has no votes of an EU or AU seat, so the replay reconstructs them (an assumption,
said in every replay's notes):

1. On a decision where some of the organisation's member states really sat and voted, the seat
   casts the **most common vote among them** (yes, abstention or no; a tie is an abstention,
   the organisation failing to agree). Under an EU seat replacing France and the United Kingdom,
   the seat votes yes when both did, abstains when one voted yes and the other no.
2. On a decision where none of them sat, the seat's vote is predicted by the vote model for
   its most populous member that was a UN member that year (Germany for the EU from 1973,
   Nigeria for the AU from 1960), as the vote of any simulated holder is.

The members' real votes count only through the seat unless the design lets them hold other
seats (``members_hold_other_seats``), as in :func:`unsclab.rules.decide`.
"""

from __future__ import annotations

__all__ = ["organisation_votes", "proxy_holders", "NOTE"]

import numpy as np

from unsclab.designs.model import Design
from unsclab.replay.window import ReplayWindow
from unsclab.votes.data import ABSENT, A, N, Y

NOTE = ("A seat shared by an organisation casts the most common vote of its members who sat "
        "(a tie abstains); where none sat, its vote is predicted for its most populous member "
        "(assumed).")


def member_indices(design: Design, cls_id: str, window: ReplayWindow) -> np.ndarray:
    """Universe indices of the members of a shared seat, most populous first."""
    from unsclab.states import state

    members = design.seat_class(cls_id).shared.members
    ordered = sorted(members, key=lambda m: -(state(m).population or 0))
    return np.array([i for i in (window.index(m) for m in ordered) if i >= 0], dtype=np.int64)


def proxy_holders(design: Design, cls_id: str, window: ReplayWindow) -> np.ndarray:
    """Per year, the universe index of the most populous member that was a UN member (−1 if
    none was): whose predicted vote the seat casts when no member sat."""
    idx = member_indices(design, cls_id, window)
    out = np.full(window.n_years, -1, dtype=np.int64)
    if len(idx) == 0:
        return out
    member = window.un_member[:, idx]
    first = member.argmax(axis=1)
    has = member.any(axis=1)
    out[has] = idx[first[has]]
    return out


def organisation_votes(real: np.ndarray, members: np.ndarray) -> np.ndarray:
    """The seat's vote on each decision from its members' real votes (``real``: decisions ×
    universe codes, ABSENT where a state did not sit): the most common of yes, abstention and
    no, a tie abstaining; ABSENT where no member voted."""
    votes = real[:, members]
    counts = np.stack([(votes == code).sum(axis=1) for code in (Y, A, N)], axis=1)
    top = counts.max(axis=1)
    unique = (counts == top[:, None]).sum(axis=1) == 1
    winner = np.array([Y, A, N], dtype=np.int8)[counts.argmax(axis=1)]
    out = np.where(unique, winner, np.int8(A)).astype(np.int8)
    return np.where(top > 0, out, np.int8(ABSENT)).astype(np.int8)
