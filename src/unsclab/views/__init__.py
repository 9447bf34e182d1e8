"""The view-model shared by the web pages, the HTML/PDF report and the figures.

:mod:`unsclab.views.design` gathers everything shown about one design (:func:`design_view`);
:mod:`unsclab.views.headline` the numbers a comparison shows per design. Pages and reports
render these dicts; they compute nothing themselves.
"""

from __future__ import annotations

__all__ = ["design_view", "design_summary", "seat_classes", "VIEW_KEYS", "expected_years",
           "occupancy_text", "replay_of", "headline", "DRAWS", "SEED", "SINCE"]

from unsclab.views.design import (
           DRAWS,
           SEED,
           SINCE,
           VIEW_KEYS,
           design_summary,
           design_view,
           expected_years,
           occupancy_text,
           replay_of,
           seat_classes,
)
from unsclab.views.headline import headline
