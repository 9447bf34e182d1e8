"""The Pareto front against an independent brute-force dominance check."""

from __future__ import annotations

import numpy as np

from unsclab.explore import explore, pareto_mask, parse_space


def _dominates(a, b, directions) -> bool:
    """a dominates b: at least as good everywhere, better somewhere (plain Python)."""
    better = False
    for x, y, d in zip(a, b, directions):
        if d == "minimise":
            x, y = -x, -y
        if x < y:
            return False
        if x > y:
            better = True
    return better


def _brute_front(rows, directions) -> set[int]:
    return {i for i, a in enumerate(rows)
            if not any(_dominates(b, a, directions) for j, b in enumerate(rows) if j != i)}


def test_pareto_mask_random():
    rng = np.random.default_rng(5)
    for k in (1, 2, 3):
        vals = rng.integers(0, 6, size=(150, k)).astype(float)  # many ties
        dirs = ["maximise", "minimise", "maximise"][:k]
        got = set(np.flatnonzero(pareto_mask(vals, dirs)))
        assert got == _brute_front(vals.tolist(), dirs)
        noisy = vals + rng.uniform(-1e-14, 1e-14, size=vals.shape)  # float noise: still ties
        assert set(np.flatnonzero(pareto_mask(noisy, dirs))) == got


def test_pareto_mask_random_many_objectives():
    rng = np.random.default_rng(11)
    for k, n in ((4, 300), (6, 400)):
        vals = rng.integers(0, 4, size=(n, k)).astype(float)  # ties and identical rows
        vals[rng.random(n) < 0.1, 0] = np.nan
        dirs = ["maximise", "minimise"] * (k // 2)
        ok = ~np.isnan(vals).any(axis=1)
        rows = [r for r, good in zip(vals.tolist(), ok) if good]
        index = np.flatnonzero(ok)
        expected = {int(index[i]) for i in _brute_front(rows, dirs)}
        assert set(np.flatnonzero(pareto_mask(vals, dirs)).tolist()) == expected


def test_pareto_mask_nan_never_on_front():
    vals = np.array([[1.0, np.nan], [0.5, 0.5], [0.1, 0.1]])
    assert pareto_mask(vals, ["maximise", "maximise"]).tolist() == [False, True, False]


def test_small_space_front_by_brute_force(tiny_text):
    space = parse_space(tiny_text, "tiny.toml")
    result = explore(space)
    table = result.table
    labels = [o.label for o in space.objectives]
    dirs = [o.direction for o in space.objectives]
    # values equal to 12 decimals are ties (pareto_mask's documented rounding)
    rows = table[labels].to_numpy().round(12).tolist()
    assert set(np.flatnonzero(table["pareto"].to_numpy())) == _brute_front(rows, dirs)
    assert 0 < table["pareto"].sum() < len(table)
    # the front's objective values are recomputed from the designs themselves
    from unsclab.designs import parse_design
    from unsclab.explore.evaluation import Evaluation

    for _, row in result.pareto.iterrows():
        d = parse_design(row["design_toml"])
        assert d == space.design(row.to_dict())
        ev = Evaluation(d)
        for o in space.objectives:
            assert o.func(d, ev) == row[o.label]
