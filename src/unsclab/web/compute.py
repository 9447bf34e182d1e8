"""Computations the server can stop: work on posted designs runs in a forked child process,
killed at its deadline.

A thread cannot be stopped: when the server ran jobs in threads, a request that timed out got
its 503 but its computation kept running, holding a CPU and its memory (a posted design with an
enormous term grew the server from 266 MB to 1.7 GB). Work on what a client posts is therefore
``isolated``: a ``fork`` of the server, which starts with the server's warm caches, computes,
sends its result back through a pipe and exits; at the deadline it is killed (SIGKILL), which
frees its CPU and memory at once. Work on the catalogue (fixed, bounded, computed once and
cached) runs in threads, which share the server's caches. At most ``max_concurrent_jobs``
computations of either kind run at a time.

Results of pure functions are kept in the server by their arguments (an LRU), so a page asked
again — with any junk in its query string — costs no new child. A request's jobs share one
deadline (:class:`RequestDeadline`): a page that chains several computations answers within
``timeout_seconds`` in all, not per computation.
"""

from __future__ import annotations

__all__ = ["ComputeFailed", "RequestDeadline", "Runner", "settle"]

import asyncio
import contextvars
import multiprocessing
import os
import sys
from typing import Any

from unsclab.errors import UnsclabError
from unsclab.web.envelopes import Timeout

#: the deadline (event-loop time) of the request being served, if any
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("unsclab_deadline",
                                                                        default=None)


class ComputeFailed(Timeout):
    """A computation that ended without a result (out of memory, killed) — HTTP 503."""


class RequestDeadline:
    """ASGI middleware: every job of one request must finish by ``seconds`` after it arrived."""

    def __init__(self, app, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        token = _DEADLINE.set(asyncio.get_running_loop().time() + self.seconds)
        try:
            return await self.app(scope, receive, send)
        finally:
            _DEADLINE.reset(token)


def settle() -> None:
    """Take what is alive now — the record's tables, catalogue results, rendered pages — out of
    the cyclic garbage collector's reach (:func:`gc.freeze`). A full collection of the
    server's heap took 0.3 s (pandas columns of Python strings are traversed element by
    element), and it came every few thousand requests, so one request in a hundred waited
    for it: the p99 of cached pages was 200–400 ms under load. Frozen objects are still freed
    when no longer referenced; only cycles among them wait (the caches are bounded)."""
    import gc

    gc.freeze()


def _fresh_locks() -> None:
    """In a forked child: new locks for the server's caches and figures. A lock held by one of
    the server's threads at the moment of the fork would stay held for ever in the child (the
    thread does not exist there), and the job would wait on it until killed."""
    import threading

    from unsclab.web import service

    for name in ("_FIGURE_LOCK", "_VIEW_LOCK", "_OCC_LOCK"):
        if hasattr(service, name):
            setattr(service, name, threading.Lock())
    service._VIEW_LOCKS.clear()  # the per-design locks


os.register_at_fork(after_in_child=_fresh_locks)


def _child(conn, func, args) -> None:
    """In the forked child: compute, send ``(status, payload)``, exit. The child runs at a
    lower priority, so that the server keeps answering cached pages while it computes."""
    try:
        try:
            os.nice(10)
        except OSError:  # pragma: no cover - not permitted: compute at normal priority
            pass
        try:
            message = ("ok", func(*args))
        except UnsclabError as err:
            message = ("user", (type(err), err.problems))
        except MemoryError:
            message = ("memory", None)
        except BaseException as err:  # a bug: reported as a 500 by the server
            message = ("bug", f"{type(err).__name__}: {err}")
        conn.send(message)
    finally:
        conn.close()
        sys.stdout.flush()
        os._exit(0)  # no atexit handlers or finalizers of the server's objects


class Runner:
    """Runs jobs in killable children, a few at a time, and remembers their results."""

    def __init__(self, max_jobs: int, timeout: float, *, cache_size: int = 512) -> None:
        from unsclab.web.context import LRU

        self.timeout = timeout
        self.slots = asyncio.Semaphore(max_jobs)
        self.results = LRU(cache_size)
        self._fork = multiprocessing.get_context("fork")
        self.started = 0  # children started
        self.computed = 0  # computations run (not answered from the cache)

    def deadline(self) -> float:
        """This job's deadline: its own timeout, or the request's, whichever comes first."""
        own = asyncio.get_running_loop().time() + self.timeout
        shared = _DEADLINE.get()
        return own if shared is None else min(own, shared)

    async def run(self, func, *args, isolate: bool = False) -> Any:
        """``func(*args)`` within the deadline: in a killable child when ``isolate``, else in
        the thread pool (a thread past its deadline runs on, holding its slot)."""
        key = _key(func, args)
        if key is not None and (hit := self.results.get(key)) is not None:
            return hit
        deadline = self.deadline()
        try:
            async with asyncio.timeout_at(deadline):
                await self.slots.acquire()
        except TimeoutError:
            raise Timeout(f"the server is busy: no computation slot within {self.timeout:g} s; "
                          "try again") from None
        if isolate:
            try:
                value = await self._in_child(func, args, deadline)
            finally:
                self.slots.release()
        else:
            value = await self._in_thread(func, args, deadline)
        self.computed += 1
        if key is not None:
            self.results.put(key, value)
        settle()  # results and the tables behind them live on: out of the GC's way
        return value

    async def _in_thread(self, func, args, deadline: float) -> Any:
        from starlette.concurrency import run_in_threadpool

        job = asyncio.ensure_future(run_in_threadpool(func, *args))
        job.add_done_callback(lambda _: self.slots.release())  # when it really ends
        try:
            async with asyncio.timeout_at(deadline):
                return await asyncio.shield(job)
        except TimeoutError:
            job.add_done_callback(lambda j: j.cancelled() or j.exception())  # no stray warning
            raise Timeout(f"the computation took longer than {self.timeout:g} s; try again "
                          "later") from None

    async def _in_child(self, func, args, deadline: float) -> Any:
        reader, writer = self._fork.Pipe(duplex=False)
        proc = self._fork.Process(target=_child, args=(writer, func, args), daemon=True)
        proc.start()
        self.started += 1
        writer.close()
        loop = asyncio.get_running_loop()
        try:
            ready = asyncio.Event()
            loop.add_reader(reader.fileno(), ready.set)
            try:
                async with asyncio.timeout_at(deadline):
                    await ready.wait()
            finally:
                loop.remove_reader(reader.fileno())
            status, payload = await asyncio.to_thread(reader.recv)
        except TimeoutError:
            raise Timeout(f"the computation took longer than {self.timeout:g} s; try a smaller "
                          "design") from None
        except (EOFError, OSError):
            raise ComputeFailed("the computation stopped without a result (out of memory?); "
                                "try a smaller design") from None
        finally:
            if proc.is_alive():
                proc.kill()  # frees the CPU and the memory of a job past its deadline
            await asyncio.to_thread(proc.join, 5)
            reader.close()
        return _unpack(status, payload)


def _unpack(status: str, payload: Any) -> Any:
    if status == "ok":
        return payload
    if status == "user":
        cls, problems = payload
        raise cls(problems=problems)
    if status == "memory":
        raise ComputeFailed("the computation ran out of memory; try a smaller design")
    raise RuntimeError(f"the computation failed: {payload}")


def _key(func, args) -> tuple | None:
    """A cache key for ``func(*args)``, or None when an argument is not hashable."""
    key = (getattr(func, "__module__", ""), getattr(func, "__qualname__", repr(func)), args)
    try:
        hash(key)
    except TypeError:
        return None
    return key
