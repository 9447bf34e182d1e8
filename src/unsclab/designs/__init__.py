"""Council designs as data: the :class:`Design` model, TOML files and the built-in catalogue."""

from unsclab.designs.io import (
    catalog_ids,
    design_from_dict,
    design_summary,
    design_to_dict,
    design_to_toml,
    load_catalog,
    load_design,
    parse_design,
    save_design,
)
from unsclab.designs.model import (
    Assumption,
    Design,
    Majority,
    Rule,
    Seat,
    SeatClass,
    Source,
    Veto,
)

__all__ = [
    "Assumption",
    "Design",
    "Majority",
    "Rule",
    "Seat",
    "SeatClass",
    "Source",
    "Veto",
    "catalog_ids",
    "design_from_dict",
    "design_summary",
    "design_to_dict",
    "design_to_toml",
    "load_catalog",
    "load_design",
    "parse_design",
    "save_design",
]
