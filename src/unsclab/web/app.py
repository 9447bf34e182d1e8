"""The FastAPI application: pages under ``/``, the JSON API under ``/api/``.

JSON contract (pinned by ``tests/web/test_envelopes.py``; see ``docs/web.md``):

- success: ``{"ok": true, "data": ...}`` with HTTP 200;
- error: ``{"ok": false, "error": {"status": int, "message": str, "problems": [{"message",
  "field", "line", "file"}]}}`` with a 4xx (or 503 on timeout) status. ``message`` joins the
  problems one per line, exactly as the CLI prints them; ``problems`` lists them one by one.

Every user error is an :class:`~unsclab.errors.UnsclabError`, mapped to a status: an unknown
design 404, a design over the work limits 413, an invalid design 422, anything else 400.
Request bodies are bounded (413), CPU-heavy work runs in a thread pool behind a semaphore with a
timeout (503), and catalogue results are cached. The app never writes a file.
"""

from __future__ import annotations

__all__ = ["create_app"]

import asyncio
import json
import logging
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from unsclab._version import __version__
from unsclab.errors import Problem, UnsclabError
from unsclab.report.results import DRAWS, SEED, SINCE, occupancy_text
from unsclab.web import service
from unsclab.web.service import DEFAULT_LIMITS, Limits, UnknownDesign, WorkLimitError

log = logging.getLogger("unsclab.web")
HERE = Path(__file__).parent
DESIGN_ID = r"^[a-z0-9][a-z0-9-]*$"


# -- the two envelopes (also in the OpenAPI schema) -------------------------------------------


class ProblemOut(BaseModel):
    message: str = Field(description="What is wrong and what was expected.")
    field: str | None = Field(None, description="The field concerned, e.g. 'rule.quota' or "
                                                "'seats[2].count' (1-based).")
    line: int | None = Field(None, description="Line in the posted TOML, where known.")
    file: str | None = Field(None, description="'request' for a posted design.")


class ErrorBody(BaseModel):
    status: int
    message: str = Field(description="Every problem, one per line, as the CLI prints them.")
    problems: list[ProblemOut]


class ErrorEnvelope(BaseModel):
    """Every error response of the API."""

    ok: Literal[False] = False
    error: ErrorBody


class Envelope(BaseModel):
    """Every successful response of the API."""

    ok: Literal[True] = True
    data: Any


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorEnvelope, "description": text}
    for code, text in (
        (400, "Bad request"),
        (404, "No such design"),
        (413, "Body or requested work over the limits"),
        (415, "Body of a type other than JSON or TOML"),
        (422, "Invalid design or parameters"),
        (503, "Timed out or server busy"),
    )
}


class BodyTooLarge(UnsclabError):
    """The request body is larger than the server accepts (HTTP 413)."""


class Timeout(UnsclabError):
    """The computation took longer than the server allows (HTTP 503)."""


def _status(err: UnsclabError) -> int:
    if isinstance(err, UnknownDesign):
        return 404
    if isinstance(err, (WorkLimitError, BodyTooLarge)):
        return 413
    if isinstance(err, Timeout):
        return 503
    if isinstance(err, service.UnsupportedMedia):
        return 415
    from unsclab.errors import DesignError

    if isinstance(err, DesignError):
        return 422
    return 400


def error_response(status: int, problems: list[Problem] | tuple[Problem, ...]) -> JSONResponse:
    body = ErrorEnvelope(error=ErrorBody(
        status=status,
        message="\n".join(str(p) for p in problems),
        problems=[ProblemOut(message=p.message, field=p.field, line=p.line, file=p.file)
                  for p in problems],
    ))
    return JSONResponse(body.model_dump(), status_code=status)


def ok(data: Any) -> JSONResponse:
    return JSONResponse({"ok": True, "data": data})


# -- body size limit (pure ASGI, before any body is read) -------------------------------------


