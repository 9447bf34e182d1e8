"""Tables as unsclab shows them: columns with a name, a unit and a definition; rows of values.

A :class:`Table` is what a command prints and what the Python API returns beside its DataFrame.
It renders to a terminal of any width (:func:`fit`: headers wrap, then abbreviate with a legend,
then the columns are stacked in several tables repeating the key column; numbers are never cut),
to CSV (values in the unit of the header, full precision), Markdown pipe tables, LaTeX
(``booktabs``) and HTML (for notebooks and the web). Names, units and definitions come from
:mod:`unsclab.quantities`.
"""

from __future__ import annotations

__all__ = ["Column", "Table", "fit", "to_csv", "to_markdown", "to_latex", "to_html",
           "latex_escape", "combined"]

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from unsclab.quantities import format_value, quantity


@dataclass(frozen=True)
class Column:
    """One column: ``key`` in the rows, header words, how values are written.

    ``quantity`` names an entry of :mod:`unsclab.quantities` (default ``key``) that gives the
    header, abbreviation, kind and definition unless they are given here. A ``block`` column
    holds long text (a title, a reason): on a terminal too narrow for the whole table it is
    written under its row, indented, across the full width, instead of being squeezed.
    """

    key: str
    header: str | None = None
    short: str | None = None
    kind: str | None = None
    digits: int | None = None
    definition: str | None = None
    quantity: str | None = None
    key_column: bool = False
    block: bool = False

    def resolved(self) -> Column:
        known = (self.quantity or self.key) in _known()
        # An unknown key with its own header needs nothing from quantity(), which would look
        # the key up among the power indices (importing numpy) for its name.
        q = quantity(self.quantity or self.key) if known or self.header is None else None
        if q is None:
            return Column(key=self.key, header=self.header, short=self.short or self.header,
                          kind=self.kind or "text", digits=self.digits,
                          definition=self.definition or "", quantity=self.quantity,
                          key_column=self.key_column, block=self.block)
        return Column(
            key=self.key,
            header=self.header or q.name,
            short=self.short or (q.short if known else None) or self.header or q.name,
            kind=self.kind or (q.kind if known else "text"),
            digits=self.digits if self.digits is not None else q.digits,
            definition=self.definition if self.definition is not None else (
                q.definition if known else ""),
            quantity=self.quantity, key_column=self.key_column, block=self.block)

    @property
    def numeric(self) -> bool:
        return self.kind in ("percent", "number", "index", "int", "count")

    def cell(self, value: Any) -> str:
        return format_value(value, self.kind or "text", self.digits)

    def csv_header(self) -> str:
        return f"{self.header} (%)" if self.kind == "percent" else str(self.header)

    def csv_value(self, value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if self.kind == "percent":
            return repr(100 * float(value))
        if self.kind in ("number", "index"):
            return repr(float(value))
        return value


def _known() -> frozenset[str]:
    from unsclab.quantities import QUANTITIES

    return frozenset(QUANTITIES)


@dataclass
class Table:
    """A titled table: ``columns`` (the first is the key unless one is marked), ``rows`` of raw
    values keyed by ``Column.key``, and ``notes`` printed under it."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[dict[str, Any]]
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        from unsclab.quantities import column_digits

        cols = [c.resolved() for c in self.columns]
        if cols and not any(c.key_column for c in cols):
            cols[0] = Column(**{**cols[0].__dict__, "key_column": True})
        for i, c in enumerate(cols):
            if c.kind == "percent" and c.digits is None:
                digits = column_digits([r.get(c.key) for r in self.rows])
                cols[i] = Column(**{**c.__dict__, "digits": digits})
        self.columns = cols

    def text_rows(self) -> list[list[str]]:
        return [[c.cell(r.get(c.key)) for c in self.columns] for r in self.rows]


# -- terminal tables (rich) ------------------------------------------------------------------


_GAP = 2  # spaces between two columns (a rule under the header, no vertical rules)


def _widths(t: Table, cols: Sequence[Column], short: bool, width: int) -> list[int] | None:
    """Column widths that fit ``width``, or None: numbers keep their full width, headers wrap
    between words, text cells between words; spare room goes to the columns that wrap."""
    need, most = [], []
    for c in cols:
        cells = [c.cell(r.get(c.key)) for r in t.rows]
        header = c.short if short else c.header
        words = [w for s in (header, *([] if c.numeric else cells)) for w in s.split()]
        longest = max((len(s) for s in cells), default=1) if c.numeric else 0
        need.append(max([longest, *(len(w) for w in words), 1]))
        most.append(max([len(header), *(len(s) for s in cells), 1]))
    room = width - _GAP * (len(cols) - 1)
    if sum(need) > room:
        return None
    widths = list(need)
    spare = room - sum(widths)
    while spare > 0:
        grew = False
        for i in range(len(widths)):
            if spare and widths[i] < most[i]:
                widths[i] += 1
                spare -= 1
                grew = True
        if not grew:
            break
    return widths


def _title(text: str):
    """A table's title as its own line: it wraps at the terminal's width, not the table's."""
    from rich.text import Text

    return Text(text, style="bold")


def _rich_table(t: Table, cols: Sequence[Column], short: bool, widths: Sequence[int]):
    from rich import box
    from rich.table import Table as RichTable

    rt = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for c, w in zip(cols, widths, strict=True):
        rt.add_column(c.short if short else c.header, justify="right" if c.numeric else "left",
                      width=w, overflow="fold")
    for r in t.rows:
        rt.add_row(*[c.cell(r.get(c.key)) for c in cols])
    return rt


def fit(t: Table, width: int, legend: dict[str, str]) -> list:
    """Rich renderables showing ``t`` within ``width`` columns, each table after its title:
    whole with full headers, else with its ``block`` columns under each row, else with
    abbreviated headers (added to ``legend``), else stacked in column groups that repeat the
    key columns. Numbers are never wrapped or cut."""
    if any(c.block for c in t.columns) and not _fits_unwrapped(t, width):
        blocked = _blocked(t, width)
        if blocked is not None:
            return [_title(t.title), blocked]
    widths = _widths(t, t.columns, False, width)
    if widths is not None:
        return [_title(t.title), _rich_table(t, t.columns, False, widths)]
    legend.update({c.short: c.header for c in t.columns if c.short != c.header})
    widths = _widths(t, t.columns, True, width)
    if widths is not None:
        return [_title(t.title), _rich_table(t, t.columns, True, widths)]
    pieces = _stack(t, width)
    keys = [c for c in t.columns if c.key_column]
    out = []
    for i, p in enumerate(pieces, 1):
        cols = [*keys, *p]
        widths = _widths(t, cols, True, width) or _widths(t, cols, True, 10_000)
        out += [_title(t.title + (f" ({i} of {len(pieces)})" if len(pieces) > 1 else "")),
                _rich_table(t, cols, True, widths)]
    return out


def _fits_unwrapped(t: Table, width: int) -> bool:
    """Whether every header and cell of ``t`` fits on one line within ``width``."""
    most = [max([len(c.header), *(len(c.cell(r.get(c.key))) for r in t.rows), 1])
            for c in t.columns]
    return sum(most) + _GAP * (len(most) - 1) <= width


def _blocked(t: Table, width: int):
    """``t`` as text lines: the other columns side by side (wrapping between words), each
    ``block`` column on its own lines under the row, indented; None if even that does not fit."""
    import textwrap

    from rich.text import Text

    side = [c for c in t.columns if not c.block]
    blocks, moved = [c for c in t.columns if c.block], []
    widths = _widths(t, side, False, width)
    while widths is None and sum(not c.key_column for c in side) > 1:  # more text under rows
        moved.insert(0, side.pop())
        widths = _widths(t, side, False, width)
    if widths is None:
        return None
    gap, indent = " " * _GAP, " " * 4

    def line(cells: Sequence[list[str]]) -> list[str]:
        out = []
        for k in range(max(len(x) for x in cells)):
            parts = [(x[k] if k < len(x) else "").rjust(w) if c.numeric else
                     (x[k] if k < len(x) else "").ljust(w)
                     for c, x, w in zip(side, cells, widths, strict=True)]
            out.append(gap.join(parts).rstrip())
        return out

    def wrapped(c: Column, text: str, w: int) -> list[str]:
        return [text] if c.numeric else (textwrap.wrap(text, w, break_on_hyphens=False) or [""])

    head = line([wrapped(c, c.header, w) for c, w in zip(side, widths, strict=True)])
    head += [indent + " · ".join(c.header for c in (*moved, *blocks))]
    text = Text(no_wrap=True)  # its lines fit the width already, but for a word (URL) too long
    text.append("\n".join(head), style="bold")
    text.append("\n" + "─" * (sum(widths) + _GAP * (len(widths) - 1)))
    label = len(blocks) + len(moved) > 1
    for r in t.rows:
        body = line([wrapped(c, c.cell(r.get(c.key)), w)
                     for c, w in zip(side, widths, strict=True)])
        # the short columns moved from the side share one line; each block has its own
        paragraphs = [" · ".join(f"{c.header}: {c.cell(r.get(c.key))}" for c in moved)]
        paragraphs += [f"{c.header}: {v}" if label else v
                       for c in blocks if (v := c.cell(r.get(c.key)))]
        for p in filter(None, paragraphs):
            # wrapped at spaces only: a word longer than the line (a URL) is written whole
            body += textwrap.wrap(p, width, initial_indent=indent, subsequent_indent=indent,
                                  break_on_hyphens=False, break_long_words=False)
        text.append("\n" + "\n".join(body))
    return text


def _stack(t: Table, width: int) -> list[list[Column]]:
    """The non-key columns of ``t`` in as few groups as fit ``width`` beside the key columns,
    of about equal size (so the last table is not a lone column)."""
    keys = [c for c in t.columns if c.key_column]
    rest = [c for c in t.columns if not c.key_column]
    greedy, chunk = [], []
    for c in rest:
        if chunk and _widths(t, [*keys, *chunk, c], True, width) is None:
            greedy.append(chunk)
            chunk = []
        chunk.append(c)
    if chunk:
        greedy.append(chunk)
    size = -(-len(rest) // len(greedy))
    even = [rest[i:i + size] for i in range(0, len(rest), size)]
    if len(even) == len(greedy) and all(_widths(t, [*keys, *p], True, width) for p in even):
        return even
    return greedy


# -- CSV, Markdown, LaTeX -----------------------------------------------------------------------


def combined(tables: Sequence[Table]) -> tuple[list[Column], list[dict[str, Any]]]:
    """One table for CSV: tables with the same key values are joined side by side; otherwise
    their rows are stacked, with a ``Table`` column naming the table each row comes from."""
    if len(tables) == 1:
        return list(tables[0].columns), list(tables[0].rows)
    first = tables[0]
    key = next(c for c in first.columns if c.key_column)
    keys = [r.get(key.key) for r in first.rows]
    joinable = all([r.get(key.key) for r in t.rows] == keys
                   and any(c.key == key.key for c in t.columns) for t in tables)
    if joinable:
        cols: list[Column] = [key]
        rows = [{key.key: k} for k in keys]
        seen = {key.header}
        for t in tables:
            for c in t.columns:
                if c.key == key.key or c.key_column and c.header in seen:
                    continue
                name = c.header if c.header not in seen else f"{c.header} ({t.title})"
                seen.add(name)
                uid = f"{len(cols)}:{c.key}"
                cols.append(Column(**{**c.__dict__, "key": uid, "header": name,
                                      "key_column": False}))
                for row, src in zip(rows, t.rows, strict=True):
                    row[uid] = src.get(c.key)
        return cols, rows
    cols = [Column("__table", header="Table")]
    by_header: dict[str, Column] = {}
    rows = []
    for t in tables:
        for c in t.columns:
            by_header.setdefault(c.csv_header(), c)
        for r in t.rows:
            rows.append({"__table": t.title,
                         **{f"h:{c.csv_header()}": c.csv_value(r.get(c.key)) for c in t.columns}})
    cols += [Column(f"h:{h}", header=h, kind="text") for h in by_header]
    return cols, rows


def to_csv(tables: Sequence[Table]) -> str:
    cols, rows = combined(tables)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([c.csv_header() for c in cols])
    for r in rows:
        w.writerow([c.csv_value(r.get(c.key)) for c in cols])
    return buf.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(tables: Sequence[Table], preamble=(), notes=(), explain: bool = False) -> str:
    lines = [*(f"{p}  " for p in preamble), ""] if preamble else []  # one line each
    for t in tables:
        lines.append(f"**{_md_cell(t.title)}**")
        lines.append("")
        lines.append("| " + " | ".join(_md_cell(c.header) for c in t.columns) + " |")
        lines.append("|" + "|".join("---:" if c.numeric else ":---" for c in t.columns) + "|")
        for cells in t.text_rows():
            lines.append("| " + " | ".join(_md_cell(s) for s in cells) + " |")
        lines.append("")
        lines.extend(f"{n}  " for n in t.notes)
        if t.notes:
            lines.append("")
    lines.extend(notes)
    defined = {c.header: c.definition for t in tables for c in t.columns if c.definition}
    if defined:
        lines.append("")
        lines.extend(f"- *{h}*: {d}" for h, d in defined.items())
    return "\n".join(lines).rstrip() + "\n"


_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                  "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                  "^": r"\textasciicircum{}", "−": "$-$", "—": "---", "–": "--", "→": r"$\to$",
                  "≥": r"$\geq$", "≤": r"$\leq$", "√": r"$\surd$", "×": r"$\times$"}


def latex_escape(text: str) -> str:
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in str(text))


