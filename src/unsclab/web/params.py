"""Path and query parameters shared by pages and the API."""

from __future__ import annotations

__all__ = ["DESIGN_ID", "design_id_param"]

#: a catalogue id: lower-case letters, digits and hyphens
DESIGN_ID = r"^[a-z0-9][a-z0-9-]*$"


def design_id_param():
    from fastapi import Path as PathParam

    return PathParam(..., pattern=DESIGN_ID, max_length=80, description="A catalogue id.")
