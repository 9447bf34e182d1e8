"""Ternary games by their definitions, enumerating every roll call (3^n) and every ordered roll
call (n! 3^n, n <= 6): an obviously correct reference for the ternary kernel."""

from __future__ import annotations

from fractions import Fraction
from itertools import permutations, product


def passes(conditions, votes) -> bool:
    """``conditions``: (weights, quota, abstain_passes); ``votes``: 'Y', 'A' or 'N' per player."""
    for w, q, abst in conditions:
        got = sum(wi for wi, v in zip(w, votes, strict=True) if v == "Y" or (abst and v == "A"))
        if got < q:
            return False
    return True


def ternary_reference(conditions, n: int, won=None) -> dict:
    """``won(roll call)`` decides a roll call (default: it passes every one of ``conditions``)."""
    calls = list(product("YAN", repeat=n))
    win = {c: (won(c) if won else passes(conditions, c)) for c in calls}
    decisive = [0] * n
    for c in calls:
        for i in range(n):
            if c[i] == "Y" and win[c] and not win[c[:i] + ("N",) + c[i + 1:]]:
                decisive[i] += 1  # roll calls of the others where i's yes passes, its no fails
    pivot = [0] * n
    if n <= 6:
        for order in permutations(range(n)):
            for c in calls:
                for k, i in enumerate(order):
                    done = set(order[:k + 1])
                    low = tuple(c[j] if j in done else "N" for j in range(n))
                    high = tuple(c[j] if j in done else "Y" for j in range(n))
                    if win[low] or not win[high]:
                        pivot[i] += 1
                        break
    total = 1
    for k in range(2, n + 1):
        total *= k
    total *= 3**n
    return {"winning": sum(win.values()), "decisive": decisive,
            "pivotal": [Fraction(p, total) for p in pivot]}
