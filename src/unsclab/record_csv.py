"""The record's committed check tables (``corrections.csv``, ``press_checks.csv``), read checked.

One reader for every such table: each row's coded fields must hold one of their allowed values
and its count fields a whole number, or the read stops with a one-line
:class:`~unsclab.errors.DataError` naming the file, the line and the field.
"""

from __future__ import annotations

__all__ = ["checked_rows"]

from collections.abc import Iterable, Mapping

from unsclab.errors import DataError


def checked_rows(filename: str, choices: Mapping[str, tuple[str, Iterable[str]]],
                 counts: Iterable[str] = (), blank_counts: bool = False
                 ) -> list[dict[str, str]]:
    """The rows of the committed table ``filename`` (in ``unsclab/data``), checked.

    ``choices`` maps a field to ``(what it is called in a message, its allowed values)``;
    ``counts`` are fields that must hold a whole number (or be blank, when ``blank_counts``).
    Lines are numbered as in the file (the header is line 1).
    """
    from unsclab.data.readers import project_table

    where = f"unsclab/data/{filename}"
    rows = project_table(filename)
    counts = tuple(counts)
    for line, row in enumerate(rows, start=2):
        for name, (label, allowed) in choices.items():
            allowed = tuple(allowed)
            if row[name] not in allowed:
                raise DataError(f"unknown {label} {row[name]!r}; expected one of "
                                f"{', '.join(allowed)}", file=where, line=line, field=name)
        for name in counts:
            if not (row[name].isdigit() or (blank_counts and row[name] == "")):
                raise DataError(f"{name} {row[name]!r} is not a count", file=where, line=line,
                                field=name)
    return rows
