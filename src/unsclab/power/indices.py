"""Power indices: a registry, each index registered once with its definition and citation.

All values are exact (:class:`fractions.Fraction`), computed from the counts of
:mod:`unsclab.power.kernels` under the binary a-priori model: each of the ``2**n`` yes/no
profiles equally likely (Penrose, Banzhaf, Coleman), or each of the ``n!`` orders in which
players join equally likely (Shapley-Shubik). Conventions follow Felsenthal & Machover (1998)
and Leech (2002).

>>> from unsclab.power.games import WeightedGame
>>> council = WeightedGame([7] * 5 + [1] * 10, 39)
>>> compute(council, ["shapley_shubik"])["shapley_shubik"][0]
Fraction(421, 2145)
>>> coleman_act(council)
Fraction(53, 2048)

Add an index with :func:`register_index`; a name can be registered only once.
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
    "coleman_act",
]

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from unsclab.errors import GameError
from unsclab.power.games import LIMITS, CompositeGame
from unsclab.power.kernels import player_profiles, structure, swings

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
    needs : {"swings", "shapley", "structure"}
        Which counts it needs: swings alone scale to hundreds of players; "structure"
        (minimal winning coalitions) is limited to games with few player types.
    func : callable
        ``func(game) -> tuple of Fraction`` (player scope) or ``Fraction`` (game scope).
    """

    name: str
    title: str
    scope: Literal["player", "game"]
    needs: Literal["swings", "shapley", "structure"]
    func: Callable[[CompositeGame], Value]

    @property
    def doc(self) -> str:
        """The index's docstring (definition and references)."""
        return self.func.__doc__ or ""

    def __call__(self, game: CompositeGame) -> Value:
        return self.func(game)


_REGISTRY: dict[str, PowerIndex] = {}

#: Read-only view of the registered indices, in registration order.
INDICES = MappingProxyType(_REGISTRY)


def register_index(
    name: str,
    *,
    title: str,
    scope: Literal["player", "game"] = "player",
    needs: Literal["swings", "shapley", "structure"] = "swings",
) -> Callable[[Callable[[CompositeGame], Value]], Callable[[CompositeGame], Value]]:
    """Register a power index function under ``name`` (refuses a name already taken).

    The decorated function takes a game and returns the index; its docstring must give the
    definition and the reference.
    """
    if scope not in ("player", "game"):
        raise ValueError(f"scope must be 'player' or 'game', got {scope!r}")
    if needs not in ("swings", "shapley", "structure"):
        raise ValueError(f"needs must be 'swings', 'shapley' or 'structure', got {needs!r}")

    def deco(func: Callable[[CompositeGame], Value]) -> Callable[[CompositeGame], Value]:
        if name in _REGISTRY:
            raise ValueError(f"power index {name!r} is already registered")
        if not (func.__doc__ and "References" in func.__doc__):
            raise ValueError(f"power index {name!r} needs a docstring with References")
        _REGISTRY[name] = PowerIndex(name, title, scope, needs, func)
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


def index_value(name: str, game: CompositeGame) -> Value:
    """Compute the index ``name`` on ``game`` (exact).

    Raises
    ------
    GameError
        Unknown index name, or a game beyond the kernel's stated limit.
    """
    return _get(name)(game)


def feasible(name: str, game: CompositeGame) -> bool:
    """Whether ``name`` can be computed exactly on ``game`` within the stated limits."""
    idx = _get(name)
    if idx.needs == "structure":
        return player_profiles(game) <= LIMITS["profiles"]
    return True


