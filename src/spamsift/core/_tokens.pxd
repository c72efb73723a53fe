# The compiled token classes, declared here so that other compiled modules (the evidence, _evidence.pyx) read their
# fields in C.

cimport cython
from libc.stdint cimport uint32_t, uint64_t

from spamsift.core._characters cimport is_word_char


cdef class BlockTokens:
    cdef readonly str view
    cdef readonly Py_ssize_t words
    # How many words (``\w+``) the text has.
    cdef readonly tuple mixed
    # Its words mixing letters and digits, de-leeted (``sl0t`` -> ``slot``).
    cdef Py_ssize_t* starts
    cdef Py_ssize_t* ends
    cdef Py_ssize_t count
    # How many words are kept as tokens; ``starts`` and ``ends`` hold their spans.


@cython.final
cdef class TokenWeights:
    cdef uint64_t* keys
    cdef double* weights
    cdef uint32_t* stamps
    cdef size_t mask
    cdef uint32_t stamp

    cdef size_t _slot(self, uint64_t key) noexcept
    cdef double _weigh(self, uint64_t h) noexcept
    cdef void _next_stamp(self) noexcept
    cpdef double total(self, BlockTokens tokens)


cpdef double weighted_sum(tuple weights, list values) except? -1.0
cpdef double sigmoid(double z) noexcept
