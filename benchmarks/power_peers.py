"""Benchmark unsclab's exact power indices against the PyPI peers (run on demand).

    python benchmarks/power_peers.py [--timeout 300] [--write docs/benchmarks.md]

Peers: ``powerindex``, ``power-bdd``, ``powerindices``, installed with pip into their own
virtual environment ``benchmarks/.venv-peers`` (git-ignored), never into the environment that
runs unsclab. Every (tool, case, index) runs in a fresh subprocess; the parent reads the child's
peak resident memory from ``os.wait4`` (``ru_maxrss``) and kills it after ``--timeout`` seconds.
Time is the computation alone, measured inside the child (imports and input excluded).

Cases:

1. status quo: ``[39; 7 x 5, 1 x 10]``;
2. 50 players, integer weights 1-100 drawn with ``random.Random(2025)``, quota two thirds of the
   total (rounded up);
3. the 193 UN member states weighted by population in millions (rounded; World Bank 2024 via
   the committed table ``src/unsclab/data/members.csv``), quota a simple majority of the total.

Correctness: each tool's output is compared with unsclab's exact fractions; a result is correct
when every player's value is within 1e-9 of the exact one (peers return floats).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import math
import os
import platform
import random
import signal
import subprocess
import sys
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".venv-peers"
PEERS = {"powerindex": "powerindex", "power-bdd": "power_bdd", "powerindices": "powerindices"}
TOL = 1e-9


# ------------------------------------------------------------------------------------ cases


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


CASES = {
    "status quo [39; 7x5, 1x10]": case_status_quo,
    "50 players, weights 1-100, 2/3 quota": case_random50,
    "193 UN members, population (M), 50% quota": case_un193,
}


# ------------------------------------------------------------------------------------ worker


def worker(tool: str, case: str, index: str) -> None:
    """Run one computation and print JSON {seconds, values} (in the child process)."""
    weights, quota = CASES[case]()
    if tool == "unsclab":
        from unsclab.power import WeightedGame, compute

        names = {"banzhaf": ["banzhaf"], "penrose": ["penrose"], "shapley": ["shapley_shubik"],
                 "both": ["banzhaf", "shapley_shubik"]}[index]
        t = time.perf_counter()
        got = compute(WeightedGame(weights, quota), names)
        sec = time.perf_counter() - t
        values = [float(v) for name in names for v in got[name]]
    elif tool == "powerindex":
        import powerindex

        g = powerindex.Game(quota, weights=list(weights))
        t = time.perf_counter()
        if index == "banzhaf":
            g.calc_banzhaf()
            values = g.banzhaf
        else:
            g.calc_shapley_shubik()
            values = g.shapley_shubik
        sec = time.perf_counter() - t
    elif tool == "power-bdd":
        from power_bdd.bdd import BDD, WeightedGame

        t = time.perf_counter()
        bdd = BDD(WeightedGame(quota, list(weights)))
        values = bdd.calc_banzhaf() if index == "penrose" else bdd.calc_shapley()
        sec = time.perf_counter() - t
    elif tool == "powerindices":
        import powerindices

        t = time.perf_counter()
        if index == "penrose":
            values = powerindices.compute_pbi(quota, list(weights))
        else:
            values = powerindices.compute_ssi(quota, list(weights))
        sec = time.perf_counter() - t
    else:
        raise SystemExit(f"unknown tool {tool}")
    out = []
    for v in values:
        try:
            out.append(float(v))
        except (TypeError, ValueError, OverflowError):
            out.append(None)
    print(json.dumps({"seconds": sec, "values": out}))


# ------------------------------------------------------------------------------------ parent

#: which variant of the Banzhaf index each tool returns (checked on the status quo)
BANZHAF_KIND = {
    "unsclab": "banzhaf",
    "powerindex": "banzhaf",
    "power-bdd": "penrose",
    "powerindices": "penrose",
}


def ensure_venv() -> tuple[Path, dict[str, str]]:
    """Create benchmarks/.venv-peers and pip-install each peer; return python and statuses."""
    py = VENV / "bin" / "python"
    if not py.exists():
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    status = {}
    for dist, module in PEERS.items():
        ok = subprocess.run([py, "-c", f"import {module}"], capture_output=True).returncode == 0
        if not ok:
            r = subprocess.run(
                [py, "-m", "pip", "install", "-q", dist, "numpy"], capture_output=True, text=True
            )
            ok = r.returncode == 0
            if not ok:
                status[dist] = "install failed: " + (r.stderr.strip().splitlines() or ["?"])[-1]
                continue
        ver = subprocess.run(
            [py, "-m", "pip", "show", dist], capture_output=True, text=True
        ).stdout
        version = next((ln.split(":", 1)[1].strip() for ln in ver.splitlines()
                        if ln.startswith("Version:")), "?")
        status[dist] = f"installed {version}"
    return py, status


def run_child(python: Path, tool: str, case: str, index: str, timeout: float) -> dict:
    env = dict(os.environ)
    if tool == "unsclab":
        env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [str(python), str(Path(__file__).resolve()), "--worker", tool, case, index]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    status = rusage = None
    while True:
        pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            status, rusage = st, ru
            break
        if time.perf_counter() - start > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return {"status": "timeout", "wall": timeout, "rss_mb": rusage.ru_maxrss / 1024}
        time.sleep(0.02)
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    proc.returncode = os.waitstatus_to_exitcode(status)
    res = {"wall": time.perf_counter() - start, "rss_mb": rusage.ru_maxrss / 1024}
    if proc.returncode != 0:
        last = (err.strip().splitlines() or ["exit %d" % proc.returncode])[-1]
        res.update(status="error", error=last[:120])
        return res
    res.update(json.loads(out.strip().splitlines()[-1]), status="ok")
    return res


def exact_values(case: str) -> dict[str, list]:
    sys.path.insert(0, str(ROOT / "src"))
    from unsclab.power import WeightedGame, compute

    w, q = CASES[case]()
    return compute(WeightedGame(w, q), ["banzhaf", "penrose", "shapley_shubik"])


def judge(values: list, exact: list) -> tuple[bool, str]:
    if len(values) != len(exact):
        return False, f"{len(values)} values for {len(exact)} players"
    worst = 0.0
    for v, e in zip(values, exact, strict=True):
        if v is None or not math.isfinite(v):
            return False, "non-finite value"
        worst = max(worst, abs(v - float(e)))
    return worst <= TOL, f"max error {worst:.1e}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run (300)")
    ap.add_argument("--write", type=Path, help="write the Markdown table to this file")
    ap.add_argument("--only", nargs="*", help="tools to run (default: all)")
    ap.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    peer_py, install = ensure_venv()
    tools = ["unsclab", *PEERS]
    if args.only:
        tools = [t for t in tools if t in args.only]
    rows = []
    for case in CASES:
        exact = exact_values(case)
        for tool in tools:
            if tool != "unsclab" and not install.get(tool, "").startswith("installed"):
                for index in ("Banzhaf", "Shapley-Shubik"):
                    rows.append((case, tool, index, "-", "-", install.get(tool, "?"), ""))
                continue
            py = Path(sys.executable) if tool == "unsclab" else peer_py
            for index in ("banzhaf", "shapley", "both"):
                if index == "both" and tool != "unsclab":
                    continue
                kind = BANZHAF_KIND[tool] if index == "banzhaf" else index
                r = run_child(py, tool, case, kind, args.timeout)
                label = {"banzhaf": "Banzhaf (normalised)", "penrose": "Banzhaf (Penrose)",
                         "shapley": "Shapley-Shubik",
                         "both": "Banzhaf + Shapley-Shubik, one call"}[kind]
                if r["status"] == "ok":
                    if kind == "both":
                        ref = exact["banzhaf"] + exact["shapley_shubik"]
                    else:
                        ref = exact["shapley_shubik" if kind == "shapley" else kind]
                    ok, note = judge(r["values"], ref)
                    verdict = "correct" if ok else "WRONG"
                    rows.append((case, tool, label, f"{r['seconds']:.3f}", f"{r['rss_mb']:.0f}",
                                 verdict, note))
                elif r["status"] == "timeout":
                    rows.append((case, tool, label, f"> {args.timeout:.0f}", f"{r['rss_mb']:.0f}",
                                 "timeout", ""))
                else:
                    rows.append((case, tool, label, f"{r['wall']:.3f}", f"{r['rss_mb']:.0f}",
                                 "error", r["error"].replace("|", "/")))
                print(" | ".join(rows[-1]), flush=True)
    table = render(rows, install, args.timeout)
    print(table)
    if args.write:
        args.write.write_text(table, encoding="utf-8")


def _commit() -> str:
    """The checked-out commit, so a table says which code it measured."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True, cwd=Path(__file__).resolve().parent)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def render(rows, install, timeout) -> str:
    _, source = population_weights()
    lines = [
        "# Power-index benchmarks against the PyPI peers",
        "",
        "Reproduce with:",
        "",
        "```",
        f"python benchmarks/power_peers.py --timeout {timeout:.0f} --write docs/benchmarks.md",
        "```",
        "",
        f"Run on {datetime.date.today().isoformat()} (commit {_commit()}). "
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {platform.system()}; load average when the table was "
        f"written {os.getloadavg()[0]:.1f} (a shared machine: other jobs slow every tool "
        "alike). Peers installed in their own "
        "virtual environment (`benchmarks/.venv-peers`): "
        + "; ".join(f"{k} {v}" for k, v in install.items()) + ".",
        "",
        "Each run is a fresh process: *seconds* is the computation alone (measured inside the "
        "process), *peak MB* the process's maximum resident memory (`ru_maxrss`, interpreter "
        f"and imports included). Runs are killed after {timeout:.0f} s. *Correct* means every "
        f"player's value is within {TOL:g} of unsclab's exact fraction; peers return floats. "
        "unsclab's values are exact (integers and fractions); it is timed here computing them "
        "exactly, then converted to floats for the comparison.",
        "",
        "Case 2 draws 50 weights from 1-100 with `random.Random(2025)`, quota two thirds of the "
        f"total rounded up. Case 3 weights: population in millions, rounded, from {source}.",
        "",
        "| case | tool | index | seconds | peak MB | result | note |",
        "|---|---|---|---:|---:|---|---|",
    ]
    for r in rows:
        lines.append("| " + " | ".join(r) + " |")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
