"""The unsclab web app: server-rendered pages and a JSON API (FastAPI; optional extra ``web``).

Start it with ``unsclab serve`` or build it with :func:`unsclab.web.app.create_app`. See
``docs/web.md`` for the pages, the API shapes, the error envelope and the limits.
"""

__all__ = ["create_app"]


def create_app(*args, **kwargs):
    """Build the FastAPI application (see :func:`unsclab.web.app.create_app`)."""
    from unsclab.web.app import create_app as _create

    return _create(*args, **kwargs)
