"""The vote model: how would a state that did not sit have voted on a Council draft?

:class:`AlignmentVoteModel` (registered name ``ga-alignment-logit``) predicts a state's vote
(Y / A / N) on a historical decision from **how the real members voted on it** and **the state's
General Assembly voting alignment with each of them in that year**.

Method
------
For a state *s* and decision *t* (year *y*) with real members *J* voting ``v_j ∈ {Y, A, N}``:

1. Alignment weights ``w_sj = exp(β · (agree(s, j, y) − 1))``, with ``agree`` the Voeten-style
   GA agreement score of :mod:`unsclab.votes.alignment` (yes = 1, abstain = 0.5, no = 0; years
   after 2023 use the 2023 alignment, the latest in the data).
2. For each vote ``v``: the alignment-weighted share ``ws_v = Σ_j w_sj [v_j = v] / Σ_j w_sj``,
   the plain share ``us_v`` of the members voting ``v``, and ``nn_v = [v_{j*} = v]`` for the
   member ``j*`` most aligned with *s* (its GA "nearest neighbour").
3. A conditional (multinomial) logit turns them into probabilities::

       P(v) ∝ exp(α_v + γ₁ log(ws_v + ε) + γ₂ log(us_v + ε) + γ₃ nn_v),   α_Y = 0, ε = 0.01

   ``α_A, α_N, γ₁, γ₂, γ₃`` are fitted by maximum likelihood (Newton's method; the
   log-likelihood is concave) on the real elected members' votes, each predicted from the other
   members' votes ("leave one out"); ``β`` is chosen on a grid by the same likelihood.

The model is a weighted-neighbours vote in the spirit of the GA-agreement literature; the
logit layer calibrates it (checked by the reliability table of :func:`backtest`).

References
----------
1. E. Voeten, "Clashes in the Assembly", *International Organization* 54(2) (2000) 185–215,
   doi:10.1162/002081800551154 — agreement scores from GA roll calls.
2. M. A. Bailey, A. Strezhnev and E. Voeten, "Estimating dynamic state preferences from United
   Nations voting data", *Journal of Conflict Resolution* 61(2) (2017) 430–456,
   doi:10.1177/0022002715595700 — ideal points (an alternative alignment measure, not used here).
3. E. Voeten, A. Strezhnev and M. Bailey, "United Nations General Assembly Voting Data", Harvard
   Dataverse, hdl:1902.1/12379 — the roll calls.
"""

from __future__ import annotations

__all__ = ["AlignmentVoteModel", "VoteModelParams", "fit_vote_model", "default_vote_model",
           "leave_one_out_features", "P5"]

from dataclasses import asdict, dataclass
from functools import cache

import numpy as np

from unsclab.votes.alignment import Alignment, alignment
from unsclab.votes.data import ABSENT, CouncilVotes, council_votes

P5 = ("CHN", "FRA", "RUS", "GBR", "USA")
_EPS = 0.01
BETA_GRID = (0.0, 4.0, 8.0, 16.0, 32.0)
_MODEL_VERSION = 2


@dataclass(frozen=True)
class VoteModelParams:
    """Fitted parameters of :class:`AlignmentVoteModel` (see the module docstring)."""

    beta: float
    alpha_a: float
    alpha_n: float
    gamma_weighted: float
    gamma_share: float
    gamma_neighbour: float
    n_train: int = 0
    log_likelihood: float = 0.0

    def coef(self) -> np.ndarray:
        return np.array([self.alpha_a, self.alpha_n, self.gamma_weighted, self.gamma_share,
                         self.gamma_neighbour])


# ----------------------------------------------------------------------------- features

def _features(ws: np.ndarray, us: np.ndarray, nn: np.ndarray) -> np.ndarray:
    """Design tensor (n, 3 classes, 5 coefficients): [A dummy, N dummy, log ws, log us, nn]."""
    n = ws.shape[0]
    F = np.zeros((n, 3, 5))
    F[:, 1, 0] = 1.0
    F[:, 2, 1] = 1.0
    F[:, :, 2] = np.log(ws + _EPS)
    F[:, :, 3] = np.log(us + _EPS)
    F[:, :, 4] = nn
    return F


def _probs(F: np.ndarray, coef: np.ndarray) -> np.ndarray:
    U = F @ coef
    U -= U.max(axis=1, keepdims=True)
    E = np.exp(U)
    return E / E.sum(axis=1, keepdims=True)


