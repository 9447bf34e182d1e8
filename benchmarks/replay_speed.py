"""Speed of replay: every recorded decision under every catalogue design, 1,000 draws each.

Run:  python benchmarks/replay_speed.py [--draws 1000] [--seed 1] [--threads 1|2] [--json]

Measures, after a warm-up that loads the Record, the GA alignment matrices (numpy cache) and the
vote model's probability tables for all ~3,200 decisions × ~200 states (shared by every design):

- the time to replay all decisions 1946–2025 under each catalogue design with ``--draws`` draws
  (``replay(design, draws=..., seed=..., keep_votes=False)``), and the total;
- the cold cost of the warm-up itself (printed separately).

With ``--threads 2`` the designs are spread over two threads (numpy releases the GIL in its
array loops). The machine's 1-minute load average is printed: other processes on a 2-core
machine slow both.

The target (issue 12) is under 3 s for every catalogue design with 1,000 draws each. The machine
is shared: the CPU time of the process (``cpu_seconds``) is printed beside the wall-clock time,
and a comparison of two versions should alternate their runs under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draws", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from unsclab.designs import catalog_ids, load_design
    from unsclab.replay import replay

    replay("status-quo", period=(2025, 2025), draws=2, seed=0)  # loads record, model, tables
    warm = time.perf_counter() - t0
    designs = [load_design(i) for i in catalog_ids()]

    def one(design):
        s = time.perf_counter()
        res = replay(design, draws=args.draws, seed=args.seed, keep_votes=False)
        return design.id, time.perf_counter() - s, len(res.cv), res.summary()

    start, cpu_start = time.perf_counter(), time.process_time()
    if args.threads > 1:
        with ThreadPoolExecutor(args.threads) as pool:
            rows = list(pool.map(one, designs))
    else:
        rows = [one(d) for d in designs]
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    out = {
        "designs": len(rows),
        "decisions": rows[0][2],
        "draws": args.draws,
        "threads": args.threads,
        "warm_up_seconds": round(warm, 2),
        "total_seconds": round(total, 2),
        "cpu_seconds": round(cpu, 2),
        "load_average_1min": os.getloadavg()[0],
        "per_design": {i: {"seconds": round(s, 3), "changed": r["changed"],
                           "vetoed_now_adopted": r["vetoed_now_adopted"],
                           "adopted_now_failed": r["adopted_now_failed"]}
                       for i, s, _, r in rows},
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return
    print(f"warm-up (record, alignment, vote tables): {warm:.2f} s")
    for i, s, n, r in rows:
        print(f"  {i:28s} {s:6.2f} s  {n} decisions  changed {r['changed']}")
    print(f"{len(rows)} designs x {rows[0][2]} decisions x {args.draws} draws: {total:.2f} s "
          f"(CPU {cpu:.2f} s; {args.threads} thread(s); load average "
          f"{out['load_average_1min']:.2f})")


if __name__ == "__main__":
    main()
