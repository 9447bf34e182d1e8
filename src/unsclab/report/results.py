"""The results of a design that figures, reports and the web app show, as one JSON-ready dict.

:func:`design_view` gathers, for one design:

- ``design``: the catalogue summary (the shape of ``unsclab designs list --json``);
- ``seat_classes``: each class with its kind, group, seats, term and veto status;
- ``power``: normalised Banzhaf and Shapley–Shubik power of one seat of each class, the class
  total, and Coleman's power of the collectivity to act (from :mod:`unsclab.power`, exact
  fractions given as floats and as ``"p/q"`` text);
- ``groups``: seats and power by UN regional group against membership and population shares
  (:func:`unsclab.metrics.group_table`);
- ``representation``: the measures of :func:`unsclab.metrics.representation`;
- ``states``: the states with the most expected power (uniform rotation of unnamed seats);
- ``blocs``: power and expected seats of the built-in blocs (P5, G4, UfC, AU, ...);
- ``engine``: ``"unsclab.evaluate"`` when :func:`unsclab.evaluate.evaluate_design` computed
  the numbers (the one evaluation shared with ``unsclab power`` and ``unsclab compare``), else
  ``"interim"`` (the same indices computed here from :mod:`unsclab.power`, with a note);
- ``replay``: a summary from :mod:`unsclab.replay` where it exists, else ``None`` with a note;
- ``notes``: one line per part that could not be computed and why.

A part that is missing or fails (a module not written yet, a game beyond the exact limits)
leaves ``None`` and a note: pages and reports show the note instead of crashing. Every number
is deterministic (no randomness here).
"""

from __future__ import annotations

__all__ = ["design_view", "design_summary", "seat_classes", "VIEW_KEYS", "expected_years"]

import importlib
from fractions import Fraction
from typing import Any

from unsclab.designs.io import design_summary
from unsclab.designs.model import Design
from unsclab.errors import UnsclabError

VIEW_KEYS = ("design", "seat_classes", "power", "groups", "representation", "states", "blocs",
             "engine", "occupancy_method", "replay", "notes")

#: power indices computed per seat class (registry names of :mod:`unsclab.power.indices`)
INDICES = ("banzhaf", "shapley_shubik")


def seat_classes(design: Design) -> list[dict[str, Any]]:
    veto = design.rule.veto
    out = []
    for c in design.seats:
        out.append({
            "id": c.id,
            "label": c.label or c.id,
            "kind": c.kind,
            "group": c.constituency or c.group,
            "count": c.count,
            "term_years": c.term_years,
            "re_eligible": c.re_eligible,
            "veto": "yes" if c.id in veto.classes else ("deferred" if c.id in veto.deferred else "no"),
            "holders": list(c.holders),
        })
    return out


def _frac(x: Fraction) -> str:
    return f"{x.numerator}/{x.denominator}"


def _power(design: Design) -> tuple[dict[str, Any], dict[str, Fraction]]:
    from unsclab.power import coleman_act, compute
    from unsclab.power.compile import compile_design

    game = compile_design(design)
    values = compute(game, list(INDICES))
    act = coleman_act(game)
    first: dict[str, int] = {}
    for i, seat in enumerate(design.seat_list()):
        first.setdefault(seat.seat_class, i)
    rows = []
    banzhaf_per_seat: dict[str, Fraction] = {}
    for c in design.seats:
        i = first[c.id]
        row: dict[str, Any] = {"class": c.id, "label": c.label or c.id, "kind": c.kind,
                               "group": c.constituency or c.group, "count": c.count}
        for name in INDICES:
            v = values[name][i]
            row[name] = float(v)
            row[f"{name}_exact"] = _frac(v)
            row[f"{name}_class_total"] = float(v * c.count)
        banzhaf_per_seat[c.id] = values["banzhaf"][i]
        rows.append(row)
    power = {
        "indices": list(INDICES),
        "per_seat_class": rows,
        "ability_to_act": float(act),
        "ability_to_act_exact": _frac(act),
        "model": "binary a-priori (each seat votes yes or no with equal probability)",
    }
    return power, banzhaf_per_seat


def expected_years(design: Design, iso3: str) -> float:
    """Expected years per decade that ``iso3`` sits on the Council (uniform rotation)."""
    from unsclab.occupancy import uniform_occupancy

    return float(uniform_occupancy(design).years_per_decade(iso3))


