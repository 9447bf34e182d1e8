"""Vectorised features of candidate councils: one numpy array per feature, one row per candidate.

A candidate is given by its choice indices (``digits``: one row per candidate, one column per
dimension of the space). :func:`features` computes the features constraints can name (listed in
:mod:`unsclab.explore.space`), which candidates are valid councils, and which are redundant
(the same council as a candidate with smaller indices), all without building a design.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from unsclab.explore.expressions import evaluate
from unsclab.explore.schema import P5
from unsclab.groups import GROUPS, OPEN

if TYPE_CHECKING:
    from unsclab.explore.space import Space


def columns(space: Space, digits: np.ndarray) -> dict[str, np.ndarray]:
    """The dimensions' values of candidates, one array per dimension."""
    cols = {}
    for j, d in enumerate(space.dims):
        kind = object if isinstance(d.values[0], str) else None
        arr = np.array(d.values, dtype=kind)
        cols[d.name] = arr[digits[:, j]]
    return cols


def features(space: Space, digits: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Features of candidates given by choice indices (one row per candidate, one column per
    dimension): ``(features, valid, redundant)``, all vectorised."""
    from unsclab.explore.evaluation import context

    n = len(digits)
    cols = columns(space, digits)
    p5 = space.spec.search.p5
    veto = cols["veto"].astype(str)
    exercised = (veto == "one") | (veto == "two")
    deferred = veto == "deferred"
    zero = np.zeros(n, dtype=np.int64)
    f: dict[str, np.ndarray] = {}
    size = zero + (5 if p5 else 0)
    kinds = {"permanent": zero + (5 if p5 else 0), "long-term": zero.copy(), "elected": zero.copy()}
    by_group = {g: {k: zero.copy() for k in ("seats", "permanent", "long_term", "elected", "veto")}
                for g in (*GROUPS, OPEN)}
    p5_veto = (veto != "none") & p5
    if p5:
        ctx = context()
        for c in P5:
            g = ctx.group[ctx.index[c]] or OPEN
            by_group[g]["seats"] += 1
            by_group[g]["permanent"] += 1
            by_group[g]["veto"] += p5_veto.astype(np.int64)
    new_vetoes = zero.copy()
    deferred_vetoes = zero.copy()
    redundant = np.zeros(n, dtype=bool)
    for cid, fam, _ in space.families:
        count = cols[f"{cid}.count"].astype(np.int64)
        f["count_" + cid.replace("-", "_")] = count
        size = size + count
        kinds[fam.kind] += count
        g = by_group[fam.group]
        g["seats"] += count
        g[fam.kind.replace("-", "_")] += count
        empty = count == 0
        idx = {d.name: j for j, d in enumerate(space.dims)}
        for dname in (f"{cid}.veto", f"{cid}.term_years", f"{cid}.re_eligible"):
            if dname in idx:
                redundant |= empty & (digits[:, idx[dname]] != 0)
        if fam.kind != "elected":
            flag = cols[f"{cid}.veto"].astype(bool)
            new_vetoes += count * (flag & exercised)
            deferred_vetoes += count * (flag & deferred)
            g["veto"] += count * (flag & exercised)
            redundant |= (veto == "none") & (digits[:, idx[f"{cid}.veto"]] != 0)
    veto_holders = new_vetoes + np.where(p5_veto, 5, 0)
    quota = _quota(space, cols, digits, size, redundant)
    valid = (size >= 1) & (quota >= 1) & (quota <= size)
    valid &= ~((veto == "one") & (veto_holders < 1))
    valid &= ~((veto == "two") & (veto_holders < 2))
    valid &= ~(deferred & (deferred_vetoes < 1))
    negatives = np.where(veto == "two", 2, np.where(veto_holders > 0, 1, 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        qf = np.where(size > 0, quota / np.maximum(size, 1), 0.0)
    f.update({
        "size": size, "quota": quota, "quota_fraction": qf, "veto": veto,
        "negatives": negatives, "veto_holders": veto_holders, "new_vetoes": new_vetoes,
        "deferred_vetoes": deferred_vetoes, "p5": np.full(n, p5), "p5_veto": p5_veto,
        "permanent": kinds["permanent"], "long_term": kinds["long-term"],
        "elected": kinds["elected"],
    })
    for g, table in by_group.items():
        for k, arr in table.items():
            f[f"{k}_{g}"] = arr
    return f, valid, redundant


def _quota(space: Space, cols, digits: np.ndarray, size: np.ndarray,
           redundant: np.ndarray) -> np.ndarray:
    """Quotas in votes; marks (in ``redundant``) a fraction giving the same quota as an earlier one."""
    if "quota" in cols:
        return cols["quota"].astype(np.int64)
    fr = cols["quota_fraction"].astype(float)
    quota = np.ceil(fr * size - 1e-9).astype(np.int64)
    j = [d.name for d in space.dims].index("quota_fraction")
    for k, other in enumerate(space.dims[j].values):
        earlier = digits[:, j] > k
        redundant |= earlier & (np.ceil(other * size - 1e-9).astype(np.int64) == quota)
    return quota


def structural(space: Space, feats: dict[str, np.ndarray], n: int) -> list[np.ndarray]:
    """The value of each constraint that names no objective, one boolean array each."""
    out = []
    for c in space.constraints:
        if c.after:
            continue
        val = np.broadcast_to(np.asarray(evaluate(c.tree, feats), dtype=bool), (n,))
        out.append(val)
    return out
