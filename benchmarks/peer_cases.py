"""The games of ``benchmarks/power_peers.py``, built for unsclab and for power-bdd.

1. status quo: ``[39; 7 x 5, 1 x 10]``;
2. 50 players, integer weights 1-100 drawn with ``random.Random(2025)``, quota two thirds of the
   total (rounded up);
3. the 193 UN member states weighted by population in millions (rounded; World Bank 2024 via
   the committed table ``src/unsclab/data/members.csv``), quota a simple majority of the total;
4. the Council of the EU's qualified majority with its blocking-minority clause (an OR of ANDs),
   from ``examples/eu-council-qmv.toml``: only for the tools that compose games.
"""

from __future__ import annotations

import csv
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent




def case_status_quo():
    return [7] * 5 + [1] * 10, 39


def case_random50(seed: int = 2025):
    rng = random.Random(seed)
    w = [rng.randint(1, 100) for _ in range(50)]
    return w, -(-2 * sum(w) // 3)


def population_weights() -> tuple[list[int], str]:
    table = ROOT / "src" / "unsclab" / "data" / "members.csv"
    if table.exists():
        with table.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        w = [round(int(r["population"]) / 1e6) for r in rows]
        return w, f"{table.relative_to(ROOT)} ({len(w)} members)"
    data = Path(os.environ.get("UNSCLAB_DATA", ROOT.parent / "shared" / "data"))
    src = data / "worldbank_datasets" / "population.csv"
    with src.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["Year"] == "2024"]
    # without the members table there is no membership list: all World Bank economies
    w = [round(float(r["Value"]) / 1e6) for r in rows if r["Value"]]
    return w, f"{src} (2024, {len(w)} economies; members table missing)"


def case_un193():
    w, _ = population_weights()
    return w, sum(w) // 2 + 1


def case_eu_qmv():
    """The Council of the EU's qualified majority, TEU Art. 16(4): (55 % of the members and 65 %
    of the population) or no blocking minority (at least 24 of 27 voting yes), from the
    committed game file: alternatives, each a list of (weights, quota)."""
    import tomllib

    data = tomllib.loads((ROOT / "examples" / "eu-council-qmv.toml").read_text("utf-8"))
    n = len(data["players"])
    return [[(list(c["weights"]) if "weights" in c else [c["weight"]] * n, c["quota"])
             for c in alt["conditions"]] for alt in data["alternatives"]]


CASES = {
    "status quo [39; 7x5, 1x10]": case_status_quo,
    "50 players, weights 1-100, 2/3 quota": case_random50,
    "193 UN members, population (M), 50% quota": case_un193,
}
#: games that are not one weighted vote (an OR of ANDs): only tools that compose games run them
UNION_CASES = {"EU-27 qualified majority or no blocking minority (OR of ANDs)": case_eu_qmv}
COMPOSING = ("unsclab", "power-bdd")


def players(case: str) -> int:
    if case in UNION_CASES:
        return len(UNION_CASES[case]()[0][0][0])
    return len(CASES[case]()[0])


def unsclab_game(case: str):
    from unsclab.power import CompositeGame, UnionGame, WeightedGame

    if case in UNION_CASES:
        return UnionGame([CompositeGame.from_vectors([w for w, _ in alt], [q for _, q in alt])
                          for alt in UNION_CASES[case]()])
    return WeightedGame(*CASES[case]())


def bdd_game(case: str):
    """power-bdd's diagram of the case: weighted games joined with & and |."""
    from functools import reduce

    from power_bdd.bdd import BDD, WeightedGame

    if case not in UNION_CASES:
        w, q = CASES[case]()
        return BDD(WeightedGame(q, list(w)))
    return reduce(lambda a, b: a | b,
                  [reduce(lambda a, b: a & b, [BDD(WeightedGame(q, list(w))) for w, q in alt])
                   for alt in UNION_CASES[case]()])
