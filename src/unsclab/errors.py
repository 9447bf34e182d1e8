"""Errors that unsclab reports to users.

Every error a user can cause (a malformed design, a ballot that does not fit, a missing or
corrupt data file, an impossible game) is an :class:`UnsclabError`. Its ``str()`` is one line
that names the file, the line where known, the field and what was expected, so the CLI can print
it as is: no traceback, non-zero exit.
"""

from __future__ import annotations

__all__ = [
    "UnsclabError",
    "DesignError",
    "BallotError",
    "DataError",
    "GameError",
    "Problem",
    "error_envelope",
]

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in an input: where it is and what was expected."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "")
        parts = [p for p in (where, self.field) if p]
        prefix = ": ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message


class UnsclabError(Exception):
    """Base class of every error unsclab reports to a user.

    ``problems`` holds one :class:`Problem` per thing wrong (a design file may have several);
    ``str(error)`` joins them one per line. ``status`` is the HTTP status the web API answers
    it with (and the ``status`` of :func:`error_envelope`).
    """

    status: int = 400

    def __init__(
        self,
        message: str | None = None,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        problems: list[Problem] | tuple[Problem, ...] | None = None,
    ) -> None:
        if problems is None:
            problems = [Problem(message or "", file=file, line=line, field=field)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class DesignError(UnsclabError):
    """A council design that cannot be loaded or does not validate."""

    status = 422


class BallotError(UnsclabError):
    """A ballot that does not fit the design it is decided under."""


class DataError(UnsclabError):
    """A data file that is missing, corrupt, or holds something unexpected."""


class GameError(UnsclabError):
    """A voting game that is malformed or too large to compute exactly."""


def error_envelope(err: UnsclabError, status: int | None = None) -> dict:
    """The error document of the web API and of the CLI under ``--json``:
    ``{"ok": false, "error": {"status", "message", "problems": [{"message", "field", "line",
    "file"}]}}``; ``message`` joins the problems one per line, as the CLI prints them."""
    return {"ok": False, "error": {
        "status": err.status if status is None else status,
        "message": "\n".join(str(p) for p in err.problems),
        "problems": [{"message": p.message, "field": p.field, "line": p.line, "file": p.file}
                     for p in err.problems],
    }}
