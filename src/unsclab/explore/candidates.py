"""The candidates of a search space: enumerated in full when the space is small, else sampled.

Spaces of up to ``limit`` combinations (:data:`unsclab.explore.space.ENUMERATE_LIMIT`) are
enumerated: every combination of choices is decoded from its mixed-radix index, invalid and
redundant ones and those failing a constraint are dropped, and if more are left than the budget,
``budget`` of them are drawn without replacement. Larger spaces are sampled by rejection, with
the same seeded generator (``numpy.random.default_rng(seed)``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from unsclab.designs.io import _field_lines, _line_for
from unsclab.explore.expressions import range_hint
from unsclab.explore.features import columns, features, structural
from unsclab.explore.schema import SpaceError

if TYPE_CHECKING:
    from unsclab.explore.space import Space

#: Batches drawn at most by rejection sampling before giving up on filling the budget.
MAX_BATCHES = 200
#: Table columns copied from the features (``f.<name>``).
FEATURE_COLUMNS = ("size", "quota", "quota_fraction", "veto_holders", "negatives",
                   "permanent", "long_term", "elected")


def candidates(space: Space, seed: int, budget: int, limit: int):
    """``(table, info)``: the designs to evaluate and how they were chosen (see the module)."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    radix = np.array([len(d.values) for d in space.dims], dtype=np.int64)
    total = space.combinations
    if total <= limit:
        digits, feats, feasible, mode = _enumerate(space, radix, total, budget, rng)
    else:
        digits, feats = _sample(space, radix, budget, rng)
        feasible, mode = None, "sampled"
    cols = columns(space, digits)
    table = pd.DataFrame({d.name: _plain(cols[d.name]) for d in space.dims})
    for name in FEATURE_COLUMNS:
        table["f." + name] = feats[name]
    table.insert(0, "id", [space.design_id(r) for r in table[[d.name for d in space.dims]]
                           .to_dict("records")])
    info = {"mode": mode, "combinations": total, "feasible": feasible,
            "candidates": len(table), "seed": seed, "budget": budget}
    return table, info


def _enumerate(space: Space, radix: np.ndarray, total: int, budget: int, rng):
    """Every combination; ``budget`` of the feasible ones drawn without replacement if more."""
    digits = decode(np.arange(total, dtype=np.int64), radix)
    feats, valid, redundant = features(space, digits)
    cons = structural(space, feats, len(digits))
    check_possible(space, feats, valid & ~redundant, cons, sampled=False)
    keep = valid & ~redundant
    for c in cons:
        keep &= c
    rows = np.flatnonzero(keep)
    feasible = len(rows)
    mode = "enumerated"
    if feasible > budget:
        rows = np.sort(rng.choice(rows, size=budget, replace=False))
        mode = "sampled"
    return digits[rows], {k: v[rows] for k, v in feats.items()}, feasible, mode


def _sample(space: Space, radix: np.ndarray, budget: int, rng):
    """Up to ``budget`` distinct feasible combinations, drawn by rejection in batches."""
    batch = max(4 * budget, 20_000)
    chosen: list[np.ndarray] = []
    seen: set[bytes] = set()
    for number in range(MAX_BATCHES):
        digits_b = np.stack([rng.integers(0, r, size=batch) for r in radix], axis=1)
        feats_b, valid, redundant = features(space, digits_b)
        cons = structural(space, feats_b, batch)
        if number == 0:
            check_possible(space, feats_b, valid & ~redundant, cons, sampled=True)
        keep = valid & ~redundant
        for c in cons:
            keep &= c
        for i in np.flatnonzero(keep):
            key = digits_b[i].tobytes()
            if key in seen:
                continue
            seen.add(key)
            chosen.append(digits_b[i])
            if len(chosen) >= budget:
                break
        if len(chosen) >= budget:
            break
    digits = np.stack(chosen)
    feats, _, _ = features(space, digits)
    return digits, feats


def check_possible(space: Space, feats, valid, cons, *, sampled: bool) -> None:
    """Raise :class:`SpaceError` when no candidate is valid, or one constraint (or all of them
    together) leaves none, naming the constraint and, where it can, the feature's range."""
    where = "sampled design" if sampled else "design in the space"
    if not valid.any():
        raise SpaceError(
            f"the space is empty: no {where} is a valid council (check the quotas against "
            "the sizes and that a veto rule has veto holders)", file=space.file,
            line=_line_for(("seats",), _field_lines(space.text)), field="seats")
    structural_ = [c for c in space.constraints if not c.after]
    for c, val in zip(structural_, cons, strict=True):
        if not (val & valid).any():
            hint = range_hint(c.tree, feats, valid)
            raise SpaceError(f"impossible constraint: no {where} satisfies {c.expr!r}{hint}",
                             file=space.file, line=c.line, field=c.field)
    both = valid.copy()
    for val in cons:
        both &= val
    if not both.any():
        raise SpaceError(f"no {where} satisfies all the constraints together "
                         f"({'; '.join(c.expr for c in structural_)})",
                         file=space.file, line=structural_[0].line if structural_ else None,
                         field="constraints")


def decode(idx: np.ndarray, radix: np.ndarray) -> np.ndarray:
    """Mixed-radix digits of ``idx`` (first dimension most significant)."""
    digits = np.zeros((len(idx), len(radix)), dtype=np.int32)
    rest = idx.copy()
    for j in range(len(radix) - 1, -1, -1):
        digits[:, j] = rest % radix[j]
        rest //= radix[j]
    return digits


def scalar(x: Any) -> Any:
    """A numpy scalar as the Python value (for tables and JSON)."""
    if isinstance(x, np.generic):
        return x.item()
    return x


def _plain(arr: np.ndarray) -> list:
    return [scalar(x) for x in arr.tolist()]
