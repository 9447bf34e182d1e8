"""Publication figures of designs and their results (matplotlib, Agg backend).

Every function returns a :class:`matplotlib.figure.Figure` drawn in the one style of
:mod:`unsclab.report.style`, with a title, labelled axes, a legend where colours carry meaning,
and a source caption under the plot. :func:`to_png` / :func:`to_svg` turn a figure into bytes /
text (and close it). matplotlib is imported inside the functions, with the non-interactive Agg
backend, so importing this module is cheap and never opens a window.

Figures
-------
- :func:`seat_diagram` — a design's seats on the Council's horseshoe table.
- :func:`group_power` — power by regional group against membership and population shares.
- :func:`act_vs_equality` — designs on power to act against the distance from Penrose's ideal, with the Pareto front.
- :func:`years_per_decade` — a state's expected years on the Council per decade, by design.
- :func:`replay_adoption` — adoption rate over time by design (from replay results).

Modules: :mod:`~unsclab.report.figures.common` (style, output, formatters, label placement,
the overlap checks), :mod:`~unsclab.report.figures.seats`, :mod:`~unsclab.report.figures.power`,
:mod:`~unsclab.report.figures.history`.
"""

from __future__ import annotations

__all__ = [
    "seat_diagram",
    "group_power",
    "act_vs_equality",
    "pareto_front",
    "years_per_decade",
    "replay_adoption",
    "to_png",
    "to_svg",
    "overlapping_texts",
    "duplicate_ticks",
]

from unsclab.report.figures.common import duplicate_ticks, overlapping_texts, to_png, to_svg
from unsclab.report.figures.history import replay_adoption, years_per_decade
from unsclab.report.figures.power import act_vs_equality, group_power, pareto_front
from unsclab.report.figures.seats import seat_diagram
