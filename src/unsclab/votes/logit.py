"""The vote model: a conditional (multinomial) logit over a handful of documented features.

:class:`CouncilVoteModel` (registered name ``council-ga-logit``) gives each state's
probabilities of voting Y / A / N on a Council decision::

    P(v) ∝ exp(α_v + Σ_k γ_k f_k(v)),   α_Y = 0

with the features ``f_k`` of :mod:`unsclab.votes.features` (the draft's own vote, GA agreement
overall and on the decision's issue, GA ideal points with their uncertainty, Council agreement
on earlier contested decisions, the state's own earlier Council votes, its regional group, its
nearest GA neighbour). ``α_A, α_N`` and the γ are fitted by maximum likelihood (Newton's method;
the log-likelihood is concave) on the real elected members' votes, each predicted from the other
members' votes on that decision. ``unsclab votes model`` prints them.

The form is McFadden's conditional logit (D. McFadden, "Conditional logit analysis of
qualitative choice behavior", in P. Zarembka (ed.), *Frontiers in Econometrics*, 1974); the
features follow the GA-agreement literature (E. Voeten, *International Organization* 54(2),
2000, doi:10.1162/002081800551154) and the GA ideal points of M. A. Bailey, A. Strezhnev and
E. Voeten, *Journal of Conflict Resolution* 61(2), 2017, doi:10.1177/0022002715595700.
"""

from __future__ import annotations

__all__ = ["CouncilVoteModel", "Samples", "council_samples", "fit_council_model",
           "default_council_model", "COEFFICIENTS"]

from dataclasses import dataclass
from functools import cache

import numpy as np

from unsclab.votes.data import CouncilVotes
from unsclab.votes.features import FEATURES, FeatureSources, decision_blocks

COEFFICIENTS = ("alpha_abstain", "alpha_no", *FEATURES)
_RIDGE = 1e-3


@dataclass(frozen=True)
class Samples:
    """Hidden votes of real elected members: features, truth and what they are about."""

    features: np.ndarray     # (n, 3, coefficients)
    truth: np.ndarray        # 0/1/2
    decision: np.ndarray     # row of the CouncilVotes
    state: np.ndarray        # record column
    contested: np.ndarray    # the decision had an N or an A
    share: np.ndarray        # (n, 3) plain shares of the other members (for the majority baseline)
    n_others: np.ndarray

    def take(self, idx: np.ndarray) -> Samples:
        return Samples(*(getattr(self, f)[idx] for f in self.__dataclass_fields__))


def _with_dummies(F: np.ndarray) -> np.ndarray:
    n = F.shape[0]
    out = np.zeros((n, 3, 2 + F.shape[2]))
    out[:, 1, 0] = 1.0
    out[:, 2, 1] = 1.0
    out[:, :, 2:] = F
    return out


def council_samples(cv: CouncilVotes, src: FeatureSources) -> Samples:
    """Every Y/A/N vote of a real elected member, with its features (from earlier data)."""
    Fs, truth, dec, st, con, share, n_others = [], [], [], [], [], [], []
    for t, cand, F in decision_blocks(cv, src, "elected"):
        row = cv.votes[t]
        cols = np.flatnonzero((row >= 0) & (row <= 2))
        counts = np.bincount(row[cols], minlength=3).astype(float)
        for k, j in enumerate(cand):
            own = np.eye(3)[row[j]]
            Fs.append(F[k])
            truth.append(int(row[j]))
            dec.append(t)
            st.append(int(j))
            con.append(bool((row[cols] != 0).any()))
            share.append((counts - own) / (len(cols) - 1))
            n_others.append(len(cols) - 1)
    F = _with_dummies(np.array(Fs).reshape(-1, 3, len(FEATURES)))
    return Samples(F, np.array(truth, np.int64), np.array(dec, np.int64),
                   np.array(st, np.int64), np.array(con, bool), np.array(share).reshape(-1, 3),
                   np.array(n_others, np.int64))


def _probs(F: np.ndarray, coef: np.ndarray) -> np.ndarray:
    U = F @ coef
    U -= U.max(axis=1, keepdims=True)
    E = np.exp(U)
    return E / E.sum(axis=1, keepdims=True)


def fit_council_model(samples: Samples, iters: int = 30) -> np.ndarray:
    """Maximum likelihood coefficients (a small ridge keeps Newton's steps finite)."""
    from unsclab.votes.model import _newton

    F = samples.features
    return _newton(F, samples.truth, iters, ridge=_RIDGE, start=np.zeros(F.shape[2]),
                   tol=1e-6)[0]


