"""Objectives: a registry of small functions ``objective(design, evaluation) -> float``.

Every objective has one signature, as GerryChain's updaters do: it takes the
:class:`~unsclab.designs.Design` and its :class:`~unsclab.explore.evaluation.Evaluation` and
returns a number. Parameters (a group, a bloc, a state) are declared with the objective and bound
from the search space file, so the function the explorer calls is still
``objective(design, evaluation)``.

A new objective is a decorated function (e.g. in the replay module, once it exists)::

    from unsclab.explore.objectives import register_objective

    @register_objective("vetoed_drafts_passing", direction="maximise",
                        doc="Historically vetoed drafts that would pass under the design.")
    def vetoed_drafts_passing(design, evaluation):
        return evaluation.cached("replay", lambda: replay(design, ...)).vetoed_passing

and a search space names it in an ``[[objectives]]`` table.
"""

from __future__ import annotations

__all__ = ["Objective", "OBJECTIVES", "register_objective", "bind", "Param"]

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from unsclab.designs.model import Design
from unsclab.errors import UnsclabError
from unsclab.explore.evaluation import Evaluation, context
from unsclab.groups import GROUPS

ObjectiveFunc = Callable[..., float]


@dataclass(frozen=True)
class Param:
    """A parameter of an objective: its name, what it expects and how to check it."""

    name: str
    expects: str
    check: Callable[[Any], Any]  # returns the cleaned value or raises ValueError
    default: Any = None
    required: bool = True


@dataclass(frozen=True)
class Objective:
    """A registered objective."""

    name: str
    func: ObjectiveFunc
    direction: str  # suggested direction: "maximise" or "minimise"
    doc: str
    params: tuple[Param, ...] = field(default_factory=tuple)


#: Every known objective, by name.
OBJECTIVES: dict[str, Objective] = {}


def register_objective(name: str, *, direction: str = "maximise", doc: str = "",
                       params: tuple[Param, ...] = ()) -> Callable[[ObjectiveFunc], ObjectiveFunc]:
    """Register ``func(design, evaluation, **params) -> float`` as objective ``name``."""
    if direction not in ("maximise", "minimise"):
        raise ValueError(f"direction must be 'maximise' or 'minimise', got {direction!r}")

    def deco(func: ObjectiveFunc) -> ObjectiveFunc:
        OBJECTIVES[name] = Objective(name, func, direction, doc or (func.__doc__ or "").strip(),
                                     tuple(params))
        return func

    return deco


def bind(name: str, params: dict[str, Any]) -> Callable[[Design, Evaluation], float]:
    """The objective ``name`` with its parameters bound: ``f(design, evaluation) -> float``.

    Raises ValueError (with the offending parameter's name first, ``"param: message"``) on an
    unknown, missing or bad parameter; KeyError on an unknown objective.
    """
    obj = OBJECTIVES[name]
    known = {p.name: p for p in obj.params}
    for key in params:
        if key not in known:
            expected = ", ".join(known) or "no parameters"
            raise ValueError(f"{key}: unknown parameter of objective {name!r}; expected {expected}")
    bound: dict[str, Any] = {}
    for p in obj.params:
        if p.name in params:
            try:
                bound[p.name] = p.check(params[p.name])
            except (ValueError, UnsclabError) as err:
                msg = err.problems[0].message if isinstance(err, UnsclabError) else str(err)
                raise ValueError(f"{p.name}: {msg}") from None
        elif p.required:
            raise ValueError(f"{p.name}: objective {name!r} needs {p.name} ({p.expects})")
        else:
            bound[p.name] = p.default
    return partial(obj.func, **bound)


# -- parameter checks --------------------------------------------------------------------------


