"""Any monotone simple game: a union (OR) of conjunctions (AND) of weighted conditions.

Every monotone simple game is the union of the games "all members of this minimal winning
coalition vote yes", so ORs of weighted games reach every monotone game, as power-bdd composes
games with ``|`` and ``&`` (Bolus 2011). A coalition wins a :class:`UnionGame` when it wins at
least one of its *alternatives* (each a :class:`~unsclab.power.games.CompositeGame` over the same
players): "the quota and no veto, or a larger majority that overrides the veto"; the EU's
qualified majority "55 % of members and 65 % of population, or fewer than four members against"
(TEU Art. 16(4)).

The kernels count a union either by enumeration over player types (the winning status of a
profile is the OR of the alternatives') or, for games with many types, by inclusion-exclusion:
every count an index needs (winning coalitions; each player's swings, by size for
Shapley-Shubik; ternary decisive roll calls) is a sum over coalitions of ``1_G(S + i) - 1_G(S)``
or of ``1_G(S)``, linear in the game's indicator, and ``1_{A or B} = 1_A + 1_B - 1_{A and B}``;
the conjunction of alternatives is again a composite game.

References
----------
.. [1] Taylor, A. D., and Zwicker, W. S. (1999). Simple Games: Desirability Relations, Trading,
   Pseudoweightings. Princeton University Press (every simple game is an intersection, and a
   union, of weighted games).
.. [2] Bolus, S. (2011). "Power indices of simple games and vector-weighted majority games by
   means of binary decision diagrams." European Journal of Operational Research 210(2):
   258-272.
"""

from __future__ import annotations

__all__ = ["UnionGame"]

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from unsclab.errors import GameError
from unsclab.power.games import CompositeGame, Condition

#: at most this many alternatives (inclusion-exclusion takes 2^k - 1 conjunctions)
MAX_ALTERNATIVES = 10


@dataclass(frozen=True, eq=False)
class UnionGame:
    """A coalition wins when it wins at least one alternative.

    Parameters
    ----------
    alternatives : sequence of CompositeGame, or of sequences of conditions
        Each alternative a conjunction of weighted conditions over the same players (a
        :class:`CompositeGame`, or what its constructor takes).
    names : sequence of str, optional
        Player names; default the first alternative's.

    Examples
    --------
    A veto a four-fifths majority overrides: 9 of 15 with the 5 permanent members, or 12 of 15.

    >>> from unsclab.power import quota_condition, veto_condition
    >>> g = UnionGame([[quota_condition(15, 9), veto_condition(15, range(5))],
    ...                [quota_condition(15, 12)]])
    >>> g.is_winning(range(9)), g.is_winning(range(3, 15)), g.is_winning(range(4, 15))
    (True, True, False)
    """

    alternatives: tuple[CompositeGame, ...]
    names: tuple[str, ...] | None = None
    _key: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        alts = list(self.alternatives) if self.alternatives is not None else []
        if not alts:
            raise GameError("expected at least one alternative in the union, got none",
                            field="alternatives")
        if len(alts) > MAX_ALTERNATIVES:
            raise GameError(f"expected at most {MAX_ALTERNATIVES} alternatives, got {len(alts)}",
                            field="alternatives")
        games = []
        for k, alt in enumerate(alts):
            if isinstance(alt, CompositeGame):
                games.append(alt)
                continue
            try:
                games.append(CompositeGame(tuple(alt)))
            except GameError as err:
                p = err.problems[0]
                raise GameError(f"alternative {k + 1}: {p.message}", field=p.field) from None
            except TypeError:
                raise GameError(f"alternative {k + 1}: expected a list of conditions, "
                                f"got {type(alt).__name__}", field="alternatives") from None
        n = games[0].n
        for k, g in enumerate(games):
            if g.n != n:
                raise GameError(
                    f"expected every alternative over the same {n} players, alternative {k + 1} "
                    f"has {g.n}", field="alternatives")
        default = tuple(f"p{i + 1}" for i in range(n))
        named = [g.names for g in games if g.names != default]
        names = tuple(self.names) if self.names is not None else (named[0] if named else default)
        if any(nm != names for nm in named):
            raise GameError("expected every alternative over the same player list, the names "
                            "differ", field="alternatives")
        games = [g if g.names == names else CompositeGame(g.conditions, names) for g in games]
        object.__setattr__(self, "alternatives", tuple(games))
        object.__setattr__(self, "names", games[0].names)
        object.__setattr__(self, "_key", ("union",) + tuple(g._key for g in games))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnionGame) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    @property
    def n(self) -> int:
        """Number of players."""
        return len(self.names)

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Every alternative's conditions, in order (for limits and descriptions)."""
        return tuple(c for g in self.alternatives for c in g.conditions)

    def index(self, player: int | str) -> int:
        """0-based index of a player given by index or name."""
        return self.alternatives[0].index(player)

    def is_winning(self, coalition: Iterable[int | str]) -> bool:
        """True when the players in ``coalition``, voting yes, win some alternative."""
        members = list(coalition)
        return any(g.is_winning(members) for g in self.alternatives)

    def passes(self, votes: Sequence[str]) -> bool:
        """True when the roll call (``"Y"``, ``"A"``, ``"N"`` per player) passes some
        alternative (see :meth:`CompositeGame.passes`)."""
        return any(g.passes(votes) for g in self.alternatives)

    def conjunctions(self) -> list[tuple[int, CompositeGame]]:
        """The inclusion-exclusion terms: for every non-empty set J of alternatives, its sign
        ``(-1)^(|J|+1)`` and the game "every alternative in J is won"."""
        from itertools import combinations

        out = []
        k = len(self.alternatives)
        for size in range(1, k + 1):
            for J in combinations(self.alternatives, size):
                conds = tuple(dict.fromkeys(c for g in J for c in g.conditions))
                out.append((1 if size % 2 else -1, CompositeGame(conds, self.names)))
        return out

    def canonical_groups(self) -> tuple[tuple[tuple[tuple[int, ...], int], ...], ...]:
        """Each alternative's canonical conditions (see :meth:`CompositeGame.canonical`)."""
        return tuple(g.canonical() for g in self.alternatives)

    def __repr__(self) -> str:
        return f"UnionGame({' OR '.join(repr(g) for g in self.alternatives)})"
