"""The HTML pages, one module per subject; each ``router(ctx)`` returns its routes."""

from __future__ import annotations

__all__ = ["PAGE_MODULES"]

#: the page modules, in menu order; a new page adds its module here
PAGE_MODULES = ("unsclab.web.pages.designs", "unsclab.web.pages.compare",
                "unsclab.web.pages.editor", "unsclab.web.pages.amend",
                "unsclab.web.pages.record", "unsclab.web.pages.tools")
