"""CLI: ``unsclab power`` (indices of a design or a weighted game) and ``unsclab compare``."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from unsclab.cli.common import console, print_json, split_codes, user_errors
from unsclab.errors import GameError, UnsclabError

_BY = ("seat", "state", "group", "bloc")


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


def _per_player(chosen: tuple[str, ...] | None) -> list[str] | None:
    """The per-player indices among those chosen (None: the default ones); game-scope indices
    such as Coleman's power to act are reported once, in the title or the JSON."""
    from unsclab.power import INDICES

    return None if chosen is None else [n for n in chosen if INDICES[n].scope == "player"]


@user_errors
def power_command(
    ref: Optional[str] = typer.Argument(None, help="A catalogue id or design TOML file."),
    index: list[str] = typer.Option([], "--index", "-i", help="Index to report (repeatable); default all feasible."),
    by: str = typer.Option("seat", "--by", help="Aggregate by seat, state, group or bloc."),
    weights: Optional[str] = typer.Option(None, "--weights", help="A plain weighted game: comma-separated integer weights."),
    weights_file: Optional[str] = typer.Option(None, "--weights-file", help="CSV with columns name,weight."),
    quota: Optional[int] = typer.Option(None, "--quota", help="Quota of the weighted game."),
    exact: bool = typer.Option(False, "--exact", help="Exact fractions (as 'p/q' text) instead of floats."),
    occupancy: str = typer.Option("auto", "--occupancy", help="Who fills unnamed seats: elections (calibrated model; needs the record), uniform (rotation within group), or auto."),
    holders: Optional[str] = typer.Option(None, "--holders", help="Scenario: these states (ISO3,ISO3,...) take the unnamed permanent seats of their group."),
    bloc: list[str] = typer.Option([], "--bloc", help="With --by bloc: a built-in bloc id or NAME=ISO3,ISO3,... (repeatable); default all built-in blocs."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Voting power of a design's seats, states, groups or blocs — or of a plain weighted game.

    Examples: unsclab power status-quo --by group;
    unsclab power --weights 7,7,7,7,7,1,1,1,1,1,1,1,1,1,1 --quota 39 --json
    """
    if by not in _BY:
        raise UnsclabError(f"--by {by!r}: expected one of {', '.join(_BY)}", field="--by")
    chosen = _index_list(index)
    if weights is not None or weights_file is not None:
        if ref is not None:
            raise UnsclabError("give either a design or --weights/--weights-file, not both")
        _weighted(weights, weights_file, quota, chosen, exact, as_json)
        return
    if ref is None:
        raise UnsclabError("expected a design (catalogue id or TOML file) or --weights/--weights-file")
    if quota is not None:
        raise UnsclabError("--quota goes with --weights or --weights-file; a design has its own quota")
    _design_power(ref, chosen, by, exact, as_json, bloc, occupancy, holders)


def _weighted(weights, weights_file, quota, chosen, exact, as_json) -> None:
    from unsclab.power import WeightedGame, coleman_act, compute

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
    values = compute(game, _per_player(chosen))
    act = coleman_act(game)
    players = []
    for i, (name, w) in enumerate(zip(names, ws, strict=True)):
        row = {"name": name, "weight": w}
        for key, vals in values.items():
            row[key] = _fmt(vals[i], exact)
        players.append(row)
    if as_json:
        print_json({"players": players, "quota": quota, "coleman_act": _fmt(act, exact)})
        return
    from rich.table import Table

    table = Table(title=f"Weighted game [{quota}; {len(ws)} players], Coleman power to act {float(act):.6f}")
    table.add_column("player")
    table.add_column("weight", justify="right")
    for key in values:
        table.add_column(key, justify="right")
    for row in players:
        table.add_row(row["name"], str(row["weight"]),
                      *[(row[k] if exact else f"{row[k]:.6f}") for k in values])
    console().print(table)


def _design_power(ref, chosen, by, exact, as_json, bloc_specs=(), occupancy="auto",
                  holders=None) -> None:
    from unsclab.blocs import parse_bloc

    from unsclab.designs import load_design
    from unsclab.evaluate import DEFAULT_INDICES, evaluate_design, occupancy_for
    from unsclab.power import compute
    from unsclab.power.compile import compile_design

    design = load_design(ref)
    if holders:
        design, unplaced = design.with_holders(split_codes(holders))
        if unplaced:
            sys.stderr.write(f"note: no unnamed permanent seat of their group for {', '.join(unplaced)}\n")
    if by == "seat":
        game = compile_design(design)
        values = compute(game, _per_player(chosen))
        from unsclab.power import coleman_act

        seats = design.seat_list()
        rows = []
        for i, seat in enumerate(seats):
            row = {"seat": seat.name, "class": seat.seat_class, "kind": seat.kind,
                   "group": seat.group, "veto": seat.veto}
            for key, vals in values.items():
                row[key] = _fmt(vals[i], exact)
            rows.append(row)
        act = coleman_act(game)
        if as_json:
            print_json({"design": design.id, "by": "seat", "seats": rows, "coleman_act": _fmt(act, exact)})
            return
        _table(f"{design.name}: power by seat (Coleman power to act {float(act):.6f})",
               ["seat", "class", "veto", *values], rows, exact)
        return
    indices = tuple(n for n in (chosen or DEFAULT_INDICES) if n != "coleman_act")
    blocs = tuple(parse_bloc(b) for b in bloc_specs) or None
    ev = evaluate_design(design, indices=indices, blocs=blocs,
                         occupancy=occupancy_for(design, occupancy))
    rows = {"state": ev.states, "group": ev.groups, "bloc": ev.blocs}[by]
    if as_json:
        print_json({"design": design.id, "by": by, "occupancy": ev.occupancy.method,
                    "coleman_act": _fmt(ev.coleman_act, exact), "rows": rows})
        return
    if by == "state":
        cols = ["iso3", "name", "group", "years_per_decade", *ev.indices]
        rows = rows[:40]
        title = f"{design.name}: expected power by state (top 40; {ev.occupancy.method})"
    elif by == "group":
        cols = ["group", "members", "membership_share", "population_share", "seats", "seat_share",
                "power_share", "shapley_shubik_share"]
        title = f"{design.name}: seats and power by regional group ({ev.occupancy.method})"
    else:
        cols = ["bloc", "name", "members", "expected_seats", "banzhaf_share", "shapley_shubik_share"]
        title = f"{design.name}: power by bloc ({ev.occupancy.method})"
    _table(title, cols, rows, exact=False)


def _table(title: str, cols: list[str], rows: list[dict], exact: bool) -> None:
    from rich.table import Table

    table = Table(title=title)
    for c in cols:
        table.add_column(c, justify="left" if c in ("seat", "class", "iso3", "name", "group", "bloc") else "right")
    for r in rows:
        cells = []
        for c in cols:
            v = r.get(c, "")
            if isinstance(v, bool):
                v = "yes" if v else ""
            elif isinstance(v, float):
                v = f"{v:.6f}" if v < 1 else f"{v:.3f}"
            cells.append(str(v) if v is not None else "")
        table.add_row(*cells)
    console().print(table)


@user_errors
def compare_command(
    refs: list[str] = typer.Argument(None, help="Catalogue ids or design files; default the whole catalogue."),
    state: Optional[str] = typer.Option(None, "--state", help="Add this state's expected power and years on the Council (ISO3)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (a list, one object per design)."),
    plot: Optional[str] = typer.Option(None, "--plot", help="Write a comparison figure (PNG) to this file."),
    occupancy: str = typer.Option("auto", "--occupancy", help="Who fills unnamed seats: elections (calibrated model; needs the record), uniform (rotation within group), or auto."),
    history: str = typer.Option("auto", "--history", help="Replay the record under each design: yes, no, or auto (when the record can be read)."),
    since: int = typer.Option(1990, "--since", help="First year of the replay columns."),
    draws: int = typer.Option(200, "--draws", help="Monte Carlo draws for elections and replay."),
    seed: int = typer.Option(1, "--seed", help="Seed of the Monte Carlo draws."),
    holders: Optional[str] = typer.Option(None, "--holders", help="Scenario: these states (ISO3,ISO3,...) take the unnamed permanent seats of their group, e.g. BRA,DEU,IND,JPN,NGA,ZAF."),
) -> None:
    """Compare designs: ability to act, the P5's share, seats and power by group, representation.

    Example: unsclab compare status-quo g4-2005 ezulwini-2005 --state KAZ --plot compare.png
    """
    from unsclab.designs import catalog_ids, load_design
    from unsclab.evaluate import evaluate_design, occupancy_for
    from unsclab.states import known_state

    if history not in ("auto", "yes", "no"):
        raise UnsclabError(f"--history {history!r}: expected yes, no or auto", field="--history")
    if draws < 1 or draws > 100_000:
        raise UnsclabError(f"--draws {draws}: expected 1 to 100000", field="--draws")

    if state is not None:
        state = state.strip().upper()
        if not known_state(state):
            raise UnsclabError(f"unknown state code {state!r}; expected the ISO3 code of a UN member state",
                               field="--state")
    designs = [load_design(r) for r in (refs or catalog_ids())]
    if holders:
        designs = [d.with_holders(split_codes(holders))[0] for d in designs]
    evaluations = [evaluate_design(d, occupancy=occupancy_for(d, occupancy, draws=draws, seed=seed))
                   for d in designs]
    rows = [_compare_row(ev, state) for ev in evaluations]
    for row, design in zip(rows, designs, strict=True):
        row["replay"] = _replay_columns(design, history, since, draws, seed)
    if occupancy == "auto" and evaluations and evaluations[0].occupancy.method != "elections":
        sys.stderr.write("note: the record is not available (see 'unsclab data status'); "
                         "unnamed seats rotate uniformly within their group\n")
    if plot:
        from unsclab.report.compare import compare_figure

        compare_figure(evaluations, plot, state=state)
    if as_json:
        print_json(rows)
        return
    _compare_tables(rows, state)
    if plot:
        sys.stderr.write(f"wrote {plot}\n")


def _replay_columns(design, history: str, since: int, draws: int, seed: int) -> dict | None:
    """Replay columns of ``compare``: adoption rate since ``since``, vetoed drafts that pass."""
    if history == "no":
        return None
    from unsclab.errors import DataError
    from unsclab.replay import replay_summary

    try:
        s = replay_summary(design, since=since, draws=draws, seed=seed)
    except DataError:
        if history == "yes":
            raise
        return None
    return {k: s[k] for k in ("since", "draws", "seed", "decisions", "adoption_rate",
                              "vetoed_now_adopted", "adopted_now_failed", "changed",
                              "historical_adopted", "historical_vetoed")}


def _compare_row(ev, state: str | None) -> dict:
    d = ev.design
    veto = d.rule.veto
    holders = sum(c.count for c in d.seats if c.id in veto.classes)
    row = {
        "id": d.id, "name": d.name, "year": d.year, "status": d.status, "seats": d.size,
        "quota": d.rule.quota,
        "veto": ("none" if not holders else f"{holders}" + (f" (need {veto.negatives})" if veto.negatives > 1 else "")),
        "coleman_act": float(ev.coleman_act),
        "p5_power_share": ev.representation["p5_power_share"],
        "seats_by_group": {g["group"]: g["seats"] for g in ev.groups},
        "power_by_group": {g["group"]: g["power_share"] for g in ev.groups},
        "population_with_permanent_seat": ev.representation["population_with_permanent_seat"],
        "penrose_distance": ev.representation["penrose_distance"],
        "gini_power_per_person": ev.representation["gini_power_per_person"],
        "occupancy": ev.occupancy.method,
    }
    if state:
        s = ev.state(state)
        row["state"] = {"iso3": state, "banzhaf_share": s["banzhaf"],
                        "shapley_shubik_share": s["shapley_shubik"],
                        "years_per_decade": s["years_per_decade"]}
    return row


def _compare_tables(rows: list[dict], state: str | None) -> None:
    from rich.table import Table

    from unsclab.groups import GROUPS

    out = console()
    method = rows[0]["occupancy"] if rows else ""
    t1 = Table(title=f"Decision rule and voting power (normalised Banzhaf share; unnamed seats: {method})")
    for c in ("design", "seats", "quota", "veto", "act", "P5", *[f"{g}" for g in GROUPS]):
        t1.add_column(c, justify="left" if c in ("design", "veto") else "right")
    for r in rows:
        t1.add_row(r["id"], str(r["seats"]), str(r["quota"]), r["veto"], f"{r['coleman_act']:.4f}",
                   f"{r['p5_power_share']:.1%}", *[f"{r['power_by_group'][g]:.1%}" for g in GROUPS])
    out.print(t1)
    if rows and rows[0].get("replay"):
        rp0 = rows[0]["replay"]
        t0 = Table(title=f"History replayed {rp0['since']}–2025 ({rp0['decisions']} decisions, "
                         f"{rp0['draws']} draws, seed {rp0['seed']}; votes of new members predicted)")
        for c in ("design", "adopted", "vetoed drafts that pass", "adopted that fail", "changed"):
            t0.add_column(c, justify="left" if c == "design" else "right")
        for r in rows:
            rp = r["replay"]
            t0.add_row(r["id"], f"{rp['adoption_rate']:.1%}",
                       f"{rp['vetoed_now_adopted']} of {rp['historical_vetoed']}",
                       str(rp["adopted_now_failed"]), str(rp["changed"]))
        out.print(t0)
    t2 = Table(title="Representation (expected seats by group; world population with a permanent seat; "
                     "Penrose distance and Gini: 0 is fairest)")
    for c in ("design", *GROUPS, "pop. perm.", "Penrose", "Gini"):
        t2.add_column(c, justify="left" if c == "design" else "right")
    for r in rows:
        t2.add_row(r["id"], *[f"{r['seats_by_group'][g]:.2f}" for g in GROUPS],
                   f"{r['population_with_permanent_seat']:.1%}", f"{r['penrose_distance']:.3f}",
                   f"{r['gini_power_per_person']:.3f}")
    out.print(t2)
    if state:
        from unsclab.states import state_name

        t3 = Table(title=f"{state_name(state)} ({state}): expected share of power and years on the Council per decade")
        for c in ("design", "Banzhaf share", "Shapley–Shubik share", "years per decade"):
            t3.add_column(c, justify="left" if c == "design" else "right")
        for r in rows:
            s = r["state"]
            t3.add_row(r["id"], f"{s['banzhaf_share']:.4%}", f"{s['shapley_shubik_share']:.4%}",
                       f"{s['years_per_decade']:.2f}")
        out.print(t3)


def register(app: typer.Typer) -> None:
    app.command("power")(power_command)
    app.command("compare")(compare_command)
