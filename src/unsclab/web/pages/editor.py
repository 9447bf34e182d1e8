"""Page: the design editor (``/editor``), live results through ``POST /api/evaluate``."""

from __future__ import annotations

__all__ = ["router"]

import json

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from unsclab.web import service
from unsclab.web.context import Context


def router(ctx: Context) -> APIRouter:
    router = APIRouter()

    @router.get("/editor", response_class=HTMLResponse, include_in_schema=False)
    async def page_editor(request: Request, start: str = Query("status-quo", alias="from",
                                                                max_length=80)):
        from unsclab.designs import design_to_dict, design_to_toml
        from unsclab.groups import GROUPS, OPEN

        if (hit := ctx.cached_page(request)) is not None:
            return hit
        design = service.catalog_design(start if start in service.catalog_ids() else "status-quo")
        view = await ctx.run(service.catalog_view, design.id)
        return ctx.page(request, "editor.html", {
            "title": "Design editor", "d": design, "v": view,
            "design_json": json.dumps(design_to_dict(design)).replace("</", "<\\/"),
            "toml": design_to_toml(design), "all": service.catalog_summaries(),
            "groups": (*GROUPS, OPEN), "kinds": ("permanent", "long-term", "elected"),
            "seat_svg": await ctx.run(service.seat_svg, design)})

    return router
