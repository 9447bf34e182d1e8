"""Search spaces: a family of councils described in a TOML file, validated, enumerated or sampled.

A search space file has five parts (reference: ``docs/explore.md``)::

    [search]                 # id, name, budget (designs at most), seed, chunk_size, p5, year
    [rule]                   # veto = ["one", "two", "none", "deferred"]; quota or quota_fraction
    [[seats]]                # one table per family of seats: kind, group, count (choices), and
                             # veto / term_years / re_eligible / eligible where they apply
    [[constraints]]          # expr = "size <= 27", over the features below or objective labels
    [[objectives]]           # name (a registered objective), direction, its parameters

Choices are written as a list (``count = [0, 1, 2]``), a range (``count = {min = 3, max = 6}``,
optional ``step``) or a single value. Each combination of choices is one candidate council; it
becomes a real :class:`~unsclab.designs.Design` (:meth:`Space.design`), whose id is a hash of
the values that define it, so every design is rebuilt from its row.

The veto rule
    ``one``: the P5 and the seat families with ``veto = true`` hold the Charter's veto;
    ``two``: the same holders, but a veto needs two negative votes (Gould & Rablen 2017);
    ``none``: nobody holds a veto; ``deferred``: the P5 keep their veto, the families with
    ``veto = true`` hold it in law but do not exercise it until a review (as in A/59/L.64).

Features usable in constraints
    ``size``, ``quota``, ``quota_fraction``, ``veto`` (the rule, a string), ``negatives``,
    ``veto_holders`` (seats exercising a veto), ``new_vetoes``, ``deferred_vetoes``, ``p5``,
    ``p5_veto``, ``permanent``, ``long_term``, ``elected``, and per regional group ``G``:
    ``seats_G``, ``permanent_G``, ``long_term_G``, ``elected_G``, ``veto_G`` (the P5 count in
    their own groups: China in APG, Russia in EEG, France, the UK and the US in WEOG); per seat
    family, ``count_<id>`` (hyphens as underscores). Constraints that name an objective's label
    are applied after evaluation (``coleman_act >= 0.02``).

Duplicates are removed before anything is evaluated: a family with no seats, a veto flag under
``veto = "none"``, or a quota fraction that rounds to the same quota as an earlier one does not
make a new council.

The stages live in their own modules: the file's schema (:mod:`~unsclab.explore.schema`),
reading it (:mod:`~unsclab.explore.parse`), constraint expressions
(:mod:`~unsclab.explore.expressions`), the vectorised features (:mod:`~unsclab.explore.features`),
enumeration and sampling (:mod:`~unsclab.explore.candidates`) and a row's design
(:mod:`~unsclab.explore.rows`); :class:`Space` ties them together.
"""

from __future__ import annotations

__all__ = ["Space", "SpaceError", "load_space", "parse_space", "ENUMERATE_LIMIT", "FEATURE_HELP"]

import ast
import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from unsclab.explore import candidates as _candidates
from unsclab.explore import features as _features
from unsclab.explore import rows as _rows
from unsclab.explore.candidates import scalar
from unsclab.explore.parse import load_space, parse_space
from unsclab.explore.schema import ENUMERATE_LIMIT, FEATURE_HELP, SeatFamily, SpaceError, SpaceFile

if TYPE_CHECKING:
    from unsclab.designs.model import Design


@dataclass(frozen=True)
class Dim:
    """One dimension of the space: a column of the parameter table and its choices."""

    name: str  # column name, e.g. "elected-ag.count"
    field: str  # where it is written in the file, e.g. "seats[3].count"
    values: tuple


@dataclass(frozen=True)
class Constraint:
    expr: str
    field: str
    line: int | None
    tree: ast.AST
    names: frozenset[str]
    after: bool  # names an objective: applied after evaluation


@dataclass(frozen=True)
class BoundObjective:
    label: str  # column name
    name: str  # registered objective
    direction: str  # maximise / minimise
    params: dict
    func: Any  # f(design, evaluation) -> float


