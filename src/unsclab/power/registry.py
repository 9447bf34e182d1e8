"""The registry of power indices: each registered once, with its definition and citation.

An index is a function of a game returning one exact value per player (or one per game), with a
docstring that gives its definition and references. :func:`compute` evaluates several indices
sharing the kernels' counts (they are cached per game).
"""

from __future__ import annotations

__all__ = [
    "PowerIndex",
    "INDICES",
    "register_index",
    "compute",
    "index_value",
    "index_names",
    "feasible",
]

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from unsclab.errors import GameError
from unsclab.power.games import LIMITS, CompositeGame, LimitError
from unsclab.power.kernels import player_profiles, swings

Value = tuple[Fraction, ...] | Fraction


@dataclass(frozen=True)
class PowerIndex:
    """A registered power index.

    Attributes
    ----------
    name : str
        Registry key (``snake_case``), used by the CLI and JSON output.
    title : str
        Human name.
    scope : {"player", "game"}
        ``"player"``: one value per player; ``"game"``: one value for the whole game.
    needs : {"swings", "shapley", "structure", "ternary"}
        Which counts it needs: swings alone scale to hundreds of players; "structure"
        (minimal winning coalitions) and "ternary" (yes / abstain / no roll calls) are limited
        to games with few player types; "unions" (a priori unions) take ``func(game, unions)``.
    func : callable
        ``func(game) -> tuple of Fraction`` (player scope) or ``Fraction`` (game scope).
    default : bool
        Computed when no index is named (the classic indices); the others on request.
    """

    name: str
    title: str
    scope: Literal["player", "game"]
    needs: Literal["swings", "shapley", "structure", "ternary", "unions"]
    func: Callable[[CompositeGame], Value]
    default: bool = True

    @property
    def doc(self) -> str:
        """The index's docstring (definition and references)."""
        return self.func.__doc__ or ""

    def __call__(self, game: CompositeGame, unions=None) -> Value:
        if self.needs == "unions":
            return self.func(game, unions)
        return self.func(game)


_REGISTRY: dict[str, PowerIndex] = {}

#: Read-only view of the registered indices, in registration order.
INDICES = MappingProxyType(_REGISTRY)


def register_index(
    name: str,
    *,
    title: str,
    scope: Literal["player", "game"] = "player",
    needs: Literal["swings", "shapley", "structure", "ternary", "unions"] = "swings",
    default: bool = True,
) -> Callable[[Callable[[CompositeGame], Value]], Callable[[CompositeGame], Value]]:
    """Register a power index function under ``name`` (refuses a name already taken).

    The decorated function takes a game and returns the index; its docstring must give the
    definition and the reference.
    """
    if scope not in ("player", "game"):
        raise ValueError(f"scope must be 'player' or 'game', got {scope!r}")
    if needs not in ("swings", "shapley", "structure", "ternary", "unions"):
        raise ValueError(
            f"needs must be 'swings', 'shapley', 'structure', 'ternary' or 'unions', "
            f"got {needs!r}"
        )

    def deco(func: Callable[[CompositeGame], Value]) -> Callable[[CompositeGame], Value]:
        if name in _REGISTRY:
            raise ValueError(f"power index {name!r} is already registered")
        if not (func.__doc__ and "References" in func.__doc__):
            raise ValueError(f"power index {name!r} needs a docstring with References")
        _REGISTRY[name] = PowerIndex(name, title, scope, needs, func, default)
        return func

    return deco


def index_names() -> tuple[str, ...]:
    """Names of the registered indices."""
    return tuple(_REGISTRY)


def _get(name: str) -> PowerIndex:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise GameError(
            f"expected an index among {', '.join(_REGISTRY)}, got {name!r}", field="index"
        ) from None


def index_value(name: str, game: CompositeGame, unions=None) -> Value:
    """Compute the index ``name`` on ``game`` (exact); ``unions`` (blocs as lists of players)
    for the coalitional values (``owen``, ``banzhaf_owen``).

    Raises
    ------
    GameError
        Unknown index name, or a game beyond the kernel's stated limit.
    """
    return _get(name)(game, unions)


def feasible(name: str, game: CompositeGame, unions=None) -> bool:
    """Whether ``name`` can be computed exactly on ``game`` (with ``unions``, for the
    coalitional values) within the stated limits: the same tests the computation applies."""
    idx = _get(name)
    if idx.needs == "unions":
        from unsclab.power.coalitional import unions_problem

        return unions_problem(game, unions) is None
    if idx.needs == "structure":
        return game.n <= LIMITS["players"] and player_profiles(game) <= LIMITS["profiles"]
    if idx.needs in ("swings", "shapley"):
        from unsclab.power.kernels import exact_problem

        return exact_problem(game, shapley=idx.needs == "shapley") is None
    if idx.needs == "ternary":
        from unsclab.power.kernels.ternary import ternary_cells

        return game.n <= LIMITS["players"] and ternary_cells(game) <= LIMITS["ternary_cells"]
    return True


def compute(
    game: CompositeGame, indices: Iterable[str] | None = None, exact: bool = True,
    unions=None,
) -> dict[str, list]:
    """Compute several indices on ``game``, sharing the counts between them.

    Parameters
    ----------
    game : CompositeGame
    indices : iterable of str, optional
        Registered index names. Default: every per-player index registered as a default one
        that the game's size allows (the structure indices -- Holler, Deegan-Packel, Johnston --
        need at most ``LIMITS["profiles"]`` player-type profiles, the ternary ones at most
        ``LIMITS["ternary_cells"]`` cells, and are left out beyond). A name given
        explicitly is always computed (or raises :class:`~unsclab.errors.GameError`).
    exact : bool
        Fractions (default) or floats (converted from the exact values).
    unions : iterable of iterables of players, optional
        A priori unions for ``owen`` and ``banzhaf_owen`` (players by index or name; players
        in no union are alone).

    Returns
    -------
    dict
        ``{name: [value per player]}``; a game-scope index asked for by name (``coleman_act``)
        maps to a single value.
    """
    if indices is None:
        chosen = [
            n for n, i in _REGISTRY.items()
            if i.scope == "player" and i.default and feasible(n, game)
        ]
    else:
        chosen = list(indices)
    idx = [_get(n) for n in chosen]
    first = next((i for i in idx if i.needs == "shapley"), None)
    if first is not None:
        try:
            swings(game, shapley=True)  # one pass fills the cache for the others
        except LimitError as err:
            raise _offering_estimate(err, first.name) from None
    out: dict[str, list] = {}
    for i in idx:
        try:
            v = i(game, unions)
        except LimitError as err:
            raise _offering_estimate(err, i.name) from None
        if i.scope == "player":
            out[i.name] = [x if exact else float(x) for x in v]
        else:
            out[i.name] = v if exact else float(v)
    return out




def _offering_estimate(err: LimitError, name: str) -> LimitError:
    """The limit met, naming the index and what can be done instead (one line)."""
    from unsclab.power.approx import APPROXIMABLE

    problem = err.problems[0]
    if name in APPROXIMABLE:
        offer = (f"estimate it with unsclab.power.approx.approximate(game, [{name!r}]) "
                 "(Monte Carlo with a stated error bound; unsclab power --weights or --game "
                 "shows the estimate)")
    else:
        offer = f"no estimate of {name}; {', '.join(APPROXIMABLE)} can be estimated beyond it"
    out = LimitError(f"{name}: {problem.message}; {offer}", field=problem.field)
    out.limit = problem.message  # the limit alone, for a caller that estimates instead
    return out
