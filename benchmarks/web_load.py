"""Load benchmark of the web app: throughput and p50/p99 latency at 50 concurrent clients.

Starts ``unsclab serve`` on a free loopback port in a subprocess, then sends a bounded number of
requests (``--requests`` per scenario, default 1000) from ``--clients`` concurrent clients
(default 50), each scenario capped at ``--max-seconds`` (default 60). Loopback only; it stops by
itself and stops the server.

    python benchmarks/web_load.py                  # all scenarios, markdown table on stdout
    python benchmarks/web_load.py --requests 300   # quicker
    python benchmarks/web_load.py --hostile        # normal traffic beside attackers (30 s)
    python benchmarks/web_load.py --only record    # the scenarios whose name contains "record"

Scenarios: the catalogue page, a design page, the comparison page, GET /api/designs, a replay,
POST /api/evaluate of a catalogue design (cached by content), and POST /api/evaluate of a new
design each request (quota varied, defeating the cache). Warm-up: before each scenario, three
of its requests are sent one after another and not timed (they fill the caches: a catalogue
design's results, replay and figures are computed on its first request, 0.5-2 s, then kept for
the life of the process). Target: p99 < 100 ms for catalogue pages.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time

import httpx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _start(port: int, *, warm: bool = True, env: dict | None = None) -> subprocess.Popen:
    """``unsclab serve`` (which computes the catalogue at start-up), or without ``warm`` the
    same app with no warm-up, so that the first visitor pays for everything."""
    if warm:
        cmd = [sys.executable, "-m", "unsclab.cli.main", "serve", "--host", HOST, "--port",
               str(port), "--log-level", "warning"]
    else:
        cmd = [sys.executable, "-m", "uvicorn", "unsclab.web.app:create_app", "--factory",
               "--host", HOST, "--port", str(port), "--log-level", "warning"]
        env = {**(env or os.environ), "UNSCLAB_WARM": "0"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/limits", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start: " + proc.stderr.read().decode()[-500:])


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


class _Conn:
    """A minimal keep-alive HTTP/1.1 client on one loopback connection (a light load
    generator, so that the numbers measure the server rather than the client library)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader = self.writer = None

    async def request(self, method: str, url: str, body: bytes = b"",
                      ctype: str = "application/json") -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        head = f"{method} {url} HTTP/1.1\r\nHost: {HOST}\r\n"
        if body:
            head += f"Content-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        await self.reader.readexactly(length)
        return int(status_line.split()[1])

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def _scenario(port: int, name: str, make_request, n: int, clients: int, cap: float):
    latencies: list[float] = []
    errors = 0
    counter = iter(range(n))
    stop_at = time.monotonic() + cap

    async def worker():
        nonlocal errors
        conn = _Conn(port)
        try:
            for i in counter:
                if time.monotonic() > stop_at:
                    return
                method, url, body = make_request(i)
                t0 = time.perf_counter()
                status = await conn.request(method, url, body)
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    errors += 1
        finally:
            await conn.close()

    warm = _Conn(port)  # warm-up (fills the caches, as in steady state)
    for i in range(3):
        await warm.request(*make_request(i))
    await warm.close()
    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    elapsed = time.perf_counter() - t0
    lat = sorted(latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    return {"scenario": name, "requests": len(lat), "errors": errors,
            "throughput_rps": len(lat) / elapsed, "p50_ms": 1000 * q[49], "p99_ms": 1000 * q[98]}


def _hostile(port: int, pid: int, design: dict, seconds: float, as_json: bool) -> int:
    from web_hostile import NORMAL, hostile_mix

    async def run():
        warm = _Conn(port)  # the normal pages, once each: they are cached from then on
        for req in NORMAL:
            await warm.request(*req)
        await warm.close()
        return await hostile_mix(port, _Conn, design, seconds, 10, pid)

    res = asyncio.run(run())
    if as_json:
        print(json.dumps(res, indent=2))
        return 0
    m = res["memory"]
    print(f"hostile mix for {seconds:g} s, {os.cpu_count()} cores, loopback: 10 normal clients "
          "(catalogue, design, compare pages, /api/designs, power), 4 posting the costliest "
          "designs the limits allow, 1 posting refused designs, 2 cache-busting, 20 slowloris\n")
    print(f"normal traffic: {res['normal_requests']} requests, p50 {res['normal_p50_ms']:.1f} ms, "
          f"p99 {res['normal_p99_ms']:.1f} ms")
    for kind, counts in res["statuses"].items():
        print(f"  {kind}: " + ", ".join(f"{n} × {code}" for code, n in sorted(counts.items())))
    print(f"server RSS: {m['server_start_mb']:.0f} MB at start, at most {m['server_max_mb']:.0f} "
          f"MB, {m['server_end_mb']:.0f} MB at the end; largest computing child "
          f"{m['child_max_mb']:.0f} MB")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=1000, help="requests per scenario (≤ 5000)")
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients (≤ 200)")
    ap.add_argument("--max-seconds", type=float, default=60.0, help="cap per scenario (≤ 120)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--only", default="", help="run only the scenarios whose name contains this")
    ap.add_argument("--hostile", action="store_true",
                    help="normal traffic beside expensive designs, slow clients and "
                         "cache-busting queries (benchmarks/web_hostile.py)")
    args = ap.parse_args(argv)
    n = min(args.requests, 5000)
    clients = min(args.clients, 200)
    cap = min(args.max_seconds, 120.0)
    port = _free_port()
    proc = _start(port)
    base = f"http://{HOST}:{port}"
    try:
        design = httpx.get(f"{base}/api/designs/g4-2005").json()["data"]
        design.pop("size")

        def fresh(i):
            d = json.loads(json.dumps(design))
            d["rule"]["quota"] = 13 + i % 12  # 13..24 of 25: a new design, computed anew
            d["name"] = f"variant {i}"
            return ("POST", "/api/evaluate", json.dumps({"design": d}).encode())

        if args.hostile:
            return _hostile(port, proc.pid, design, min(cap, 60.0), args.json)
        same = json.dumps({"design": design}).encode()
        # unsclab serve computes the catalogue's results at start-up: wait for it, and say how
        # long it took (the first load of any page after that is fast)
        t0 = time.monotonic()
        while not httpx.get(f"{base}/api/status", timeout=5).json()["data"]["ready"]:
            time.sleep(0.5)
        sys.stderr.write(f"catalogue warm after {time.monotonic() - t0:.1f} s\n")
        from unsclab.designs import catalog_ids

        everything = "/compare?" + "&".join(f"ids={i}" for i in catalog_ids())
        t0 = time.monotonic()
        first = httpx.get(base + everything, timeout=60)
        sys.stderr.write(f"whole-catalogue compare page, first load: {first.status_code} in "
                         f"{1000 * (time.monotonic() - t0):.0f} ms\n")
        from record_web_load import SCENARIOS as RECORD_PAGES

        scenarios = [
            ("GET / (catalogue page)", lambda i: ("GET", "/", b"")),
            ("GET /designs/g4-2005 (design page)", lambda i: ("GET", "/designs/g4-2005", b"")),
            ("GET /compare (comparison page, 4 designs with replay)",
             lambda i: ("GET", "/compare", b"")),
            ("GET /compare (the whole catalogue)", lambda i: ("GET", everything, b"")),
            ("GET /decide (a ballot on the current Council)", lambda i: ("GET", "/decide", b"")),
            ("GET /glossary", lambda i: ("GET", "/glossary", b"")),
            ("GET /editor?from=ezulwini-2005 (the editor)",
             lambda i: ("GET", "/editor?from=ezulwini-2005", b"")),
            ("GET /designs/g4-2005/amend (Article 108)",
             lambda i: ("GET", "/designs/g4-2005/amend", b"")),
            ("GET /api/docs (interactive API docs)", lambda i: ("GET", "/api/docs", b"")),
            *((name, lambda i, url=url: ("GET", url, b"")) for name, url in RECORD_PAGES),
            ("GET /api/designs", lambda i: ("GET", "/api/designs", b"")),
            ("GET /api/designs/g4-2005/replay", lambda i: ("GET", "/api/designs/g4-2005/replay", b"")),
            ("POST /api/evaluate (catalogue design, cached)",
             lambda i: ("POST", "/api/evaluate", same)),
            ("POST /api/evaluate (new design each request)", fresh),
        ]
        rows = [asyncio.run(_scenario(port, name, make, n, clients, cap))
                for name, make in scenarios if args.only in name]
    finally:
        _stop(proc)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{clients} concurrent clients, up to {n} requests per scenario, one uvicorn worker, "
          f"{os.cpu_count()} cores, loopback\n")
    print("| scenario | requests | errors | throughput (req/s) | p50 (ms) | p99 (ms) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['scenario']} | {r['requests']} | {r['errors']} | {r['throughput_rps']:.0f} "
              f"| {r['p50_ms']:.1f} | {r['p99_ms']:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