class Space:
    """A validated search space. Build with :func:`load_space` or :func:`parse_space`."""

    def __init__(self, spec: SpaceFile, text: str, file: str | None,
                 families: list[tuple[str, SeatFamily, tuple[str, ...]]],
                 constraints: list[Constraint], objectives: list[BoundObjective]) -> None:
        self.spec = spec
        self.text = text
        self.file = file
        self.families = families  # (class id, family, resolved eligible list)
        self.constraints = constraints
        self.objectives = objectives
        self.dims = self._dims()

    # -- identity ---------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.spec.search.id

    @cached_property
    def key(self) -> str:
        """Hash of the space's content (not its layout or comments)."""
        blob = json.dumps(self.spec.model_dump(mode="json"), sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()

    # -- dimensions -------------------------------------------------------------------------

    def _dims(self) -> list[Dim]:
        r = self.spec.rule
        dims = [Dim("veto", "rule.veto", r.veto)]
        if r.quota is not None:
            dims.append(Dim("quota", "rule.quota", r.quota))
        else:
            dims.append(Dim("quota_fraction", "rule.quota_fraction", r.quota_fraction))
        for i, (cid, fam, _) in enumerate(self.families):
            where = f"seats[{i + 1}]"
            dims.append(Dim(f"{cid}.count", f"{where}.count", fam.count))
            if fam.kind != "elected":
                dims.append(Dim(f"{cid}.veto", f"{where}.veto", fam.veto))
            if fam.kind != "permanent":
                dims.append(Dim(f"{cid}.term_years", f"{where}.term_years", fam.term_years))
                dims.append(Dim(f"{cid}.re_eligible", f"{where}.re_eligible", fam.re_eligible))
        return dims

    @property
    def combinations(self) -> int:
        """Number of combinations of choices (before removing invalid and duplicate ones)."""
        return math.prod(len(d.values) for d in self.dims)

    # -- features and candidates ----------------------------------------------------------------

    def features(self, digits: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
        """Features of candidates given by choice indices (one row per candidate, one column per
        dimension): ``(features, valid, redundant)``, all vectorised."""
        return _features.features(self, digits)

    def candidates(self, seed: int | None = None, budget: int | None = None):
        """The designs to evaluate, as a pandas DataFrame (one row per design: ``id``, the
        dimensions' values and the features), and a dict describing how they were chosen.

        At most ``budget`` designs (default: the file's). Spaces of up to
        :data:`ENUMERATE_LIMIT` combinations are enumerated; if more designs pass the
        constraints than the budget allows, ``budget`` of them are drawn without replacement
        with ``numpy.random.default_rng(seed)``. Larger spaces are sampled by rejection with the
        same generator. Raises :class:`SpaceError` when no design is left, naming the constraint
        that no design meets where there is one.
        """
        seed = self.spec.search.seed if seed is None else seed
        budget = self.spec.search.budget if budget is None else budget
        return _candidates.candidates(self, seed, budget, limit=ENUMERATE_LIMIT)

    # -- designs ------------------------------------------------------------------------------

    def design_key(self, row: Mapping[str, Any]) -> dict:
        """The values that define the design of a row (duplicates share them)."""
        return _rows.design_key(self, row)

    def design_id(self, row: Mapping[str, Any]) -> str:
        return _rows.design_id(self, row)

    def design_dict(self, row: Mapping[str, Any]) -> dict:
        """The design of a row as a plain dict (the shape of a design file)."""
        return _rows.design_dict(self, row)

    def design(self, row: Mapping[str, Any]) -> Design:
        """The :class:`Design` of one row of the candidates (or results) table."""
        from unsclab.designs.io import design_from_dict

        return design_from_dict(self.design_dict(row))

    def param_row(self, row: Mapping[str, Any]) -> dict:
        """Only the dimensions' values of a row."""
        return {d.name: scalar(row[d.name]) for d in self.dims}

