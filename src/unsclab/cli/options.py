"""Options shared by several commands, each with the bounds the library needs.

An option outside its bounds is refused by the parser with one line (see
:class:`~unsclab.cli.usage.OneLineErrors`), before any work starts: ``--seed -1`` used to reach
numpy's seeding and end in a traceback, ``compare --since 3000`` replayed an empty window and
exited 0, ``--occupancy nonsense`` was accepted whenever no unnamed seat needed it.
"""

from __future__ import annotations

__all__ = ["seed_option", "draws_option", "year_option", "choice_option", "FIRST_YEAR",
           "LAST_YEAR", "MAX_SEED", "MAX_DRAWS", "OCCUPANCIES", "HISTORIES"]

from typing import Any

import typer

#: Years of the record of Security Council votes (first meeting 17 January 1946; the record
#: runs to the end of 2025, see ``unsclab data status``).
FIRST_YEAR, LAST_YEAR = 1946, 2025
#: Seeds are what numpy's generators and the web API accept alike: 0 … 2**32 − 1.
MAX_SEED = 2**32 - 1
#: Monte Carlo draws: the default is 1,000; the bound is compare's (``unsclab.api``).
MAX_DRAWS = 100_000
OCCUPANCIES = ("auto", "elections", "uniform")
HISTORIES = ("auto", "yes", "no")


def seed_option(default: int | None = 1, help: str = "Seed of the random generator.") -> Any:
    return typer.Option(default, "--seed", min=0, max=MAX_SEED, help=f"{help} (0 … {MAX_SEED})")


def draws_option(default: int = 1000, help: str = "Monte Carlo draws.") -> Any:
    return typer.Option(default, "--draws", min=1, max=MAX_DRAWS,
                        help=f"{help} (1 … {MAX_DRAWS:,})")


def year_option(name: str, default: int | None, help: str) -> Any:
    """A year of the record (``--since``, ``--until``)."""
    return typer.Option(default, name, min=FIRST_YEAR, max=LAST_YEAR,
                        help=f"{help} ({FIRST_YEAR} … {LAST_YEAR})")


def choice_option(name: str, default: str, choices: tuple[str, ...], help: str) -> Any:
    """An option that takes one of ``choices``, checked even when the command does not need it."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in choices:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return typer.Option(default, name, callback=check, help=help)
