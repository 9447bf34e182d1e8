"""Every error is one envelope: JSON under ``/api/``, an HTML error page elsewhere."""

from __future__ import annotations

__all__ = ["install_error_handlers"]

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from unsclab.errors import Problem, UnsclabError
from unsclab.web.context import Context
from unsclab.web.envelopes import error_response, status_of

log = logging.getLogger("unsclab.web")

#: seconds a client is asked to wait before it asks again after a 503 (RFC 9110, 10.2.3)
RETRY_AFTER = 2


def install_error_handlers(app: FastAPI, ctx: Context) -> None:
    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/")

    def html_error(request: Request, status: int, problems) -> HTMLResponse:
        return ctx.templates.TemplateResponse(request, "error.html", {
            "status": status, "problems": problems, "title": f"Error {status}",
            "retry": RETRY_AFTER if status == 503 else None}, status_code=status)

    @app.exception_handler(UnsclabError)
    async def _unsclab_error(request: Request, err: UnsclabError):
        status = status_of(err)
        response = (html_error(request, status, err.problems) if wants_html(request)
                    else error_response(status, err.problems))
        if status == 503:  # busy or past the deadline: a catalogue computation goes on and is
            response.headers["Retry-After"] = str(RETRY_AFTER)  # kept, so asking again works
        return response

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
        response = error_response(err.status_code, [Problem(message)])
        response.headers.update(err.headers or {})  # e.g. Allow on a 405
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, err: Exception):  # pragma: no cover - a bug
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, [Problem(f"internal error ({type(err).__name__}); "
                                            "please report it")])
