"""The FastAPI application: pages under ``/``, the JSON API under ``/api/``.

The JSON contract (pinned by ``tests/web/test_envelopes.py``; see ``docs/web.md``) lives in
:mod:`unsclab.web.envelopes`; routes share limits, templates, caches and the job runner through
:class:`unsclab.web.context.Context`. The API is :mod:`unsclab.web.api`; each page subject is a
module of :mod:`unsclab.web.pages`. Request bodies are bounded (413), CPU-heavy work runs in a
thread pool behind a semaphore with a timeout (503), and catalogue results are cached. The app
never writes a file.
"""

from __future__ import annotations

__all__ = ["create_app", "error_response", "ErrorEnvelope", "ErrorBody", "ProblemOut",
           "Envelope"]

import importlib
import os
from collections.abc import Sequence

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from unsclab._version import __version__
from unsclab.web.api import api_router
from unsclab.web.compute import RequestDeadline
from unsclab.web.context import HERE, Context
from unsclab.web.fastpath import AnswerCache
from unsclab.web.envelopes import (
    BodyLimit,
    Envelope,
    ErrorBody,
    ErrorEnvelope,
    ProblemOut,
    error_response,
)
from unsclab.web.handlers import install_error_handlers
from unsclab.web.pages import PAGE_MODULES
from unsclab.web.security import LOOPBACK_HOSTS, SecurityHeaders
from unsclab.web.service import DEFAULT_LIMITS, Limits


def create_app(limits: Limits = DEFAULT_LIMITS,
               allowed_hosts: Sequence[str] | None = None, warm: bool | None = None) -> FastAPI:
    """Build the app. ``limits`` bounds the work of one request (see :class:`Limits`);
    ``allowed_hosts`` are the names it answers to (default: ``UNSCLAB_ALLOWED_HOSTS``,
    comma-separated, else the loopback names; ``"*"`` for any). ``warm`` computes the
    catalogue's results in the background at start-up (:mod:`unsclab.web.warm`; default:
    ``UNSCLAB_WARM=1``, which ``unsclab serve`` sets)."""
    app = FastAPI(
        title="unsclab",
        version=__version__,
        description=(
            "Voting power, representation and history of UN Security Council designs. "
            "Successful responses are {\"ok\": true, \"data\": ...}; errors are "
            "{\"ok\": false, \"error\": {\"status\", \"message\", \"problems\": [...]}}."
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,  # /api/docs is served by pages/tools.py with local Swagger UI assets
        redoc_url=None,
    )
    if warm if warm is not None else os.environ.get("UNSCLAB_WARM") == "1":
        from unsclab.web import warm as warming

        app.router.on_startup.append(warming.start)
    app.state.limits = limits
    ctx = Context(limits)
    app.state.context = ctx
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    install_error_handlers(app, ctx)
    app.include_router(api_router(ctx))
    for name in PAGE_MODULES:
        app.include_router(importlib.import_module(name).router(ctx))
    app.add_middleware(BodyLimit, limit=limits.max_body_bytes)
    app.add_middleware(RequestDeadline, seconds=limits.timeout_seconds)  # a page's total time
    app.add_middleware(AnswerCache)  # answers given before, given again without routing
    app.add_middleware(SecurityHeaders, allowed_hosts=_hosts(allowed_hosts))  # outermost
    return app


def _hosts(allowed: Sequence[str] | None) -> tuple[str, ...]:
    if allowed is None:
        env = os.environ.get("UNSCLAB_ALLOWED_HOSTS", "")
        allowed = [h for h in env.split(",") if h.strip()]
    return (*LOOPBACK_HOSTS, *allowed)
