"""What every route of the app shares: limits, templates, page caches, the job runner."""

from __future__ import annotations

__all__ = ["Context", "LRU", "make_templates"]

import asyncio
import threading
from collections import OrderedDict
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from unsclab._version import __version__
from unsclab.web import service
from unsclab.web.envelopes import Timeout
from unsclab.web.service import Limits

HERE = Path(__file__).parent


class LRU:
    """A small thread-safe LRU map of bounded size."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            if key in self.data:
                self.data.move_to_end(key)
                return self.data[key]
        return None

    def put(self, key, value) -> None:
        with self.lock:
            self.data[key] = value
            self.data.move_to_end(key)
            while len(self.data) > self.size:
                self.data.popitem(last=False)


def make_templates() -> Jinja2Templates:
    """The pages' templates, with the report's shared partials (the seat and replay tables)."""
    from unsclab.quantities import QUANTITIES, format_value

    templates = Jinja2Templates(directory=[str(HERE / "templates"),
                                           str(HERE.parent / "report" / "templates")])
    templates.env.globals.update(version=__version__, quantities=QUANTITIES)
    templates.env.filters["pct"] = lambda x, d=1: "—" if x is None else f"{100 * x:.{d}f}%"
    templates.env.filters["num"] = lambda x, d=4: "—" if x is None else f"{x:.{d}f}"
    templates.env.filters["q"] = lambda x, key: format_value(
        x, QUANTITIES[key].kind, QUANTITIES[key].digits)
    return templates


class Context:
    """Limits, templates, caches and the runner of CPU-heavy work, for one app."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.templates = make_templates()
        self.pages = LRU(256)  # rendered pages: deterministic for the life of the process
        self.answers = LRU(256)  # POST /api/evaluate answers by body
        self.semaphore = asyncio.Semaphore(limits.max_concurrent_jobs)

    def cached_page(self, request: Request):
        hit = self.pages.get(request.url.path + "?" + request.url.query)
        return HTMLResponse(hit) if hit is not None else None

    def keep_page(self, request: Request, response):
        if response.status_code == 200:
            self.pages.put(request.url.path + "?" + request.url.query, response.body)
        return response

    def page(self, request: Request, template: str, context: dict):
        """Render ``template`` and keep it in the page cache."""
        return self.keep_page(request, self.templates.TemplateResponse(request, template,
                                                                       context))

    async def run(self, func, *args):
        """CPU-heavy work: in the thread pool, a few at a time, within the timeout.

        A thread cannot be stopped: work that times out keeps its slot until it really ends,
        so no more than ``max_concurrent_jobs`` computations ever run at once."""
        if func is service.catalog_view and args[0] in service.CATALOG_VIEWS:
            return service.CATALOG_VIEWS[args[0]]  # cached: no need to leave the loop
        limits = self.limits
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limits.timeout_seconds
        try:
            async with asyncio.timeout_at(deadline):
                await self.semaphore.acquire()
        except TimeoutError:
            raise Timeout(f"the server is busy: no computation slot within "
                          f"{limits.timeout_seconds:g} s; try again") from None
        job = asyncio.ensure_future(run_in_threadpool(func, *args))
        job.add_done_callback(lambda _: self.semaphore.release())
        try:
            async with asyncio.timeout_at(deadline):
                return await asyncio.shield(job)
        except TimeoutError:
            job.add_done_callback(lambda j: j.cancelled() or j.exception())  # no stray warning
            raise Timeout(f"the computation took longer than {limits.timeout_seconds:g} s; "
                          "try a smaller design") from None
