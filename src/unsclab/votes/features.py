"""Features of the vote model: what is known, before a Council decision, about how a state
would vote on it.

For a state *s* and a decision *t* of year *y*, with the members *J* who voted Y / A / N on it
(*s* itself left out), each feature gives one number per vote *v* ∈ {Y, A, N}:

``share``      log(share of *J* voting *v* + ε) — the draft's own vote;
``issue``      log(share voting *v* weighted by exp(β (a − 1)), *a* the GA agreement of *s*
               with each member in the session before *y* on the GA issue matched to the
               decision's title (:mod:`unsclab.votes.issues`), or on all roll calls when no
               issue matches (:mod:`unsclab.votes.alignment`);
``ideal``      the same with weights exp(−|x_s − x_j| / (½ + σ_s)), *x* the GA ideal points of
               the year before *y* (a thin year, under the reader's ``reliable`` floor, keeps
               the state's previous point) and σ_s its 90 % interval / 3.29 (uncertain points
               weigh less sharply);
``council``    the same with the agreement of *s* with each member on the **earlier contested
               Council decisions** where both sat (a vote two years old counts half), shrunk
               towards the GA agreement with 10 pseudo-votes;
``own``        log of the state's own frequency of *v* on its earlier contested Council votes
               (same fading; smoothed with 2 pseudo-votes at the Council's overall
               frequencies);
``group``      log(share voting *v* among the members of the state's regional group + ε), the
               plain share when no member of its group voted;
``nearest``    1 if the member most aligned with *s* in the GA voted *v*.

Tried and left out (coefficients near zero once these are in, chosen on 1970–1989): the share
weighted by all-issue GA agreement where an issue matches, and the share among the elected
members alone.

Only what was known before the decision enters: the GA session of the year before, Council votes
of earlier days. Decisions are processed in date order, the Council history updated after each
day. ε = 0.01.
"""

from __future__ import annotations

__all__ = ["FEATURES", "BETA", "decision_blocks", "FeatureSources", "feature_sources"]

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from unsclab.votes.data import CouncilVotes

FEATURES = ("share", "issue", "ideal", "council", "own", "group", "nearest")
BETA = 16.0         # sharpness of the agreement weights (chosen on 1970–1989 decisions)
_EPS = 0.01
_SHRINK = 10.0
HALF_LIFE_DAYS = 730.0  # Council history: a vote two years old counts half
_CLASS_PRIOR = np.array([0.80, 0.14, 0.06])  # Council frequencies of Y/A/N on contested votes


@dataclass(frozen=True)
class FeatureSources:
    """The GA-side inputs, indexed by the states of :class:`unsclab.votes.alignment.Alignment`."""

    alignment: object
    issues: object
    ideal: np.ndarray        # (years from 1946, states) ideal point, NaN if unknown
    ideal_sd: np.ndarray     # same shape, uncertainty
    groups: np.ndarray       # (states,) regional group code or ""


def feature_sources() -> FeatureSources:
    from unsclab.data.layers import load_table
    from unsclab.replay.seating import state_group
    from unsclab.votes.alignment import alignment
    from unsclab.votes.issues import issue_alignment

    al = alignment()
    ip = load_table("ga_ideal_points")
    ip = ip[ip["reliable"].astype(bool)]
    pos = np.array([al.index(str(c)) if al.index(str(c)) is not None else -1 for c in ip["iso3"]])
    yr = ip["year"].to_numpy(int) - 1946
    ok = (pos >= 0) & (yr >= 0)
    x = np.full((2026 - 1946 + 1, len(al.states)), np.nan)
    sd = np.full(x.shape, np.nan)
    x[yr[ok], pos[ok]] = ip["ideal_point"].to_numpy(float)[ok]
    sd[yr[ok], pos[ok]] = ((ip["q95"] - ip["q05"]).to_numpy(float) / 3.29)[ok]
    for k in range(1, len(x)):  # a thin or missing year keeps the state's previous point
        gap = np.isnan(x[k])
        x[k, gap], sd[k, gap] = x[k - 1, gap], sd[k - 1, gap]
    groups = np.array([state_group(s) or "" for s in al.states])
    return FeatureSources(al, issue_alignment(), x, sd, groups)


def _log_weighted(weights: np.ndarray, onehot: np.ndarray) -> np.ndarray:
    """log(weighted share of each vote + ε): weights (c, n), onehot (n, 3) → (c, 3)."""
    w = weights @ onehot
    return np.log(w / np.maximum(w.sum(axis=1, keepdims=True), 1e-12) + _EPS)


def _rows(M: np.ndarray | None, rows: np.ndarray, cols: np.ndarray, fill: np.ndarray) -> np.ndarray:
    if M is None:
        return fill
    out = M[np.ix_(np.maximum(rows, 0), np.maximum(cols, 0))].astype(float)
    bad = (rows < 0)[:, None] | (cols < 0)[None, :] | np.isnan(out)
    return np.where(bad, fill, out)


@dataclass
class _CouncilHistory:
    """Agreement sums and counts of every pair of record columns on earlier contested
    decisions, and each column's own vote counts there."""

    agree: np.ndarray
    count: np.ndarray
    own: np.ndarray

    def fade(self, days: float) -> None:
        """Older votes count less: weights halve every :data:`HALF_LIFE_DAYS`."""
        f = 0.5 ** (days / HALF_LIFE_DAYS)
        self.agree *= f
        self.count *= f
        self.own *= f

    def update(self, cols: np.ndarray, codes: np.ndarray) -> None:
        value = np.array([1.0, 0.5, 0.0])[codes]
        self.agree[np.ix_(cols, cols)] += 1.0 - np.abs(value[:, None] - value[None, :])
        self.count[np.ix_(cols, cols)] += 1.0
        np.add.at(self.own, (cols, codes), 1.0)