def compute(
    game: CompositeGame, indices: Iterable[str] | None = None, exact: bool = True
) -> dict[str, list]:
    """Compute several indices on ``game``, sharing the counts between them.

    Parameters
    ----------
    game : CompositeGame
    indices : iterable of str, optional
        Registered index names. Default: every per-player index the game's size allows (the
        structure indices -- Holler, Deegan-Packel, Johnston -- need at most
        ``LIMITS["profiles"]`` player-type profiles and are left out beyond). A name given
        explicitly is always computed (or raises :class:`~unsclab.errors.GameError`).
    exact : bool
        Fractions (default) or floats (converted from the exact values).

    Returns
    -------
    dict
        ``{name: [value per player]}``; a game-scope index asked for by name (``coleman_act``)
        maps to a single value.
    """
    if indices is None:
        chosen = [n for n, i in _REGISTRY.items() if i.scope == "player" and feasible(n, game)]
    else:
        chosen = list(indices)
    idx = [_get(n) for n in chosen]
    if any(i.needs == "shapley" for i in idx):
        swings(game, shapley=True)  # one pass fills the cache for the others
    out: dict[str, list] = {}
    for i in idx:
        v = i(game)
        if i.scope == "player":
            out[i.name] = [x if exact else float(x) for x in v]
        else:
            out[i.name] = v if exact else float(v)
    return out


# ---------------------------------------------------------------------------------------------
# the indices


@register_index("penrose", title="Penrose (absolute Banzhaf)")
def penrose(game: CompositeGame) -> tuple[Fraction, ...]:
    """Penrose measure (absolute Banzhaf index): the probability of being decisive.

    ``beta'_i = eta_i / 2**(n-1)``, where ``eta_i`` is the number of coalitions not containing
    ``i`` that lose without ``i`` and win with it (its swings): the probability that ``i``'s
    vote decides the outcome when all ``2**n`` vote profiles are equally likely.

    References
    ----------
    .. [1] Penrose, L. S. (1946). "The elementary statistics of majority voting." Journal of
       the Royal Statistical Society 109(1): 53-57.
    .. [2] Banzhaf, J. F. (1965). "Weighted voting doesn't work: a mathematical analysis."
       Rutgers Law Review 19: 317-343.
    .. [3] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
       Cheltenham: Edward Elgar. Definition 3.1.1.
    """
    r = swings(game, shapley=False)
    den = 1 << (r.n - 1)
    return tuple(Fraction(s, den) for s in r.swings)


@register_index("banzhaf", title="Normalised Banzhaf")
def banzhaf(game: CompositeGame) -> tuple[Fraction, ...]:
    """Normalised Banzhaf index: each player's share of all swings.

    ``beta_i = eta_i / sum_j eta_j``; sums to 1.

    References
    ----------
    .. [1] Banzhaf, J. F. (1965). "Weighted voting doesn't work: a mathematical analysis."
       Rutgers Law Review 19: 317-343.
    .. [2] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
       Cheltenham: Edward Elgar.
    """
    r = swings(game, shapley=False)
    total = sum(r.swings)
    return tuple(Fraction(s, total) for s in r.swings)


@register_index("shapley_shubik", title="Shapley-Shubik", needs="shapley")
def shapley_shubik(game: CompositeGame) -> tuple[Fraction, ...]:
    """Shapley-Shubik index: the probability of being pivotal in a random order.

    ``phi_i = sum_S s! (n-1-s)! / n!`` over coalitions ``S`` (of size ``s``) not containing
    ``i`` that lose without ``i`` and win with it. Sums to 1.

    References
    ----------
    .. [1] Shapley, L. S., and Shubik, M. (1954). "A method for evaluating the distribution of
       power in a committee system." American Political Science Review 48(3): 787-792.
    """
    r = swings(game, shapley=True)
    assert r.shapley is not None
    return r.shapley


@register_index("coleman_act", title="Coleman power of the collectivity to act", scope="game")
def coleman_act(game: CompositeGame) -> Fraction:
    """Coleman's power of the collectivity to act: the share of coalitions that win.

    ``A = omega / 2**n`` where ``omega`` is the number of winning coalitions: the probability
    that a proposal passes when all vote profiles are equally likely.

    References
    ----------
    .. [1] Coleman, J. S. (1971). "Control of collectivities and the power of a collectivity to
       act." In B. Lieberman (ed.), Social Choice, New York: Gordon and Breach, 269-300.
    .. [2] Leech, D. (2002). "Computation of power indices." Warwick Economic Research
       Papers 644.
    """
    r = swings(game, shapley=False)
    return Fraction(r.winning, 1 << r.n)


