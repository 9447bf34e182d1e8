"""A posteriori voting power: each member's probability of being decisive on the Council's
real agenda.

A priori indices (Banzhaf, Shapley–Shubik; ``unsclab power``) treat every vote as a coin toss.
On the Council's actual agenda votes are far from that: most drafts pass unanimously, and a
member matters only when the others are split. Following O'Neill (1996), who measured the
Council's power from how its members actually vote, and Kaniovski (2008), who gives the
decisiveness of a voter when the others vote yes with their own probabilities, the **a
posteriori power** of member *i* on decision *t* is

    P(adopted | i votes yes) − P(adopted | i votes no),

the others voting independently Y / A / N with the vote model's probabilities for them on that
draft (each predicted from the other members' real votes, :mod:`unsclab.votes.logit`). A vote
against by a veto holder vetoes; an abstention counts as "not yes" and vetoes nothing (the
Council's practice). Averaged over the decisions a state sat on, by period and subject. With
every probability ½ yes, ½ no it is the (absolute) Banzhaf index — the a priori baseline
printed beside it.

References: B. O'Neill, "Power and satisfaction in the United Nations Security Council",
*Journal of Conflict Resolution* 40(2) (1996) 219–237, doi:10.1177/0022002796040002002;
V. Kaniovski, "The exact bias of the Banzhaf measure of power when votes are neither
equiprobable nor independent", *Social Choice and Welfare* 31 (2008) 281–300,
doi:10.1007/s00355-007-0281-9; J. F. Banzhaf, "Weighted voting doesn't work", *Rutgers Law
Review* 19 (1965) 317–343.
"""

from __future__ import annotations

__all__ = ["decisiveness", "a_posteriori_power", "SubjectTally"]

import numpy as np

from unsclab.votes.data import council_votes


def decisiveness(P: np.ndarray, veto: np.ndarray, quota: int, negatives: int = 1) -> np.ndarray:
    """Each member's P(adopted | yes) − P(adopted | no) when the others vote independently with
    probabilities ``P`` (members × Y/A/N); ``veto`` marks veto holders (none: no veto)."""
    n = len(P)
    out = np.zeros(n)
    for i in range(n):
        # dist[y, v]: probability of y "yes" and v vetoes (capped at `negatives`) among the others
        dist = np.zeros((n + 1, negatives + 1))
        dist[0, 0] = 1.0
        for j in range(n):
            if j == i:
                continue
            py, pa, pn = P[j]
            new = np.zeros_like(dist)
            new[1:] += py * dist[:-1]
            if veto[j]:
                new += pa * dist
                new[:, 1:] += pn * dist[:, :-1]
                new[:, -1] += pn * dist[:, -1]
            else:
                new += (pa + pn) * dist
            dist = new
        yes = np.arange(n + 1)[:, None]
        free = np.arange(negatives + 1)[None, :] < negatives
        with_yes = dist[(yes + 1 >= quota) & free].sum()
        veto_i = np.arange(negatives + 1)[None, :] + (1 if veto[i] else 0) < negatives
        with_no = dist[(yes >= quota) & veto_i].sum()
        out[i] = with_yes - with_no
    return out


class SubjectTally:
    """Per subject of the decisions (:func:`unsclab.replay.subjects.subject_of`): decisions and
    the mean decisiveness of seats with a veto and of seats without one."""

    def __init__(self) -> None:
        self._by: dict[str, tuple[list[int], list[float], list[float]]] = {}

    def add(self, title: str, decisive: np.ndarray, veto: np.ndarray) -> None:
        from unsclab.replay.subjects import subject_of

        n, with_veto, without = self._by.setdefault(subject_of(title), ([0], [], []))
        n[0] += 1
        with_veto.extend(map(float, decisive[veto]))
        without.extend(map(float, decisive[~veto]))

    def rows(self) -> list[dict]:
        from unsclab.replay.subjects import SUBJECTS

        def mean(v: list[float]) -> float | None:
            return float(np.mean(v)) if v else None

        return [{"subject": k, "decisions": self._by[k][0][0], "veto_seat": mean(self._by[k][1]),
                 "other_seat": mean(self._by[k][2])} for k in SUBJECTS if k in self._by]


def a_posteriori_power(since: int = 1990, until: int = 2025, subject: str | None = None,
                       record=None) -> dict:
    """A posteriori power of the real Council's members on the decisions of ``since``–``until``
    (optionally one subject): per state, per kind of seat, per period (those of
    :data:`unsclab.replay.groups.PERIODS`) and per subject, with the a priori Banzhaf value."""
    from unsclab.errors import UnsclabError
    from unsclab.replay.groups import period_label
    from unsclab.replay.run import design_in_force
    from unsclab.replay.subjects import subject_of
    from unsclab.votes.features import decision_blocks
    from unsclab.votes.logit import _probs, _with_dummies, default_council_model

    cv = council_votes(record)
    model = default_council_model()
    per_state: dict[str, list[float]] = {}
    prior: dict[str, list[float]] = {}
    kinds = {"permanent": [], "elected": []}
    kinds_prior = {"permanent": [], "elected": []}
    periods: dict[tuple[str, str], list[float]] = {}
    subjects = SubjectTally()
    n = 0
    for t, cols, F in decision_blocks(cv, model.src, "members"):
        year = int(cv.years[t])
        if not since <= year <= until or cv.procedural[t]:
            continue
        if subject is not None and subject_of(cv.titles[t]) != subject:
            continue
        rule = design_in_force(year).rule
        P = _probs(_with_dummies(F), model.coef)
        codes = [cv.states[j] for j in cols]
        veto = np.array([c in ("CHN", "FRA", "RUS", "GBR", "USA") for c in codes])
        d = decisiveness(P, veto, rule.quota, rule.veto.negatives)
        half = np.tile([0.5, 0.0, 0.5], (len(cols), 1))
        b = decisiveness(half, veto, rule.quota, rule.veto.negatives)
        subjects.add(cv.titles[t], d, veto)
        n += 1
        for code, v, x, p in zip(codes, veto, d, b):
            per_state.setdefault(code, []).append(float(x))
            prior.setdefault(code, []).append(float(p))
            kinds["permanent" if v else "elected"].append(float(x))
            kinds_prior["permanent" if v else "elected"].append(float(p))
            periods.setdefault((period_label(year), "permanent" if v else "elected"),
                               []).append(float(x))
    if n == 0:
        raise UnsclabError(f"no substantive decision with recorded votes between {since} and "
                           f"{until}" + (f" on {subject}" if subject else ""))
    states = [{"iso3": c, "decisions": len(v), "a_posteriori": float(np.mean(v)),
               "a_priori": float(np.mean(prior[c]))} for c, v in per_state.items()]
    states.sort(key=lambda r: -r["a_posteriori"])
    return {"since": since, "until": until, "subject": subject, "decisions": n,
            "by_seat": {k: {"a_posteriori": float(np.mean(v)) if v else None,
                            "a_priori": float(np.mean(kinds_prior[k])) if v else None}
                        for k, v in kinds.items()},
            "by_period": [{"period": p, "seat": k, "a_posteriori": float(np.mean(v))}
                          for (p, k), v in sorted(periods.items())],
            "by_subject": subjects.rows(), "states": states}
