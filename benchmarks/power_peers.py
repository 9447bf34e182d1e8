"""Benchmark unsclab's exact power indices against the PyPI peers (run on demand).

    python benchmarks/power_peers.py [--timeout 300] [--epic PROGRAM] [--write docs/benchmarks.md]

Peers: ``powerindex``, ``power-bdd``, ``powerindices`` and ``power-index-calculator``, installed
with pip into their own virtual environment ``benchmarks/.venv-peers`` (git-ignored), never into
the environment that runs unsclab; and EPIC, the C++/GMP program of Staudacher et al. (not on
any package registry), when ``--epic PROGRAM`` (or the environment variable ``EPIC_REF``) names
a build of it: ``PROGRAM RBZ|RSH WEIGHTS_FILE QUOTA`` runs EPIC's RawBanzhaf or RawShapleyShubik
on one weight per line and prints one JSON line ``{"seconds": ..., "values": [...]}`` (the values
normalised to sum 1, in input order; seconds: index construction and calculation, the span EPIC's
own timer measures). Without it EPIC's rows say it was skipped and why. Every (tool, case, index) runs in a fresh subprocess; the parent reads the child's
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
import datetime
import json
import math
import os
import platform
import signal
import subprocess
import sys
import time
import venv
from pathlib import Path

from peer_cases import (
    CASES,
    COMPOSING,
    UNION_CASES,
    bdd_game,
    players,
    population_weights,
    unsclab_game,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".venv-peers"
PEERS = {"powerindex": "powerindex", "power-bdd": "power_bdd", "powerindices": "powerindices",
         "power-index-calculator": "power_index_calculator"}
TOL = 1e-9
#: peers that round on purpose: judged at their own precision (power-index-calculator rounds
#: every value to 3 decimals)
ROUNDING = {"power-index-calculator": 5e-4}
#: peers that enumerate all 2^n coalitions: not run beyond this many players
ENUMERATES = {"power-index-calculator": 20}


# ------------------------------------------------------------------------------------ worker


def worker(tool: str, case: str, index: str) -> None:
    """Run one computation and print JSON {seconds, values} (in the child process)."""
    weights, quota = CASES[case]() if case in CASES else (None, None)
    if tool == "unsclab":
        from unsclab.power import compute

        names = {"banzhaf": ["banzhaf"], "penrose": ["penrose"], "shapley": ["shapley_shubik"],
                 "both": ["banzhaf", "shapley_shubik"]}[index]
        game = unsclab_game(case)
        t = time.perf_counter()
        got = compute(game, names)
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
        t = time.perf_counter()
        bdd = bdd_game(case)
        values = bdd.calc_banzhaf() if index == "penrose" else bdd.calc_shapley()
        sec = time.perf_counter() - t
    elif tool == "power-index-calculator":
        import power_index_calculator as pic

        t = time.perf_counter()
        fn = pic.banzhaf if index == "banzhaf" else pic.shapley
        values = list(fn(list(weights), quota))
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
    "power-index-calculator": "banzhaf",
    "EPIC": "banzhaf",
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
    return run_command(cmd, env, timeout)


def run_epic(program: str, case: str, index: str, timeout: float) -> dict:
    """EPIC in a fresh process on the case's weights (one per line in a temporary file)."""
    import tempfile

    weights, quota = CASES[case]()
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
        fh.write("\n".join(map(str, weights)) + "\n")
    try:
        kernel = {"banzhaf": "RBZ", "shapley": "RSH"}[index]
        return run_command([program, kernel, fh.name, str(quota)], dict(os.environ), timeout)
    finally:
        os.unlink(fh.name)


def run_command(cmd: list[str], env: dict, timeout: float) -> dict:
    """Run ``cmd`` (its last stdout line is JSON), with peak memory from wait4 and a timeout."""
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
    from unsclab.power import compute

    return compute(unsclab_game(case), ["banzhaf", "penrose", "shapley_shubik"])


def judge(values: list, exact: list, tol: float = TOL) -> tuple[bool, str]:
    if len(values) != len(exact):
        return False, f"{len(values)} values for {len(exact)} players"
    worst = 0.0
    for v, e in zip(values, exact, strict=True):
        if v is None or not math.isfinite(v):
            return False, "non-finite value"
        worst = max(worst, abs(v - float(e)))
    return worst <= tol, f"max error {worst:.1e}"


def epic_program(given: str | None) -> tuple[str | None, str]:
    """The EPIC program to run (``--epic`` or ``EPIC_REF``) and its status line."""
    program = given or os.environ.get("EPIC_REF")
    if not program:
        return None, "skipped: on no package registry, and no --epic PROGRAM given"
    if not (os.path.isfile(program) and os.access(program, os.X_OK)):
        return None, f"skipped: --epic {program} is not an executable file"
    return program, "built from its sources (RawBanzhaf, RawShapleyShubik)"


LABELS = {"banzhaf": "Banzhaf (normalised)", "penrose": "Banzhaf (Penrose)",
          "shapley": "Shapley-Shubik", "both": "Banzhaf + Shapley-Shubik, one call"}


