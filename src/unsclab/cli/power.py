"""CLI: ``unsclab power`` (indices of a design or a weighted game) and ``unsclab compare``."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from unsclab.cli.common import split_codes, user_errors
from unsclab.cli.options import OCCUPANCIES, choice_option
from unsclab.cli.output import (
    Column,
    Table,
    Target,
    explain_option,
    format_option,
    out_option,
    target,
)
from unsclab.errors import GameError, UnsclabError


def _parse_weights(text: str) -> list[int]:
    if not text.strip():
        raise GameError("no weights given; expected comma-separated integers, e.g. 7,7,1,1,1",
                        field="--weights")
    weights = []
    for i, part in enumerate(text.split(","), start=1):
        part = part.strip()
        if not part.isdigit():
            raise GameError(f"weight {i} is {part!r}; expected a non-negative integer", field="--weights")
        weights.append(int(part))
    return weights


def _read_weights_file(path: str) -> tuple[list[str], list[int]]:
    import csv

    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
    except OSError as err:
        raise GameError(f"cannot read the file ({err.strerror})", file=path) from None
    if not rows or [c.strip().lower() for c in rows[0]] != ["name", "weight"]:
        raise GameError("expected a header line 'name,weight'", file=path, line=1)
    names, weights = [], []
    for line, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) != 2 or not row[1].strip().isdigit():
            raise GameError(f"expected 'name,weight' with a non-negative integer weight, got {','.join(row)!r}",
                            file=path, line=line)
        names.append(row[0].strip())
        weights.append(int(row[1]))
    if not names:
        raise GameError("no players: expected at least one 'name,weight' line", file=path)
    return names, weights


def _fmt(value, exact: bool):
    return str(value) if exact else float(value)


def _index_list(index: list[str]) -> tuple[str, ...] | None:
    from unsclab.power import index_names

    if not index:
        return None
    for name in index:
        if name not in index_names():
            raise GameError(f"unknown index {name!r}; expected one of {', '.join(index_names())}",
                            field="--index")
    return tuple(index)


@user_errors
def power_command(
    ref: Optional[str] = typer.Argument(None, help="A catalogue id or design TOML file."),
    index: list[str] = typer.Option([], "--index", "-i", help="Index to report (repeatable); default all feasible."),
    by: str = typer.Option("seat", "--by", help="Aggregate by seat, state, group or bloc."),
    weights: Optional[str] = typer.Option(None, "--weights", help="A plain weighted game: comma-separated integer weights."),
    weights_file: Optional[str] = typer.Option(None, "--weights-file", help="CSV with columns name,weight."),
    quota: Optional[int] = typer.Option(None, "--quota", help="Quota of the weighted game."),
    game_file: Optional[str] = typer.Option(None, "--game", help="A game TOML file: players and weighted conditions, or alternatives of them (any monotone game)."),
    exact: bool = typer.Option(False, "--exact", help="Exact fractions (as 'p/q' text) instead of floats."),
    occupancy: str = choice_option("--occupancy", "auto", OCCUPANCIES, "Who fills unnamed seats: elections (the calibrated model; auto is the same), or uniform (rotation within group)."),
    holders: Optional[str] = typer.Option(None, "--holders", help="Scenario: these states (ISO3,ISO3,...) take the unnamed permanent seats of their group."),
    union: list[str] = typer.Option([], "--union", help="With --by seat: a bloc acting as an a priori union (repeatable): a built-in bloc id (P5, G4) or NAME=SEAT-CLASS-OR-ISO3,...; adds the Owen and Banzhaf-Owen values."),
    bloc: list[str] = typer.Option([], "--bloc", help="With --by bloc: a built-in bloc id or NAME=ISO3,ISO3,... (repeatable); default all built-in blocs."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (as --format json)."),
    fmt: str = format_option(),
    out: Optional[str] = out_option(),
    explain: bool = explain_option(),
) -> None:
    """Voting power of a design's seats, states, groups or blocs — or of a plain weighted game,
    or of any game written in a game file (--game).

    Examples: unsclab power status-quo --by group;
    unsclab power --game examples/eu-council-qmv.toml --index banzhaf;
    unsclab power status-quo --union A3=elected-africa --index shapley_shubik;
    unsclab power status-quo --format csv --out power.csv;
    unsclab power --weights 7,7,7,7,7,1,1,1,1,1,1,1,1,1,1 --quota 39 --json
    """
    from unsclab.api.powers import BY as _BY

    dest = target(fmt, out, as_json, explain)
    if by not in _BY:
        raise UnsclabError(f"--by {by!r}: expected one of {', '.join(_BY)}", field="--by")
    chosen = _index_list(index)
    if game_file is not None:
        if ref is not None or weights is not None or weights_file is not None or quota is not None:
            raise UnsclabError("give --game alone: a game file has its own players and quotas")
        from unsclab.power.gamefile import load_game

        game, name = load_game(game_file)
        _game_table(game, [], chosen, exact, dest, f"{name} ({game.n} players)", {"game": name})
        return
    if weights is not None or weights_file is not None:
        if ref is not None:
            raise UnsclabError("give either a design or --weights/--weights-file, not both")
        _weighted(weights, weights_file, quota, chosen, exact, dest)
        return
    if ref is None:
        raise UnsclabError("expected a design (catalogue id or TOML file) or --weights/--weights-file")
    if quota is not None:
        raise UnsclabError("--quota goes with --weights or --weights-file; a design has its own quota")
    _design_power(ref, chosen, by, exact, dest, bloc, occupancy, holders, union)


def _weighted(weights, weights_file, quota, chosen, exact, dest: Target) -> None:
    from unsclab.power import WeightedGame

    if weights is not None and weights_file is not None:
        raise UnsclabError("give --weights or --weights-file, not both")
    if quota is None:
        raise GameError("a weighted game needs --quota", field="--quota")
    if weights_file is not None:
        names, ws = _read_weights_file(weights_file)
    else:
        ws = _parse_weights(weights)
        names = [f"p{i + 1}" for i in range(len(ws))]
    game = WeightedGame(ws, quota, names=names)
    _game_table(game, ws, chosen, exact, dest, f"Weighted game [{quota}; {len(ws)} players]",
                {"quota": quota})


def _game_table(game, ws, chosen, exact, dest: Target, title: str, extra: dict) -> None:
    """Per-player indices of a plain game (``ws``: the weights to show, if one weighted vote)."""
    from unsclab.api.powers import index_columns, per_player
    from unsclab.power import coleman_act, compute
    from unsclab.power.games import LimitError
    from unsclab.quantities import format_value

    try:
        values = compute(game, per_player(chosen))
        act = coleman_act(game)
    except LimitError as err:  # beyond the exact kernels: a labelled estimate, not a refusal
        values, act, title = _approximate(game, chosen, err, title)
        exact = False
    players = []
    for i, name in enumerate(game.names):
        row = {"name": name, **({"weight": ws[i]} if ws else {})}
        for key, vals in values.items():
            row[key] = _fmt(vals[i], exact)
        players.append(row)
    weight_col = [Column("weight", header="Weight", kind="int")] if ws else []
    head = title if act is None else f"{title}: power to act {act if exact else format_value(act)}"
    table = Table(head,
                  [Column("name", header="Player"), *weight_col, *index_columns(values, exact)],
                  players)
    dest.emit([table], json_payload={"players": players, **extra,
                                     "coleman_act": None if act is None else _fmt(act, exact)})


def _approximate(game, chosen, err, title: str):
    """Monte Carlo estimates of the approximable indices asked for (default: all three)."""
    import sys

    from unsclab.power.approx import APPROXIMABLE, DEFAULT_ESTIMATES, approximate

    limit = getattr(err, "limit", err.problems[0].message)
    names = [n for n in (chosen or DEFAULT_ESTIMATES) if n in APPROXIMABLE]
    if not names:
        raise GameError(f"{limit}; only {', '.join(APPROXIMABLE)} can be "
                        f"estimated beyond it", field="--index")
    est = approximate(game, names, seed=0)
    sys.stderr.write(f"note: {limit}; showing estimates instead\n")
    return est.values, None, f"{title} -- {est.label}"


def union_specs(specs):
    """``--union`` values as given (checked against the design by seat_unions)."""
    return [s for s in specs if s.strip()]


def _design_power(ref, chosen, by, exact, dest: Target, bloc_specs=(), occupancy="auto",
                  holders=None, unions=()) -> None:
    from unsclab.api.powers import power_result
    from unsclab.blocs import parse_bloc
    from unsclab.designs import load_design

    design = load_design(ref)
    if holders:
        design, unplaced = design.with_holders(split_codes(holders))
        if unplaced:
            sys.stderr.write(f"note: no unnamed permanent seat of their group for {', '.join(unplaced)}\n")
    blocs = tuple(parse_bloc(b) for b in bloc_specs) or None
    top = 40 if dest.fmt == "table" and dest.out is None else None
    _, table, data, _ = power_result(design, by, chosen, occupancy=occupancy, blocs=blocs,
                                     exact=exact, top=top, unions=tuple(union_specs(unions)))
    dest.emit([table], json_payload=data)


def register(app: typer.Typer) -> None:
    app.command("power")(power_command)