def _block(src: FeatureSources, hist: _CouncilHistory, cv: CouncilVotes, t: int,
           cand_col: np.ndarray, cand_al: np.ndarray, cols: np.ndarray, codes: np.ndarray,
           col_al: np.ndarray, exclude_self: bool) -> np.ndarray:
    """Features (candidates, 3, len(FEATURES)) of decision ``t``."""
    from unsclab.votes.issues import issue_of

    year = int(cv.years[t])
    onehot = np.eye(3)[codes]
    c = len(cand_al)
    mean_ga = float(np.nanmean(src.alignment.matrix(year - 1)))
    ga = _rows(src.alignment.matrix(year - 1), cand_al, col_al, np.full((c, len(cols)), mean_ga))
    issue = issue_of(cv.titles[t])
    iss = _rows(src.issues.matrix(issue, year - 1), cand_al, col_al, ga) if issue else ga
    k = min(max(year - 1 - 1946, 0), src.ideal.shape[0] - 1)
    x, sd = src.ideal[k], src.ideal_sd[k]
    xc = np.where(cand_al >= 0, x[np.maximum(cand_al, 0)], np.nan)
    xm = np.where(col_al >= 0, x[np.maximum(col_al, 0)], np.nan)
    scale = 0.5 + np.nan_to_num(np.where(cand_al >= 0, sd[np.maximum(cand_al, 0)], 1.0), nan=1.0)
    dist = np.abs(xc[:, None] - xm[None, :]) / scale[:, None]
    dist = np.where(np.isnan(dist), np.nanmean(dist) if np.isfinite(dist).any() else 1.0, dist)
    known = cand_col >= 0
    cc = np.maximum(cand_col, 0)
    n_c = np.where(known[:, None], hist.count[np.ix_(cc, cols)], 0.0)
    s_c = np.where(known[:, None], hist.agree[np.ix_(cc, cols)], 0.0)
    council = (s_c + _SHRINK * ga) / (n_c + _SHRINK)
    own = np.where(known[:, None], hist.own[cc], 0.0)
    own = np.log((own + 2 * _CLASS_PRIOR) / (own.sum(axis=1, keepdims=True) + 2))
    same = src.groups[np.maximum(cand_al, 0)][:, None] == src.groups[np.maximum(col_al, 0)][None, :]
    same &= (cand_al >= 0)[:, None] & (col_al >= 0)[None, :]
    self_mask = np.ones((c, len(cols)))
    if exclude_self:
        self_mask = (cand_col[:, None] != cols[None, :]).astype(float)
    share = _log_weighted(self_mask, onehot)
    group_w = same * self_mask
    group = np.where(group_w.sum(axis=1, keepdims=True) > 0, _log_weighted(group_w, onehot), share)
    nearest = onehot[np.argmax(np.where(self_mask > 0, ga, -np.inf), axis=1)]
    F = np.stack([share, _log_weighted(np.exp(BETA * (iss - 1)) * self_mask, onehot),
                  _log_weighted(np.exp(-dist) * self_mask, onehot),
                  _log_weighted(np.exp(BETA * (council - 1)) * self_mask, onehot),
                  own, group, nearest], axis=2)
    return F


def decision_blocks(cv: CouncilVotes, src: FeatureSources, candidates: str | list[str],
                    ) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """For each decision with at least 3 Y/A/N votes (not adopted without a vote), in date
    order: (decision, candidate record columns or universe positions, features).

    ``candidates`` "elected": the elected members who voted (each predicted from the others —
    the backtest's hidden votes); "members": every member who voted, each predicted from the
    others; or a list of ISO3 codes (predicted from all the voters)."""
    from unsclab.votes.model import P5

    S = len(cv.states)
    hist = _CouncilHistory(np.zeros((S, S)), np.zeros((S, S)), np.zeros((S, 3)))
    al = src.alignment
    col_al_all = np.array([al.index(s) if al.index(s) is not None else -1 for s in cv.states])
    p5 = {cv.column(p) for p in P5 if p in cv.states}
    if candidates not in ("elected", "members"):
        cand_al_list = np.array([al.index(s) if al.index(s) is not None else -1
                                 for s in candidates])
        cand_col_list = np.array([cv._col.get(s, -1) for s in candidates])
    pending: list[tuple[np.ndarray, np.ndarray]] = []
    day = None
    for t in range(len(cv)):
        if cv.dates[t] != day:  # a new day: what the earlier days showed is now known
            for cols_, codes_ in pending:
                hist.update(cols_, codes_)
            if day is not None:
                hist.fade(float((cv.dates[t] - day) / np.timedelta64(1, "D")))
            pending, day = [], cv.dates[t]
        row = cv.votes[t]
        cols = np.flatnonzero((row >= 0) & (row <= 2))
        if cv.without_vote[t] or len(cols) < 3:
            continue
        codes = row[cols].astype(np.int64)
        if (codes != 0).any():
            pending.append((cols, codes))
        if candidates in ("elected", "members"):
            cand_col = np.array([j for j in cols if candidates == "members" or j not in p5],
                                dtype=np.int64)
            if len(cand_col) == 0:
                continue
            yield t, cand_col, _block(src, hist, cv, t, cand_col, col_al_all[cand_col], cols,
                                      codes, col_al_all[cols], True)
        else:
            yield t, np.arange(len(candidates)), _block(
                src, hist, cv, t, cand_col_list, cand_al_list, cols, codes, col_al_all[cols],
                False)
