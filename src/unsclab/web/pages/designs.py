"""Pages: the catalogue (``/``) and one design (``/designs/{id}``)."""

from __future__ import annotations

__all__ = ["router"]

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unsclab.views import occupancy_text
from unsclab.web import figures, service
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
        view = await ctx.run(service.catalog_view, design_id)
        svg = await ctx.run(service.seat_svg, design)
        group_svg = await ctx.run(figures.group_svg, design_id, view) if view["groups"] else None
        replay_svg = await ctx.run(figures.replay_svg, (design_id,)) if view["replay"] else None
        return ctx.page(request, "design.html", {
            "title": design.name, "d": design, "v": view, "seat_svg": svg,
            "group_svg": group_svg, "replay_svg": replay_svg,
            "occupancy": occupancy_text(view["occupancy_method"])})

    return router
