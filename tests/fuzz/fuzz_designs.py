"""Shared by the fuzz tests: a catalogue design with one field replaced."""

from __future__ import annotations

import json

from unsclab.designs import design_to_dict, load_design

_BASE = design_to_dict(load_design("status-quo"))


def mutated(path: tuple, value) -> dict:
    """The status quo as a plain dict, with the field at ``path`` set to ``value``."""
    data = json.loads(json.dumps(_BASE))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data
