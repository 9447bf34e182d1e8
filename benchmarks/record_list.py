"""Speed of ``unsclab record list``: each filter, in process and as a whole CLI call.

Run:  python benchmarks/record_list.py [--repeat 5]

Prints, for each filter of ``record list`` (and a combination), the median time of the
selection in a warm process (``unsclab.cli.record.select`` on a loaded Record), and the median
wall-clock time of the complete command in a fresh process (interpreter start, imports, loading
the Record's Parquet cache, filtering, printing). The target (issue 11) is under 0.5 s. The
machine's 1-minute load average is printed: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

FILTERS = {
    "none": {},
    "--from/--to": {"start": "1990", "end": "1999"},
    "--outcome": {"outcome": "vetoed"},
    "--type": {"vote_type": "sg_nomination"},
    "--vetoed-by": {"vetoed_by": "USSR"},
    "--state": {"state": "Ivory Coast"},
    "--subject": {"subject": "sanctions"},
    "--region": {"region": "Africa"},
    "--search": {"search": "Somalia"},
    "combined": {"start": "2000", "region": "Africa", "subject": "peace operations"},
}
ARGS = {"none": [], "--from/--to": ["--from", "1990", "--to", "1999"],
        "--vetoed-by": ["--vetoed-by", "USSR"], "--search": ["--search", "Somalia"],
        "combined": ["--from", "2000", "--region", "Africa", "--subject", "peace operations"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from unsclab.record import Record
    from unsclab.record_browse import select

    rec = Record.load()
    print(f"load average (1 min): {os.getloadavg()[0]:.2f}")
    for name, kw in FILTERS.items():
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            n = len(select(rec, **kw))
            times.append(time.perf_counter() - t)
        print(f"select {name:12s} {1000 * statistics.median(times):7.1f} ms  ({n} rows)")
    for name, extra in ARGS.items():
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "unsclab.cli.main", "record", "list",
                            "--format", "csv", *extra], check=True, capture_output=True)
            times.append(time.perf_counter() - t)
        print(f"cli    {name:12s} {1000 * statistics.median(times):7.1f} ms")


if __name__ == "__main__":
    main()
