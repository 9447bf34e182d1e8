"""Page: several designs side by side (``/compare``).

The page never waits for catalogue results that are not computed yet: it shows those that are
ready, queues the others (:mod:`unsclab.web.progress`) and says how far they are; the browser
asks again until the table is complete, then the figures are drawn and the page is cached.
"""

from __future__ import annotations

__all__ = ["router"]

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from unsclab.views import SINCE, headline, occupancy_text
from unsclab.web import figures, progress, service
from unsclab.web.context import Context
from unsclab.web.warm import DEFAULT_COMPARE


def _rows(chosen, ready: progress.Ready) -> list[dict]:
    rows = []
    for i in chosen:
        view = ready.views.get(i)
        if view is None:
            d = service.catalog_design(i)
            rows.append({"id": i, "name": d.name, "pending": "power"})
        else:
            rows.append({**headline(view),
                         "pending": "replay" if i in ready.replay_pending else None})
    return rows


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
        chosen = list(dict.fromkeys(i for i in chosen if i in service.catalog_ids())) \
            or ["status-quo"]
        code = state.upper() if states.known_state(state.upper()) else "IND"
        ready = await progress.wait(tuple(chosen))
        views = [ready.views[i] for i in chosen if i in ready.views]
        context = {
            "title": "Compare designs", "rows": _rows(chosen, ready), "since": SINCE,
            "designs": [service.catalog_design(i) for i in chosen],
            "all": service.catalog_summaries(), "chosen": chosen,
            "replays": [v["replay"] for v in views if v["replay"]],
            "replay0": next((v["replay"] for v in views if v["replay"]), None),
            "occupancy": occupancy_text(views[0]["occupancy_method"]) if views else None,
            "notes": sorted({n for v in views for n in v["notes"]}),
            "state": code, "state_name": states.state(code).name,
            "progress": None if ready.complete else ready.counts(len(chosen))}
        if not ready.complete:  # shown as it is, asked again by the browser; never cached
            response = ctx.templates.TemplateResponse(request, "compare.html", context)
            response.headers["Cache-Control"] = "no-store"
            return response
        with_replay = tuple(i for i, v in zip(chosen, views) if v["replay"])
        context.update(
            pareto_svg=await ctx.run(figures.pareto_svg, tuple(chosen)),
            years_svg=await ctx.run(figures.years_svg, tuple(chosen), code),
            replay_svg=await ctx.run(figures.replay_svg, with_replay) if with_replay else None)
        return ctx.page(request, "compare.html", context)

    return router
