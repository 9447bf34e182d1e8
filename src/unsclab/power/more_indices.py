"""Indices that follow from counts the kernels already have: winning coalitions containing a
player, and minimal winning coalitions (Rae, Nevison, Konig-Brauninger, Public Help, Felsenthal).

Every monotone game satisfies ``w_i = (omega + eta_i) / 2``, where ``w_i`` is the number of
winning coalitions containing ``i``, ``omega`` the number of winning coalitions and ``eta_i`` the
swings of ``i``: a winning coalition without ``i`` stays winning with ``i`` added, and the
coalitions that win only with ``i`` are its swings. So these indices cost no more than Banzhaf.

They are registered with ``default=False``: :func:`~unsclab.power.compute` gives them when named.
"""

from __future__ import annotations

__all__ = [
    "winning_containing",
    "rae",
    "nevison",
    "koenig_braeuninger",
    "public_help_theta",
    "felsenthal",
    "minimal_winning",
    "minimal_winning_total",
]

from fractions import Fraction

from unsclab.power.games import CompositeGame
from unsclab.power.indices import register_index  # after the classic ones, in the registry too
from unsclab.power.kernels import structure, swings


def winning_containing(game: CompositeGame) -> tuple[int, ...]:
    """For each player, the number of winning coalitions it belongs to: ``(omega + eta_i) / 2``."""
    r = swings(game, shapley=False)
    return tuple((r.winning + s) // 2 for s in r.swings)


@register_index("rae", title="Rae", default=False)
def rae(game: CompositeGame) -> tuple[Fraction, ...]:
    """Rae index: the probability that the outcome agrees with the player's vote.

    With all ``2**n`` vote profiles equally likely, ``R_i = 1/2 + beta'_i / 2`` where ``beta'_i``
    is the Penrose measure (Dubey & Shapley 1979, Theorem 1 and its corollary): ``i``'s vote
    agrees with the outcome in half of the profiles where it is not decisive and in all where it
    is. A null player scores 1/2.

    References
    ----------
    .. [1] Rae, D. W. (1969). "Decision-rules and individual values in constitutional choice."
       American Political Science Review 63(1): 40-56.
    .. [2] Dubey, P., and Shapley, L. S. (1979). "Mathematical properties of the Banzhaf power
       index." Mathematics of Operations Research 4(2): 99-131.
    .. [3] Felsenthal, D. S., and Machover, M. (1998). The Measurement of Voting Power.
       Cheltenham: Edward Elgar. Theorem 3.2.16 (Penrose's identity).
    """
    r = swings(game, shapley=False)
    den = 1 << r.n
    return tuple(Fraction(den // 2 + s, den) for s in r.swings)


@register_index("nevison", title="Nevison", default=False)
def nevison(game: CompositeGame) -> tuple[Fraction, ...]:
    """Nevison index: the probability that a proposal passes given that the player votes yes.

    ``N_i = w_i / 2**(n-1)``, where ``w_i`` is the number of winning coalitions containing
    ``i`` (the convention of the R package CoopGame, ``nevisonIndex``). Not normalised.

    References
    ----------
    .. [1] Nevison, C. H. (1979). "Structural power and satisfaction in simple games." In
       S. J. Brams, A. Schotter and G. Schwodiauer (eds.), Applied Game Theory, Wurzburg:
       Physica-Verlag, 39-57.
    .. [2] Staudacher, J., and Anwander, J. (2019). CoopGame: Important concepts of cooperative
       game theory, R package version 0.2.2 (``nevisonIndex``).
    """
    den = 1 << (game.n - 1)
    return tuple(Fraction(w, den) for w in winning_containing(game))


@register_index("koenig_braeuninger", title="Konig-Brauninger inclusiveness", default=False)
def koenig_braeuninger(game: CompositeGame) -> tuple[Fraction, ...]:
    """Konig-Brauninger index: the share of winning coalitions the player belongs to.

    ``KB_i = w_i / omega`` ("inclusiveness"); a player in every winning coalition (a veto
    holder) scores 1. Not normalised.

    References
    ----------
    .. [1] Konig, T., and Brauninger, T. (1998). "The inclusiveness of European decision
       rules." Journal of Theoretical Politics 10(1): 125-142.
    .. [2] Bertini, C., and Stach, I. (2015). "On public values and power indices." Decision
       Making in Manufacturing and Services 9(1): 9-25.
    """
    r = swings(game, shapley=False)
    return tuple(Fraction(w, r.winning) for w in winning_containing(game))


@register_index("public_help_theta", title="Public Help index theta", default=False)
def public_help_theta(game: CompositeGame) -> tuple[Fraction, ...]:
    """Public Help index theta: winning coalitions containing the player, normalised.

    ``theta_i = w_i / sum_j w_j``. Unlike Holler's index it counts every winning coalition, not
    only minimal ones, so a null player gets a positive share. Sums to 1.

    References
    ----------
    .. [1] Bertini, C., Gambarelli, G., and Stach, I. (2008). "A public help index." In
       M. Braham and F. Steffen (eds.), Power, Freedom, and Voting, Berlin: Springer, 83-98.
    .. [2] Bertini, C., Freixas, J., Gambarelli, G., and Stach, I. (2013). "Comparing power
       indices." International Game Theory Review 15(2): 1340004.
    .. [3] Stach, I. (2016). "Power measures and public goods." In N. T. Nguyen et al. (eds.),
       Transactions on Computational Collective Intelligence XXIII, Springer, 99-110.
    """
    w = winning_containing(game)
    total = sum(w)
    return tuple(Fraction(x, total) for x in w)


@register_index("felsenthal", title="Felsenthal", needs="structure", default=False)
def felsenthal(game: CompositeGame) -> tuple[Fraction, ...]:
    """Felsenthal index: Deegan-Packel restricted to the least-size minimal winning coalitions.

    ``F_i = (1 / |W^s|) sum_{S in W^s, i in S} 1 / s``, where ``W^s`` is the set of minimal
    winning coalitions of the smallest size ``s``: a coalition forms among those needing the
    fewest partners and shares the spoils equally. Sums to 1. Limited like Holler's index.

    References
    ----------
    .. [1] Felsenthal, D. S. (2016). "A well-behaved index of a priori P-power for simple
       n-person games." Homo Oeconomicus 33(4): 367-381.
    """
    st = structure(game)
    den = st.least_size * st.least_minimal
    return tuple(Fraction(c, den) for c in st.least_containing)


@register_index("minimal_winning", title="Minimal winning coalitions containing the player",
                needs="structure", default=False)
def minimal_winning(game: CompositeGame) -> tuple[Fraction, ...]:
    """The number of minimal winning coalitions (every member critical) containing the player.

    The raw count behind Holler's public good index (its numerator), as an integer-valued
    Fraction. Limited like Holler's index.

    References
    ----------
    .. [1] Holler, M. J. (1982). "Forming coalitions and measuring voting power." Political
       Studies 30(2): 262-271.
    .. [2] Riker, W. H. (1962). The Theory of Political Coalitions. New Haven: Yale University
       Press (minimal winning coalitions).
    """
    return tuple(Fraction(m) for m in structure(game).minimal_containing)


@register_index("minimal_winning_total", title="Number of minimal winning coalitions",
                scope="game", needs="structure", default=False)
def minimal_winning_total(game: CompositeGame) -> Fraction:
    """The number of minimal winning coalitions of the game (an integer-valued Fraction).

    References
    ----------
    .. [1] Riker, W. H. (1962). The Theory of Political Coalitions. New Haven: Yale University
       Press (minimal winning coalitions).
    .. [2] Holler, M. J. (1982). "Forming coalitions and measuring voting power." Political
       Studies 30(2): 262-271.
    """
    return Fraction(structure(game).minimal)
