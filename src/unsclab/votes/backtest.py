"""Backtest of the vote model: hide each real elected member's vote and predict it, training
only on what was known before.

Every Y / A / N vote of an elected (non-permanent) member on a decision is hidden and predicted
from the other members' votes on that decision (decisions adopted without a vote, votes recorded
as "not voting" or unknown are left out). The model of :mod:`unsclab.votes.logit` is refitted
for each year *y* on the votes of the years before *y* only, and its features use only earlier
data (:mod:`unsclab.votes.features`) — no information from the future enters a prediction
(``tests/votes`` proves it by perturbing later data).

Compared with:

- ``majority`` — the majority vote of the other members (ties go to Y); its probabilities are the
  other members' shares with add-½ smoothing, ``(count_v + ½) / (n + 3/2)``;
- ``always_yes`` — predicts Y; its probabilities are the training years' frequencies of Y/A/N;
- ``ga-alignment-logit`` — the previous model (:mod:`unsclab.votes.model`: GA-agreement
  weighted shares, same-year alignment), refitted each year on the earlier years with its
  sharpness β fixed at the value fitted on all data.

Scores: accuracy (argmax), log-loss (mean −ln p(truth)) and Brier score (mean Σ_v (p_v − 1[v])²)
on all hidden votes and on **contested decisions** (at least one member voted N or abstained),
by period (and on the span where the features were chosen, 1990–2009, against the held-out
2010–2025) and by subject; a reliability table (each class's predicted probability in ten bins
against the observed frequency). Calibration tolerance: on held-out years, every bin with at
least 200 predictions within 0.05 of its observed frequency.
"""

from __future__ import annotations

__all__ = ["backtest", "reliability_table", "PERIODS", "SPLITS", "CALIBRATION_TOLERANCE"]

import numpy as np

from unsclab.votes.data import council_votes

_CLASSES = ("Y", "A", "N")
PERIODS = ((1990, 1999), (2000, 2009), (2010, 2019), (2020, 2025))
#: Candidate features were tried on the first span (selection); the second is the held-out check.
SPLITS = (("1990-2009 (selection)", 1990, 2009), ("2010-2025 (held out)", 2010, 2025))
CALIBRATION_TOLERANCE = 0.05
CALIBRATION_MIN_BIN = 200


def _scores(P: np.ndarray, truth: np.ndarray, contested: np.ndarray,
            pred: np.ndarray | None = None) -> dict:
    pred = np.argmax(P, axis=1) if pred is None else pred
    p_true = np.clip(P[np.arange(len(truth)), truth], 1e-12, 1.0)
    ll = -np.log(p_true)
    brier = ((P - np.eye(3)[truth]) ** 2).sum(axis=1)
    ok = pred == truth
    c = contested

    def mean(x: np.ndarray, m: np.ndarray) -> float | None:
        return float(x[m].mean()) if m.any() else None

    every = np.ones(len(truth), bool)
    return {"n": int(len(truth)), "accuracy": mean(ok, every), "log_loss": mean(ll, every),
            "brier": mean(brier, every), "contested_n": int(c.sum()),
            "contested_accuracy": mean(ok, c), "contested_log_loss": mean(ll, c),
            "contested_brier": mean(brier, c)}


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


def _calibration(rows: list[dict]) -> dict:
    big = [r for r in rows if r["n"] >= CALIBRATION_MIN_BIN]
    worst = max((abs(r["predicted"] - r["observed"]) for r in big), default=0.0)
    n = sum(r["n"] for r in rows)
    ece = sum(r["n"] * abs(r["predicted"] - r["observed"]) for r in rows) / max(n, 1)
    return {"tolerance": CALIBRATION_TOLERANCE, "min_bin": CALIBRATION_MIN_BIN,
            "worst_bin_gap": float(worst), "expected_calibration_error": float(ece / 3),
            "within_tolerance": bool(worst <= CALIBRATION_TOLERANCE)}


