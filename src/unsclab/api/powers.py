"""Voting power of a design by seat, state, group or bloc: ``unsclab power`` and
:func:`unsclab.power`."""

from __future__ import annotations

__all__ = ["power", "power_result", "index_columns", "per_player", "BY"]

from collections.abc import Sequence

from unsclab.designs.model import Design
from unsclab.errors import UnsclabError
from unsclab.tables import Column, Table

BY = ("seat", "state", "group", "bloc")


def _value(value, exact: bool):
    return str(value) if exact else float(value)


def index_columns(names, exact: bool) -> list[Column]:
    """A column per power index (``"p/q"`` text when ``exact``)."""
    return [Column(n, kind="text" if exact else None) for n in names]


def per_player(indices: Sequence[str] | None) -> list[str] | None:
    """The per-player indices among those chosen (None: the default ones); game-scope indices
    such as Coleman's power to act are reported once, in the title or the JSON."""
    from unsclab.power import INDICES

    return None if indices is None else [n for n in indices if INDICES[n].scope == "player"]


def _seat_group(seat) -> str:
    """The group a seat's row shows: the named holder's regional group, else the seat's own
    group, with "any" for a seat open to every group (the design's ``group = "open"``, kept
    under ``seat_group``)."""
    from unsclab.groups import OPEN
    from unsclab.states import known_state, state

    if seat.group != OPEN:
        return seat.group
    if seat.holder and known_state(seat.holder):
        return state(seat.holder).group or "any"
    return "any"


def _seat_power(design: Design, indices: Sequence[str] | None, exact: bool, unions=()):
    from unsclab.power import INDICES, coleman_act, compute
    from unsclab.power.compile import compile_design
    from unsclab.quantities import format_value

    game = compile_design(design)
    if unions:  # blocs acting as a priori unions: their coalitional values too
        from unsclab.power.compile import seat_unions

        chosen = list(per_player(indices) or [n for n, i in INDICES.items()
                                              if i.default and i.scope == "player"])
        chosen += [n for n in ("owen", "banzhaf_owen") if n not in chosen]
        values = compute(game, chosen, unions=seat_unions(design, unions))
    else:
        values = compute(game, per_player(indices))
    rows = []
    weighted = design.rule.weighted_quota is not None
    for i, seat in enumerate(design.seat_list()):
        row = {"seat": seat.name, "class": seat.seat_class, "kind": seat.kind,
               "group": _seat_group(seat), "seat_group": seat.group, "veto": seat.veto}
        if weighted:
            row["weight"] = seat.weight
        for key, vals in values.items():
            row[key] = _value(vals[i], exact)
        rows.append(row)
    act = coleman_act(game)
    table = Table(f"{design.name}: power by seat (power to act "
                  f"{act if exact else format_value(act)})",
                  [Column("seat", header="Seat"), Column("group", header="Group"),
                   Column("veto", header="Veto", kind="text"),
                   *([Column("weight", header="Weight", kind="int",
                             definition="The seat's vote weight (rule.weighted_quota).")]
                     if weighted else []),
                   *index_columns(values, exact)],
                  rows)
    data = {"design": design.id, "by": "seat", "seats": rows, "coleman_act": _value(act, exact)}
    return rows, table, data, "seat"


def _columns(by: str, indices: Sequence[str]) -> list[Column]:
    if by == "state":
        return [Column("iso3", header="ISO3"), Column("name", header="State"),
                Column("group", header="Group"), Column("years_per_decade"),
                *index_columns(indices, False)]
    if by == "group":
        return [Column("group", header="Group"), Column("members", header="Members", kind="int"),
                Column("membership_share"), Column("population_share"), Column("seats"),
                Column("seat_share"), Column("power_share", header="Banzhaf power"),
                Column("shapley_shubik_share", quantity="shapley_shubik")]
    return [Column("bloc", header="Bloc"), Column("name", header="Name"),
            Column("members", header="Members", kind="int"), Column("expected_seats"),
            Column("banzhaf_share", quantity="banzhaf"),
            Column("shapley_shubik_share", quantity="shapley_shubik")]


def power_result(design: Design, by: str = "seat", indices: Sequence[str] | None = None, *,
                 occupancy: str = "auto", blocs=None, exact: bool = False,
                 top: int | None = None, unions: Sequence[str] = ()):
    """The rows, table and JSON document of ``unsclab power DESIGN --by BY``.

    ``unions`` (by seat): blocs of seats acting as a priori unions
    (:func:`unsclab.power.compile.seat_unions`); adds the Owen and Banzhaf-Owen values.

    ``top`` keeps the first states of the table (all in the rows and the JSON).
    """
    from unsclab.evaluate import DEFAULT_INDICES, evaluate_design, occupancy_for

    if by not in BY:
        raise UnsclabError(f"--by {by!r}: expected one of {', '.join(BY)}", field="--by")
    if by == "seat":
        return _seat_power(design, indices, exact, unions)
    if unions:
        raise UnsclabError("--union works with --by seat (blocs of seats acting as unions)",
                           field="--union")
    chosen = tuple(n for n in (indices or DEFAULT_INDICES) if n != "coleman_act")
    ev = evaluate_design(design, indices=chosen, blocs=blocs,
                         occupancy=occupancy_for(design, occupancy))
    rows = {"state": ev.states, "group": ev.groups, "bloc": ev.blocs}[by]
    how = f"unnamed seats filled by {ev.occupancy.method}"
    shown = rows[:top] if top and by == "state" else rows
    title = {
        "state": f"{design.name}: expected power by state "
                 f"({f'top {top}' if len(shown) < len(rows) else 'all'}; {how})",
        "group": f"{design.name}: seats and power by regional group ({how})",
        "bloc": f"{design.name}: power by bloc ({how})"}[by]
    data = {"design": design.id, "by": by, "occupancy": ev.occupancy.method,
            "coleman_act": _value(ev.coleman_act, exact), "rows": rows}
    key = {"state": "iso3", "group": "group", "bloc": "bloc"}[by]
    return rows, Table(title, _columns(by, ev.indices), shown), data, key


def power(design: str | Design, by: str = "seat", indices: Sequence[str] | None = None, *,
          occupancy: str = "auto", exact: bool = False):
    """Voting power of ``design`` by seat, state, group or bloc, as ``unsclab power``.

    Returns a :class:`~unsclab.api.Result` whose ``frame`` has one row per seat (index
    ``seat``), state (``iso3``), group or bloc, with one column per power index (shares as
    fractions; ``exact=True`` gives ``"p/q"`` text for seats).
    """
    from unsclab.api.result import Result
    from unsclab.designs import load_design

    d = design if isinstance(design, Design) else load_design(design)
    rows, table, data, key = power_result(d, by, indices, occupancy=occupancy, exact=exact)
    return Result(rows, [table], data, index=key)
