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
) -> None:
    """Serve the web app: catalogue, design pages, comparison, editor and the JSON API.

    Example: unsclab serve --port 8000   (then open http://127.0.0.1:8000/)
    """
    try:
        import uvicorn

        import unsclab.web.app  # noqa: F401  (fails early when fastapi is missing)
    except ModuleNotFoundError as err:
        raise fail(f"the web app needs the 'web' extra ({err.name} is not installed); "
                   "install it with: pip install 'unsclab[web]'") from None
    if workers > 1:
        uvicorn.run("unsclab.web.app:create_app", factory=True, host=host, port=port,
                    workers=workers, log_level=log_level)
    else:
        from unsclab.web.app import create_app

        uvicorn.run(create_app(), host=host, port=port, log_level=log_level)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
