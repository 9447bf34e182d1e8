"""``unsclab serve``'s uvicorn settings: a slow client cannot hold a connection (issue 16)."""

from __future__ import annotations

import socket
import threading
import time

import pytest


@pytest.fixture(scope="module")
def server():
    uvicorn = pytest.importorskip("uvicorn")
    from unsclab.web.app import create_app
    from unsclab.web.serving import HeaderTimeoutH11, uvicorn_settings

    class Quick(HeaderTimeoutH11):
        header_timeout = 0.5

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = {**uvicorn_settings("warning"), "http": Quick}
    srv = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, **settings))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield port
    srv.should_exit = True
    thread.join(timeout=10)


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False


def test_unfinished_headers_are_cut_off(server):
    with socket.create_connection(("127.0.0.1", server)) as sock:
        sock.sendall(b"GET /api/designs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        assert _closed_within(sock, 10), "a client that never finishes its headers is dropped"


def test_a_silent_connection_is_cut_off(server):
    with socket.create_connection(("127.0.0.1", server)) as sock:
        assert _closed_within(sock, 10)


def test_complete_requests_are_answered_and_keep_alive(server):
    with socket.create_connection(("127.0.0.1", server)) as sock:
        for _ in range(2):
            sock.sendall(b"GET /api/limits HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            sock.settimeout(10)
            data = b""
            while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}}"):
                chunk = sock.recv(65536)
                assert chunk, data
                data += chunk
            assert data.startswith(b"HTTP/1.1 200")
            assert b"x-content-type-options: nosniff" in data.lower()
