"""The five UN regional groups, under which elected seats are allotted.

The groups are a General Assembly practice, not a Charter rule: GA resolution 1991 A (XVIII)
of 17 December 1963 allots the ten elected seats among "African and Asian States", "Eastern
European States", "Latin American States" and "Western European and other States"; the
Asia-Pacific and African groups have elected separately since. Membership of each group here
comes from the committed members table (``data/members.csv``, built from mledoze/countries'
``unRegionalGroup``; see ``data/SOURCES.md``).
"""

from __future__ import annotations

__all__ = ["GROUPS", "GROUP_NAMES", "OPEN"]

#: Short codes of the UN regional groups, in the order the UN lists them.
GROUPS: tuple[str, ...] = ("AG", "APG", "EEG", "GRULAC", "WEOG")

GROUP_NAMES: dict[str, str] = {
    "AG": "African Group",
    "APG": "Asia-Pacific Group",
    "EEG": "Eastern European Group",
    "GRULAC": "Latin American and Caribbean Group",
    "WEOG": "Western European and Others Group",
}

#: A seat open to any member state, whatever its group (e.g. the 1945 seats, whose regional
#: pattern was an unrecorded 1946 "gentlemen's agreement", or a cross-regional small-states seat).
OPEN = "open"
