"""Cold start: the record from the embedded snapshot, and ``unsclab --help``.

Run:  python benchmarks/data_load.py [--runs 5] [--json]

Each measurement is a fresh Python process (nothing imported, no memoised table), with
``UNSCLAB_DATA`` unset and ``UNSCLAB_CACHE`` an empty folder, so the embedded snapshot answers:

- ``record_load``: the wall and CPU time of ``Record.load()`` inside the process (imports of
  pandas and pyarrow included, interpreter start-up excluded), and of every table of the
  snapshot;
- ``help``: the wall and CPU time of the whole ``unsclab --help`` process (interpreter
  included).

Targets (issue 10): the record under 0.5 s, ``--help`` under 0.2 s. The median of ``--runs``
runs is reported with the machine's 1-minute load average (the machine is shared: other
processes slow every run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CLOCK = "import time; t = time.perf_counter(); c = time.process_time(); "
_PRINT = "; print(time.perf_counter() - t, time.process_time() - c, n)"
RECORD = (_CLOCK + "from unsclab.record import Record; n = len(Record.load().decisions)" + _PRINT)
TABLES = (_CLOCK + "from unsclab.data.layers import load_table; "
          "from unsclab.data.tables import tables; n = sum(len(load_table(x)) for x in tables())"
          + _PRINT)


def _env(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "UNSCLAB_DATA"}
    env["UNSCLAB_CACHE"] = cache
    return env


def _inner(code: str, env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the process, rows) of ``code`` in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def _help(env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of a whole ``unsclab --help`` process."""
    import resource

    exe = str(Path(sys.executable).with_name("unsclab"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([exe, "--help"], capture_output=True, env=env, check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = _env(cache)
        _inner(RECORD, env)  # warm the OS file cache, as a second launch would
        record = [_inner(RECORD, env) for _ in range(args.runs)]
        every = [_inner(TABLES, env) for _ in range(args.runs)]
        helps = [_help(env) for _ in range(args.runs)]
    result = {
        "record_load_s": round(statistics.median(r[0] for r in record), 3),
        "record_load_cpu_s": round(statistics.median(r[1] for r in record), 3),
        "record_decisions": record[0][2],
        "all_tables_s": round(statistics.median(r[0] for r in every), 3),
        "all_tables_rows": every[0][2],
        "help_s": round(statistics.median(w for w, _ in helps), 3),
        "help_cpu_s": round(statistics.median(c for _, c in helps), 3),
        "runs": args.runs,
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"Record.load() from the snapshot: {result['record_load_s']} s wall, "
          f"{result['record_load_cpu_s']} s CPU ({result['record_decisions']} decisions; "
          "target < 0.5 s)")
    print(f"every snapshot table: {result['all_tables_s']} s ({result['all_tables_rows']:,} rows)")
    print(f"unsclab --help: {result['help_s']} s wall, {result['help_cpu_s']} s CPU "
          "(target < 0.2 s)")
    print(f"median of {args.runs} runs; load average {result['load_average_1min']}")


if __name__ == "__main__":
    main()