def _align_rows(al: Alignment, year: int, rows: list[str], cols: list[str]) -> np.ndarray:
    """Agreement of each state in ``rows`` with each in ``cols`` (year mean where unknown)."""
    M = al.matrix(year)
    mean = float(M.mean())
    ri = np.array([al.index(s) if al.index(s) is not None else -1 for s in rows])
    ci = np.array([al.index(s) if al.index(s) is not None else -1 for s in cols])
    out = np.full((len(rows), len(cols)), mean, dtype=np.float64)
    ok_r, ok_c = ri >= 0, ci >= 0
    if ok_r.any() and ok_c.any():
        out[np.ix_(ok_r, ok_c)] = M[np.ix_(ri[ok_r], ci[ok_c])]
    return out


@dataclass(frozen=True)
class LooData:
    """Leave-one-out samples: every real elected member's Y/A/N vote, hidden and predicted."""

    decision: np.ndarray   # row index into CouncilVotes
    state: np.ndarray      # column index into CouncilVotes
    truth: np.ndarray      # 0/1/2
    contested: np.ndarray  # the decision had at least one N or A
    us: np.ndarray         # (n, 3) plain shares of the other members
    nn: np.ndarray         # (n, 3) nearest neighbour's vote, one-hot
    agree: np.ndarray      # (n, k) agreement with the other members, padded with -inf
    others: np.ndarray     # (n, k) the other members' votes (codes), padded with 0
    n_others: np.ndarray   # (n,) number of other members


def leave_one_out_features(cv: CouncilVotes, al: Alignment | None = None) -> LooData:
    """Features for every (decision, real elected member) with a Y/A/N vote."""
    al = al or alignment()
    dec, st, tr, con, US, NN, AG, OT = [], [], [], [], [], [], [], []
    p5 = {cv.column(p) for p in P5 if p in cv.states}
    for t in range(len(cv)):
        if cv.without_vote[t]:
            continue
        row = cv.votes[t]
        cols = np.flatnonzero((row >= 0) & (row <= 2))
        if len(cols) < 3:
            continue
        codes = row[cols].astype(np.int64)
        names = [cv.states[j] for j in cols]
        A = _align_rows(al, int(cv.years[t]), names, names)
        np.fill_diagonal(A, -np.inf)
        contested = bool((codes != 0).any())
        onehot = np.eye(3)[codes]
        total = onehot.sum(axis=0)
        for k, j in enumerate(cols):
            if j in p5:
                continue
            others = np.delete(np.arange(len(cols)), k)
            us = (total - onehot[k]) / (len(cols) - 1)
            nn_idx = int(np.argmax(A[k]))
            dec.append(t)
            st.append(j)
            tr.append(codes[k])
            con.append(contested)
            US.append(us)
            NN.append(onehot[nn_idx])
            AG.append(A[k, others])
            OT.append(codes[others])
    k = max((len(a) for a in AG), default=1)
    agree = np.full((len(AG), k), -np.inf)
    others = np.zeros((len(AG), k), dtype=np.int64)
    for i, (a, o) in enumerate(zip(AG, OT)):
        agree[i, : len(a)] = a
        others[i, : len(o)] = o
    return LooData(np.array(dec, dtype=np.int64), np.array(st, dtype=np.int64),
                   np.array(tr, dtype=np.int64), np.array(con, bool), np.array(US).reshape(-1, 3),
                   np.array(NN).reshape(-1, 3), agree, others,
                   np.array([len(a) for a in AG], dtype=np.int64))


def _weighted_shares(data: LooData, beta: float, idx: np.ndarray | None = None) -> np.ndarray:
    idx = np.arange(len(data.truth)) if idx is None else idx
    a = data.agree[idx]
    pad = ~np.isfinite(a)
    W = np.exp(beta * (np.where(pad, 1.0, a) - 1.0))
    W[pad] = 0.0
    onehot = np.eye(3)[data.others[idx]]
    ws = np.einsum("nk,nkc->nc", W, onehot)
    return ws / ws.sum(axis=1, keepdims=True)


# ----------------------------------------------------------------------------- fitting

def _newton(F: np.ndarray, y: np.ndarray, iters: int = 50, *, ridge: float = 0.0,
            start: np.ndarray | None = None, tol: float = 1e-7) -> tuple[np.ndarray, float]:
    """Maximum likelihood of the conditional logit (concave; with an optional ridge penalty
    ``ridge · |coef|²``): Newton with step halving. Starts at ``start``, by default the
    weighted share's coefficient at 1 and the others at 0."""
    K = F.shape[2]
    if start is None:
        coef = np.zeros(K)
        coef[2] = 1.0
    else:
        coef = np.array(start, dtype=float)

    def loglik(c: np.ndarray) -> float:
        P = _probs(F, c)
        return float(np.log(P[np.arange(len(y)), y] + 1e-300).sum() - ridge * c @ c)

    ll = loglik(coef)
    for _ in range(iters):
        P = _probs(F, coef)
        Fbar = np.einsum("nc,nck->nk", P, F, optimize=True)
        grad = (F[np.arange(len(y)), y] - Fbar).sum(axis=0) - 2 * ridge * coef
        D = F - Fbar[:, None, :]
        H = -np.einsum("nc,nck,ncl->kl", P, D, D, optimize=True) \
            - (1e-6 + 2 * ridge) * np.eye(K)
        step = np.linalg.solve(H, -grad)
        t = 1.0
        while t > 1e-6:
            new = coef + t * step
            new_ll = loglik(new)
            if new_ll >= ll - 1e-9:
                break
            t /= 2
        coef, done = new, abs(new_ll - ll) < tol
        ll = new_ll
        if done:
            break
    return coef, ll


