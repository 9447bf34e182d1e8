"""Reading a search space file: TOML → schema → checked seat families, objectives, constraints.

Every problem found is collected (file, line, field, what was expected) and raised together as
one :class:`~unsclab.explore.schema.SpaceError`, so a user fixes a file in one pass.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import ValidationError

from unsclab.designs.io import _field_lines, _line_for, _problems_from_validation
from unsclab.errors import Problem, UnsclabError
from unsclab.explore.expressions import compile_constraint
from unsclab.explore.schema import FEATURE_HELP, SeatFamily, SpaceError, SpaceFile
from unsclab.groups import OPEN
from unsclab.inputs import parse_toml

if TYPE_CHECKING:
    from unsclab.explore.space import BoundObjective, Constraint, Space

_DEFAULT_IDS = {"AG": "ag", "APG": "apg", "EEG": "eeg", "GRULAC": "grulac", "WEOG": "weog",
                OPEN: "open"}


def parse_space(text: str, file: str | None = None) -> Space:
    """Parse and validate a search space from TOML text (see :mod:`unsclab.explore.space`).

    Raises :class:`SpaceError` with one line per problem: file, line, field, what was expected.
    """
    return _parse_cached(text, file)


def load_space(path: str | Path) -> Space:
    """Read and validate a search space file (at most 1 MiB, a regular file)."""
    from unsclab.inputs import read_text

    text = read_text(path, error=SpaceError, what="a search space TOML file")
    return parse_space(text, file=str(path))


class _Problems:
    """The problems found so far, each located by its path in the file (``("seats", 2, "id")``)."""

    def __init__(self, file: str | None, lines) -> None:
        self.file, self.lines, self.found = file, lines, []

    def __call__(self, msg: str, loc: tuple) -> None:
        field = ""
        for part in loc:
            field += f"[{part + 1}]" if isinstance(part, int) else ("." if field else "") + part
        self.found.append(Problem(msg, file=self.file, line=_line_for(loc, self.lines),
                                  field=field))


@lru_cache(maxsize=32)
def _parse_cached(text: str, file: str | None) -> Space:
    from unsclab.explore.space import Space

    data = parse_toml(text, file, error=SpaceError)
    lines = _field_lines(text)
    try:
        spec = SpaceFile.model_validate(data)
    except ValidationError as err:
        problems = _problems_from_validation(err, file, lines, model=SpaceFile)
        raise SpaceError(problems=problems) from None
    problem = _Problems(file, lines)
    _check_rule(spec, problem)
    ids: set[str] = {"permanent"} if spec.search.p5 else set()
    families = [_family(i, fam, ids, problem) for i, fam in enumerate(spec.seats)]
    objectives = _objectives(spec, problem)
    labels = {o.label for o in objectives}
    # feature names come from a one-row dry run of the features
    feature_names: set[str] = set()
    if not problem.found:
        from unsclab.explore.features import features

        probe = Space(spec, text, file, families, [], objectives)
        feature_names = set(features(probe, np.zeros((1, len(probe.dims)), dtype=np.int64))[0])
    constraints = _constraints(spec, feature_names, labels, lines, problem)
    if problem.found:
        raise SpaceError(problems=problem.found)
    return Space(spec, text, file, families, constraints, objectives)


def _check_rule(spec: SpaceFile, problem: _Problems) -> None:
    r = spec.rule
    if r.quota is not None and r.quota_fraction is not None:
        problem("give quota or quota_fraction, not both", ("rule", "quota_fraction"))
    if r.quota is None and r.quota_fraction is None:
        problem("expected quota (affirmative votes) or quota_fraction (of the seats), "
                "e.g. quota_fraction = [0.6]", ("rule",))


def _family(i: int, fam: SeatFamily, ids: set[str],
            problem: _Problems) -> tuple[str, SeatFamily, tuple[str, ...]]:
    """``(class id, family with its defaults filled in, resolved eligible states)``; adds the id
    to ``ids``, the ids taken so far."""
    loc = ("seats", i)
    cid = fam.id or f"{fam.kind}-{_DEFAULT_IDS[fam.group]}"
    if cid in ids:
        problem(f"seat family id {cid!r} is used twice (the P5 class is 'permanent'); "
                "give each family its own id", loc + ("id",))
    ids.add(cid)
    updates: dict[str, Any] = {}
    if fam.kind == "elected" and "veto" in fam.model_fields_set and any(fam.veto):
        problem("elected seats cannot hold a veto; use kind = \"permanent\" or \"long-term\"",
                loc + ("veto",))
    if fam.kind == "permanent":
        for key in ("term_years", "re_eligible"):
            if getattr(fam, key) is not None:
                problem(f"a permanent seat has no term; remove {key}", loc + (key,))
    else:
        if fam.term_years is None:
            if fam.kind == "long-term":
                problem("a long-term family needs term_years, e.g. [4, 6]", loc + ("kind",))
            updates["term_years"] = (2,)
        if fam.re_eligible is None:
            updates["re_eligible"] = (False,)
    elig: tuple[str, ...] = ()
    if fam.eligible and fam.eligible_bloc:
        problem("give eligible or eligible_bloc, not both", loc + ("eligible_bloc",))
    elif fam.eligible or fam.eligible_bloc:
        elig, msg = _eligible(fam)
        if msg:
            problem(msg, loc + ("eligible_bloc" if fam.eligible_bloc else "eligible",))
    if updates:
        fam = fam.model_copy(update=updates)
    return cid, fam, elig


def _objectives(spec: SpaceFile, problem: _Problems) -> list[BoundObjective]:
    from unsclab.explore.objectives import OBJECTIVES, bind
    from unsclab.explore.space import BoundObjective

    objectives: list[BoundObjective] = []
    labels: set[str] = set()
    for i, obj in enumerate(spec.objectives):
        loc = ("objectives", i)
        if obj.name not in OBJECTIVES:
            problem(f"unknown objective {obj.name!r}; expected one of {', '.join(sorted(OBJECTIVES))}",
                    loc + ("name",))
            continue
        params = dict(obj.model_extra or {})
        try:
            func = bind(obj.name, params)
        except ValueError as err:
            key, _, msg = str(err).partition(": ")
            problem(msg, loc + ((key,) if key in params else ("name",)))
            continue
        label = obj.label or _default_label(obj.name, params)
        if label in labels:
            problem(f"two objectives are labelled {label!r}; give one a distinct label",
                    loc + ("label",))
        labels.add(label)
        objectives.append(BoundObjective(label, obj.name, obj.direction
                                         or OBJECTIVES[obj.name].direction, params, func))
    return objectives


def _constraints(spec: SpaceFile, feature_names: set[str], labels: set[str], lines,
                 problem: _Problems) -> list[Constraint]:
    """Compiled constraints; those naming an objective's label are applied after evaluation."""
    from unsclab.explore.space import Constraint

    constraints: list[Constraint] = []
    for i, con in enumerate(spec.constraints):
        loc = ("constraints", i, "expr")
        try:
            tree, names = compile_constraint(con.expr)
        except ValueError as err:
            problem(str(err), loc)
            continue
        if not feature_names:
            continue
        unknown = sorted(names - feature_names - labels)
        if unknown:
            problem(f"unknown name {unknown[0]!r} in {con.expr!r}; expected features ({FEATURE_HELP}) "
                    f"or objective labels ({', '.join(sorted(labels)) or 'none'})", loc)
            continue
        after = bool(names & labels)
        if after and names & feature_names - labels:
            problem(f"{con.expr!r} mixes objectives and features; write two constraints", loc)
            continue
        constraints.append(Constraint(con.expr, f"constraints[{i + 1}].expr",
                                      _line_for(loc, lines), tree, frozenset(names), after))
    return constraints


def _default_label(name: str, params: dict) -> str:
    if not params:
        return name
    parts = []
    for k in sorted(params):
        v = params[k]
        parts.append("+".join(map(str, v)) if isinstance(v, list) else str(v))
    return f"{name}[{','.join(parts)}]"


def _eligible(fam: SeatFamily) -> tuple[tuple[str, ...], str | None]:
    from unsclab.blocs import parse_bloc
    from unsclab.states import is_member, state

    if fam.eligible_bloc:
        try:
            members = parse_bloc(fam.eligible_bloc).members
        except UnsclabError as err:
            return (), err.problems[0].message
        codes = tuple(c for c in members if fam.group == OPEN or state(c).group == fam.group)
        if not codes:
            return (), f"no member of bloc {fam.eligible_bloc!r} belongs to group {fam.group}"
        return codes, None
    for c in fam.eligible:
        if not is_member(c):
            return (), f"unknown state code {c!r}; expected ISO3 codes of UN member states"
        if fam.group != OPEN and state(c).group != fam.group:
            return (), f"{c} belongs to {state(c).group}, not to this family's group {fam.group}"
    return tuple(fam.eligible), None
