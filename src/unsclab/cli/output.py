"""How commands write their tables: ``--format table|csv|markdown|latex|json``, ``--out FILE``.

A command builds :class:`unsclab.tables.Table` objects (columns described by
:class:`~unsclab.tables.Column`, rows as dicts of raw values) and hands them to :func:`emit`,
which draws them to fit the terminal, or writes CSV, Markdown, LaTeX or the command's JSON
document — to stdout, or atomically to ``--out FILE`` (format from the extension).
``--explain`` prints the definition of every column; :func:`progress` and :func:`status` show
that a long command is working.
"""

from __future__ import annotations

__all__ = ["Column", "Table", "Target", "target", "FORMATS", "emit", "resolve_format",
           "format_option", "out_option", "explain_option", "progress", "status"]

import io
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from unsclab.errors import UnsclabError
from unsclab.tables import Column, Table, fit, to_csv, to_latex, to_markdown

FORMATS = ("table", "csv", "markdown", "latex", "json")
_EXTENSIONS = {".csv": "csv", ".md": "markdown", ".markdown": "markdown", ".tex": "latex",
               ".json": "json", ".txt": "table"}


def format_option():
    return typer.Option("table", "--format", "-f", metavar="FORMAT",
                        help="Output format: table, csv, markdown, latex or json.")


def out_option():
    return typer.Option(None, "--out", "-o", metavar="FILE",
                        help="Write to this file instead of the terminal; the format follows "
                             "its extension (.csv, .md, .tex, .json, .txt).")


def explain_option():
    return typer.Option(False, "--explain", help="Define every column below the tables.")


# -- choosing the format ------------------------------------------------------------------------


def resolve_format(fmt: str, out: str | None, as_json: bool = False) -> str:
    """The format to write: ``--json`` wins, then an explicit ``--format``, then the extension of
    ``--out``; one-line errors for an unknown format or extension."""
    fmt = (fmt or "table").strip().lower()
    if fmt not in FORMATS:
        raise UnsclabError(f"{fmt!r} is not a format; expected one of {', '.join(FORMATS)}",
                           field="--format")
    if as_json:
        return "json"
    if out is not None and fmt == "table":
        ext = Path(out).suffix.lower()
        if ext not in _EXTENSIONS:
            raise UnsclabError(f"cannot tell the format from the extension {ext or '(none)'!r}; "
                               f"expected one of {', '.join(_EXTENSIONS)} or --format",
                               file=out, field="--out")
        return _EXTENSIONS[ext]
    return fmt


@dataclass(frozen=True)
class Target:
    """Where and how a command writes its tables (from ``--format``, ``--out``, ``--explain``)."""

    fmt: str = "table"
    out: str | None = None
    explain: bool = False

    @property
    def json(self) -> bool:
        return self.fmt == "json"

    def emit(self, tables: Sequence[Table], **kwargs: Any) -> None:
        emit(tables, fmt=self.fmt, out=self.out, explain=self.explain, **kwargs)


def target(fmt: str = "table", out: str | None = None, as_json: bool = False,
           explain: bool = False) -> Target:
    """The :class:`Target` of a command's options (checked: one-line errors)."""
    return Target(resolve_format(fmt, out, as_json), out, explain)


# -- writing ------------------------------------------------------------------------------------


def emit(tables: Sequence[Table], *, fmt: str = "table", out: str | None = None,
         json_payload: Any = None, explain: bool = False, preamble: Sequence[str] = (),
         notes: Sequence[str] = ()) -> None:
    """Write ``tables`` in ``fmt`` to stdout or ``out``.

    ``json_payload`` is the command's JSON document (default: each table's rows); ``preamble``
    are lines before the tables and ``notes`` lines after them (table and markdown only).
    """
    if fmt == "json":
        from unsclab.cli.common import json_text

        payload = json_payload if json_payload is not None else (
            [t.rows for t in tables] if len(tables) != 1 else list(tables[0].rows))
        _write(json_text(payload), out)
    elif fmt == "csv":
        _write(to_csv(tables), out)
    elif fmt == "markdown":
        _write(to_markdown(tables, preamble, notes, explain), out)
    elif fmt == "latex":
        _write(to_latex(tables), out)
    else:
        _write_rich(tables, out, preamble, notes, explain)


def _write(text: str, out: str | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    from unsclab._files import output_file

    with output_file(out, field="--out") as tmp:
        tmp.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {out}\n")


# -- terminal tables ----------------------------------------------------------------------------


def _write_rich(tables, out, preamble, notes, explain) -> None:
    from rich.console import Console

    from unsclab.cli.common import console

    if out is not None:
        buf = io.StringIO()
        con = Console(file=buf, width=100, highlight=False, color_system=None)
    else:
        con, buf = console(), None
    for line in preamble:
        con.print(line)
    for k, t in enumerate(tables):
        legend: dict[str, str] = {}
        for i, piece in enumerate(fit(t, con.width, legend)):
            if i % 2 == 0 and (k or i or preamble):  # a blank line before every title
                con.print()
            # a table laid out as lines (tables.fit, block columns) is printed as it is
            con.print(piece, soft_wrap=getattr(piece, "no_wrap", None) is True)
        if legend:
            con.print("Abbreviations: " + "; ".join(f"{k} = {v}" for k, v in legend.items()),
                      markup=False, style="dim")
        for n in t.notes:
            _print_note(con, n)
    for n in notes:
        _print_note(con, n)
    _definitions(con, tables, explain)
    if buf is not None:
        _write(buf.getvalue(), out)


def _print_note(con, text: str) -> None:
    """A note wrapped at spaces only: a word longer than the line (a URL) is printed whole,
    so that it can be copied and the terminal still recognises it as a link."""
    import textwrap

    body = text.lstrip(" ")
    indent = " " * (len(text) - len(body))
    lines = textwrap.wrap(body, width=max(20, con.width), initial_indent=indent,
                          subsequent_indent=indent + "  ", break_long_words=False,
                          break_on_hyphens=False) or [""]
    for line in lines:
        con.print(line, markup=False, soft_wrap=True)


def _definitions(con, tables, explain: bool) -> None:
    defined = {}
    for t in tables:
        for c in t.columns:
            if c.definition and c.header not in defined:
                defined[c.header] = c.definition
    if not defined:
        return
    if explain:
        for name, text in defined.items():
            con.print(f"{name}: {text}", markup=False)
    else:
        con.print("--explain defines every column.", style="dim", markup=False)


# -- progress -----------------------------------------------------------------------------------


def progress(items: Iterable[Any], description: str, total: int | None = None) -> Iterator[Any]:
    """Iterate ``items`` with a rich progress bar on stderr (only on a terminal; transient)."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeElapsedColumn

    items = list(items) if total is None else items
    total = len(items) if total is None else total  # type: ignore[arg-type]
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)


def status(description: str):
    """A spinner on stderr while one long step runs (a no-op context when not on a terminal)."""
    from contextlib import nullcontext

    if not sys.stderr.isatty():
        return nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(description)
