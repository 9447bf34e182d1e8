"""Pages and API of the historical record.

Pages: ``/record`` (browse with filters in the URL, so a filtered list can be shared),
``/record/decisions/{id}`` (one decision: ballot with the state and name at the time, vote type,
subject, link to the UN Digital Library), ``/record/states/{iso3}`` (a state's Council history),
``/record/trends`` (adopted, vetoed and failed by year; vetoes by member by year; unanimity).
API: ``/api/record/decisions`` (the same filters), ``/api/record/decisions/{id}``,
``/api/record/states/{iso3}``, ``/api/record/trends``; CSV of every table:
``/api/record/decisions.csv``, ``/api/record/trends.csv``. Filter errors are one line naming
the value with the nearest choices (400 in the API, an error page otherwise).
"""

from __future__ import annotations

__all__ = ["router"]

import csv
import io
from functools import cache, lru_cache
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from unsclab.web.context import Context
from unsclab.web.envelopes import ERRORS, Envelope, ok

_PAGE = 200  # decisions per page of the browse view
_FILTERS = ("from", "to", "outcome", "type", "vetoed_by", "state", "subject", "region", "q")


@cache
def _record():
    from unsclab.record import Record

    return Record.load()


@cache
def _trends() -> list[dict[str, Any]]:
    from unsclab.record_browse import trends

    return trends(_record())


def _select(params: dict[str, str | None]):
    from unsclab.record_browse import select

    return select(_record(), start=params.get("from"), end=params.get("to"),
                  outcome=params.get("outcome"), vote_type=params.get("type"),
                  vetoed_by=params.get("vetoed_by"), state=params.get("state"),
                  subject=params.get("subject"), region=params.get("region"),
                  search=params.get("q"))


@lru_cache(maxsize=256)
def _listing(key: tuple[tuple[str, str | None], ...]) -> list[dict[str, Any]]:
    """The display rows of one filter combination (the record never changes in a process)."""
    from unsclab.record_browse import rows

    d = _select(dict(key))
    return [dict(r, id=int(i)) for i, r in zip(d["id"], rows(d))]


def _params(request: Request) -> dict[str, str | None]:
    return {k: (request.query_params.get(k) or None) for k in _FILTERS}


def _decision(decision_id: int) -> dict[str, Any]:
    rec = _record()
    hit = rec.decisions[rec.decisions["id"] == decision_id]
    if hit.empty:
        from fastapi import HTTPException

        raise HTTPException(404, detail=f"no decision with id {decision_id}")
    row = hit.iloc[0]
    out = rec.show(str(row["symbol"]))
    one = next(d for d in out if d["id"] == decision_id)
    x = rec.crosscheck
    link = x.loc[x["decision"] == decision_id, "library_record"] if x is not None else []
    one.update({"subject": str(row["subject"]), "region": str(row["region"]),
                "countries": [c for c in str(row["countries"]).split(";") if c],
                "peace_operation": str(row["peace_operation"]),
                "regional_arrangement": bool(row["regional_arrangement"]),
                "library": (f"https://digitallibrary.un.org/record/{int(link.iloc[0])}"
                            if len(link) else None)})
    return one


def _csv(rows: list[dict[str, Any]], name: str) -> Response:
    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def router(ctx: Context) -> APIRouter:
    from unsclab.record_browse import rows, state_history
    from unsclab.record_names import resolve_state

    router = APIRouter()

    @router.get("/record", response_class=HTMLResponse, include_in_schema=False)
    async def page_browse(request: Request, page: int = Query(0, ge=0, le=100)):
        if (hit := ctx.cached_page(request)) is not None:
            return hit
        params = _params(request)
        d = await ctx.run(_select, params)
        shown = rows(d.iloc[page * _PAGE:(page + 1) * _PAGE], short=True)
        ids = d["id"].iloc[page * _PAGE:(page + 1) * _PAGE].tolist()
        query = "&".join(f"{k}={v}" for k, v in params.items() if v)
        return ctx.page(request, "record_browse.html", {
            "title": "The record", "rows": list(zip(ids, shown)), "total": len(d),
            "page": page, "pages": (len(d) + _PAGE - 1) // _PAGE, "params": params,
            "query": query})

    @router.get("/record/decisions/{decision_id}", response_class=HTMLResponse,
                include_in_schema=False)
    async def page_decision(request: Request, decision_id: int):
        if (hit := ctx.cached_page(request)) is not None:
            return hit
        d = await ctx.run(_decision, decision_id)
        return ctx.page(request, "record_decision.html", {"title": d["symbol"], "d": d})

    @router.get("/record/states/{state}", response_class=HTMLResponse,
                include_in_schema=False)
    async def page_state(request: Request, state: str):
        if (hit := ctx.cached_page(request)) is not None:
            return hit
        h = await ctx.run(state_history, _record(), resolve_state(state))
        from unsclab.record_browse import year_spans

        return ctx.page(request, "record_state.html", {
            "title": h["name"], "h": h, "years": year_spans(h["years_on_the_council"])})

    @router.get("/record/trends", response_class=HTMLResponse, include_in_schema=False)
    async def page_trends(request: Request):
        if (hit := ctx.cached_page(request)) is not None:
            return hit
        t = await ctx.run(_trends)
        return ctx.page(request, "record_trends.html", {"title": "Trends", "rows": t})

    @router.get("/api/record/decisions", response_model=Envelope, responses=ERRORS,
                summary="Decisions matching the filters")
    async def api_decisions(request: Request):
        return ok(await ctx.run(_listing, tuple(sorted(_params(request).items()))))

    # CSV downloads are not JSON envelopes: kept out of the OpenAPI schema (docs/record.md)
    @router.get("/api/record/decisions.csv", include_in_schema=False)
    async def api_decisions_csv(request: Request):
        return _csv(await ctx.run(_listing, tuple(sorted(_params(request).items()))),
                    "decisions.csv")

    @router.get("/api/record/decisions/{decision_id}", response_model=Envelope, responses=ERRORS,
                summary="One decision with its ballot")
    async def api_decision(decision_id: int):
        return ok(await ctx.run(_decision, decision_id))

    @router.get("/api/record/states/{state}", response_model=Envelope, responses=ERRORS,
                summary="A state's Council history")
    async def api_state(state: str):
        return ok(await ctx.run(state_history, _record(), resolve_state(state)))

    @router.get("/api/record/trends", response_model=Envelope, responses=ERRORS,
                summary="Adopted, vetoed and failed by year")
    async def api_trends():
        return ok(await ctx.run(_trends))

    @router.get("/api/record/trends.csv", include_in_schema=False)
    async def api_trends_csv():
        return _csv(await ctx.run(_trends), "trends.csv")

    return router