def _states(design: Design, occupancy, banzhaf_per_seat, limit: int = 20) -> list[dict]:
    from unsclab import states
    from unsclab.metrics import state_power

    power = state_power(occupancy, banzhaf_per_seat)
    top = sorted(power.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    rows = []
    for iso3, p in top:
        s = states.state(iso3) if states.known_state(iso3) else None
        rows.append({
            "iso3": iso3,
            "name": s.name if s else iso3,
            "group": s.group if s else None,
            "years_per_decade": float(occupancy.years_per_decade(iso3)),
            "banzhaf": float(p),
        })
    return rows


def _optional(module: str):
    """Import an optional part of unsclab, or None when it does not exist yet."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name and (err.name == module or module.startswith(err.name + ".")):
            return None
        raise


def _from_evaluation(design: Design, ev) -> dict[str, Any]:
    """The view's power parts from an :class:`unsclab.evaluate.Evaluation`."""
    rows = []
    for c in design.seats:
        row: dict[str, Any] = {"class": c.id, "label": c.label or c.id, "kind": c.kind,
                               "group": c.constituency or c.group, "count": c.count}
        for name in INDICES:
            v = ev.per_seat[name][c.id]
            row[name] = float(v)
            row[f"{name}_exact"] = _frac(v)
            row[f"{name}_class_total"] = float(v * c.count)
        rows.append(row)
    power = {
        "indices": list(INDICES),
        "per_seat_class": rows,
        "ability_to_act": float(ev.coleman_act),
        "ability_to_act_exact": _frac(ev.coleman_act),
        "model": "binary a-priori (each seat votes yes or no with equal probability)",
    }
    states = [{"iso3": r["iso3"], "name": r["name"], "group": r.get("group"),
               "years_per_decade": r["years_per_decade"], "banzhaf": r["banzhaf"],
               "shapley_shubik": r.get("shapley_shubik")} for r in ev.states[:20]]
    return {"power": power, "groups": _jsonable(ev.groups),
            "representation": _jsonable(ev.representation), "states": _jsonable(states),
            "blocs": _jsonable(ev.blocs), "occupancy_method": ev.occupancy.method}


def _replay(design: Design, notes: list[str]):
    mod = _optional("unsclab.replay")
    summary = getattr(mod, "replay_summary", None) if mod else None
    if summary is None:
        notes.append("History replay (unsclab.replay) is not available in this version yet.")
        return None
    try:
        return _jsonable(summary(design))
    except (UnsclabError, OSError) as err:
        notes.append(f"History replay could not be computed: {err}")
        return None


def _jsonable(obj: Any) -> Any:
    """Fractions → floats, tuples → lists, numpy scalars → numbers, recursively."""
    if isinstance(obj, Fraction):
        return float(obj)
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in obj]
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        try:
            return obj.item()
        except (TypeError, ValueError):
            pass
    if hasattr(obj, "to_dict"):
        return _jsonable(obj.to_dict())
    return obj


def design_view(design: Design, *, replay: bool = True) -> dict[str, Any]:
    """Everything the pages and reports show about ``design`` (see the module docstring)."""
    notes: list[str] = []
    view: dict[str, Any] = {k: None for k in VIEW_KEYS}
    view["design"] = design_summary(design)
    view["seat_classes"] = seat_classes(design)
    evaluate = _optional("unsclab.evaluate")
    try:
        if evaluate is not None and hasattr(evaluate, "evaluate_design"):
            view.update(_from_evaluation(design, evaluate.evaluate_design(design)))
            view["engine"] = "unsclab.evaluate"
        else:
            notes.append("unsclab.evaluate is not available in this version: power and "
                         "representation computed by the interim path of unsclab.report.")
            view.update(_interim(design))
            view["engine"] = "interim"
    except UnsclabError as err:
        notes.append(f"Voting power could not be computed: {err}")
    view["replay"] = _replay(design, notes) if replay else None
    view["notes"] = notes
    return view


def _interim(design: Design) -> dict[str, Any]:
    from unsclab.metrics import group_table, representation
    from unsclab.occupancy import uniform_occupancy

    occupancy = uniform_occupancy(design)
    power, per_seat = _power(design)
    per_seat_f = {k: float(v) for k, v in per_seat.items()}
    return {"power": power, "groups": group_table(design, occupancy, per_seat_f),
            "representation": representation(design, occupancy, per_seat_f),
            "states": _states(design, occupancy, per_seat), "blocs": None,
            "occupancy_method": occupancy.method}
