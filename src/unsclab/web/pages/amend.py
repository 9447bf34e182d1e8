"""Page: could a catalogue design pass? (``/designs/{id}/amend``, Charter Art. 108)."""

from __future__ import annotations

__all__ = ["router"]

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unsclab.web import service
from unsclab.web.context import Context
from unsclab.web.params import design_id_param as _id_param


def router(ctx: Context) -> APIRouter:
    router = APIRouter()

    @router.get("/designs/{design_id}/amend", response_class=HTMLResponse,
                include_in_schema=False)
    async def page_amend(request: Request, design_id: str = _id_param()):
        if (hit := ctx.cached_page(request)) is not None:
            return hit
        from unsclab.amend.view import amend_view

        design = service.catalog_design(design_id)
        view = await ctx.run(amend_view, design)
        return ctx.page(request, "amend.html", {"title": f"Could it pass? {design.name}",
                                                "d": design, "a": view})

    return router
