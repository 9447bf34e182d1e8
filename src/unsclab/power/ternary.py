"""Power indices of ternary games: each player votes yes, abstains or votes no.

The Council's defining rule is ternary: a permanent member that abstains does not veto (Art.
27(3) as the Council has applied it since 1946). The binary indices count an abstention as a
no; these count it as what it is, with the ternary counts of
:mod:`unsclab.power.kernels.ternary` (each of the ``3**n`` roll calls equally likely, or each
ordered roll call). Which conditions let abstentions through is part of the game
(``Condition.abstain_passes``; :func:`~unsclab.power.games.veto_condition` sets it unless
``abstention_blocks``).

>>> from unsclab.power import CompositeGame, compute, quota_condition, veto_condition
>>> council = CompositeGame([quota_condition(15, 9), veto_condition(15, range(5))])
>>> float(sum(compute(council, ["ternary_shapley_shubik"])["ternary_shapley_shubik"][:5]))
0.8169493664929659
"""

from __future__ import annotations

__all__ = [
    "ternary_penrose",
    "ternary_banzhaf",
    "ternary_shapley_shubik",
    "ternary_coleman_act",
]

from fractions import Fraction

from unsclab.power.games import CompositeGame
from unsclab.power.indices import register_index
from unsclab.power.kernels.ternary import ternary_counts


@register_index("ternary_penrose", title="Ternary Penrose (yes / abstain / no)",
                needs="ternary", default=False)
def ternary_penrose(game: CompositeGame) -> tuple[Fraction, ...]:
    """Ternary Penrose measure: the probability of being decisive when abstention is an option.

    With each of the ``3**(n-1)`` roll calls of the others equally likely (each player votes
    yes, abstains or votes no with probability 1/3), the probability that the proposal passes
    if the player votes yes and fails if it votes no.

    References
    ----------
    .. [1] Felsenthal, D. S., and Machover, M. (1997). "Ternary voting games." International
       Journal of Game Theory 26(3): 335-351.
    .. [2] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
       Cheltenham: Edward Elgar, ch. 8.
    """
    r = ternary_counts(game)
    den = 3 ** (r.n - 1)
    return tuple(Fraction(d, den) for d in r.decisive)



@register_index("ternary_banzhaf", title="Ternary Banzhaf (yes / abstain / no)", needs="ternary")
def ternary_banzhaf(game: CompositeGame) -> tuple[Fraction, ...]:
    """Normalised ternary Banzhaf index: each player's share of the ternary decisive counts.

    ``ternary_penrose`` normalised to sum to 1.

    References
    ----------
    .. [1] Felsenthal, D. S., and Machover, M. (1997). "Ternary voting games." International
       Journal of Game Theory 26(3): 335-351.
    .. [2] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
       Cheltenham: Edward Elgar, ch. 8.
    """
    r = ternary_counts(game)
    total = sum(r.decisive)
    return tuple(Fraction(d, total) for d in r.decisive)



@register_index("ternary_shapley_shubik", title="Ternary Shapley-Shubik (yes / abstain / no)",
                needs="ternary")
def ternary_shapley_shubik(game: CompositeGame) -> tuple[Fraction, ...]:
    """Ternary Shapley-Shubik index: the probability of being the pivot of a roll call.

    The players vote one at a time in a random order, each yes, abstain or no with probability
    1/3; the pivot is the first player after whose vote the outcome is settled whatever the
    players still to vote do. Sums to 1. With yes and no only, the same roll-call model gives
    the Shapley-Shubik index (Felsenthal & Machover 1996).

    References
    ----------
    .. [1] Felsenthal, D. S., and Machover, M. (1997). "Ternary voting games." International
       Journal of Game Theory 26(3): 335-351.
    .. [2] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
       Cheltenham: Edward Elgar, ch. 8.
    .. [3] Felsenthal, D. S., and Machover, M. (1996). "Alternative forms of the Shapley value
       and the Shapley-Shubik index." Public Choice 87(3-4): 315-318.
    """
    return ternary_counts(game).pivotal



@register_index("ternary_coleman_act", title="Ternary power of the collectivity to act",
                scope="game", needs="ternary", default=False)
def ternary_coleman_act(game: CompositeGame) -> Fraction:
    """Share of the ``3**n`` equally likely roll calls (yes / abstain / no) that pass.

    References
    ----------
    .. [1] Felsenthal, D. S., and Machover, M. (1997). "Ternary voting games." International
       Journal of Game Theory 26(3): 335-351.
    .. [2] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
       Cheltenham: Edward Elgar, ch. 8.
    .. [3] Coleman, J. S. (1971). "Control of collectivities and the power of a collectivity to
       act." In B. Lieberman (ed.), Social Choice, New York: Gordon and Breach, 269-300.
    """
    r = ternary_counts(game)
    return Fraction(r.winning, 3**r.n)

