"""What every route of the app shares: limits, templates, page caches, the job runner."""

from __future__ import annotations

__all__ = ["Context", "LRU", "make_templates", "page_key", "settle"]

import threading
from collections import OrderedDict
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from unsclab._version import __version__
from unsclab.web import service
from unsclab.web.compute import Runner, settle
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
    templates.env.filters["count"] = lambda n: f"{int(n):,}"
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
        self.runner = Runner(limits.max_concurrent_jobs, limits.timeout_seconds)

    def cached_page(self, request: Request):
        hit = self.pages.get(page_key(request))
        return HTMLResponse(hit) if hit is not None else None

    def keep_page(self, request: Request, response):
        if response.status_code == 200:
            self.pages.put(page_key(request), response.body)
            settle()  # what the page needed (a table, results) lives on: out of the GC's way
        return response

    def page(self, request: Request, template: str, context: dict):
        """Render ``template`` and keep it in the page cache."""
        return self.keep_page(request, self.templates.TemplateResponse(request, template,
                                                                       context))

    async def run(self, func, *args):
        """CPU-heavy work on the catalogue: in the thread pool, within the request's deadline;
        results kept by their arguments (:mod:`unsclab.web.compute`)."""
        if func is service.catalog_view and args[0] in service.CATALOG_VIEWS:
            return service.CATALOG_VIEWS[args[0]]  # cached: no need to leave the loop
        return await self.runner.run(func, *args)

    async def run_isolated(self, func, *args):
        """Work on a posted design: in a child process killed at the deadline."""
        return await self.runner.run(func, *args, isolate=True)


#: Pages whose route declares every query parameter it reads: their cache key keeps only those,
#: so ``/compare?junk=1`` is the cached ``/compare``. Other pages (the record browser reads its
#: filters from the query itself) are keyed by their whole query.
DECLARED_QUERY = frozenset({"/", "/compare", "/designs/{design_id}", "/editor"})


def page_key(request: Request) -> str:
    """A page's cache key: its path and query, without the parameters it does not read."""
    from urllib.parse import urlencode

    route = request.scope.get("route")
    if getattr(route, "path", None) not in DECLARED_QUERY:
        return request.url.path + "?" + request.url.query
    known = {p.alias for p in route.dependant.query_params}
    items = [(k, v) for k, v in request.query_params.multi_items() if k in known]
    return request.url.path + "?" + urlencode(items)
