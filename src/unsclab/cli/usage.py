"""Usage errors in one line.

click answers a bad option with three lines (``Usage: …``, ``Try … --help``, ``Error: …``);
unsclab's rule for bad input is one line and a non-zero exit, the same as for a bad design file.
:class:`OneLineErrors` is the command group of the ``unsclab`` app: it prints
``error: <what click found> (see '<command> --help')`` and exits 2, as click does.
"""

from __future__ import annotations

__all__ = ["OneLineErrors"]

import os
import sys
from typing import Any

import typer
import typer.core


class OneLineErrors(typer.core.TyperGroup):
    """The root group: click's usage errors as one line on stderr."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        # typer's exceptions (its own copy of click's) all derive from the public TyperException
        except typer.TyperException as err:
            if type(err).__name__ == "NoArgsIsHelpError":  # a bare group: its help, as click
                err.show()  # type: ignore[attr-defined]
                sys.exit(2)
            ctx = getattr(err, "ctx", None)
            where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            sys.stderr.write(f"error: {err.format_message()}{where}\n")
            sys.exit(getattr(err, "exit_code", 2))
        except typer.Abort:
            sys.stderr.write("error: aborted\n")
            sys.exit(1)
        except BrokenPipeError:  # output piped into `head`: not an error of the command
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)