@register_index("coleman_prevent", title="Coleman power to prevent action")
def coleman_prevent(game: CompositeGame) -> tuple[Fraction, ...]:
    """Coleman's power to prevent action: swings as a share of winning coalitions.

    ``P_i = eta_i / omega``: of the coalitions that win, the share that ``i`` can turn into
    losing ones by leaving.

    References
    ----------
    .. [1] Coleman, J. S. (1971). "Control of collectivities and the power of a collectivity to
       act." In B. Lieberman (ed.), Social Choice, New York: Gordon and Breach, 269-300.
    .. [2] Leech, D. (2002). "Computation of power indices." Warwick Economic Research
       Papers 644.
    """
    r = swings(game, shapley=False)
    return tuple(Fraction(s, r.winning) for s in r.swings)


@register_index("coleman_initiate", title="Coleman power to initiate action")
def coleman_initiate(game: CompositeGame) -> tuple[Fraction, ...]:
    """Coleman's power to initiate action: swings as a share of losing coalitions.

    ``I_i = eta_i / (2**n - omega)``: of the coalitions that lose, the share that ``i`` can
    turn into winning ones by joining.

    References
    ----------
    .. [1] Coleman, J. S. (1971). "Control of collectivities and the power of a collectivity to
       act." In B. Lieberman (ed.), Social Choice, New York: Gordon and Breach, 269-300.
    .. [2] Leech, D. (2002). "Computation of power indices." Warwick Economic Research
       Papers 644.
    """
    r = swings(game, shapley=False)
    losing = (1 << r.n) - r.winning
    return tuple(Fraction(s, losing) for s in r.swings)


@register_index("holler", title="Holler public good index", needs="structure")
def holler(game: CompositeGame) -> tuple[Fraction, ...]:
    """Holler's public good index: shares of membership in minimal winning coalitions.

    ``h_i = m_i / sum_j m_j`` where ``m_i`` is the number of minimal winning coalitions (every
    member critical) containing ``i``. Computed by enumeration over player types; limited to
    games with at most ``LIMITS["profiles"]`` type profiles.

    References
    ----------
    .. [1] Holler, M. J. (1982). "Forming coalitions and measuring voting power." Political
       Studies 30(2): 262-271.
    .. [2] Holler, M. J., and Packel, E. W. (1983). "Power, luck and the right index."
       Zeitschrift fur Nationalokonomie 43(1): 21-29.
    """
    st = structure(game)
    total = sum(st.minimal_containing)
    return tuple(Fraction(m, total) for m in st.minimal_containing)


@register_index("deegan_packel", title="Deegan-Packel", needs="structure")
def deegan_packel(game: CompositeGame) -> tuple[Fraction, ...]:
    """Deegan-Packel index: minimal winning coalitions equally likely, spoils shared equally.

    ``rho_i = (1 / |M|) sum_{S in M, i in S} 1 / |S|`` over the set ``M`` of minimal winning
    coalitions. Sums to 1. Limited like :func:`holler`.

    References
    ----------
    .. [1] Deegan, J., and Packel, E. W. (1978). "A new index of power for simple n-person
       games." International Journal of Game Theory 7(2): 113-123.
    """
    return structure(game).deegan_packel


@register_index("johnston", title="Johnston", needs="structure")
def johnston(game: CompositeGame) -> tuple[Fraction, ...]:
    """Johnston index: credit for criticality, shared among a coalition's critical members.

    For each *vulnerable* winning coalition ``S`` (one with at least one critical member, whose
    departure makes it lose), each of its ``c(S)`` critical members scores ``1 / c(S)``; the
    index is the score divided by the number of vulnerable coalitions, so it sums to 1.
    Limited like :func:`holler`.

    References
    ----------
    .. [1] Johnston, R. J. (1978). "On the measurement of power: some reactions to Laver."
       Environment and Planning A 10(8): 907-914.
    .. [2] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
       Cheltenham: Edward Elgar.
    """
    st = structure(game)
    return tuple(Fraction(x) / st.vulnerable for x in st.johnston_score)
