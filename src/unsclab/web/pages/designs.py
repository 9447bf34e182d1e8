"""Pages: the catalogue (``/``) and one design (``/designs/{id}``; shown as its results are
computed, like the comparison: :mod:`unsclab.web.progress`)."""

from __future__ import annotations

__all__ = ["router"]

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unsclab.views import occupancy_text, seat_classes
from unsclab.web import figures, progress, service
from unsclab.web.context import Context
from unsclab.web.params import design_id_param as _id_param


def router(ctx: Context) -> APIRouter:
    router = APIRouter()

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page_catalogue(request: Request):
        if (hit := ctx.cached_page(request)) is not None:
            return hit
        return ctx.page(request, "catalogue.html", {
            "title": "Catalogue", "designs": service.catalog_summaries()})

    @router.get("/designs/{design_id}", response_class=HTMLResponse, include_in_schema=False)
    async def page_design(request: Request, design_id: str = _id_param()):
        if (hit := ctx.cached_page(request)) is not None:
            return hit
        design = service.catalog_design(design_id)
        ready = await progress.wait((design_id,))
        if not ready.complete:  # shown as it is, asked again by the browser; never cached
            view = ready.views.get(design_id)
            response = ctx.templates.TemplateResponse(request, "design.html", {
                "title": design.name, "d": design, "v": view,
                "seat_view": {"seat_classes": seat_classes(design)}, "progress": ready.counts(1), "occupancy": occupancy_text(
                    view["occupancy_method"] if view else None)})
            response.headers["Cache-Control"] = "no-store"
            return response
        view = ready.views[design_id]
        svg = await ctx.run(service.seat_svg, design)
        group_svg = await ctx.run(figures.group_svg, design_id, view) if view["groups"] else None
        replay_svg = await ctx.run(figures.replay_svg, (design_id,)) if view["replay"] else None
        return ctx.page(request, "design.html", {
            "title": design.name, "d": design, "v": view, "seat_svg": svg,
            "group_svg": group_svg, "replay_svg": replay_svg,
            "occupancy": occupancy_text(view["occupancy_method"])})

    return router
