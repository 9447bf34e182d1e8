""":class:`Result`: what the Python API returns — a DataFrame, the tables as unsclab shows them,
and the JSON document of the matching CLI command."""

from __future__ import annotations

__all__ = ["Result"]

import io
from collections.abc import Sequence
from typing import Any

from unsclab.tables import Table, fit, to_csv, to_html, to_latex, to_markdown


class Result:
    """A computed result, ready for a notebook or a paper.

    - ``frame``: a :class:`pandas.DataFrame` of the raw values (shares as fractions in [0, 1],
      exact values as floats), one row per design, seat, state, group or decision;
    - ``tables``: the :class:`~unsclab.tables.Table` objects the CLI prints, with named columns,
      units and definitions;
    - ``data``: the JSON document of the matching ``--json`` command.

    In Jupyter the result shows as formatted HTML tables (``_repr_html_``); ``to_csv``,
    ``to_markdown`` and ``to_latex`` export them as the CLI's ``--format`` does.
    """

    def __init__(self, frame_rows: Sequence[dict[str, Any]], tables: Sequence[Table],
                 data: Any, index: str | None = None) -> None:
        self._rows = list(frame_rows)
        self._index = index
        self._frame = None
        self.tables = list(tables)
        self.data = data

    @property
    def frame(self):
        """The values as a pandas DataFrame (built on first use)."""
        if self._frame is None:
            import pandas as pd

            df = pd.DataFrame(self._rows)
            self._frame = df.set_index(self._index) if self._index in df.columns else df
        return self._frame

    def __getitem__(self, key):
        return self.frame[key]

    def __len__(self) -> int:
        return len(self._rows)

    def _repr_html_(self) -> str:
        return to_html(self.tables)

    def __repr__(self) -> str:
        from rich.console import Console

        buf = io.StringIO()
        con = Console(file=buf, width=100, color_system=None, highlight=False)
        for t in self.tables:
            legend: dict[str, str] = {}
            for piece in fit(t, 100, legend):
                con.print(piece)
            if legend:
                con.print("Abbreviations: " + "; ".join(f"{k} = {v}" for k, v in legend.items()))
        return buf.getvalue().rstrip()

    def to_csv(self, path=None) -> str:
        """The tables as one CSV (as ``--format csv``); written atomically to ``path`` if given."""
        return self._export(to_csv(self.tables), path)

    def to_markdown(self, path=None) -> str:
        return self._export(to_markdown(self.tables), path)

    def to_latex(self, path=None) -> str:
        return self._export(to_latex(self.tables), path)

    @staticmethod
    def _export(text: str, path) -> str:
        if path is not None:
            from unsclab._files import output_file

            with output_file(path, field="path") as tmp:
                tmp.write_text(text, encoding="utf-8")
        return text