def to_latex(tables: Sequence[Table]) -> str:
    """Each table as a ``table`` float with ``booktabs`` rules (``\\usepackage{booktabs}``)."""
    out = ["% unsclab tables; needs \\usepackage{booktabs}"]
    for t in tables:
        spec = "".join("r" if c.numeric else "l" for c in t.columns)
        out += ["\\begin{table}[htbp]", "\\centering", f"\\caption{{{latex_escape(t.title)}}}",
                f"\\begin{{tabular}}{{{spec}}}", "\\toprule",
                " & ".join(latex_escape(c.header) for c in t.columns) + r" \\", "\\midrule"]
        out += [" & ".join(latex_escape(s) for s in cells) + r" \\" for cells in t.text_rows()]
        out += ["\\bottomrule", "\\end{tabular}"]
        notes = [*t.notes, *(f"{c.header}: {c.definition}" for c in t.columns if c.definition)]
        if notes:
            out.append("\\par\\smallskip{\\footnotesize " + " ".join(
                latex_escape(n) for n in notes) + "}")
        out += ["\\end{table}", ""]
    return "\n".join(out)


def to_html(tables: Sequence[Table]) -> str:
    """Each table as an HTML ``<table>`` with its title as caption; a header's definition is
    its tooltip (``title``), the notes follow in a paragraph."""
    parts = []
    for t in tables:
        head = "".join(
            f'<th title="{html.escape(c.definition or c.header)}" '
            f'style="text-align:{"right" if c.numeric else "left"}">{html.escape(c.header)}</th>'
            for c in t.columns)
        body = "".join(
            "<tr>" + "".join(f'<td style="text-align:{"right" if c.numeric else "left"}">'
                             f"{html.escape(v)}</td>" for c, v in zip(t.columns, cells,
                                                                     strict=True)) + "</tr>"
            for cells in t.text_rows())
        notes = "".join(f"<p><small>{html.escape(n)}</small></p>" for n in t.notes)
        parts.append(f"<table><caption>{html.escape(t.title)}</caption><thead><tr>{head}"
                     f"</tr></thead><tbody>{body}</tbody></table>{notes}")
    return "\n".join(parts)
