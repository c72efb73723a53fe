# cython: language_level=3
"""The MinHash of a spam page's text, compiled: its 32 hash functions, each taken over every shingle in Python's
big-integer arithmetic, took a third of a gambling page's time. ``spamsift/core/campaign.py`` hashes the shingles
and cuts the signature into bands; this module takes the minimums.
"""

from libc.stdint cimport uint64_t
from libc.stdlib cimport free, malloc

cdef extern from *:
    ctypedef unsigned long long uint128 "unsigned __int128"

cdef uint64_t MERSENNE = (<uint64_t> 1 << 61) - 1


cdef inline uint64_t _mod_mersenne(uint128 x) noexcept:
    """``x % (2**61 - 1)`` for ``x`` under 2**122: 2**61 is 1 modulo the prime, so the high bits fold onto the low."""
    x = (x & MERSENNE) + (x >> 61)  # under 2**61 + 2**61
    x = (x & MERSENNE) + (x >> 61)  # at most the prime + 1
    cdef uint64_t folded = <uint64_t> x
    return folded - MERSENNE if folded >= MERSENNE else folded


def min_hashes(list hashes, list permutations) -> list[int]:
    """``[min((a * h + b) % (2**61 - 1) for h in hashes) for a, b in permutations]``, to the same integers: the
    ``hashes`` are 64-bit and each ``a`` and ``b`` under 2**61. Raises ValueError for no hashes, as ``min`` does."""
    cdef Py_ssize_t count = len(hashes), i
    if not count:
        raise ValueError("no hashes to take the minimum of")
    cdef uint64_t* values = <uint64_t*> malloc(count * sizeof(uint64_t))
    if values == NULL:
        raise MemoryError()
    cdef uint64_t a, b, least, value
    signature = []
    try:
        for i in range(count):
            values[i] = hashes[i]
        for a, b in permutations:
            least = MERSENNE
            for i in range(count):
                value = _mod_mersenne(<uint128> a * values[i] + b)
                if value < least:
                    least = value
            signature.append(least)
    finally:
        free(values)
    return signature
