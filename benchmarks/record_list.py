"""Speed of ``unsclab record list`` as a whole command, for each filter (issue 11).

Run:  python benchmarks/record_list.py [--repeat 7]

Target: every filter of ``unsclab record list`` answers in **under 0.5 s as a whole CLI
command** (a fresh process: interpreter start, imports, finding and verifying the decisions
table, filtering, printing). For each filter it prints the median and the slowest of
``--repeat`` runs of the complete command, and whether the median meets the target. For
context it also times a bare interpreter, ``unsclab --help``, the first call after the table
changed (which builds the JSON index in a fresh user cache) and, in a warm process, the
selection alone (``unsclab.record_query``). Compiled modules are cached as in an installed
package (PYTHONDONTWRITEBYTECODE is lifted for the timed runs). The machine's 1-minute load
average is printed before and after: the machine may be shared, and a loaded machine slows
every number.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

TARGET = 0.5  # seconds, the whole command (issue 11)

ARGS = {
    "none": [],
    "--from/--to": ["--from", "1990", "--to", "1999"],
    "--outcome": ["--outcome", "vetoed"],
    "--type": ["--type", "sg_nomination"],
    "--vetoed-by": ["--vetoed-by", "USSR"],
    "--state": ["--state", "Ivory Coast"],
    "--subject": ["--subject", "sanctions"],
    "--region": ["--region", "Africa"],
    "--search": ["--search", "Somalia"],
    "combined": ["--from", "2000", "--region", "Africa", "--subject", "peace operations"],
    "table": ["--from", "1990", "--to", "1990", "--format", "table"],
}


def _env(**extra: str) -> dict[str, str]:
    """The environment of a timed run: compiled modules are cached (``__pycache__``) as in an
    installed package, even where PYTHONDONTWRITEBYTECODE is set."""
    env = {**os.environ, **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(cmd: list[str], env: dict[str, str] | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env or _env())
    return time.perf_counter() - t


def _times(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> list[float]:
    return [_run(cmd, env) for _ in range(repeat)]


def _line(name: str, times: list[float], target: float | None = None) -> str:
    med = statistics.median(times)
    verdict = "" if target is None else ("  ok" if med < target else "  OVER TARGET")
    return f"{name:24s} median {1000 * med:6.0f} ms  slowest {1000 * max(times):6.0f} ms{verdict}"


def _in_process(repeat: int) -> None:
    from unsclab.record_query import decision_columns, filters, matching

    cols, n = decision_columns()
    for name, argv in ARGS.items():
        kw = dict(zip(argv[::2], argv[1::2]))
        given = {"start": kw.get("--from"), "end": kw.get("--to"), "outcome": kw.get("--outcome"),
                 "vote_type": kw.get("--type"), "vetoed_by": kw.get("--vetoed-by"),
                 "state": kw.get("--state"), "subject": kw.get("--subject"),
                 "region": kw.get("--region"), "search": kw.get("--search")}
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            hits = matching(cols, n, filters(**given))
            times.append(time.perf_counter() - t)
        print(f"select {name:17s} median {1000 * statistics.median(times):6.1f} ms "
              f"({len(hits)} rows)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    cli = [sys.executable, "-m", "unsclab.cli.main"]
    print(f"target: each 'unsclab record list' command under {TARGET} s (median of "
          f"{args.repeat} runs)")
    print(f"load average (1 min) before: {os.getloadavg()[0]:.2f}")
    print(_line("python -c pass", _times([sys.executable, "-c", "pass"], args.repeat)))
    print(_line("unsclab --help", _times([*cli, "--help"], args.repeat)))
    with tempfile.TemporaryDirectory() as cache:  # the first call builds the JSON index
        env = _env(UNSCLAB_CACHE=cache)
        first = [_run([*cli, "record", "list", "--format", "csv"], env)]
    print(_line("first call (new cache)", first))
    _run([*cli, "record", "list", "--format", "csv"])  # the user cache holds the index,
    _run([*cli, "record", "list", "--region", "Africa"])  # and __pycache__ every module
    worst = 0.0
    for name, extra in ARGS.items():
        fmt = [] if "--format" in extra else ["--format", "csv"]
        times = _times([*cli, "record", "list", *fmt, *extra], args.repeat)
        worst = max(worst, statistics.median(times))
        print(_line(f"record list {name}", times, TARGET))
    _in_process(args.repeat)
    print(f"load average (1 min) after: {os.getloadavg()[0]:.2f}")
    print(f"slowest median {1000 * worst:.0f} ms: "
          + ("meets the target" if worst < TARGET else "misses the target"))


if __name__ == "__main__":
    main()
