"""How ``unsclab serve`` runs uvicorn: timeouts and bounds for slow or many clients.

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive`` seconds, but a client
that opens a connection and sends its headers a byte at a time (slowloris) is never timed out:
such connections once stayed open 45 s and more. :class:`HeaderTimeoutH11` closes a connection
whose request headers are not complete ``HEADER_TIMEOUT`` seconds after it opened or after its
last response; ``limit_concurrency`` bounds the connections served at once (503 beyond).
"""

from __future__ import annotations

__all__ = ["HEADER_TIMEOUT", "KEEP_ALIVE_TIMEOUT", "MAX_CONNECTIONS", "HeaderTimeoutH11",
           "uvicorn_settings"]

from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

#: Seconds a client has to send complete request headers.
HEADER_TIMEOUT = 10.0
#: Seconds an idle keep-alive connection stays open.
KEEP_ALIVE_TIMEOUT = 5
#: Connections (and requests) served at once; more get 503 Service Unavailable.
MAX_CONNECTIONS = 200


class HeaderTimeoutH11(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose headers take too long."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer = None
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the request line and headers are in
            self._disarm_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_header_timer()  # the next request's headers have the same deadline

    def connection_lost(self, exc) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm_header_timer(self) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def uvicorn_settings(log_level: str = "info") -> dict[str, Any]:
    """Keyword arguments of ``uvicorn.run`` / ``uvicorn.Config`` for ``unsclab serve``."""
    return {"http": HeaderTimeoutH11, "timeout_keep_alive": KEEP_ALIVE_TIMEOUT,
            "limit_concurrency": MAX_CONNECTIONS, "log_level": log_level,
            "timeout_graceful_shutdown": 5, "server_header": False}
