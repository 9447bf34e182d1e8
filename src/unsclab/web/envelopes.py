"""The JSON contract of the API: the two envelopes, the error statuses, the body-size limit.

- success: ``{"ok": true, "data": ...}`` with HTTP 200;
- error: ``{"ok": false, "error": {"status": int, "message": str, "problems": [{"message",
  "field", "line", "file"}]}}`` with a 4xx (or 503 on timeout) status. ``message`` joins the
  problems one per line, exactly as the CLI prints them (and as the CLI prints under ``--json``:
  :func:`unsclab.errors.error_envelope`); ``problems`` lists them one by one.

Every user error is an :class:`~unsclab.errors.UnsclabError`, mapped to a status by
:func:`status_of`: an unknown design 404, a design over the work limits 413, an invalid design
422, anything else 400.
"""

from __future__ import annotations

__all__ = ["ProblemOut", "ErrorBody", "ErrorEnvelope", "Envelope", "ERRORS", "BodyTooLarge",
           "Timeout", "status_of", "error_response", "ok", "BodyLimit"]

from typing import Any, Literal

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from unsclab.errors import Problem, UnsclabError
from unsclab.web import service
from unsclab.web.service import UnknownDesign, WorkLimitError

# -- the two envelopes (also in the OpenAPI schema) -------------------------------------------


class ProblemOut(BaseModel):
    message: str = Field(description="What is wrong and what was expected.")
    field: str | None = Field(None, description="The field concerned, e.g. 'rule.quota' or "
                                                "'seats[2].count' (1-based).")
    line: int | None = Field(None, description="Line in the posted TOML, where known.")
    file: str | None = Field(None, description="'request' for a posted design.")


class ErrorBody(BaseModel):
    status: int
    message: str = Field(description="Every problem, one per line, as the CLI prints them.")
    problems: list[ProblemOut]


class ErrorEnvelope(BaseModel):
    """Every error response of the API."""

    ok: Literal[False] = False
    error: ErrorBody


class Envelope(BaseModel):
    """Every successful response of the API."""

    ok: Literal[True] = True
    data: Any


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorEnvelope, "description": text}
    for code, text in (
        (400, "Bad request"),
        (404, "No such design"),
        (413, "Body or requested work over the limits"),
        (415, "Body of a type other than JSON or TOML"),
        (422, "Invalid design or parameters"),
        (503, "Timed out or server busy"),
    )
}


class BodyTooLarge(UnsclabError):
    """The request body is larger than the server accepts (HTTP 413)."""


class Timeout(UnsclabError):
    """The computation took longer than the server allows (HTTP 503)."""


def status_of(err: UnsclabError) -> int:
    if isinstance(err, UnknownDesign):
        return 404
    if isinstance(err, (WorkLimitError, BodyTooLarge)):
        return 413
    if isinstance(err, Timeout):
        return 503
    if isinstance(err, service.UnsupportedMedia):
        return 415
    from unsclab.errors import DesignError

    if isinstance(err, DesignError):
        return 422
    return 400


def error_response(status: int, problems: list[Problem] | tuple[Problem, ...]) -> JSONResponse:
    body = ErrorEnvelope(error=ErrorBody(
        status=status,
        message="\n".join(str(p) for p in problems),
        problems=[ProblemOut(message=p.message, field=p.field, line=p.line, file=p.file)
                  for p in problems],
    ))
    return JSONResponse(body.model_dump(), status_code=status)


def ok(data: Any) -> JSONResponse:
    return JSONResponse({"ok": True, "data": data})


# -- body size limit (pure ASGI, before any body is read) -------------------------------------


class BodyLimit:
    """Refuse bodies over ``limit`` bytes: by Content-Length at once, else while streaming."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.limit
            except ValueError:
                too_big = False
            if too_big:
                resp = error_response(413, [Problem(
                    f"the request body has {int(length)} bytes; this server accepts at most "
                    f"{self.limit}", field="body")])
                return await resp(scope, receive, send)
        seen = 0
        limit = self.limit

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(f"the request body exceeds {limit} bytes", field="body")
            return message

        return await self.app(scope, counted, send)
