"""Game files: any monotone simple game written in TOML, for ``unsclab power --game FILE``.

A game file names its players and gives either ``[[conditions]]`` (all must be met) or
``[[alternatives]]``, each with its own ``[[alternatives.conditions]]`` (a coalition wins when
it meets every condition of some alternative)::

    name = "Council of the EU, qualified majority"
    players = ["AUT", "BEL", ...]

    [[alternatives]]
    label = "55 % of the members and 65 % of the population"
    [[alternatives.conditions]]
    label = "members"
    weight = 1                    # every player weight 1 (or weights = [...], one per player)
    quota = 15
    [[alternatives.conditions]]
    label = "population"
    weights = [9159, 11823, ...]
    quota = 292123

    [[alternatives]]
    label = "no blocking minority: fewer than four members against"
    [[alternatives.conditions]]
    weight = 1
    quota = 24

A condition may set ``abstain_passes = true`` (the ternary indices then count abstentions
towards its quota: "fewer than k no votes", as a veto). Every problem is reported with the file
and the field (``alternatives[2].conditions[1].weights``).
"""

from __future__ import annotations

__all__ = ["load_game", "game_from_dict"]

from typing import Any

from unsclab.errors import GameError
from unsclab.power.games import CompositeGame, Condition
from unsclab.power.union import UnionGame

_GAME_KEYS = {"name", "note", "source", "players", "conditions", "alternatives"}
_COND_KEYS = {"label", "weights", "weight", "quota", "abstain_passes", "note"}


def load_game(path: str) -> tuple[CompositeGame | UnionGame, str]:
    """Read a game file (see the module docstring): the game and its name (default the path)."""
    from unsclab.inputs import parse_toml, read_text

    text = read_text(path, error=GameError, what="a game TOML file")
    data = parse_toml(text, path, error=GameError)
    try:
        game = game_from_dict(data)
    except GameError as err:
        p = err.problems[0]
        raise GameError(p.message, file=path, field=p.field) from None
    name = data.get("name")
    return game, name if isinstance(name, str) and name else path


def game_from_dict(data: Any) -> CompositeGame | UnionGame:
    """A game from the parsed contents of a game file."""
    if not isinstance(data, dict):
        raise GameError("expected a table with players and conditions or alternatives")
    unknown = sorted(set(data) - _GAME_KEYS)
    if unknown:
        raise GameError(f"unknown key {unknown[0]!r}; expected {', '.join(sorted(_GAME_KEYS))}",
                        field=unknown[0])
    players = data.get("players")
    if (not isinstance(players, list) or not players
            or not all(isinstance(p, str) and p for p in players)):
        raise GameError("expected a non-empty list of player names", field="players")
    if ("conditions" in data) == ("alternatives" in data):
        raise GameError("expected either conditions or alternatives, not both or neither",
                        field="alternatives" if "alternatives" in data else "conditions")
    if "conditions" in data:
        return CompositeGame(_conditions(data["conditions"], len(players), "conditions"), players)
    alts = data["alternatives"]
    if not isinstance(alts, list) or not alts:
        raise GameError("expected at least one alternative in the union, got none",
                        field="alternatives")
    games = []
    for k, alt in enumerate(alts):
        at = f"alternatives[{k + 1}]"
        if not isinstance(alt, dict) or "conditions" not in alt:
            raise GameError("expected a table with conditions", field=at)
        extra = sorted(set(alt) - {"label", "note", "conditions"})
        if extra:
            raise GameError(f"unknown key {extra[0]!r}; expected label, note, conditions",
                            field=f"{at}.{extra[0]}")
        games.append(CompositeGame(_conditions(alt["conditions"], len(players),
                                               f"{at}.conditions"), players))
    return UnionGame(games, players)


def _conditions(items: Any, n: int, at: str) -> tuple[Condition, ...]:
    if not isinstance(items, list) or not items:
        raise GameError("expected at least one condition", field=at)
    out = []
    for j, c in enumerate(items):
        here = f"{at}[{j + 1}]"
        if not isinstance(c, dict):
            raise GameError("expected a table with weights and quota", field=here)
        extra = sorted(set(c) - _COND_KEYS)
        if extra:
            raise GameError(f"unknown key {extra[0]!r}; expected {', '.join(sorted(_COND_KEYS))}",
                            field=f"{here}.{extra[0]}")
        if ("weights" in c) == ("weight" in c):
            raise GameError("expected weights (one per player) or weight (the same for all)",
                            field=f"{here}.weights")
        weights = c["weights"] if "weights" in c else [c["weight"]] * n
        if not isinstance(weights, list) or len(weights) != n:
            raise GameError(f"expected {n} weights, one per player, got "
                            f"{len(weights) if isinstance(weights, list) else weights!r}",
                            field=f"{here}.weights")
        passes = c.get("abstain_passes", False)
        if not isinstance(passes, bool):
            raise GameError(f"expected true or false, got {passes!r}",
                            field=f"{here}.abstain_passes")
        try:
            out.append(Condition(tuple(weights), c.get("quota"), c.get("label", ""), passes))
        except GameError as err:
            p = err.problems[0]
            raise GameError(p.message, field=f"{here}.{p.field}") from None
    return tuple(out)
