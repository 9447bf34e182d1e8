"""Simple voting games: a conjunction of weighted conditions over one set of players.

A *simple game* says which coalitions (sets of players voting yes) win. Every committee unsclab
models is a conjunction of weighted conditions over the same players: a coalition wins when, for
every condition, the summed weights of its members reach that condition's quota.

- The Security Council since 1965: [quota 9, weight 1 for all 15 seats] and, for each permanent
  seat, [weight 1 on that seat, quota 1]; equivalently the single weighted game
  ``[39; 7, 7, 7, 7, 7, 1 × 10]``.
- "A veto needs *k* negative votes": over the *v* veto holders, weight 1 each, quota
  ``v - k + 1`` (binary model: a holder that does not vote yes counts as a no).
- Double or triple majorities (EU Council style): one condition per weight vector.

Games are immutable and validated on construction; anything malformed raises
:class:`~unsclab.errors.GameError` with one line naming the field and what was expected.

The binary a-priori model is used throughout (each player votes yes or no; abstention and
absence count as no). See Felsenthal & Machover (1998), ch. 2.
"""

from __future__ import annotations

__all__ = [
    "LimitError",
    "Condition",
    "CompositeGame",
    "WeightedGame",
    "veto_condition",
    "quota_condition",
    "LIMITS",
]

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from unsclab.errors import GameError

#: Stated limits of exact computation (checked by the kernels; see :mod:`unsclab.power.kernels`).
LIMITS = MappingProxyType(
    {
        # players in one game (any kernel)
        "players": 2000,
        # type profiles enumerated for the structure indices (Holler, Deegan-Packel, Johnston)
        # and for the enumeration kernel: product over player types of (count + 1)
        "profiles": 2_000_000,
        # one weighted condition: (non-null players + 1) x quota cells per exact table
        "weighted_cells": 60_000_000,
        # several conditions: (non-null players + 1) x product of (total weight + 1) cells
        "composite_cells": 8_000_000,
        # ternary (yes / abstain / no) indices: product over player types of C(count + 3, 3)
        "ternary_cells": 2_000_000,
    }
)


class LimitError(GameError):
    """A valid game beyond a stated limit of exact computation (:data:`LIMITS`): the message
    names the limit; :func:`unsclab.power.approx.approximate` estimates such games."""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Condition:
    """One weighted condition: the yes-voters' weights must sum to at least ``quota``.

    Parameters
    ----------
    weights : sequence of int
        Non-negative integer weight of each player, in the game's player order.
    quota : int
        Integer quota, between 1 and the sum of the weights.
    label : str, optional
        What the condition stands for (``"quota"``, ``"veto"``, ``"population"``...).
    abstain_passes : bool, optional
        In the ternary model (yes / abstain / no), abstainers' weights count towards the quota
        too: the condition is "not enough weight votes no" (a veto whose holders block only by
        voting no). The binary model counts abstention as no, so there it changes nothing.
    """

    weights: tuple[int, ...]
    quota: int
    label: str = ""
    abstain_passes: bool = False

    def __post_init__(self) -> None:
        weights = tuple(self.weights) if not isinstance(self.weights, tuple) else self.weights
        pre = f"condition {self.label!r}: " if self.label else ""
        if len(weights) == 0:
            raise GameError(f"{pre}expected at least one player, got none", field="weights")
        for i, w in enumerate(weights):
            if not _is_int(w):
                raise GameError(
                    f"{pre}expected a non-negative integer weight for player {i + 1}, "
                    f"got {w!r}",
                    field="weights",
                )
            if w < 0:
                raise GameError(
                    f"{pre}expected a non-negative integer weight for player {i + 1}, got {w}",
                    field="weights",
                )
        total = sum(weights)
        if total > MAX_TOTAL_WEIGHT:
            raise GameError(
                f"{pre}the weights sum to {_digits(total)}; expected at most 2**62 "
                "(the kernels count in 64-bit integers; divide the weights by a common factor)",
                field="weights")
        if not _is_int(self.quota):
            raise GameError(
                f"{pre}expected an integer quota between 1 and {total}, got {self.quota!r}",
                field="quota",
            )
        if not 1 <= self.quota <= total:
            raise GameError(
                f"{pre}expected a quota between 1 and the total weight {total}, "
                f"got {self.quota}",
                field="quota",
            )
        object.__setattr__(self, "weights", weights)

    @property
    def total(self) -> int:
        """Sum of the weights."""
        return sum(self.weights)

    def met_by(self, members: Iterable[int]) -> bool:
        """True when the players at indices ``members`` reach the quota."""
        return sum(self.weights[i] for i in members) >= self.quota


#: The largest total weight of a condition: the kernels count weights in signed 64-bit
#: integers (numpy int64), so sums must stay below 2**63.
MAX_TOTAL_WEIGHT = 2**62


def _digits(value: int) -> str:
    text = str(value)
    return text if len(text) <= 20 else f"a number of {len(text)} digits"