class BodyLimit:
    """Refuse bodies over ``limit`` bytes: by Content-Length at once, else while streaming."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.limit
            except ValueError:
                too_big = False
            if too_big:
                resp = error_response(413, [Problem(
                    f"the request body has {int(length)} bytes; this server accepts at most "
                    f"{self.limit}", field="body")])
                return await resp(scope, receive, send)
        seen = 0
        limit = self.limit

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(f"the request body exceeds {limit} bytes", field="body")
            return message

        return await self.app(scope, counted, send)


# -- the application ---------------------------------------------------------------------------


def create_app(limits: Limits = DEFAULT_LIMITS) -> FastAPI:
    """Build the app. ``limits`` bounds the work of one request (see :class:`Limits`)."""
    app = FastAPI(
        title="unsclab",
        version=__version__,
        description=(
            "Voting power, representation and history of UN Security Council designs. "
            "Successful responses are {\"ok\": true, \"data\": ...}; errors are "
            "{\"ok\": false, \"error\": {\"status\", \"message\", \"problems\": [...]}}."
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; the schema itself is served
        redoc_url=None,
    )
    app.state.limits = limits
    semaphore = asyncio.Semaphore(limits.max_concurrent_jobs)
    # shared partials (the replay table) live with the report's templates
    templates = Jinja2Templates(directory=[str(HERE / "templates"),
                                           str(HERE.parent / "report" / "templates")])
    templates.env.globals.update(version=__version__)
    templates.env.filters["pct"] = lambda x, d=1: "—" if x is None else f"{100 * x:.{d}f}%"
    templates.env.filters["num"] = lambda x, d=4: "—" if x is None else f"{x:.{d}f}"
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    pages = _LRU(256)  # rendered pages: deterministic for the life of the process
    answers = _LRU(256)  # POST /api/evaluate answers by body

    def cached_page(request: Request):
        hit = pages.get(request.url.path + "?" + request.url.query)
        return HTMLResponse(hit) if hit is not None else None

    def keep_page(request: Request, response):
        if response.status_code == 200:
            pages.put(request.url.path + "?" + request.url.query, response.body)
        return response

    async def run(func, *args):
        """CPU-heavy work: in the thread pool, a few at a time, within the timeout.

        A thread cannot be stopped: work that times out keeps its slot until it really ends,
        so no more than ``max_concurrent_jobs`` computations ever run at once."""
        if func is service.catalog_view and args[0] in service.CATALOG_VIEWS:
            return service.CATALOG_VIEWS[args[0]]  # cached: no need to leave the loop
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limits.timeout_seconds
        try:
            async with asyncio.timeout_at(deadline):
                await semaphore.acquire()
        except TimeoutError:
            raise Timeout(f"the server is busy: no computation slot within "
                          f"{limits.timeout_seconds:g} s; try again") from None
        job = asyncio.ensure_future(run_in_threadpool(func, *args))
        job.add_done_callback(lambda _: semaphore.release())
        try:
            async with asyncio.timeout_at(deadline):
                return await asyncio.shield(job)
        except TimeoutError:
            job.add_done_callback(lambda j: j.cancelled() or j.exception())  # no stray warning
            raise Timeout(f"the computation took longer than {limits.timeout_seconds:g} s; "
                          "try a smaller design") from None

    # -- error handlers: every error is one envelope (HTML pages get an HTML page) -----------

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/")

    def html_error(request: Request, status: int, problems) -> HTMLResponse:
        return templates.TemplateResponse(request, "error.html", {
            "status": status, "problems": problems, "title": f"Error {status}"},
            status_code=status)

    @app.exception_handler(UnsclabError)
    async def _unsclab_error(request: Request, err: UnsclabError):
        status = _status(err)
        if wants_html(request):
            return html_error(request, status, err.problems)
        return error_response(status, err.problems)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, err: RequestValidationError):
        problems = []
        for e in err.errors():
            loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
            problems.append(Problem(e.get("msg", "invalid value"), field=".".join(loc) or None))
        if wants_html(request):
            return html_error(request, 422, problems)
        return error_response(422, problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, err: StarletteHTTPException):
        message = {404: f"no such page: {request.url.path}",
                   405: f"method {request.method} is not allowed here"}.get(
            err.status_code, str(err.detail))
        if wants_html(request) and err.status_code == 404:
            return html_error(request, 404, [Problem(message)])
        return error_response(err.status_code, [Problem(message)])

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, err: Exception):  # pragma: no cover - a bug
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, [Problem(f"internal error ({type(err).__name__}); "
                                            "please report it")])

    # -- JSON API --------------------------------------------------------------------------

    @app.get("/api/designs", response_model=Envelope, responses=ERRORS, tags=["designs"],
             summary="The catalogue (as `unsclab designs list --json`)")
    async def api_designs():
        return ok(list(service.catalog_summaries()))

    @app.get("/api/designs/{design_id}", response_model=Envelope, responses=ERRORS,
             tags=["designs"], summary="One design in full (as `unsclab designs show --json`)")
    async def api_design(design_id: str = _id_param()):
        from unsclab.designs import design_to_dict

        design = service.catalog_design(design_id)
        return ok({**design_to_dict(design), "size": design.size})

    @app.get("/api/designs/{design_id}/power", response_model=Envelope, responses=ERRORS,
             tags=["results"], summary="Voting power by seat class, group and state")
    async def api_power(design_id: str = _id_param()):
        service.catalog_design(design_id)
        view = await run(service.catalog_view, design_id)
        return ok({k: view[k] for k in ("design", "power", "groups", "representation",
                                        "states", "blocs", "engine", "notes")})

    @app.get("/api/designs/{design_id}/results", response_model=Envelope, responses=ERRORS,
             tags=["results"], summary="Everything computed for a design")
    async def api_results(design_id: str = _id_param()):
        service.catalog_design(design_id)
        return ok(await run(service.catalog_view, design_id))

    @app.get("/api/designs/{design_id}/replay", response_model=Envelope, responses=ERRORS,
             tags=["results"], summary="History replayed under a design (when available)")
    async def api_replay(design_id: str = _id_param(),
                         draws: int = Query(DRAWS, ge=1, le=limits.max_draws,
                                            description="Monte Carlo draws (bounded)."),
                         seed: int = Query(SEED, ge=0, le=2**32 - 1,
                                           description="Seed of the draws."),
                         since: int = Query(SINCE, ge=1946, le=2025,
                                            description="First year of the totals.")):
        service.catalog_design(design_id)
        view = await run(service.catalog_view, design_id)
        if (draws, seed, since) == (DRAWS, SEED, SINCE):  # the page's: cached with the view
            replay = view["replay"]
            notes = [n for n in view["notes"] if "replay" in n.lower()]
        else:
            other = await run(service.replay_of, design_id, since, draws, seed)
            replay, notes = other["replay"], other["notes"]
        return ok({"design": view["design"], "since": since, "draws": draws, "seed": seed,
                   "replay": replay, "notes": notes})

    @app.get("/api/compare", response_model=Envelope, responses=ERRORS, tags=["results"],
             summary="Headline numbers of several catalogue designs")
    async def api_compare(ids: list[str] = Query(..., min_length=1,
                                                  max_length=limits.max_compare,
                                                  description="Catalogue ids.")):
        rows = [_headline(await run(service.catalog_view, service.catalog_design(i).id))
                for i in ids]
        return ok(rows)

    body_doc = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {
                    "type": "object",
                    "description": "A design as JSON (the fields of a design file), or "
                                   "{\"design\": {...}}, or {\"toml\": \"...\"}.",
                }},
                "application/toml": {"schema": {"type": "string"}},
            },
        }
    }

    async def read_body(request: Request) -> bytes:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_body_bytes:
                raise BodyTooLarge(f"the request body exceeds {limits.max_body_bytes} bytes",
                                   field="body")
            chunks.append(chunk)
        return b"".join(chunks)

    async def posted_design(request: Request, body: bytes | None = None):
        if body is None:
            body = await read_body(request)
        design = service.parse_posted_design(body, request.headers.get("content-type", ""))
        service.check_work(design, limits)
        return design

    @app.post("/api/evaluate", response_model=Envelope, responses=ERRORS, tags=["results"],
              summary="Results of a posted design (JSON or TOML)", openapi_extra=body_doc)
    async def api_evaluate(request: Request,
                           replay: bool = Query(False, description="Also replay the record "
                                                "under the design (about a second).")):
        from unsclab.designs import design_to_dict, design_to_toml

        body = await read_body(request)
        key = (request.headers.get("content-type", ""), body, replay)
        if (hit := answers.get(key)) is not None:
            return Response(hit, media_type="application/json")
        design = await posted_design(request, body)
        view = await (run(service.view_of, design, True) if replay
                      else run(service.view_of, design))
        response = ok({"design": {**design_to_dict(design), "size": design.size},
                       "toml": design_to_toml(design), "results": view})
        answers.put(key, response.body)
        return response

    @app.post("/api/figures/seats", response_model=Envelope, responses=ERRORS, tags=["figures"],
              summary="Seat diagram of a posted design, as inline SVG", openapi_extra=body_doc)
    async def api_seats_figure(request: Request):
        design = await posted_design(request)
        return ok({"svg": await run(service.seat_svg, design)})

    @app.get("/api/limits", response_model=Envelope, tags=["server"],
             summary="The limits this server enforces")
    async def api_limits():
        return ok(limits.as_dict())

    # -- pages -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page_catalogue(request: Request):
        if (hit := cached_page(request)) is not None:
            return hit
        return keep_page(request, templates.TemplateResponse(request, "catalogue.html", {
            "title": "Catalogue", "designs": service.catalog_summaries()}))

    @app.get("/designs/{design_id}", response_class=HTMLResponse, include_in_schema=False)
    async def page_design(request: Request, design_id: str = _id_param()):
        if (hit := cached_page(request)) is not None:
            return hit
        design = service.catalog_design(design_id)
        view = await run(service.catalog_view, design_id)
        svg = await run(service.seat_svg, design)
        group_svg = await run(_group_svg, design_id, view) if view["groups"] else None
        replay_svg = await run(_replay_svg, (design_id,)) if view["replay"] else None
        return keep_page(request, templates.TemplateResponse(request, "design.html", {
            "title": design.name, "d": design, "v": view, "seat_svg": svg,
            "group_svg": group_svg, "replay_svg": replay_svg,
            "occupancy": occupancy_text(view["occupancy_method"])}))

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def page_compare(request: Request,
                           ids: list[str] = Query([], max_length=limits.max_compare),
                           state: str = Query("IND", max_length=3)):
        from unsclab import states

        if (hit := cached_page(request)) is not None:
            return hit
        chosen = ids or ["status-quo", "g4-2005", "ufc-2005", "ezulwini-2005"]
        chosen = [i for i in chosen if i in service.catalog_ids()] or ["status-quo"]
        designs = [service.catalog_design(i) for i in chosen]
        views = [await run(service.catalog_view, i) for i in chosen]
        code = state.upper() if states.known_state(state.upper()) else "IND"
        pareto = await run(_pareto_svg, tuple(chosen))
        years = await run(_years_svg, tuple(chosen), code)
        with_replay = tuple(i for i, v in zip(chosen, views) if v["replay"])
        replay_svg = await run(_replay_svg, with_replay) if with_replay else None
        rows = [_headline(v) for v in views]
        return keep_page(request, templates.TemplateResponse(request, "compare.html", {
            "title": "Compare designs", "rows": rows,
            "designs": designs, "all": service.catalog_summaries(), "chosen": chosen,
            "pareto_svg": pareto, "years_svg": years, "replay_svg": replay_svg,
            "replay0": next((v["replay"] for v in views if v["replay"]), None),
            "occupancy": occupancy_text(views[0]["occupancy_method"]),
            "notes": sorted({n for v in views for n in v["notes"]}),
            "state": code, "state_name": states.state(code).name}))

    @app.get("/editor", response_class=HTMLResponse, include_in_schema=False)
    async def page_editor(request: Request, start: str = Query("status-quo", alias="from",
                                                                max_length=80)):
        from unsclab.designs import design_to_dict, design_to_toml
        from unsclab.groups import GROUPS, OPEN

        if (hit := cached_page(request)) is not None:
            return hit
        design = service.catalog_design(start if start in service.catalog_ids() else "status-quo")
        view = await run(service.catalog_view, design.id)
        return keep_page(request, templates.TemplateResponse(request, "editor.html", {
            "title": "Design editor", "d": design, "v": view,
            "design_json": json.dumps(design_to_dict(design)).replace("</", "<\\/"),
            "toml": design_to_toml(design), "all": service.catalog_summaries(),
            "groups": (*GROUPS, OPEN), "kinds": ("permanent", "long-term", "elected"),
            "seat_svg": await run(service.seat_svg, design)}))

    app.add_middleware(BodyLimit, limit=limits.max_body_bytes)
    return app


class _LRU:
    """A small thread-safe LRU map of bounded size."""

    def __init__(self, size: int) -> None:
        import threading
        from collections import OrderedDict

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


def _id_param():
    from fastapi import Path as PathParam

    return PathParam(..., pattern=DESIGN_ID, max_length=80, description="A catalogue id.")


def _headline(view: dict[str, Any]) -> dict[str, Any]:
    """The numbers a comparison shows for one design."""
    d = view["design"]
    power = view.get("power") or {}
    rep = view.get("representation") or {}
    return {
        "id": d["id"], "name": d["name"], "year": d["year"], "seats": d["seats"],
        "permanent": d["permanent"], "long_term": d["long_term"], "elected": d["elected"],
        "quota": d["quota"], "veto_holders": d["veto_holders"],
        "veto_negatives": d["veto_negatives"],
        "ability_to_act": power.get("ability_to_act"),
        "p5_power_share": rep.get("p5_power_share"),
        "penrose_distance": rep.get("penrose_distance"),
        "gini_power_per_person": rep.get("gini_power_per_person"),
        "population_with_permanent_seat": rep.get("population_with_permanent_seat"),
        "occupancy_method": view.get("occupancy_method"),
        "replay": _replay_columns(view.get("replay")),
    }


def _replay_columns(rp: dict[str, Any] | None) -> dict[str, Any] | None:
    """The replay columns of a comparison, as ``unsclab compare`` shows them."""
    if not rp:
        return None
    return {k: rp[k] for k in ("since", "draws", "seed", "decisions", "adoption_rate",
                               "vetoed_now_adopted", "adopted_now_failed", "changed",
                               "historical_vetoed", "historical_adopted")}


def _group_svg(design_id: str, view) -> str:
    from unsclab.report.figures import group_power

    return service.figure_svg(group_power, view)


def _pareto_svg(ids: tuple[str, ...]) -> str:
    from unsclab.report.figures import act_vs_equality

    return service.figure_svg(act_vs_equality, [service.catalog_view(i) for i in ids])


def _years_svg(ids: tuple[str, ...], code: str) -> str:
    from unsclab.report.figures import years_per_decade

    designs = [service.catalog_design(i) for i in ids]
    occ = [service.occupancy_of(d) for d in designs]  # before the figure lock
    return service.figure_svg(years_per_decade, designs, code, occupancy=service.occupancy_of,
                              occupancy_note=occupancy_text(occ[0].method))


def _replay_svg(ids: tuple[str, ...]) -> str:
    from unsclab.report.figures import replay_adoption

    views = [service.catalog_view(i) for i in ids]
    rp = views[0]["replay"]
    return service.figure_svg(replay_adoption, {v["design"]["id"]: v["replay"]["by_year"]
                                                for v in views},
                              since=rp["since"], draws=rp["draws"], seed=rp["seed"])