def fit_vote_model(data: LooData, idx: np.ndarray | None = None,
                   betas: tuple[float, ...] = BETA_GRID) -> VoteModelParams:
    """Fit the model on the samples ``idx`` of ``data`` (all by default)."""
    idx = np.arange(len(data.truth)) if idx is None else idx
    best = None
    for beta in betas:
        F = _features(_weighted_shares(data, beta, idx), data.us[idx], data.nn[idx])
        coef, ll = _newton(F, data.truth[idx])
        if best is None or ll > best[2]:
            best = (beta, coef, ll)
    beta, coef, ll = best
    return VoteModelParams(float(beta), *map(float, coef), n_train=int(len(idx)),
                           log_likelihood=float(ll))


# ----------------------------------------------------------------------------- the model

class AlignmentVoteModel:
    """Predict Y/A/N probabilities of non-sitting states from GA alignment (see module doc)."""

    name = "ga-alignment-logit"

    def __init__(self, params: VoteModelParams, al: Alignment | None = None) -> None:
        self.params = params
        self.alignment = al or alignment()

    def predict_loo(self, data: LooData, idx: np.ndarray | None = None) -> np.ndarray:
        """Probabilities (n, 3) for leave-one-out samples."""
        idx = np.arange(len(data.truth)) if idx is None else idx
        ws = _weighted_shares(data, self.params.beta, idx)
        return _probs(_features(ws, data.us[idx], data.nn[idx]), self.params.coef())

    def predict(self, year: int, members: list[str], votes: np.ndarray,
                candidates: list[str]) -> np.ndarray:
        """Probabilities (len(candidates), 3) of Y/A/N for each candidate state, given the
        ``members`` who voted and their ``votes`` (codes 0/1/2; other codes are ignored)."""
        votes = np.asarray(votes)
        keep = (votes >= 0) & (votes <= 2)
        members = [m for m, k in zip(members, keep) if k]
        codes = votes[keep].astype(np.int64)
        if not members:
            out = np.zeros((len(candidates), 3))
            out[:, 0] = 1.0
            return out
        A = _align_rows(self.alignment, year, candidates, members)
        onehot = np.eye(3)[codes]
        W = np.exp(self.params.beta * (A - 1.0))
        ws = (W @ onehot) / W.sum(axis=1, keepdims=True)
        us = np.broadcast_to(onehot.mean(axis=0), ws.shape)
        nn = onehot[np.argmax(A, axis=1)]
        return _probs(_features(ws, us, nn), self.params.coef())

    def predict_decision(self, cv: CouncilVotes, t: int, candidates: list[str]) -> np.ndarray:
        """:meth:`predict` for decision row ``t`` of the record."""
        row = cv.votes[t]
        cols = np.flatnonzero(row != ABSENT)
        return self.predict(int(cv.years[t]), [cv.states[j] for j in cols], row[cols], candidates)

    def describe(self) -> dict[str, object]:
        return {"name": self.name, "params": asdict(self.params),
                "alignment_last_year": int(self.alignment.years[-1])}


@cache
def default_vote_model() -> AlignmentVoteModel:
    """The model fitted on every real elected member's vote 1946–2025 (cached on disk as checked
    JSON, keyed by the record's votes and the alignment)."""
    import hashlib

    from unsclab.data.fetch import cache_dir
    from unsclab.data.integrity import cached_json

    cv = council_votes()
    al = alignment()
    h = hashlib.sha256()
    for part in (cv.votes.tobytes(), cv.ids.tobytes(), al.agree.tobytes()):
        h.update(part)
    path = cache_dir() / f"vote-model-{h.hexdigest()[:20]}.json"
    params = cached_json(path, build=lambda: asdict(fit_vote_model(leave_one_out_features(cv, al))),
                         kind="vote-model", version=_MODEL_VERSION)
    return AlignmentVoteModel(VoteModelParams(**params), al)