def quota_condition(n: int, quota: int, *, label: str = "quota") -> Condition:
    """``quota`` affirmative votes among ``n`` players of weight 1 each."""
    if not _is_int(n) or n < 1:
        raise GameError(f"expected a positive number of players, got {n!r}", field="players")
    return Condition((1,) * n, quota, label)


def veto_condition(
    n: int,
    holders: Iterable[int],
    negatives: int = 1,
    *,
    label: str = "veto",
    abstention_blocks: bool = False,
) -> Condition:
    """The condition that fewer than ``negatives`` veto holders vote against.

    In the binary model a holder not voting yes counts as a no, so with ``v`` holders the
    condition is: at least ``v - negatives + 1`` holders vote yes (weight 1 on each holder,
    0 elsewhere). ``negatives = 1`` is the Charter's veto (Article 27(3)); ``negatives = 2`` is
    the "two vetoes" reform (Gould & Rablen, Public Choice 173 (2017) 145-168).

    Parameters
    ----------
    n : int
        Number of players in the game.
    holders : iterable of int
        Indices (0-based) of the veto holders.
    negatives : int
        Number of negative votes of veto holders that block, 1 to ``v``.
    abstention_blocks : bool
        Ternary model only: a holder's abstention blocks like a no (the literal reading of
        Art. 27(3)); by default only "no" votes block, as in the Council's practice.
    """
    idx = sorted(set(holders))
    if not idx:
        raise GameError("expected at least one veto holder, got none", field="veto")
    if idx[0] < 0 or idx[-1] >= n:
        raise GameError(
            f"expected veto holders among players 1..{n}, got index {idx[-1] + 1}", field="veto"
        )
    v = len(idx)
    if not _is_int(negatives) or not 1 <= negatives <= v:
        raise GameError(
            f"expected negatives between 1 and the {v} veto holders, got {negatives!r}",
            field="negatives",
        )
    weights = [0] * n
    for i in idx:
        weights[i] = 1
    return Condition(tuple(weights), v - negatives + 1, label, not abstention_blocks)


