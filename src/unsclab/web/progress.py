"""Pages that show their results as they are computed, instead of a frozen browser.

A page that needs catalogue results not yet computed (a fresh server with an empty cache: the
whole-catalogue comparison costs 8 s of CPU on a quiet machine, 30 s on a loaded one) does not
wait for them. It asks :func:`request` for what is there, gets the results that are ready, and
the computation of the others is queued to one background thread, in two stages: first every
queued design's voting power (:func:`unsclab.web.service.power_view`, fast once the elections
model is built), then its history replay (:func:`unsclab.web.service.catalog_view`). The page
is answered at once with what is ready and a progress line; the browser asks for it again
every second (``static/app.js``; a ``<meta refresh>`` without JavaScript) and swaps in the new
results until nothing is pending. Results, once computed, are kept in memory and on disk
(:mod:`unsclab.web.store`), so later visitors and later server processes get the whole page at
once.
"""

from __future__ import annotations

__all__ = ["Ready", "request", "wait", "pending", "FIRST_WAIT"]

import itertools
import logging
import queue
import threading
from dataclasses import dataclass, field
from typing import Any

from unsclab.web import service
from unsclab.web.compute import settle

log = logging.getLogger("unsclab.web")

_POWER, _FULL = 0, 1  # stages: every queued design's power comes before any replay
_QUEUE: queue.PriorityQueue = queue.PriorityQueue()
_QUEUED: set[tuple[int, str]] = set()
_ORDER = itertools.count()
_LOCK = threading.Lock()
_WORKER: list[threading.Thread] = []
_FAILED: dict[str, str] = {}


@dataclass
class Ready:
    """What a page can show now: each design's full results, or its results without the
    replay (``replay_pending``), or nothing yet (``missing``)."""

    views: dict[str, dict[str, Any]] = field(default_factory=dict)
    replay_pending: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)

    @property
    def complete(self) -> bool:
        return not self.replay_pending and not self.missing

    def counts(self, total: int) -> dict[str, int]:
        return {"total": total, "power": total - len(self.missing),
                "replay": total - len(self.missing) - len(self.replay_pending)}


def request(ids: tuple[str, ...]) -> Ready:
    """The results of ``ids`` that are in memory or on disk; the others are queued (nothing is
    computed in the caller's thread but reading the disk cache)."""
    ready = Ready()
    for design_id in ids:
        view = service.stored_view(design_id)
        if view is not None:
            ready.views[design_id] = view
            continue
        if design_id in _FAILED:  # a bug: compute in the request instead, which reports it
            ready.views[design_id] = service.catalog_view(design_id)
            continue
        first = service.POWER_VIEWS.get(design_id)
        if first is not None:
            ready.views[design_id] = first
            ready.replay_pending.add(design_id)
            _enqueue(design_id, (_FULL,))
        else:
            ready.missing.add(design_id)
            _enqueue(design_id, (_POWER, _FULL))
    return ready


#: seconds a page waits for queued results before it answers with what is ready
FIRST_WAIT = 1.0


async def wait(ids: tuple[str, ...], seconds: float = FIRST_WAIT) -> Ready:
    """:func:`request` in the thread pool (it reads the disk), asked again every 0.2 s for up
    to ``seconds`` while results are missing: a page whose results take less than that is
    answered whole, others with what is ready."""
    import asyncio

    from starlette.concurrency import run_in_threadpool

    loop = asyncio.get_running_loop()
    until = loop.time() + seconds
    ready = await run_in_threadpool(request, ids)
    while not ready.complete and loop.time() < until:
        await asyncio.sleep(0.2)
        ready = await run_in_threadpool(request, ids)
    return ready


def pending() -> int:
    """Computations waiting or running."""
    return len(_QUEUED)


def _enqueue(design_id: str, stages: tuple[int, ...]) -> None:
    with _LOCK:
        for stage in stages:
            if (stage, design_id) not in _QUEUED:
                _QUEUED.add((stage, design_id))
                _QUEUE.put((stage, next(_ORDER), design_id))
        if not _WORKER or not _WORKER[0].is_alive():
            _WORKER[:] = [threading.Thread(target=_work, name="unsclab-progress", daemon=True)]
            _WORKER[0].start()


def _work() -> None:
    while True:
        stage, _, design_id = _QUEUE.get()
        try:
            if design_id in service.CATALOG_VIEWS:
                pass  # done meanwhile (another request, the warm-up)
            elif stage == _POWER:
                service.power_view(design_id)
            else:
                service.catalog_view(design_id)
        except Exception as err:  # pragma: no cover - a bug: the page computes it and reports
            log.exception("computing the results of %s failed", design_id)
            _FAILED[design_id] = f"{type(err).__name__}: {err}"
        finally:
            settle()  # the new results live on: out of the garbage collector's way
            with _LOCK:
                _QUEUED.discard((stage, design_id))