def held_out_predictions(cv, src, first_year: int, last_year: int):
    """(samples, years, P of the model, P of ga-alignment-logit, P of always-yes) for the
    hidden votes of ``first_year``–``last_year``, each year predicted by fits on earlier years."""
    from unsclab.votes.logit import _probs, council_samples, fit_council_model
    from unsclab.votes.model import (AlignmentVoteModel, VoteModelParams, _features, _newton,
                                     _weighted_shares, default_vote_model,
                                     leave_one_out_features)

    samples = council_samples(cv, src)
    years = cv.years[samples.decision].astype(int)
    old = leave_one_out_features(cv, src.alignment)
    same = np.array_equal(old.decision, samples.decision) and np.array_equal(old.state,
                                                                             samples.state)
    beta = default_vote_model().params.beta
    n = len(samples.truth)
    P, P_old, P_yes = (np.full((n, 3), np.nan) for _ in range(3))
    for y in range(first_year, last_year + 1):
        test, train = np.flatnonzero(years == y), np.flatnonzero(years < y)
        if len(test) == 0 or len(train) < 100:
            continue
        P[test] = _probs(samples.features[test], fit_council_model(samples.take(train)))
        P_yes[test] = np.bincount(samples.truth[train], minlength=3) / len(train)
        if same:
            F = _features(_weighted_shares(old, beta, train), old.us[train], old.nn[train])
            coef, _ = _newton(F, old.truth[train])
            params = VoteModelParams(beta, *map(float, coef))
            P_old[test] = AlignmentVoteModel(params, src.alignment).predict_loo(old, test)
    return samples, years, P, P_old, P_yes


def backtest(since: int | None = 1990, until: int | None = None, record=None,
             sources=None) -> dict:
    """Run the backtest; returns a JSON-ready dict (``model``, ``baselines``, ``by_period``,
    ``by_subject``, ``reliability``, ``calibration``…)."""
    from unsclab.errors import UnsclabError
    from unsclab.replay.subjects import subject_of
    from unsclab.votes.features import feature_sources
    from unsclab.votes.logit import CouncilVoteModel

    cv = council_votes(record)
    src = sources if sources is not None else feature_sources()
    lo, hi = since or 1950, until or int(cv.years.max())
    samples, years, P, P_old, P_yes = held_out_predictions(cv, src, lo, hi)
    m = (years >= lo) & (years <= hi) & ~np.isnan(P[:, 0])
    if not m.any():
        raise UnsclabError(f"no elected member's vote to predict between {lo} and {hi}")
    truth, con = samples.truth, samples.contested
    cnt = samples.share * samples.n_others[:, None]
    P_maj = (cnt + 0.5) / (samples.n_others[:, None] + 1.5)
    pred_maj = np.argmax(cnt + np.array([1e-9, 0.0, -1e-9]), axis=1)
    models = {CouncilVoteModel.name: (P, None), "majority": (P_maj, pred_maj),
              "always_yes": (P_yes, np.zeros(len(truth), np.int64))}
    if not np.isnan(P_old[m]).any():
        models["ga-alignment-logit"] = (P_old, None)

    def scores(mask: np.ndarray) -> dict:
        return {name: _scores(Pm[mask], truth[mask], con[mask],
                              None if pred is None else pred[mask])
                for name, (Pm, pred) in models.items()}

    overall = scores(m)
    by_period = {f"{a}-{b}": scores(m & (years >= a) & (years <= b)) for a, b in PERIODS
                 if (m & (years >= a) & (years <= b)).any()}
    by_split = {name: scores(m & (years >= a) & (years <= b)) for name, a, b in SPLITS
                if lo <= a and (m & (years >= a) & (years <= b)).any()}
    subj = np.array([subject_of(cv.titles[t]) for t in samples.decision])
    by_subject = {s: scores(m & (subj == s)) for s in sorted(set(subj[m]))}
    rel = reliability_table(P[m], truth[m])
    return {"model": {"name": CouncilVoteModel.name, **overall[CouncilVoteModel.name]},
            "baselines": {k: v for k, v in overall.items() if k != CouncilVoteModel.name},
            "margin": _margins(overall, CouncilVoteModel.name),
            "by_period": by_period, "by_split": by_split, "by_subject": by_subject,
            "samples": int(m.sum()), "contested_samples": int((m & con).sum()),
            "since": lo, "until": hi, "reliability": rel, "calibration": _calibration(rel),
            "alignment_note": (f"GA data of the session before each decision's year "
                               f"(to {int(src.alignment.years[-1])})")}


def _margins(overall: dict, name: str) -> dict:
    model = overall[name]
    out = {}
    for other, b in overall.items():
        if other == name:
            continue
        out[other] = {
            "contested_accuracy": model["contested_accuracy"] - b["contested_accuracy"],
            "contested_log_loss_reduction":
                1 - model["contested_log_loss"] / b["contested_log_loss"],
            "accuracy": model["accuracy"] - b["accuracy"],
            "log_loss_reduction": 1 - model["log_loss"] / b["log_loss"],
        }
    return out