@dataclass(frozen=True, eq=False)
class CompositeGame:
    """A simple game: a coalition wins when it meets every condition.

    Parameters
    ----------
    conditions : sequence of Condition or (weights, quota) pairs
        The weighted conditions, each over all players in the same order.
    names : sequence of str, optional
        Player names, unique; default ``p1``, ``p2``, ...

    Examples
    --------
    The Security Council since 1965, as the Charter states it:

    >>> n = 15
    >>> conds = [quota_condition(n, 9)] + [veto_condition(n, [i]) for i in range(5)]
    >>> g = CompositeGame(conds)
    >>> g.is_winning(range(9)), g.is_winning(range(1, 15))
    (True, False)
    """

    conditions: tuple[Condition, ...]
    names: tuple[str, ...] | None = None
    _key: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        conds = []
        for k, c in enumerate(self.conditions if self.conditions is not None else ()):
            if isinstance(c, Condition):
                conds.append(c)
            elif isinstance(c, Sequence) and len(c) == 2:
                try:
                    conds.append(Condition(tuple(c[0]), c[1]))
                except GameError as err:
                    p = err.problems[0]
                    raise GameError(f"condition {k + 1}: {p.message}", field=p.field) from None
                except TypeError:
                    raise GameError(
                        f"condition {k + 1}: expected a list of integer weights, got {c[0]!r}",
                        field="weights",
                    ) from None
            else:
                raise GameError(
                    f"expected condition {k + 1} as a Condition or a (weights, quota) pair, "
                    f"got {type(c).__name__}",
                    field="conditions",
                )
        if not conds:
            raise GameError("expected at least one condition, got none", field="conditions")
        n = len(conds[0].weights)
        for k, c in enumerate(conds):
            if len(c.weights) != n:
                raise GameError(
                    f"expected every condition over the same {n} players, condition {k + 1} "
                    f"has {len(c.weights)} weights",
                    field="conditions",
                )
        names = self.names
        if names is None:
            names = tuple(f"p{i + 1}" for i in range(n))
        else:
            names = tuple(names)
            if len(names) != n:
                raise GameError(
                    f"expected {n} player names, one per weight, got {len(names)}", field="names"
                )
            seen: set[str] = set()
            for nm in names:
                if not isinstance(nm, str) or not nm:
                    raise GameError(f"expected non-empty string names, got {nm!r}", field="names")
                if nm in seen:
                    raise GameError(f"expected unique player names, {nm!r} repeats", field="names")
                seen.add(nm)
        object.__setattr__(self, "conditions", tuple(conds))
        object.__setattr__(self, "names", names)
        object.__setattr__(
            self, "_key", tuple((c.weights, c.quota, c.abstain_passes) for c in conds) + (names,)
        )

    # identity: two games are equal when their conditions and names are the same
    def __eq__(self, other: object) -> bool:
        return isinstance(other, CompositeGame) and self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    @classmethod
    def from_vectors(
        cls,
        weights: Sequence[Sequence[int]],
        quotas: Sequence[int],
        names: Sequence[str] | None = None,
    ) -> CompositeGame:
        """A multiple weighted majority game (double / triple majority) from weight vectors.

        >>> g = CompositeGame.from_vectors([[1, 1, 1], [5, 1, 1]], [2, 6])
        >>> g.is_winning([0, 1]), g.is_winning([1, 2])
        (True, False)
        """
        if len(weights) != len(quotas):
            raise GameError(
                f"expected one quota per weight vector ({len(weights)}), got {len(quotas)}",
                field="quotas",
            )
        return cls(
            tuple(Condition(tuple(w), q) for w, q in zip(weights, quotas, strict=True)), names
        )

    @property
    def n(self) -> int:
        """Number of players."""
        return len(self.names)

    def index(self, player: int | str) -> int:
        """0-based index of a player given by index or name."""
        if _is_int(player):
            if not 0 <= player < self.n:
                raise GameError(f"expected a player index 0..{self.n - 1}, got {player}")
            return player
        try:
            return self.names.index(player)
        except ValueError:
            raise GameError(f"expected a player name of this game, got {player!r}") from None

    def is_winning(self, coalition: Iterable[int | str]) -> bool:
        """True when the players in ``coalition`` (indices or names), voting yes, win."""
        members = {self.index(p) for p in coalition}
        return all(c.met_by(members) for c in self.conditions)

    def passes(self, votes: Sequence[str]) -> bool:
        """True when the roll call ``votes`` (``"Y"``, ``"A"`` or ``"N"`` per player, in player
        order) passes: in each condition the yes-voters' weights, plus the abstainers' where the
        condition lets abstentions through (``abstain_passes``), reach the quota."""
        if len(votes) != self.n or any(v not in ("Y", "A", "N") for v in votes):
            raise GameError(
                f"expected {self.n} votes, each 'Y', 'A' or 'N', got {list(votes)!r}",
                field="votes",
            )
        return all(
            sum(w for w, v in zip(c.weights, votes, strict=True)
                if v == "Y" or (v == "A" and c.abstain_passes)) >= c.quota
            for c in self.conditions
        )

    def canonical(self) -> tuple[tuple[tuple[int, ...], int], ...]:
        """An equivalent, smaller list of conditions (same winning coalitions).

        Each condition's weights and quota are divided by the weights' gcd (quota rounded up);
        conditions on a single player ("this player must vote yes") are merged into one veto
        condition, so veto holders with equal other weights become one player type; duplicates
        are dropped.
        """
        out: list[tuple[tuple[int, ...], int]] = []
        vetoes: set[int] = set()
        for c in self.conditions:
            g = math.gcd(*c.weights)
            w = tuple(x // g for x in c.weights)
            q = -(-c.quota // g)
            nz = [i for i, x in enumerate(w) if x]
            if len(nz) == 1:
                vetoes.add(nz[0])
                continue
            out.append((w, q))
        if vetoes:
            vw = tuple(1 if i in vetoes else 0 for i in range(self.n))
            out.append((vw, len(vetoes)))
        strictest: dict[tuple[int, ...], int] = {}  # same weights: the higher quota implies
        for w, q in out:                               # the lower one
            strictest[w] = max(q, strictest.get(w, q))
        return tuple(strictest.items())

    def __repr__(self) -> str:
        conds = ", ".join(
            f"[{c.quota}; {_short(c.weights)}]" for c in self.conditions
        )
        return f"{type(self).__name__}({self.n} players: {conds})"


def _short(weights: tuple[int, ...]) -> str:
    if len(weights) <= 12:
        return ", ".join(map(str, weights))
    return ", ".join(map(str, weights[:10])) + f", ... ({len(weights)} weights)"


class WeightedGame(CompositeGame):
    """A weighted majority game ``[quota; w1, ..., wn]``.

    Parameters
    ----------
    weights : sequence of int
        Non-negative integer weights.
    quota : int
        Integer quota, 1 to the total weight.
    names : sequence of str, optional
        Player names; default ``p1``, ``p2``, ...

    Examples
    --------
    >>> g = WeightedGame([7, 7, 7, 7, 7] + [1] * 10, 39)
    >>> g.is_winning(range(9)), g.is_winning(range(1, 15))
    (True, False)
    """

    def __init__(
        self, weights: Sequence[int], quota: int, names: Sequence[str] | None = None
    ) -> None:
        if isinstance(weights, (str, bytes)) or not isinstance(weights, Iterable):
            raise GameError(
                f"expected a list of non-negative integer weights, got {type(weights).__name__}",
                field="weights",
            )
        super().__init__((Condition(tuple(weights), quota),), names)

    @property
    def weights(self) -> tuple[int, ...]:
        """The players' weights."""
        return self.conditions[0].weights

    @property
    def quota(self) -> int:
        """The quota."""
        return self.conditions[0].quota
