"""Decisiveness of every seat on many decisions at once, seats voting independently.

For decision *t* and seat *i*, with every other seat *j* voting Y / A / N or not at all with
probabilities ``P[t, j]``, the **a posteriori decisiveness** of *i* is (Kaniovski 2008)

    P(adopted | i votes yes) − P(adopted | i votes no)

under a rule of counting: at least ``quota`` votes in favour, and fewer than ``negatives``
blocking votes of veto seats — a vote against or, with ``abstention_blocks`` (a literal reading
of Art. 27(3)), anything but a vote in favour, absence included. :func:`decisiveness_many`
computes it exactly by dynamic programming over the seats (the distribution of the number of
votes in favour and of blocking votes among the others), vectorised over decisions; with every
seat voting yes or no with probability ½ it is the absolute Banzhaf index of the rule
(J. F. Banzhaf, *Rutgers Law Review* 19, 1965). ``tests/votes`` checks it against a brute-force
enumeration of the ballots.

V. Kaniovski, "The exact bias of the Banzhaf measure of power when votes are neither
equiprobable nor independent", *Social Choice and Welfare* 31 (2008) 281–300,
doi:10.1007/s00355-007-0281-9.
"""

from __future__ import annotations

__all__ = ["decisiveness_many", "YES", "ABSTAIN", "NO", "ABSENT_VOTE"]

import numpy as np

YES, ABSTAIN, NO, ABSENT_VOTE = 0, 1, 2, 3


def _step(dist: np.ndarray, p_yes: np.ndarray, p_block: np.ndarray) -> np.ndarray:
    """Add one seat to ``dist`` (decisions × yes × blocks, blocks capped at the last index)."""
    new = dist * (1.0 - p_yes - p_block)[:, None, None]
    new[:, 1:, :] += dist[:, :-1, :] * p_yes[:, None, None]
    new[:, :, 1:] += dist[:, :, :-1] * p_block[:, None, None]
    new[:, :, -1] += dist[:, :, -1] * p_block[:, None]
    return new


def decisiveness_many(P: np.ndarray, veto: np.ndarray, quota: int | np.ndarray,
                      negatives: int = 1, abstention_blocks: bool = False) -> np.ndarray:
    """Decisiveness (decisions × seats) of each seat.

    ``P`` (decisions × seats × 4): probabilities of Y, A, N and not voting (a seat left empty
    or padding: not voting with probability 1); ``veto`` (decisions × seats, bool): veto seats;
    ``quota``: votes in favour needed (one number or one per decision); a veto needs
    ``negatives`` blocking votes (``negatives`` 0 or no veto seat: no veto).
    """
    P = np.asarray(P, dtype=float)
    veto = np.asarray(veto, dtype=bool)
    T, K, _ = P.shape
    quota = np.broadcast_to(np.asarray(quota), (T,))
    cap = max(int(negatives), 1)
    blocking = P[:, :, NO] + (P[:, :, ABSTAIN] + P[:, :, ABSENT_VOTE] if abstention_blocks
                              else 0.0)
    p_block = np.where(veto, blocking, 0.0) if negatives > 0 else np.zeros((T, K))
    p_yes = P[:, :, YES]
    yes_needed = np.arange(K + 1)[None, :] >= quota[:, None] - 1   # with i's yes added
    out = np.zeros((T, K))
    for i in range(K):
        dist = np.zeros((T, K + 1, cap + 1))
        dist[:, 0, 0] = 1.0
        for j in range(K):
            if j != i:
                dist = _step(dist, p_yes[:, j], p_block[:, j])
        free = dist[:, :, :cap].sum(axis=2) if negatives > 0 else dist.sum(axis=2)
        with_yes = (free * yes_needed).sum(axis=1)
        # i votes no: one more blocking vote if i holds a veto
        if negatives > 0:
            keep = np.where(veto[:, i, None], dist[:, :, :cap - 1].sum(axis=2), free)
        else:
            keep = free
        with_no = (keep * (np.arange(K + 1)[None, :] >= quota[:, None])).sum(axis=1)
        out[:, i] = with_yes - with_no
    return out
