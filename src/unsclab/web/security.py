"""What keeps a local ``unsclab serve`` from being used by other web sites.

A page on any site can make its visitor's browser send requests to ``http://127.0.0.1:8000``.
Three rules close that door (pure ASGI, before any route runs):

- **Host check** (DNS rebinding): only requests whose ``Host`` header names this server are
  answered — by default the loopback names (``localhost``, ``127.0.0.1``, ``[::1]``); ``unsclab
  serve --allow-host NAME`` adds others. Anything else is a 400 naming the host.
- **Content types** (CSRF): a browser may post ``text/plain`` or a form to another origin
  without asking, but never ``application/json`` or ``application/toml``; so a body of any other
  type is a 415 (the check is in :func:`unsclab.web.service.parse_posted_design`).
- **Headers** on every response: a Content-Security-Policy that allows only this server's own
  scripts and no framing (``frame-ancestors 'none'``, and ``X-Frame-Options: DENY`` for older
  browsers), ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer``.

``OPTIONS`` is answered with the methods of the route (``Allow``), and a 405 carries ``Allow``
too (RFC 9110, 15.5.6).
"""

from __future__ import annotations

__all__ = ["LOOPBACK_HOSTS", "SecurityHeaders", "SECURITY_HEADERS", "allowed_methods"]

from collections.abc import Iterable

from starlette.routing import Match, Mount

from unsclab.errors import Problem

#: Names of this machine that a browser uses for a local server.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")

#: Sent with every response. Inline styles stay allowed: the figures are inline SVG, which
#: carries its own <style>; scripts come only from /static.
SECURITY_HEADERS = (
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
     b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def _host_name(value: str) -> str:
    """``example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``[::1]``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value.split("]", 1)[0] + "]"
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(app, scope) -> list[str]:
    """The methods the app's routes answer at this path (for ``Allow``): each method is probed
    with the routes' own ``matches``, so included routers need no special handling."""
    methods: set[str] = set()
    for route in getattr(app, "routes", ()):
        for method in _METHODS:
            match, _ = route.matches({**scope, "method": method})
            if match == Match.FULL:
                # a mount (the static files) matches any method but serves only GET and HEAD
                methods |= {"GET", "HEAD"} if isinstance(route, Mount) else {method}
    return sorted(methods | ({"OPTIONS"} if methods else set()))


class SecurityHeaders:
    """The host check, ``OPTIONS``, ``Allow`` on 405 and the security headers (ASGI)."""

    def __init__(self, app, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.hosts = {_host_name(h) for h in allowed_hosts}
        self.any_host = "*" in self.hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        from unsclab.web.envelopes import error_response

        headers = dict(scope.get("headers") or [])
        host = _host_name(headers.get(b"host", b"").decode("latin-1"))
        if not self.any_host and host not in self.hosts:
            resp = error_response(400, [Problem(
                f"this server answers requests for {', '.join(sorted(self.hosts))}, not "
                f"{host or 'a request without a Host header'}; start it with "
                "'unsclab serve --allow-host NAME' to serve another name", field="Host")])
            return await resp(scope, receive, self._with_headers(send, scope))
        if scope["method"] == "OPTIONS":
            methods = allowed_methods(scope.get("app"), scope)
            if methods:
                return await self._options(scope, receive, send, methods)
        return await self.app(scope, receive, self._with_headers(send, scope))

    async def _options(self, scope, receive, send, methods) -> None:
        from starlette.responses import Response

        resp = Response(status_code=204, headers={"Allow": ", ".join(methods)})
        await resp(scope, receive, self._with_headers(send, scope))

    def _with_headers(self, send, scope):
        async def wrapped(message):
            if message["type"] == "http.response.start":
                extra = list(SECURITY_HEADERS)
                names = {k.lower() for k, _ in message.get("headers", [])}
                if message["status"] == 405 and b"allow" not in names:
                    methods = allowed_methods(scope.get("app"), scope)
                    extra.append((b"allow", ", ".join(methods).encode("latin-1")))
                message = {**message, "headers": [*message.get("headers", []),
                                                  *[(k, v) for k, v in extra if k not in names]]}
            await send(message)
        return wrapped
