"""The hostile part of ``benchmarks/web_load.py --hostile``: attackers beside normal traffic.

While normal clients request cached pages and API answers, three kinds of attacker run at once:

- **expensive designs**: posted designs as costly as the limits allow (193 open elected seats,
  50-year terms), each one new (the name varies, defeating the caches), plus designs the model
  refuses (``term_years = 10000000``, 5,000 nested arrays, a 5,000-digit number);
- **slow clients**: connections that send their headers one byte a second (slowloris);
- **cache-busting queries**: ``/compare?junk=N`` and ``/designs/g4-2005?x=N``.

Reported: p50/p99 of the normal traffic, the statuses the attackers got, and the server's
resident memory (its own, and its largest computing child) sampled every 0.2 s.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from pathlib import Path

NORMAL = [("GET", "/", b""), ("GET", "/designs/g4-2005", b""), ("GET", "/compare", b""),
          ("GET", "/api/designs", b""), ("GET", "/api/designs/g4-2005/power", b"")]


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def expensive_design(design: dict, i: int) -> bytes:
    d = json.loads(json.dumps(design))
    d["name"] = f"attack {i}"
    d["seats"] = [{"id": "all", "kind": "elected", "count": 193, "group": "open",
                   "term_years": 50}]
    d["rule"] = {"quota": 97 + i % 90}
    return json.dumps({"design": d}).encode()


REFUSED = [json.dumps({"design": {"seats": [{"term_years": 10_000_000}]}}).encode(),
           b"[" * 5000 + b"]" * 5000, b'{"year": ' + b"9" * 5000 + b"}"]


async def hostile_mix(port: int, conn_class, design: dict, seconds: float, normal_clients: int,
                      server_pid: int) -> dict:
    """Run normal traffic and the attackers for ``seconds``; return the measurements."""
    stop = time.monotonic() + seconds
    latencies: list[float] = []
    statuses: dict[str, dict[int, int]] = {"normal": {}, "expensive": {}, "refused": {},
                                           "cache-busting": {}}
    memory = {"server_max_mb": 0.0, "child_max_mb": 0.0}

    def count(kind: str, status: int) -> None:
        statuses[kind][status] = statuses[kind].get(status, 0) + 1

    async def normal(k: int) -> None:
        conn = conn_class(port)
        i = k
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            count("normal", await conn.request(*NORMAL[i % len(NORMAL)]))
            latencies.append(time.perf_counter() - t0)
            i += 1
            await asyncio.sleep(0.01)
        await conn.close()

    async def attacker(kind: str, make) -> None:
        conn = conn_class(port)
        i = 0
        while time.monotonic() < stop:
            try:
                count(kind, await conn.request(*make(i)))
            except (ConnectionError, asyncio.IncompleteReadError):
                await conn.close()
                conn = conn_class(port)
            i += 1
        await conn.close()

    async def slow_client() -> None:  # one header byte a second, until the server hangs up
        while time.monotonic() < stop:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100:
                    if time.monotonic() > stop or reader.at_eof():
                        break
                    writer.write(bytes([byte]))
                    await writer.drain()
                    await asyncio.sleep(1.0)
            except ConnectionError:
                pass
            finally:
                writer.close()

    async def sample() -> None:
        while time.monotonic() < stop:
            memory["server_max_mb"] = max(memory["server_max_mb"], _rss_mb(server_pid))
            for child in _children(server_pid):
                memory["child_max_mb"] = max(memory["child_max_mb"], _rss_mb(child))
            await asyncio.sleep(0.2)

    memory["server_start_mb"] = _rss_mb(server_pid)
    tasks = [normal(k) for k in range(normal_clients)]
    tasks += [attacker("expensive", lambda i: ("POST", "/api/evaluate",
                                               expensive_design(design, i))) for _ in range(4)]
    tasks += [attacker("refused", lambda i: ("POST", "/api/evaluate", REFUSED[i % 3]))]
    tasks += [attacker("cache-busting", lambda i: ("GET", f"/compare?junk={i}"
                                                   if i % 2 else f"/designs/g4-2005?x={i}", b""))
              for _ in range(2)]
    tasks += [slow_client() for _ in range(20)] + [sample()]
    await asyncio.gather(*tasks)
    await asyncio.sleep(1.0)
    memory["server_end_mb"] = _rss_mb(server_pid)
    lat = sorted(latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    return {"normal_requests": len(lat), "normal_p50_ms": 1000 * q[49],
            "normal_p99_ms": 1000 * q[98], "statuses": statuses, "memory": memory}
