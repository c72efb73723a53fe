# The compiled token classes, declared here so that other compiled modules (the evidence, _evidence.pyx) read their
# fields in C.

cimport cython
from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISALPHA, Py_UNICODE_ISDECIMAL, Py_UNICODE_ISNUMERIC
from libc.stdint cimport uint32_t, uint64_t


cdef inline bint is_word_char(Py_UCS4 ch) noexcept:
    # What ``re`` reads as ``\w`` in a str (ASCII answered without Unicode's tables: most text is ASCII).
    if ch < 128:
        return (u'a' <= ch <= u'z') or (u'A' <= ch <= u'Z') or (u'0' <= ch <= u'9') or ch == u'_'
    return Py_UNICODE_ISALNUM(ch)


cdef inline bint is_letter(Py_UCS4 ch) noexcept:
    # What ``re`` reads as ``[^\W\d_]`` in a str: a word character that is neither a decimal digit nor "_".
    if ch < 128:
        return (u'a' <= ch <= u'z') or (u'A' <= ch <= u'Z')
    return Py_UNICODE_ISALPHA(ch) or (Py_UNICODE_ISNUMERIC(ch) and not Py_UNICODE_ISDECIMAL(ch))


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
    cpdef double total(self, BlockTokens tokens)


cpdef double weighted_sum(tuple weights, list values) except? -1.0