class CouncilVoteModel:
    """Y/A/N probabilities from the features of :mod:`unsclab.votes.features`."""

    name = "council-ga-logit"

    def __init__(self, coef: np.ndarray, src: FeatureSources, n_train: int = 0) -> None:
        self.coef = np.asarray(coef, dtype=float)
        self.src = src
        self.n_train = n_train

    def predict_samples(self, samples: Samples) -> np.ndarray:
        return _probs(samples.features, self.coef)

    def predict_record(self, cv: CouncilVotes, candidates: list[str]) -> np.ndarray:
        """Probabilities (decisions, candidates, 3) on every decision of ``cv`` (decisions
        adopted without a vote, or with fewer than 3 votes: all "yes")."""
        out = np.zeros((len(cv), len(candidates), 3), dtype=np.float32)
        out[:, :, 0] = 1.0
        for t, _, F in decision_blocks(cv, self.src, candidates):
            out[t] = _probs(_with_dummies(F), self.coef)
        return out

    def coefficients(self) -> dict[str, float]:
        return dict(zip(COEFFICIENTS, map(float, self.coef)))

    def closest(self, cv: CouncilVotes, t: int, candidate: str) -> dict[str, object] | None:
        """The member of decision ``t`` most in agreement with ``candidate`` in the GA session
        the prediction reads (:mod:`unsclab.votes.features`), with that agreement and its
        vote; None when no member's vote is recorded."""
        row = cv.votes[t]
        cols = np.flatnonzero((row >= 0) & (row <= 2))
        if len(cols) == 0:
            return None
        members = [cv.states[j] for j in cols]
        year = int(cv.years[t]) - 1
        al = self.src.alignment
        i = al.index(candidate)
        js = [al.index(m) for m in members]
        agree = [float(al.matrix(year)[i, j]) if i is not None and j is not None else -1.0
                 for j in js]
        k = int(np.argmax(agree))
        return {"state": members[k], "agreement": agree[k],
                "vote": ("Y", "A", "N")[int(row[cols[k]])], "ga_year": al.used_year(year),
                "members": len(members),
                "sat_before": candidate in cv._col
                and bool(np.any(cv.votes[:t, cv.column(candidate)] >= 0))}

    def basis(self, cv: CouncilVotes, t: int, candidate: str) -> str:
        """In words, what the prediction of ``candidate``'s vote on decision ``t`` rests on."""
        from unsclab.states import state_name

        c = self.closest(cv, t, candidate)
        if c is None:
            return "no member's vote is recorded: predicted in favour"
        word = {"Y": "in favour", "A": "abstaining", "N": "against"}[c["vote"]]
        history = "its earlier Council votes and " if c["sat_before"] else ""
        return (f"the votes of the {c['members']} members, weighted by {history}its agreement "
                f"with each in the General Assembly in {c['ga_year']}; closest there: "
                f"{state_name(c['state'])} ({c['agreement']:.2f}), {word}")

    def describe(self) -> dict[str, object]:
        return {"name": self.name, "coefficients": self.coefficients(),
                "n_train": self.n_train, "alignment_last_year": int(self.src.alignment.years[-1])}


@cache
def default_council_model() -> CouncilVoteModel:
    """The model fitted on every real elected member's vote 1946–2025 (cached on disk as checked
    JSON, keyed by the record's votes, the GA inputs and the features' settings)."""
    import hashlib

    from unsclab.data.fetch import cache_dir
    from unsclab.data.integrity import cached_json
    from unsclab.votes import features
    from unsclab.votes.data import council_votes

    cv = council_votes()
    src = features.feature_sources()
    h = hashlib.sha256()
    for part in (cv.votes.tobytes(), cv.ids.tobytes(), src.alignment.agree.tobytes(),
                 np.nan_to_num(src.ideal).tobytes(), np.nan_to_num(src.issues.agree).sum().tobytes(),
                 repr((features.BETA, features.HALF_LIFE_DAYS, FEATURES)).encode()):
        h.update(part)

    def build() -> dict:
        samples = council_samples(cv, src)
        return {"coef": fit_council_model(samples).tolist(), "n_train": int(len(samples.truth))}

    fitted = cached_json(cache_dir() / f"vote-model-council-{h.hexdigest()[:20]}.json",
                         build=build, kind="council-vote-model", version=1)
    return CouncilVoteModel(np.array(fitted["coef"]), src, int(fitted["n_train"]))
