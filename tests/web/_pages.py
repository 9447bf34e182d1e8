"""Helpers of the web tests: a page asked for again, as its script does, until it is complete."""

from __future__ import annotations

import time


def until_complete(client, url: str, seconds: float = 300) -> list:
    """The answers to ``url`` (a TestClient or httpx client) until one has nothing pending:
    pages show catalogue results as they are computed (``unsclab.web.progress``)."""
    pages = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        r = client.get(url)
        assert r.status_code == 200, f"{url}: {r.status_code} {r.text[:300]}"
        pages.append(r)
        if "data-pending" not in r.text:
            return pages
        time.sleep(0.2)
    raise AssertionError(f"{url} still pending after {seconds} s")


def complete(client, url: str, seconds: float = 300):
    """The complete answer to ``url``."""
    return until_complete(client, url, seconds)[-1]
