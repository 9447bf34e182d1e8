"""A tiny, obviously correct reference: every index by its definition, enumerating all 2^n
coalitions (and all n! orders for Shapley-Shubik when n <= 7). Use for n <= 12 only."""

from __future__ import annotations

from fractions import Fraction
from itertools import permutations
from math import factorial


def wins(conditions, members: frozenset[int]) -> bool:
    return all(sum(w[i] for i in members) >= q for w, q in conditions)


def reference(conditions, n: int, won=None) -> dict:
    """Every index by its definition; ``won(S)`` decides a coalition (default: it meets every
    one of ``conditions``)."""
    coalitions = [frozenset(i for i in range(n) if mask >> i & 1) for mask in range(1 << n)]
    win = {S: (won(S) if won else wins(conditions, S)) for S in coalitions}
    winning = sum(win.values())
    swings = [0] * n
    ss = [Fraction(0)] * n
    for S in coalitions:
        for i in range(n):
            if i not in S and win[S | {i}] and not win[S]:
                swings[i] += 1
                s = len(S)
                ss[i] += Fraction(factorial(s) * factorial(n - 1 - s), factorial(n))
    if n <= 7:  # Shapley-Shubik once more, from its story: the pivot of each order
        piv = [0] * n
        for order in permutations(range(n)):
            members: set[int] = set()
            for i in order:
                members.add(i)
                if win[frozenset(members)]:
                    piv[i] += 1
                    break
        assert [Fraction(p, factorial(n)) for p in piv] == ss
    total = sum(swings)
    critical = {S: [i for i in S if not win[S - {i}]] for S in coalitions if win[S]}
    minimal = [S for S, c in critical.items() if len(c) == len(S)]
    m_in = [sum(1 for S in minimal if i in S) for i in range(n)]
    vulnerable = [S for S, c in critical.items() if c]
    jo = [Fraction(0)] * n
    for S in vulnerable:
        for i in critical[S]:
            jo[i] += Fraction(1, len(critical[S]))
    dp = [sum((Fraction(1, len(S)) for S in minimal if i in S), Fraction(0)) / len(minimal)
          for i in range(n)]
    w_in = [sum(1 for S, ok in win.items() if ok and i in S) for i in range(n)]
    least = min(len(S) for S in minimal)
    least_in = [sum(1 for S in minimal if len(S) == least and i in S) for i in range(n)]
    n_least = sum(1 for S in minimal if len(S) == least)
    return {
        "winning": winning,
        "rae": [Fraction(sum(1 for S, ok in win.items() if (i in S) == ok), 2**n)
                for i in range(n)],
        "nevison": [Fraction(w, 2 ** (n - 1)) for w in w_in],
        "koenig_braeuninger": [Fraction(w, winning) for w in w_in],
        "public_help_theta": [Fraction(w, sum(w_in)) for w in w_in],
        "felsenthal": [Fraction(c, least * n_least) for c in least_in],
        "minimal_winning": [Fraction(m) for m in m_in],
        "minimal_winning_total": Fraction(len(minimal)),
        "swings": swings,
        "penrose": [Fraction(s, 2 ** (n - 1)) for s in swings],
        "banzhaf": [Fraction(s, total) for s in swings],
        "shapley_shubik": ss,
        "coleman_act": Fraction(winning, 2**n),
        "coleman_prevent": [Fraction(s, winning) for s in swings],
        "coleman_initiate": [Fraction(s, 2**n - winning) for s in swings],
        "holler": [Fraction(m, sum(m_in)) for m in m_in],
        "deegan_packel": dp,
        "johnston": [x / len(vulnerable) for x in jo],
    }
