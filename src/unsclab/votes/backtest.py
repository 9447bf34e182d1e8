"""Backtest of the vote model: hide each real elected member's vote and predict it.

Every Y / A / N vote of an elected (non-permanent) member on every decision is hidden in turn and
predicted from the other members' votes on that decision (decisions adopted without a vote and
votes recorded as "not voting" or unknown are left out). The model's parameters are
**cross-fitted**: decisions are split into 5 folds (row index mod 5, so each fold spans the whole period) and each
fold is predicted by the model fitted on the other four.

Baselines:

- ``majority`` — the majority vote of the other members (ties go to Y); its probabilities are the
  other members' shares with add-½ smoothing, ``(count_v + ½) / (n + 3/2)``;
- ``always_yes`` — predicts Y; its probabilities are the training folds' frequencies of Y/A/N.

Scores: accuracy (argmax), log-loss (mean −ln p(truth)), both overall and on **contested
decisions** (at least one member voted N or abstained). The reliability table bins each class's
predicted probability into ten bins and compares the mean prediction with the observed frequency.
"""

from __future__ import annotations

__all__ = ["backtest", "reliability_table"]

import numpy as np

from unsclab.votes.alignment import alignment
from unsclab.votes.data import council_votes
from unsclab.votes.model import AlignmentVoteModel, fit_vote_model, leave_one_out_features

_CLASSES = ("Y", "A", "N")
FOLDS = 5


def _scores(P: np.ndarray, pred: np.ndarray, truth: np.ndarray, contested: np.ndarray) -> dict:
    ll = -np.log(np.clip(P[np.arange(len(truth)), truth], 1e-12, 1.0))
    ok = pred == truth
    c = contested
    return {
        "accuracy": float(ok.mean()),
        "log_loss": float(ll.mean()),
        "contested_accuracy": float(ok[c].mean()) if c.any() else None,
        "contested_log_loss": float(ll[c].mean()) if c.any() else None,
        "uncontested_accuracy": float(ok[~c].mean()) if (~c).any() else None,
    }


def reliability_table(P: np.ndarray, truth: np.ndarray, bins: int = 10) -> list[dict]:
    """Per class and probability bin: samples, mean predicted probability, observed frequency."""
    rows = []
    edges = np.linspace(0, 1, bins + 1)
    for v, name in enumerate(_CLASSES):
        p = P[:, v]
        hit = (truth == v).astype(float)
        b = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
        for k in range(bins):
            m = b == k
            if m.any():
                rows.append({"vote": name, "bin": f"{edges[k]:.1f}-{edges[k + 1]:.1f}",
                             "n": int(m.sum()), "predicted": float(p[m].mean()),
                             "observed": float(hit[m].mean())})
    return rows


def backtest(since: int | None = None, until: int | None = None, record=None,
             folds: int = FOLDS) -> dict:
    """Run the backtest; returns a JSON-ready dict (``model``, ``baselines``, ``reliability``…)."""
    cv = council_votes(record)
    if since is not None or until is not None:
        lo, hi = since or 0, until or 9999
        cv = cv.subset((cv.years >= lo) & (cv.years <= hi))
    al = alignment()
    data = leave_one_out_features(cv, al)
    n = len(data.truth)
    if n == 0:
        from unsclab.errors import UnsclabError

        raise UnsclabError(f"no elected member's vote to predict between {since} and {until}")
    fold = data.decision % folds
    P = np.zeros((n, 3))
    P_yes = np.zeros((n, 3))
    params = []
    for f in range(folds):
        test = np.flatnonzero(fold == f)
        train = np.flatnonzero(fold != f)
        p = fit_vote_model(data, train)
        params.append(p)
        P[test] = AlignmentVoteModel(p, al).predict_loo(data, test)
        freq = np.bincount(data.truth[train], minlength=3) / len(train)
        P_yes[test] = freq
    truth, contested = data.truth, data.contested
    counts = data.us * 1.0  # shares of the others
    n_others = data.n_others.astype(float)
    cnt = counts * n_others[:, None]
    P_maj = (cnt + 0.5) / (n_others[:, None] + 1.5)
    # majority: argmax of counts, ties to Y (then A)
    pred_maj = np.argmax(cnt + np.array([1e-9, 0.0, -1e-9]), axis=1)
    model = _scores(P, np.argmax(P, axis=1), truth, contested)
    maj = _scores(P_maj, pred_maj, truth, contested)
    yes = _scores(P_yes, np.zeros(n, dtype=np.int64), truth, contested)
    margin = {
        name: {
            "contested_accuracy": model["contested_accuracy"] - b["contested_accuracy"],
            "contested_log_loss": b["contested_log_loss"] - model["contested_log_loss"],
            "accuracy": model["accuracy"] - b["accuracy"],
            "log_loss": b["log_loss"] - model["log_loss"],
        }
        for name, b in (("majority", maj), ("always_yes", yes))
    }
    return {
        "model": {"name": AlignmentVoteModel.name, **model},
        "baselines": {"majority": maj, "always_yes": yes},
        "margin": margin,
        "samples": int(n),
        "contested_samples": int(contested.sum()),
        "decisions": int(len(np.unique(data.decision))),
        "since": since,
        "until": until,
        "folds": folds,
        "class_counts": dict(zip(_CLASSES, map(int, np.bincount(truth, minlength=3)))),
        "reliability": reliability_table(P, truth),
        "fold_params": [p.__dict__ for p in params],
        "alignment_note": (f"GA alignment by year 1946–{int(al.years[-1])}; later years use "
                           f"{int(al.years[-1])}, the latest GA year in the data"),
    }
