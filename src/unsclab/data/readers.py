"""One reader per source. Each returns pandas tables with documented columns and dtypes.

Every reader takes an optional ``path``: without it the registered source is located and its
SHA-256 verified (:func:`unsclab.data.fetch.locate`); with it, that file is read as is (a user's
own copy, or a test fixture). Problems raise :class:`~unsclab.errors.DataError` naming the file,
the line where there is one, and the field: a missing file says how to provide it, a corrupt
row names its line, an unknown country name stops the load with the name (never a silent drop).

The readers live in one module per source; this module gathers them under one import path:

- :mod:`unsclab.data.sciencespo` — the Sciences Po UNSC votes since 1946;
- :mod:`unsclab.data.dppa` — the DPPA list of Council members by year;
- :mod:`unsclab.data.wpdl` — the World Politics Data Lab list of vetoed drafts;
- :mod:`unsclab.data.unvotes` — GA roll calls, issues and votes (``unvotes``);
- :mod:`unsclab.data.undl_files` — the UN Library's SC and GA voting-data CSVs;
- :mod:`unsclab.data.undl`, :mod:`unsclab.data.ga_v33`, :mod:`unsclab.data.idealpoints` — the
  Library scrape, Voeten v33 and the ideal points;
- :mod:`unsclab.data.reading` — what they share, and the committed tables (``members.csv``).
"""

from __future__ import annotations

__all__ = [
    "P5",
    "UNDL_COLUMNS",
    "SciencesPo",
    "code_aliases",
    "project_table",
    "read_dppa",
    "read_ga_issues",
    "read_ga_roll_calls",
    "read_ga_votes",
    "read_members",
    "read_sciencespo",
    "read_undl_sc_voting",
    "read_vetoes_wpdl",
    "undl_member_rows",
]

from unsclab.data.dppa import read_dppa
from unsclab.data.reading import P5, code_aliases, project_table, read_members
from unsclab.data.sciencespo import SciencesPo, read_sciencespo
from unsclab.data.undl_files import UNDL_COLUMNS, read_undl_sc_voting, undl_member_rows
from unsclab.data.unvotes import read_ga_issues, read_ga_roll_calls, read_ga_votes
from unsclab.data.wpdl import read_vetoes_wpdl
