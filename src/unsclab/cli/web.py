"""CLI: ``unsclab serve`` — the web app (pages and JSON API) on a local port."""

from __future__ import annotations

import typer

from unsclab.cli.common import fail, user_errors


@user_errors
def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level."),
    allow_host: list[str] = typer.Option(
        [], "--allow-host", help="Also answer requests for this host name (repeatable; the "
        "loopback names are always served). Needed with --host 0.0.0.0, e.g. --allow-host "
        "council.example.org."),
) -> None:
    """Serve the web app: catalogue, design pages, comparison, editor and the JSON API.

    Only requests for the loopback names (localhost, 127.0.0.1, [::1]) are answered unless
    --allow-host adds others, so other web sites cannot reach the server through a visitor's
    browser.

    Example: unsclab serve --port 8000   (then open http://127.0.0.1:8000/)
    """
    import os
    try:
        import uvicorn

        import unsclab.web.app  # noqa: F401  (fails early when fastapi is missing)
    except ModuleNotFoundError as err:
        raise fail(f"the web app needs the 'web' extra ({err.name} is not installed); "
                   "install it with: pip install 'unsclab[web]'") from None
    from unsclab.web.serving import uvicorn_settings

    hosts = [h.strip() for h in allow_host if h.strip()]
    settings = uvicorn_settings(log_level)
    if workers > 1:  # each worker builds its app: the settings travel in the environment
        os.environ["UNSCLAB_ALLOWED_HOSTS"] = ",".join(hosts)
        os.environ["UNSCLAB_WARM"] = "1"  # compute the catalogue's results at start-up
        uvicorn.run("unsclab.web.app:create_app", factory=True, host=host, port=port,
                    workers=workers, **settings)
    else:
        from unsclab.web.app import create_app

        uvicorn.run(create_app(allowed_hosts=hosts, warm=True), host=host, port=port,
                    **settings)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
