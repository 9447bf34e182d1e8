"""The results of a design that figures, reports and the web app show, as one JSON-ready dict.

:func:`design_view` gathers, for one design:

- ``design``: the catalogue summary (the shape of ``unsclab designs list --json``);
- ``seat_classes``: each class with its kind, group, seats, term and veto status;
- ``power``: normalised Banzhaf and Shapley–Shubik power of one seat of each class, the class
  total, and Coleman's power of the collectivity to act (exact fractions given as floats and
  as ``"p/q"`` text);
- ``groups``: seats and power by UN regional group against membership and population shares;
- ``representation``: the measures of :func:`unsclab.metrics.representation`;
- ``states``: the 20 states with the most expected power;
- ``blocs``: power and expected seats of the built-in blocs (P5, G4, UfC, AU, ...);
- ``engine``: ``"unsclab.evaluate"``: :func:`unsclab.evaluate.evaluate_design` computed the
  numbers (the one evaluation shared with ``unsclab power`` and ``unsclab compare``);
- ``occupancy_method``: who fills unnamed seats (``Occupancy.method``): ``"elections"`` (the
  calibrated elections model of :mod:`unsclab.elections`, ``draws`` draws with ``seed``, years
  2027–2060; the record ships with the package) — chosen by
  :func:`unsclab.evaluate.occupancy_for` with ``"auto"``, as ``unsclab compare`` does;
- ``replay``: :func:`unsclab.replay.replay_summary` (since 1990, ``draws`` draws, ``seed``),
  or ``None`` when ``replay=False`` or the design cannot be replayed (with a note);
- ``notes``: one line per part that could not be computed and why.

A part that fails (a game beyond the exact limits) leaves ``None`` and a note (a data error —
a corrupt snapshot — is raised instead): pages and reports show the note instead of crashing. Every number is deterministic: the
Monte Carlo parts are seeded.
"""

from __future__ import annotations

__all__ = ["design_view", "design_summary", "seat_classes", "VIEW_KEYS", "expected_years",
           "occupancy_text", "DRAWS", "SEED", "SINCE"]

from fractions import Fraction
from typing import Any

from unsclab.designs.io import design_summary
from unsclab.designs.model import Design
from unsclab.errors import DataError, UnsclabError

VIEW_KEYS = ("design", "seat_classes", "power", "groups", "representation", "states", "blocs",
             "engine", "occupancy_method", "replay", "notes")

#: power indices shown per seat class (registry names of :mod:`unsclab.power.indices`)
INDICES = ("banzhaf", "shapley_shubik")

#: Monte Carlo draws and seed of the elections model and the replay (as ``unsclab compare``)
DRAWS = 200
SEED = 1
#: first year of the replay totals
SINCE = 1990


def seat_classes(design: Design) -> list[dict[str, Any]]:
    """One row per seat class; with ``weight`` (each seat's vote weight) in a weighted design
    and ``shared`` (a sentence on the organisation holding it) for a shared seat."""
    from unsclab.designs.sharing import holders_text, sharing_lines

    veto = design.rule.veto
    weights = design.class_weights() if design.rule.weighted_quota is not None else None
    shared = {c.id: line for c, line in zip([c for c in design.seats if c.shared],
                                            sharing_lines(design)[1 if weights else 0:])}
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
            "holders": [holders_text(c)] if c.shared else list(c.holders),
            **({"weight": weights[c.id]} if weights else {}),
            **({"shared": shared[c.id]} if c.shared else {}),
        })
    return out


def _frac(x: Fraction) -> str:
    return f"{x.numerator}/{x.denominator}"


def occupancy_text(method: str | None, draws: int = DRAWS, seed: int | None = SEED) -> str:
    """How unnamed seats were filled, in words, for pages, reports and figure captions."""
    if method == "elections":
        return (f"elections model (calibrated on 1946–2025 service; {draws} draws, seed {seed}; "
                "expected over 2027–2060)")
    return method or "not computed"


def expected_years(design: Design, iso3: str, *, draws: int = DRAWS,
                   seed: int | None = SEED) -> float:
    """Expected years per decade that ``iso3`` sits on the Council (``occupancy_for`` "auto")."""
    from unsclab.evaluate import occupancy_for

    return float(occupancy_for(design, "auto", draws=draws, seed=seed).years_per_decade(iso3))


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


def replay_of(design: Design, notes: list[str], *, since: int = SINCE, draws: int = DRAWS,
              seed: int | None = SEED) -> dict[str, Any] | None:
    """:func:`unsclab.replay.replay_summary` of ``design``, or None with a note saying why."""
    from unsclab.replay import replay_summary

    try:
        return _jsonable(replay_summary(design, since=since, draws=draws, seed=seed))
    except DataError:
        raise  # the record ships with the package: a data error is a real fault, not a gap
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


def design_view(design: Design, *, replay: bool = True, occupancy=None, draws: int = DRAWS,
                seed: int | None = SEED) -> dict[str, Any]:
    """Everything the pages and reports show about ``design`` (see the module docstring).

    ``occupancy`` (an :class:`unsclab.occupancy.Occupancy`) skips choosing one — the web app
    passes its cached one; by default ``occupancy_for(design, "auto", draws=draws, seed=seed)``.
    """
    from unsclab.evaluate import evaluate_design, occupancy_for

    notes: list[str] = []
    view: dict[str, Any] = {k: None for k in VIEW_KEYS}
    view["design"] = design_summary(design)
    view["seat_classes"] = seat_classes(design)
    view["engine"] = "unsclab.evaluate"
    try:
        occ = occupancy or occupancy_for(design, "auto", draws=draws, seed=seed)
        view.update(_from_evaluation(design, evaluate_design(design, occupancy=occ)))
    except DataError:
        raise
    except UnsclabError as err:
        notes.append(f"Voting power could not be computed: {err}")
    if replay:
        view["replay"] = replay_of(design, notes, draws=draws, seed=seed)
    view["notes"] = notes
    return view
