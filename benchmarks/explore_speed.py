"""Speed of the design explorer: 10,000 designs with power and representation.

Run:  python benchmarks/explore_speed.py [--budget 10000] [--space examples/explore-seeds.toml]

Measures, on the search space of ``examples/explore-seeds.toml`` (a seeded sample of 10,000
designs of 17 to 27 seats):

1. in-process: candidate generation, building each ``Design``, exact power (cached by the
   game's type profile), representation measures, objectives, design TOML, chunked Parquet
   writes and the Pareto front — the whole ``explore()`` call;
2. the same on a Dask ``LocalCluster`` (127.0.0.1, processes, one thread per worker) with one
   and with two workers, timed after the cluster has started; the speed-up is t(1) / t(2), for
   the whole call and for the parallel part alone (evaluating the chunks).

The machine's 1-minute load average is printed too: other processes on a 2-core machine eat
into the second worker's core. So are CPU times (``*_cpu_s``: the driver's, and the sum over the
workers), which do not depend on the load: they say where the time goes when wall times do not.

The target (issue 7) is under 60 s for 10,000 designs on the 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--space", default=str(ROOT / "examples" / "explore-seeds.toml"))
    ap.add_argument("--budget", type=int, default=10_000)
    ap.add_argument("--no-dask", action="store_true", help="Skip the LocalCluster timings.")
    args = ap.parse_args()

    from unsclab.explore import explore, load_space
    from unsclab.explore.evaluation import profile_power

    space = load_space(args.space)
    report: dict = {"space": space.id, "budget": args.budget, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        cands, info = space.candidates(budget=args.budget)
        report["candidates_s"] = round(time.perf_counter() - t0, 2)
        t0, c0 = time.perf_counter(), time.process_time()
        res = explore(space, budget=args.budget, out=Path(tmp) / "inproc")
        report["in_process_s"] = round(time.perf_counter() - t0, 2)
        report["in_process_cpu_s"] = round(time.process_time() - c0, 2)
        report["evaluated"] = res.evaluated
        report["pareto"] = int(res.table["pareto"].sum())
        report["profiles_cached"] = profile_power.cache_info().currsize
        report["designs_per_s"] = round(res.evaluated / report["in_process_s"])
        reference = res.table[["id", *res.objectives]].reset_index(drop=True)

        if not args.no_dask:
            from dask.distributed import Client, LocalCluster

            for n in (1, 2):
                with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
                        Client(cluster) as client:
                    client.run(lambda: __import__("unsclab.explore"))  # warm imports
                    w0 = sum(client.run(time.process_time).values())
                    t0, c0 = time.perf_counter(), time.process_time()
                    r = explore(space, budget=args.budget, client=client,
                                out=Path(tmp) / f"dask{n}")
                    report[f"dask_{n}_workers_s"] = round(time.perf_counter() - t0, 2)
                    report[f"dask_{n}_driver_cpu_s"] = round(time.process_time() - c0, 2)
                    report[f"dask_{n}_workers_cpu_s"] = round(
                        sum(client.run(time.process_time).values()) - w0, 2)
                    same = r.table[["id", *r.objectives]].reset_index(drop=True).equals(reference)
                    report[f"dask_{n}_same_as_in_process"] = bool(same)
                    # the parallel part alone: evaluating the chunks (no candidate generation,
                    # no Parquet writes, no Pareto front in the driver)
                    from unsclab.explore.run import _chunk_task

                    size = space.spec.search.chunk_size
                    chunks = [cands.iloc[i:i + size].to_dict("records")
                              for i in range(0, len(cands), size)]
                    t0 = time.perf_counter()
                    futs = client.map(_chunk_task, [space.text] * len(chunks),
                                      [space.file] * len(chunks), chunks, pure=False)
                    client.gather(futs)
                    report[f"dask_{n}_workers_evaluate_only_s"] = round(time.perf_counter() - t0, 2)
            report["speedup_1_to_2"] = round(report["dask_1_workers_s"] / report["dask_2_workers_s"], 2)
            report["speedup_1_to_2_evaluate_only"] = round(
                report["dask_1_workers_evaluate_only_s"] / report["dask_2_workers_evaluate_only_s"], 2)
    report["load_average_1min"] = round(os.getloadavg()[0], 2)
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
