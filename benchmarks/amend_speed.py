"""Speed of the Article 108 game: one design, 193 states × 1,000 draws (target < 0.5 s).

Run: UNSCLAB_DATA=../shared/data python benchmarks/amend_speed.py
Measures the support model (engine evaluation of the design and the status quo, stances,
alignment) and the Monte Carlo separately, warm (data tables and ideal points loaded once).
"""

from __future__ import annotations

import time

from unsclab.amend.game import _draws, play
from unsclab.amend.positions import load_positions
from unsclab.amend.support import support
from unsclab.designs import load_design


def main(repeats: int = 5) -> None:
    pos = load_positions()
    support(load_design("status-quo"), pos)  # warm: tables, ideal points
    for design_id in ("g4-2005", "ezulwini-2005", "ufc-2024", "kazakhstan-principles"):
        design = load_design(design_id)
        t_sup, t_game = [], []
        for _ in range(repeats):
            t0 = time.perf_counter()
            sup = support(design, pos)
            _draws.cache_clear()  # measure the random draws too, as a first call pays them
            t1 = time.perf_counter()
            play(sup, draws=1000, seed=1)
            t2 = time.perf_counter()
            t_sup.append(t1 - t0)
            t_game.append(t2 - t1)
        print(f"{design_id:24s} support {min(t_sup) * 1000:6.1f} ms  "
              f"game (193 x 1000) {min(t_game) * 1000:6.1f} ms  "
              f"total {(min(t_sup) + min(t_game)) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
