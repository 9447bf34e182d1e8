"""Load benchmark of the record's pages and API: p50/p99 latency at 50 concurrent clients.

Uses the server start-up, connection and scenario machinery of ``web_load.py`` (same folder)
on the record's routes: the browse page (unfiltered and filtered), a decision page, a state
page, the trends page, and the JSON API of filtered decisions (recomputed each request: the
API is not page-cached). Target (issue 11): p99 under 100 ms at 50 clients on loopback.

    python benchmarks/record_web_load.py --requests 300
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import web_load  # the machinery of the design-page benchmark, same folder

SCENARIOS = [
    ("GET /record", "/record"),
    ("GET /record?vetoed_by=USA&from=2000", "/record?vetoed_by=USA&from=2000"),
    ("GET /record/decisions/1868 (S/RES/1559)", "/record/decisions/1868"),
    ("GET /record/states/IND", "/record/states/IND"),
    ("GET /record/trends", "/record/trends"),
    ("GET /api/record/decisions?region=Africa&from=2010",
     "/api/record/decisions?region=Africa&from=2010"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=500)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--max-seconds", type=float, default=60.0)
    args = ap.parse_args()
    port = web_load._free_port()
    proc = web_load._start(port)
    try:
        rows = [asyncio.run(web_load._scenario(
            port, name, lambda i, url=url: ("GET", url, b""), min(args.requests, 5000),
            min(args.clients, 200), min(args.max_seconds, 120.0)))
            for name, url in SCENARIOS]
    finally:
        proc.kill()  # a benchmark server: nothing to flush
        proc.wait()
    from unsclab.tables import Column, Table, to_markdown

    cols = [Column("scenario", header="scenario"), Column("requests", header="requests",
                                                          kind="int"),
            Column("errors", header="errors", kind="int"),
            *(Column(k, header=k.replace("_ms", " (ms)"), kind="number", digits=1)
              for k in ("p50_ms", "p99_ms"))]
    note = (f"{args.clients} concurrent clients, one uvicorn worker, {os.cpu_count()} cores, "
            f"loopback, load average {os.getloadavg()[0]:.1f}")
    print(to_markdown([Table("record pages under load", cols, rows)], [note]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
