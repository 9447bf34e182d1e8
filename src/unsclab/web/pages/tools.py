"""Pages: decide a ballot (``/decide``), the glossary of measures (``/glossary``) and the API's
interactive documentation (``/api/docs``, Swagger UI served from this server)."""

from __future__ import annotations

__all__ = ["router", "council_of"]

import datetime
import re
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from unsclab.errors import BallotError, DataError, UnsclabError
from unsclab.web import service
from unsclab.web.context import HERE, Context
from unsclab.web.envelopes import ERRORS, Envelope, ok

VOTES = (("yes", "Y", "In favour"), ("no", "N", "Against"), ("abstain", "A", "Abstaining"),
         ("not_voting", "NV", "Present, not voting"))


def council_of(year: int | None = None) -> tuple[int | None, list[dict]]:
    """The Council of ``year`` (see :func:`_council_of`), with this year as the default."""
    return _council_of(year or datetime.date.today().year)


@lru_cache(maxsize=64)
def _council_of(want: int) -> tuple[int | None, list[dict]]:
    """The Council of ``year`` (default: this year) from the record's membership (DPPA lists
    and the elections held), as ``(year, [{"iso3", "group", "permanent"}])``; ``(None, [])``
    when the record cannot be read."""
    try:
        from unsclab.record import Record

        m = Record.load().membership
    except (DataError, OSError):
        return None, []
    years = sorted(int(y) for y in m["year"].unique())
    chosen = max([y for y in years if y <= want] or years[:1])
    rows = m[m["year"] == chosen].sort_values(["permanent", "iso3"], ascending=[False, True])
    return chosen, [{"iso3": r.iso3, "group": r.group, "permanent": bool(r.permanent)}
                    for r in rows.itertuples()]


def _codes(text: str) -> list[str]:
    """ISO3 codes from a field: separated by commas, semicolons or any white space."""
    return [c.upper() for c in re.split(r"[\s,;]+", text or "") if c]


def decide_ballot(design_id: str, yes: str, no: str, abstain: str, not_voting: str,
                  seat: list[str], procedural: bool) -> dict:
    """The decision of a ballot given as the decide page's fields (ISO3 lists)."""
    from unsclab.rules import Ballot, decide

    design = service.catalog_design(design_id)
    seats = {}
    for item in (part for s in seat for part in re.split(r"[\s,;]+", s) if part):
        code, sep, cls = item.partition("=")
        if not sep or not code.strip() or not cls.strip():
            raise BallotError(f"seat {item!r}: expected ISO3=CLASS, e.g. NGA=new-permanent-africa",
                              field="seat")
        seats[code.strip().upper()] = cls.strip()
    ballot = Ballot.from_lists(_codes(yes), _codes(no), _codes(abstain), _codes(not_voting),
                               seats=seats)
    return {"design": design.id, **decide(design, ballot, procedural=procedural).to_dict()}


def router(ctx: Context) -> APIRouter:
    router = APIRouter()

    @router.get("/decide", response_class=HTMLResponse, include_in_schema=False)
    async def page_decide(request: Request, design: str = Query("status-quo", max_length=80),
                          yes: str = Query("", max_length=2000), no: str = Query("", max_length=2000),
                          abstain: str = Query("", max_length=2000),
                          not_voting: str = Query("", max_length=2000),
                          seat: list[str] = Query([], max_length=40),
                          procedural: bool = Query(False), year: int | None = Query(None, ge=1946,
                                                                                   le=2100)):
        if (hit := ctx.cached_page(request)) is not None:  # a ballot's answer never changes
            return hit
        chosen = design if design in service.catalog_ids() else "status-quo"
        council_year, council = council_of(year)
        fields = {"yes": yes, "no": no, "abstain": abstain, "not_voting": not_voting}
        if not any(fields.values()) and council and chosen == "status-quo":
            fields["yes"] = ", ".join(m["iso3"] for m in council)  # the current Council, all Y
        decision, problems = None, []
        if any(fields.values()):
            try:
                decision = decide_ballot(chosen, **fields, seat=seat, procedural=procedural)
            except UnsclabError as err:
                problems = list(err.problems)
        d = service.catalog_design(chosen)
        return ctx.page(request, "decide.html", {
            "title": "Decide a vote", "d": d, "all": service.catalog_summaries(),
            "fields": fields, "votes": VOTES, "seat": [s for s in seat if s.strip()],
            "procedural": procedural, "decision": decision, "problems": problems,
            "council": council, "council_year": council_year})

    @router.get("/api/decide", response_model=Envelope, responses=ERRORS, tags=["results"],
                summary="Decide a ballot under a catalogue design (as `unsclab decide --json`)")
    async def api_decide(design: str = Query(..., max_length=80,
                                             description="A catalogue id."),
                         yes: str = Query("", max_length=2000, description="ISO3 codes, comma-separated."),
                         no: str = Query("", max_length=2000), abstain: str = Query("", max_length=2000),
                         not_voting: str = Query("", max_length=2000),
                         seat: list[str] = Query([], max_length=40,
                                                 description="ISO3=CLASS, for seats with a veto."),
                         procedural: bool = Query(False)):
        return ok(decide_ballot(design, yes, no, abstain, not_voting, seat, procedural))

    @router.get("/api/status", response_model=Envelope, tags=["server"],
                summary="Whether the catalogue's results are computed yet")
    async def api_status():
        from unsclab.web import warm

        return ok(warm.status())

    @router.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
    async def page_glossary(request: Request):
        from unsclab.quantities import glossary

        if (hit := ctx.cached_page(request)) is not None:
            return hit
        return ctx.page(request, "glossary.html", {"title": "Glossary of measures",
                                                   "entries": glossary()})

    @router.get("/favicon.ico", include_in_schema=False)
    async def favicon():
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    docs_assets = _swagger_assets()

    @router.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    async def api_docs(request: Request):
        return ctx.templates.TemplateResponse(request, "api_docs.html", {
            "title": "API documentation", "swagger": docs_assets is not None})

    @router.get("/api/docs-assets/openapi.json", include_in_schema=False)
    async def api_docs_schema(request: Request):
        # The bundled Swagger UI (4.x) reads OpenAPI 3.0 documents; FastAPI writes 3.1. The
        # schema is the same (/api/openapi.json); only the version field is what the UI reads.
        from fastapi.responses import JSONResponse

        return JSONResponse({**request.app.openapi(), "openapi": "3.0.3"})

    @router.get("/api/docs-assets/{name}", include_in_schema=False)
    async def api_docs_asset(name: str):
        allowed = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}
        if docs_assets is None or name not in allowed:
            return Response(status_code=404)
        return FileResponse(docs_assets / name, media_type=allowed[name])

    return router


def _swagger_assets() -> Path | None:
    """Swagger UI's files from the ``swagger-ui-bundle`` package (no CDN), if installed."""
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    return Path(swagger_ui_bundle.swagger_ui_path)
