"""Exact big counts from numpy: residues modulo primes below 2^51 and the Chinese remainder
theorem.

Coalition counts reach ``2^n``; the table kernels keep them modulo several primes (each above
2^50, below 2^51) in ``uint64`` -- only additions and subtractions are needed, so nothing
overflows -- and rebuild the integers by the Chinese remainder theorem; the product of the
primes exceeds ``2^n``, the bound of every quantity rebuilt.

References
----------
.. [1] Kakimura, N., and Terai, Y. (2025). "Computing power indices in weighted majority games
   with formal power series." arXiv:2511.14995 (modular computation and the Chinese remainder
   theorem for exact values).
.. [2] Knuth, D. E. (1997). The Art of Computer Programming, vol. 2, 3rd ed., section 4.3.2
   (modular arithmetic) and 4.5.4 (the Miller-Rabin test).
"""

from __future__ import annotations

__all__ = ["primes", "moduli_for", "crt", "modsum"]

import math
from functools import cache

import numpy as np


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in small:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in small:  # deterministic for n < 3.3e24
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


@cache
def primes(k: int) -> tuple[int, ...]:
    """The ``k`` largest primes below 2^51 (each above 2^50)."""
    out = []
    c = (1 << 51) - 1
    while len(out) < k:
        if is_prime(c):
            out.append(c)
        c -= 2
    return tuple(out)


def moduli_for(n_active: int) -> tuple[int, ...] | None:
    """Moduli whose product exceeds 2^n (None: plain int64 is exact)."""
    if n_active <= 62:
        return None
    return primes(-(-(n_active + 1) // 50))


def crt(res: np.ndarray, primes: tuple[int, ...]) -> np.ndarray:
    """Rebuild integers from residues on the last axis (object array of Python ints)."""
    M = math.prod(primes)
    coef = []
    for p in primes:
        Mp = M // p
        coef.append(Mp * pow(Mp, -1, p))
    R = np.mod(res.astype(np.int64), np.array(primes, dtype=np.int64)).astype(object)
    return (R * np.array(coef, dtype=object)).sum(axis=-1) % M


def modsum(values: np.ndarray, primes: tuple[int, ...], axis: int) -> np.ndarray:
    """Sum signed residues (|v| < 2^52) along ``axis`` modulo the primes (on the last axis
    of the result), in chunks of 2048 so that no partial sum leaves int64."""
    v = np.moveaxis(values, axis, 0).astype(np.int64)
    P = np.array(primes, dtype=np.int64)
    acc = np.zeros(v.shape[1:], dtype=np.int64)
    for st in range(0, v.shape[0], 2048):
        acc = np.mod(acc + v[st:st + 2048].sum(axis=0), P)
    return acc

