"""Page: several designs side by side (``/compare``)."""

from __future__ import annotations

__all__ = ["router"]

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from unsclab.views import headline, occupancy_text
from unsclab.web import figures, service
from unsclab.web.context import Context
from unsclab.web.warm import DEFAULT_COMPARE


def router(ctx: Context) -> APIRouter:
    router = APIRouter()

    @router.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def page_compare(request: Request,
                           ids: list[str] = Query([], max_length=ctx.limits.max_compare),
                           state: str = Query("IND", max_length=3)):
        from unsclab import states

        if (hit := ctx.cached_page(request)) is not None:
            return hit
        chosen = ids or list(DEFAULT_COMPARE)
        chosen = [i for i in chosen if i in service.catalog_ids()] or ["status-quo"]
        designs = [service.catalog_design(i) for i in chosen]
        views = [await ctx.run(service.catalog_view, i) for i in chosen]
        code = state.upper() if states.known_state(state.upper()) else "IND"
        pareto = await ctx.run(figures.pareto_svg, tuple(chosen))
        years = await ctx.run(figures.years_svg, tuple(chosen), code)
        with_replay = tuple(i for i, v in zip(chosen, views) if v["replay"])
        replay_svg = await ctx.run(figures.replay_svg, with_replay) if with_replay else None
        rows = [headline(v) for v in views]
        return ctx.page(request, "compare.html", {
            "title": "Compare designs", "rows": rows,
            "designs": designs, "all": service.catalog_summaries(), "chosen": chosen,
            "pareto_svg": pareto, "years_svg": years, "replay_svg": replay_svg,
            "replay0": next((v["replay"] for v in views if v["replay"]), None),
            "replays": [v["replay"] for v in views if v["replay"]],
            "occupancy": occupancy_text(views[0]["occupancy_method"]),
            "notes": sorted({n for v in views for n in v["notes"]}),
            "state": code, "state_name": states.state(code).name})

    return router