def _groups(value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not items:
        raise ValueError(f"expected a regional group or a list of them ({', '.join(GROUPS)}), "
                         f"got {value!r}")
    for g in items:
        if g not in GROUPS:
            raise ValueError(f"expected a UN regional group ({', '.join(GROUPS)}), got {g!r}")
    return tuple(items)


def _state(value: Any) -> str:
    from unsclab.states import is_member

    code = str(value).strip().upper()
    if not is_member(code):
        raise ValueError(f"expected the ISO3 code of a UN member state, got {value!r}")
    return code


def _bloc(value: Any) -> tuple[str, ...]:
    from unsclab.blocs import parse_bloc

    if isinstance(value, (list, tuple)):
        value = "custom=" + ",".join(str(v) for v in value)
    return parse_bloc(str(value)).members


def _index(value: Any) -> str:
    if value not in ("banzhaf", "shapley_shubik"):
        raise ValueError(f"expected 'banzhaf' or 'shapley_shubik', got {value!r}")
    return value


_GROUP = Param("group", "a regional group or a list of them, e.g. \"AG\" or [\"AG\", \"APG\"]", _groups)
_STATE = Param("state", "an ISO3 code, e.g. \"KAZ\"", _state)
_BLOC = Param("bloc", "a bloc id (e.g. \"SWP-middle-powers\") or a list of ISO3 codes", _bloc)
_INDEX = Param("index", "'banzhaf' (default) or 'shapley_shubik'", _index, "banzhaf", required=False)


# -- built-in objectives -----------------------------------------------------------------------


@register_objective("coleman_act", direction="maximise",
                    doc="Coleman's power of the Council to act: share of coalitions that adopt.")
def coleman_act(design: Design, evaluation: Evaluation) -> float:
    return evaluation.coleman_act


@register_objective("penrose_distance", direction="minimise",
                    doc="Distance of states' power shares from Penrose's square-root ideal (0 best).")
def penrose_distance(design: Design, evaluation: Evaluation) -> float:
    return evaluation.representation["penrose_distance"]


@register_objective("gini_power_per_person", direction="minimise",
                    doc="Gini of power per person across the world's people (0 = equal).")
def gini_power_per_person(design: Design, evaluation: Evaluation) -> float:
    return evaluation.representation["gini_power_per_person"]


@register_objective("population_with_permanent_seat", direction="maximise",
                    doc="Share of member states' population whose state holds a permanent seat.")
def population_with_permanent_seat(design: Design, evaluation: Evaluation) -> float:
    return evaluation.representation["population_with_permanent_seat"]


@register_objective("p5_power_share", direction="minimise",
                    doc="The permanent five's share of (normalised Banzhaf) power.")
def p5_power_share(design: Design, evaluation: Evaluation) -> float:
    return evaluation.representation["p5_power_share"]


@register_objective("veto_power_share", direction="minimise",
                    doc="Share of power held by the seats that exercise a veto (limits on the veto).")
def veto_power_share(design: Design, evaluation: Evaluation) -> float:
    cp = evaluation.class_power
    return float(sum(c.count * cp[c.id]["banzhaf"] for c in design.seats
                     if c.id in design.veto_classes))


@register_objective("seat_equality", direction="maximise",
                    doc="Weakest seat's power over strongest seat's power (1 = all seats equal).")
def seat_equality(design: Design, evaluation: Evaluation) -> float:
    p = evaluation.seat_power("banzhaf")
    return float(p.min() / p.max()) if p.max() > 0 else 1.0


@register_objective("group_seat_share", direction="maximise", params=(_GROUP,),
                    doc="Expected share of the Council's seats held by states of the group(s).")
def group_seat_share(design: Design, evaluation: Evaluation, group: tuple[str, ...]) -> float:
    return evaluation.group_seats(group) / design.size


@register_objective("group_power_share", direction="maximise", params=(_GROUP, _INDEX),
                    doc="Share of power held by states of the group(s).")
def group_power_share(design: Design, evaluation: Evaluation, group: tuple[str, ...],
                      index: str = "banzhaf") -> float:
    return evaluation.group_share(group, index)


@register_objective("group_power_per_population", direction="maximise", params=(_GROUP, _INDEX),
                    doc="Group(s)' power share over their share of member states' population "
                        "(1 = proportional).")
def group_power_per_population(design: Design, evaluation: Evaluation, group: tuple[str, ...],
                               index: str = "banzhaf") -> float:
    ctx = context()
    mask = evaluation._group_mask(group)
    return evaluation.group_share(group, index) / float(
        ctx.population[mask].sum() / ctx.population.sum())


@register_objective("state_power_share", direction="maximise", params=(_STATE, _INDEX),
                    doc="A state's expected share of power.")
def state_power_share(design: Design, evaluation: Evaluation, state: str,
                      index: str = "banzhaf") -> float:
    return evaluation.share_of([state], index)


@register_objective("state_years", direction="maximise", params=(_STATE,),
                    doc="A state's expected years on the Council per decade (uniform rotation).")
def state_years(design: Design, evaluation: Evaluation, state: str) -> float:
    return 10 * float(evaluation.seats_held[context().index[state]])


@register_objective("bloc_power_share", direction="maximise", params=(_BLOC, _INDEX),
                    doc="A bloc's expected share of power.")
def bloc_power_share(design: Design, evaluation: Evaluation, bloc: tuple[str, ...],
                     index: str = "banzhaf") -> float:
    return evaluation.share_of(bloc, index)


@register_objective("bloc_seats", direction="maximise", params=(_BLOC,),
                    doc="A bloc's expected number of seats (member-years on the Council per year).")
def bloc_seats(design: Design, evaluation: Evaluation, bloc: tuple[str, ...]) -> float:
    ctx = context()
    return float(sum(evaluation.seats_held[ctx.index[c]] for c in bloc if c in ctx.index))


@register_objective("size", direction="minimise", doc="Number of seats.")
def size(design: Design, evaluation: Evaluation) -> float:
    return float(design.size)


@register_objective("quota_fraction", direction="minimise",
                    doc="Affirmative votes needed over the number of seats.")
def quota_fraction(design: Design, evaluation: Evaluation) -> float:
    return design.rule.quota / design.size


# -- could it be adopted? Charter Art. 108 (unsclab.amend) ---------------------------------------


def _feasibility(design: Design, evaluation: Evaluation) -> dict[str, float]:
    from unsclab.amend.feasibility import feasibility

    return evaluation.cached("amend", lambda: feasibility(design, evaluation))


@register_objective("p_ga", direction="maximise",
                    doc="Probability that two thirds of the General Assembly adopt the design "
                        "(Art. 108), by the amendment game with its built-in positions.")
def p_ga(design: Design, evaluation: Evaluation) -> float:
    return _feasibility(design, evaluation)["p_ga"]


@register_objective("p_ratification", direction="maximise",
                    doc="Probability that the design is adopted and ratified by two thirds of the "
                        "members including the five permanent members (Art. 108).")
def p_ratification(design: Design, evaluation: Evaluation) -> float:
    return _feasibility(design, evaluation)["p_ratification"]
