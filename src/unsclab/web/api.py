"""The JSON API under ``/api/``: the catalogue, results, comparisons, posted designs, figures.

Every answer is an envelope (:mod:`unsclab.web.envelopes`); CPU-heavy work runs through
:meth:`unsclab.web.context.Context.run` (thread pool, bounded, with a timeout).
"""

from __future__ import annotations

__all__ = ["api_router"]

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from unsclab.views import DRAWS, SEED, SINCE, headline
from unsclab.web import service
from unsclab.web.context import Context
from unsclab.web.envelopes import ERRORS, BodyTooLarge, Envelope, ok
from unsclab.web.params import design_id_param as _id_param


def api_router(ctx: Context) -> APIRouter:
    """The API's routes, bound to the app's :class:`Context`."""
    router = APIRouter()

    @router.get("/api/designs", response_model=Envelope, responses=ERRORS, tags=["designs"],
             summary="The catalogue (as `unsclab designs list --json`)")
    async def api_designs():
        return ok(list(service.catalog_summaries()))

    @router.get("/api/designs/{design_id}", response_model=Envelope, responses=ERRORS,
             tags=["designs"], summary="One design in full (as `unsclab designs show --json`)")
    async def api_design(design_id: str = _id_param()):
        from unsclab.designs import design_to_dict

        design = service.catalog_design(design_id)
        return ok({**design_to_dict(design), "size": design.size})

    @router.get("/api/designs/{design_id}/power", response_model=Envelope, responses=ERRORS,
             tags=["results"], summary="Voting power by seat class, group and state")
    async def api_power(design_id: str = _id_param()):
        service.catalog_design(design_id)
        view = await ctx.run(service.catalog_view, design_id)
        return ok({k: view[k] for k in ("design", "power", "groups", "representation",
                                        "states", "blocs", "engine", "notes")})

    @router.get("/api/designs/{design_id}/results", response_model=Envelope, responses=ERRORS,
             tags=["results"], summary="Everything computed for a design")
    async def api_results(design_id: str = _id_param()):
        service.catalog_design(design_id)
        return ok(await ctx.run(service.catalog_view, design_id))

    @router.get("/api/designs/{design_id}/replay", response_model=Envelope, responses=ERRORS,
             tags=["results"], summary="History replayed under a design (when available)")
    async def api_replay(design_id: str = _id_param(),
                         draws: int = Query(DRAWS, ge=1, le=ctx.limits.max_draws,
                                            description="Monte Carlo draws (bounded)."),
                         seed: int = Query(SEED, ge=0, le=2**32 - 1,
                                           description="Seed of the draws."),
                         since: int = Query(SINCE, ge=1946, le=2025,
                                            description="First year of the totals.")):
        service.catalog_design(design_id)
        view = await ctx.run(service.catalog_view, design_id)
        if (draws, seed, since) == (DRAWS, SEED, SINCE):  # the page's: cached with the view
            replay = view["replay"]
            notes = [n for n in view["notes"] if "replay" in n.lower()]
        else:
            other = await ctx.run(service.replay_of, design_id, since, draws, seed)
            replay, notes = other["replay"], other["notes"]
        return ok({"design": view["design"], "since": since, "draws": draws, "seed": seed,
                   "replay": replay, "notes": notes})

    @router.get("/api/compare", response_model=Envelope, responses=ERRORS, tags=["results"],
             summary="Headline numbers of several catalogue designs")
    async def api_compare(ids: list[str] = Query(..., min_length=1,
                                                  max_length=ctx.limits.max_compare,
                                                  description="Catalogue ids.")):
        rows = [headline(await ctx.run(service.catalog_view, service.catalog_design(i).id))
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
            if size > ctx.limits.max_body_bytes:
                raise BodyTooLarge(f"the request body exceeds {ctx.limits.max_body_bytes} bytes",
                                   field="body")
            chunks.append(chunk)
        return b"".join(chunks)

    async def posted_design(request: Request, body: bytes | None = None):
        if body is None:
            body = await read_body(request)
        design = service.parse_posted_design(body, request.headers.get("content-type", ""))
        service.check_work(design, ctx.limits)
        return design

    @router.post("/api/evaluate", response_model=Envelope, responses=ERRORS, tags=["results"],
              summary="Results of a posted design (JSON or TOML)", openapi_extra=body_doc)
    async def api_evaluate(request: Request,
                           replay: bool = Query(False, description="Also replay the record "
                                                "under the design (about a second).")):
        from unsclab.designs import design_to_dict, design_to_toml

        body = await read_body(request)
        key = (request.headers.get("content-type", ""), body, replay)
        if (hit := ctx.answers.get(key)) is not None:
            return Response(hit, media_type="application/json")
        design = await posted_design(request, body)
        view = await (ctx.run_isolated(service.view_of, design, True) if replay
                      else ctx.run_isolated(service.view_of, design))
        response = ok({"design": {**design_to_dict(design), "size": design.size},
                       "toml": design_to_toml(design), "results": view})
        ctx.answers.put(key, response.body)
        return response

    @router.post("/api/figures/seats", response_model=Envelope, responses=ERRORS, tags=["figures"],
              summary="Seat diagram of a posted design, as inline SVG", openapi_extra=body_doc)
    async def api_seats_figure(request: Request):
        design = await posted_design(request)
        return ok({"svg": await ctx.run_isolated(service.seat_svg, design)})

    @router.get("/api/limits", response_model=Envelope, tags=["server"],
             summary="The limits this server enforces")
    async def api_limits():
        return ok(ctx.limits.as_dict())

    return router
