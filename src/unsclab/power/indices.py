"""The classic power indices, each registered once with its definition and citation.

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

The registry itself (:func:`register_index`, :func:`compute`) is :mod:`unsclab.power.registry`;
its names are re-exported here.
"""

from __future__ import annotations

from fractions import Fraction

from unsclab.power.games import CompositeGame
from unsclab.power.kernels import structure, swings
from unsclab.power.registry import (  # noqa: F401  (re-exported, see __all__)
    INDICES,
    PowerIndex,
    compute,
    feasible,
    index_names,
    index_value,
    register_index,
)

__all__ = ["coleman_act"]  # and the registry's names, re-exported above

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
