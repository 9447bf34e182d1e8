"""First load of the whole-catalogue comparison page on a server that has just started.

Each run starts a new server process (no warm-up at start-up: ``UNSCLAB_WARM=0``, so the first
visitor pays for everything) on a free loopback port, asks for ``/compare`` with every
catalogue design as the page's script does (again every second until nothing is pending), and
reports: the first answer (what the visitor sees at once), when every design's voting power is
in, and when the page is complete (replay and figures). Three states of the user cache:

- ``empty``: a new installation (``UNSCLAB_CACHE`` an empty folder): the elections model, the
  GA alignment matrices and the vote model are built from the data first;
- ``models``: the shared models are cached but no web results (after an upgrade of unsclab,
  which changes the results' key);
- ``results``: the web results of an earlier server are cached (code and data unchanged).

    python benchmarks/web_cold.py               # 3 runs of each state
    python benchmarks/web_cold.py --runs 1 --states results

Loopback only; every server is stopped; the temporary caches are removed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from web_load import HOST, _free_port, _start, _stop  # noqa: E402  (same folder)

STATES = ("empty", "models", "results")


def _one(cache: Path, url: str) -> dict[str, float]:
    port = _free_port()
    proc = _start(port, warm=False, env={**os.environ, "UNSCLAB_CACHE": str(cache)})
    try:
        t0 = time.monotonic()
        out: dict[str, float] = {}
        while True:
            r = httpx.get(f"http://{HOST}:{port}{url}", timeout=120)
            now = time.monotonic() - t0
            out.setdefault("first_s", now)
            m = re.search(r"voting power of (\d+), history replay of (\d+)", r.text)
            if r.status_code == 200 and "data-pending" not in r.text:
                out.setdefault("power_s", now)
                out["complete_s"] = now
                return out
            if m and "compare" in url and int(m.group(1)) == url.count("ids="):
                out.setdefault("power_s", now)
            time.sleep(1.0)
    finally:
        _stop(proc)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="runs of each state (≤ 10)")
    ap.add_argument("--states", default=",".join(STATES), help="comma-separated: " +
                    ", ".join(STATES))
    args = ap.parse_args(argv)
    from unsclab.designs import catalog_ids

    url = "/compare?" + "&".join(f"ids={i}" for i in catalog_ids())
    states = [s for s in args.states.split(",") if s in STATES]
    rows = []
    with tempfile.TemporaryDirectory(prefix="unsclab-cold-") as tmp:
        base = Path(tmp)
        if "empty" not in states:  # fill a cache once, unreported, for the other states
            _one(base / "seed", url)
        for state in states:
            for run in range(min(args.runs, 10)):
                cache = base / f"{state}-{run}"
                if state != "empty":  # an empty cache's run leaves the models and results
                    shutil.copytree(base / "seed", cache)
                    if state == "models":
                        for f in cache.glob("web-*"):
                            f.unlink()
                load = os.getloadavg()[0]
                res = _one(cache, url)
                if not (base / "seed").exists():
                    shutil.copytree(cache, base / "seed")
                rows.append({"state": state, "run": run + 1, "load": load, **res})
                sys.stderr.write(f"{state} run {run + 1}: {res} (load {load:.1f})\n")
                if state == "empty" and run + 1 < args.runs:
                    shutil.rmtree(cache)
    print(f"whole-catalogue /compare ({len(catalog_ids())} designs) on a new server, "
          f"{os.cpu_count()} cores, loopback; load average at the start of each run\n")
    print("| user cache | runs | first answer (s) | all voting power (s) | complete (s) | "
          "load average |")
    print("|---|---:|---:|---:|---:|---:|")
    for state in states:
        mine = [r for r in rows if r["state"] == state]
        if not mine:
            continue

        def span(key: str, mine: list = mine) -> str:
            vals = [r[key] for r in mine if key in r]
            return f"{statistics.median(vals):.2f} ({min(vals):.2f}–{max(vals):.2f})"

        loads = [r["load"] for r in mine]
        print(f"| {state} | {len(mine)} | {span('first_s')} | {span('power_s')} | "
              f"{span('complete_s')} | {min(loads):.1f}–{max(loads):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
