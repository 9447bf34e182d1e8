"""Entry point of the ``unsclab`` command.

Each area of the library contributes its commands through a ``register(app)`` function in its own
module under :mod:`unsclab.cli`; this file only assembles them. Modules listed here must keep heavy
imports (numpy, pandas, matplotlib) inside their command functions so the CLI starts quickly.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from unsclab._version import __version__
from unsclab.cli.helptext import humanise
from unsclab.cli.usage import OneLineErrors

# One module per area; each defines ``register(app: typer.Typer) -> None``.
COMMAND_MODULES = (
    "unsclab.cli.designs",
    "unsclab.cli.power",
    "unsclab.cli.compare",
    "unsclab.cli.data",
    "unsclab.cli.data_import",
    "unsclab.cli.record_report",
    "unsclab.cli.record",
    "unsclab.cli.explore",
    "unsclab.cli.report",
    "unsclab.cli.web",
    "unsclab.cli.elections",
    "unsclab.cli.votes",
    "unsclab.cli.replay",
    "unsclab.cli.amend",
)

app = typer.Typer(
    name="unsclab",
    help=(
        "unsclab: a laboratory for the UN Security Council and its reform.\n\n"
        "Declare a council design (or pick a real proposal from the catalogue) and get its "
        "decisions, voting power, representation and history.\n\n"
        "Example: unsclab designs list"
    ),
    no_args_is_help=True,
    cls=OneLineErrors,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"unsclab {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """unsclab: a laboratory for the UN Security Council and its reform."""


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)

# --help names option values in words (YEAR, ISO3, FILE), never by Python type.
humanise(app)


def main() -> None:
    """Run the CLI; any unexpected exception still exits non-zero with one line."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        sys.exit(130)
    except RecursionError:  # pragma: no cover - inputs are depth-checked; a bug if reached
        sys.stderr.write("error: internal error (input nested too deeply); please report it\n")
        sys.exit(1)
    except MemoryError:  # pragma: no cover
        sys.stderr.write("error: out of memory; try a smaller design or fewer draws\n")
        sys.exit(1)
    except Exception as err:  # pragma: no cover - a bug: say so in one line, not a traceback
        if os.environ.get("UNSCLAB_DEBUG"):
            raise
        sys.stderr.write(f"error: internal error ({type(err).__name__}: {err}); please report "
                         "it (UNSCLAB_DEBUG=1 shows the traceback)\n")
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