def measure(tool: str, case: str, kind: str, exact, runner, timeout: float) -> tuple:
    """One table row: run ``tool`` on ``case`` for index ``kind`` and judge its values."""
    label = LABELS[kind]
    if case in UNION_CASES and tool not in COMPOSING:
        return (case, tool, label, "-", "-", "not run", "weighted games only")
    n = players(case)
    if n > ENUMERATES.get(tool, n):
        return (case, tool, label, "-", "-", "not run",
                f"enumerates all 2^n coalitions; run up to {ENUMERATES[tool]} players")
    r = runner(kind)
    if r["status"] == "timeout":
        return (case, tool, label, f"> {timeout:.0f}", f"{r['rss_mb']:.0f}", "timeout", "")
    if r["status"] != "ok":
        return (case, tool, label, f"{r['wall']:.3f}", f"{r['rss_mb']:.0f}", "error",
                r["error"].replace("|", "/"))
    if kind == "both":
        ref = exact["banzhaf"] + exact["shapley_shubik"]
    else:
        ref = exact["shapley_shubik" if kind == "shapley" else kind]
    ok, note = judge(r["values"], ref, ROUNDING.get(tool, TOL))
    if tool in ROUNDING:
        note += f" (rounds to 3 decimals; judged within {ROUNDING[tool]:g})"
    return (case, tool, label, f"{r['seconds']:.3f}", f"{r['rss_mb']:.0f}",
            "correct" if ok else "WRONG", note)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run (300)")
    ap.add_argument("--write", type=Path, help="write the Markdown table to this file")
    ap.add_argument("--only", nargs="*", help="tools to run (default: all)")
    ap.add_argument("--epic", help="EPIC program (default: $EPIC_REF); skipped when absent")
    ap.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    peer_py, install = ensure_venv()
    epic, install["EPIC"] = epic_program(args.epic)
    if epic is None:
        print(f"EPIC: {install['EPIC']}", file=sys.stderr)
    tools = [t for t in ("unsclab", *PEERS, "EPIC") if not args.only or t in args.only]
    rows = []
    for case in (*CASES, *UNION_CASES):
        exact = exact_values(case)
        for tool in tools:
            if tool == "EPIC" and epic is None or (
                    tool in PEERS and not install.get(tool, "").startswith("installed")):
                rows += [(case, tool, i, "-", "-", "skipped", install.get(tool, "?"))
                         for i in ("Banzhaf", "Shapley-Shubik")]
                continue
            py = Path(sys.executable) if tool == "unsclab" else peer_py
            for index in ("banzhaf", "shapley", "both") if tool == "unsclab" else (
                    "banzhaf", "shapley"):
                kind = BANZHAF_KIND[tool] if index == "banzhaf" else index
                runner = ((lambda k, c=case: run_epic(epic, c, k, args.timeout)) if tool == "EPIC"
                          else (lambda k, t=tool, c=case, p=py: run_child(p, t, c, k,
                                                                           args.timeout)))
                rows.append(measure(tool, case, kind, exact, runner, args.timeout))
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


EPIC_NOTE = [(
    "EPIC (Efficient Power Index Calculation, the C++/GMP program of J. Staudacher's group at "
    "Hochschule Kempten, repository `jhstaudacher/EPIC`; its dynamic programs follow Uno 2012 and "
    "Kurz 2016, and Staudacher et al., *Games* 13(1) 6, 2022, for its precoalition indices) is "
    "on no package registry. For this table it was built locally, outside the repository, from "
    "its sources at commit 06f603b (its `Game`, the `RawBanzhaf` and `RawShapleyShubik` kernels "
    "with their base classes, and its large-integer layer: 64-bit integers, Chinese remainders "
    "or GMP, chosen by EPIC's own rule), compiled with EPIC's flags (`g++ -Ofast -std=c++17`, "
    "GMP 6.2) and a 60-line driver in place of its command line: the driver reads the weights, "
    "divides weights and quota by their gcd as EPIC's command line does, times the index's "
    "construction and calculation (the span EPIC's own timer measures) and prints the values "
    "normalised to sum 1 at full precision, where EPIC's command line prints six digits. "
    "Neither EPIC's code nor the build is part of unsclab; without `--epic` (or `EPIC_REF`) its "
    "rows read *skipped*."),
]


def render(rows, install, timeout) -> str:
    _, source = population_weights()
    lines = [
        "# Power-index benchmarks against the peers: PyPI packages and EPIC",
        "",
        "Reproduce with:",
        "",
        "```",
        (f"python benchmarks/power_peers.py --timeout {timeout:.0f} --epic PROGRAM "
         "--write docs/benchmarks.md"),
        "```",
        "",
        *EPIC_NOTE,
        "",
        f"Run on {datetime.date.today().isoformat()} (commit {_commit()}). "
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {platform.system()}; load average when the table was "
        f"written {os.getloadavg()[0]:.1f} (a shared machine: other jobs slow every tool "
        "alike). Python peers installed in their own "
        "virtual environment (`benchmarks/.venv-peers`), and EPIC: "
        + "; ".join(f"{k} {v}" for k, v in install.items()) + ".",
        "",
        "Each run is a fresh process: *seconds* is the computation alone (measured inside the "
        "process), *peak MB* the process's maximum resident memory (`ru_maxrss`, interpreter "
        "and imports included; on Linux a child forked from the benchmark's own Python starts "
        "with that process's resident pages counted, so the 30-60 MB seen for the smallest runs, "
        f"EPIC's included, is a floor common to every tool). Runs are killed after {timeout:.0f} "
        "s. *Correct* means every "
        f"player's value is within {TOL:g} of unsclab's exact fraction; peers return floats. "
        "unsclab's values are exact (integers and fractions); it is timed here computing them "
        "exactly, then converted to floats for the comparison.",
        "",
        "Case 2 draws 50 weights from 1-100 with `random.Random(2025)`, quota two thirds of the "
        f"total rounded up. Case 3 weights: population in millions, rounded, from {source}. "
        "Case 4 is the game file `examples/eu-council-qmv.toml` (TEU Art. 16(4): 55 % of the "
        "members and 65 % of the population, or fewer than four members not voting yes), run "
        "by the tools that compose games (unsclab's `UnionGame`; power-bdd's `&` and `|`).",
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
