"""Time unsclab's own power kernels on typical games (run on demand, not a test).

    python benchmarks/power_engine.py

Each game is computed from a cold cache, best of several repeats, all values exact; wall-clock
and CPU seconds (the process's own, which other jobs on a shared machine do not inflate):

- a 26-seat council, 11 veto seats, quota 15 (the Ezulwini/Sirte shape): all nine indices;
- the status quo: all nine indices;
- the 193 UN members weighted by population in millions, simple majority: Banzhaf and
  Shapley-Shubik;
- 200 players with weights 1-2000 (``random.Random(7)``), simple majority: both indices;
- EU-27 double majority (55 % of the 27 states and 65 % of their population; Treaty on
  European Union, Art. 16(4)), population in units of 100,000 from the World Bank 2024 via
  ``UNSCLAB_DATA`` when available (the "at least four states to block" clause is a disjunction
  and is not modelled): both indices;
- the four ternary indices on every catalogue design.

Targets (issue 14), checked on CPU seconds in the last column: the 193-member game under 0.3 s
for Banzhaf + Shapley-Shubik, each design's ternary indices under 50 ms.
"""

from __future__ import annotations

import csv
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unsclab.designs import catalog_ids, load_design  # noqa: E402
from unsclab.power import (  # noqa: E402
    CompositeGame,
    WeightedGame,
    compute,
    index_names,
    kernels,
    quota_condition,
    veto_condition,
)
from unsclab.power.compile import compile_design  # noqa: E402
from unsclab.power.kernels.ternary import ternary_counts  # noqa: E402

EU27 = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU "
    "SVK SVN ESP SWE"
).split()


TERNARY = ["ternary_penrose", "ternary_banzhaf", "ternary_shapley_shubik", "ternary_coleman_act"]


def cold(game, names, repeat=5):
    """Best wall-clock and best CPU seconds over ``repeat`` cold runs (CPU time, the process's
    own, is what a shared machine's load does not inflate)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        kernels._CACHE.clear()
        kernels.structure.cache_clear()
        ternary_counts.cache_clear()
        t, c = time.perf_counter(), time.process_time()
        compute(game, names)
        wall = min(wall, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return wall, cpu


def members_game():
    with (ROOT / "src" / "unsclab" / "data" / "members.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    w = [round(int(r["population"]) / 1e6) for r in rows]
    return WeightedGame(w, sum(w) // 2 + 1, [r["iso3"] for r in rows])


def eu_game():
    data = Path(os.environ.get("UNSCLAB_DATA", ROOT.parent / "shared" / "data"))
    src = data / "worldbank_datasets" / "population.csv"
    if not src.exists():
        return None
    pop = {}
    with src.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["Year"] == "2024" and r["Country Code"] in EU27 and r["Value"]:
                pop[r["Country Code"]] = round(float(r["Value"]) / 1e5)
    w = [pop[c] for c in EU27]
    n = len(w)
    return CompositeGame.from_vectors(
        [[1] * n, w], [-(-55 * n // 100), -(-65 * sum(w) // 100)], EU27
    )


def main() -> None:
    rng = random.Random(7)
    w200 = [rng.randint(1, 2000) for _ in range(200)]
    n = 26
    cases = [
        ("26 seats, 11 vetoes, quota 15: all indices",
         CompositeGame([quota_condition(n, 15), veto_condition(n, range(11))]), index_names()),
        ("status quo: all indices",
         CompositeGame([quota_condition(15, 9), veto_condition(15, range(5))]), index_names()),
        ("193 members by population (M): Banzhaf + SS", members_game(),
         ["banzhaf", "shapley_shubik"]),
        ("200 players, weights 1-2000: Banzhaf + SS", WeightedGame(w200, sum(w200) // 2 + 1),
         ["banzhaf", "shapley_shubik"]),
    ]
    eu = eu_game()
    if eu is not None:
        cases.append(("EU-27 double majority (55 % states, 65 % pop.): Banzhaf + SS", eu,
                      ["banzhaf", "shapley_shubik"]))
    print(f"load average {os.getloadavg()[0]:.1f} (2-core machine)")
    print("| game | kernel | seconds | CPU seconds | target (CPU) |")
    print("|---|---|---:|---:|---|")
    for label, game, names in cases:
        sec, cpu = cold(game, names, repeat=5 if game.n < 100 else 3)
        method = kernels.swings(game).method
        print(f"| {label} | {method} | {sec:.5f} | {cpu:.5f} | "
              f"{_verdict(cpu, TARGETS.get(label))} |", flush=True)
    print()
    print("| catalogue design | ternary indices (4), seconds | CPU seconds | target (CPU) |")
    print("|---|---:|---:|---|")
    from unsclab.power.games import LimitError

    for design_id in catalog_ids():
        try:
            sec, cpu = cold(compile_design(load_design(design_id)), TERNARY)
        except LimitError:  # strand-rapkin-2011: 15 distinct weights, 4**15 ternary cells
            print(f"| {design_id} | beyond the exact ternary limit | | |", flush=True)
            continue
        print(f"| {design_id} | {sec:.5f} | {cpu:.5f} | {_verdict(cpu, 0.050)} |", flush=True)


TARGETS = {"193 members by population (M): Banzhaf + SS": 0.3}


def _verdict(seconds: float, target: float | None) -> str:
    if target is None:
        return ""
    return f"{'met' if seconds < target else 'MISSED'} (< {target:g} s)"


if __name__ == "__main__":
    main()
