"""The Python API for notebooks and scripts: DataFrame-backed results.

>>> import unsclab
>>> res = unsclab.power("status-quo", by="group", occupancy="uniform")
>>> round(float(res.frame.loc["WEOG", "power_share"]), 4)
0.5339
>>> res.frame["members"].sum()
np.int64(193)

:func:`compare`, :func:`power` and :func:`replay` return a :class:`Result`: ``.frame`` (pandas),
``.tables`` (as the CLI prints them), ``.data`` (the ``--json`` document), ``_repr_html_`` for
Jupyter and ``to_csv`` / ``to_markdown`` / ``to_latex``. They are also ``unsclab.compare``,
``unsclab.power(...)`` and ``unsclab.replay(...)``.
"""

from __future__ import annotations

__all__ = ["Result", "compare", "power", "replay", "compare_rows"]

from unsclab.api.comparing import compare, compare_rows
from unsclab.api.powers import power
from unsclab.api.replays import replay
from unsclab.api.result import Result
