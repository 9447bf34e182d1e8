"""Answers already given, given again before any routing (pure ASGI).

Every GET page and API answer of this server is a function of its path and query for the life
of the process (the catalogue and the record are read-only; the Monte Carlo parts are seeded),
except the server's status and what is still being computed (sent with ``Cache-Control:
no-store``). So a complete ``200`` answer is kept by its exact path and query string, and the
same request later gets the same bytes without the router, the parameter checks or the JSON
encoder: about a tenth of the server's work per request, which is what a page's latency is
made of under load. The kept answers are bounded in number and in bytes (an LRU); the security
headers are added outside, by :class:`unsclab.web.security.SecurityHeaders`.
"""

from __future__ import annotations

__all__ = ["AnswerCache", "NOT_KEPT"]

import threading
from collections import OrderedDict

#: paths whose answers change during the life of the process, or are served elsewhere
NOT_KEPT = ("/api/status", "/static/")

_KEPT_TYPES = (b"text/html", b"application/json", b"text/csv", b"image/svg+xml")


class AnswerCache:
    """ASGI middleware keeping complete ``200`` answers to GET requests (see the module)."""

    def __init__(self, app, max_entries: int = 2048, max_bytes: int = 64 * 2**20) -> None:
        self.app = app
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.kept: OrderedDict[tuple[str, bytes], tuple[list, bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()
        self.hits = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or \
                scope["path"].startswith(NOT_KEPT):
            return await self.app(scope, receive, send)
        key = (scope["path"], scope.get("query_string", b""))
        with self.lock:
            hit = self.kept.get(key)
            if hit is not None:
                self.kept.move_to_end(key)
                self.hits += 1
        if hit is not None:
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return None
        return await self.app(scope, receive, self._keeping(key, send))

    def _keeping(self, key, send):
        start: dict = {}
        chunks: list[bytes] = []

        async def wrapped(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, start, b"".join(chunks))
            await send(message)

        return wrapped

    def _keep(self, key, start: dict, body: bytes) -> None:
        if start.get("status") != 200 or len(body) > self.max_bytes // 16:
            return
        headers = [(k.lower(), v) for k, v in start.get("headers", [])]
        named = dict(headers)
        if b"no-store" in named.get(b"cache-control", b"") or \
                not named.get(b"content-type", b"").startswith(_KEPT_TYPES):
            return
        with self.lock:
            old = self.kept.pop(key, None)
            if old is not None:
                self.size -= len(old[1])
            self.kept[key] = (headers, body)
            self.size += len(body)
            while len(self.kept) > self.max_entries or self.size > self.max_bytes:
                _, (_, gone) = self.kept.popitem(last=False)
                self.size -= len(gone)
