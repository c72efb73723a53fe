# cython: language_level=3
"""The tokens the segment model reads, and the sum of their weights, compiled: a page has hundreds of blocks, and
spelling out every block's words, word pairs and word ends as strings only to look them up in the model's
weights took a seventh of a page's time.

A block's tokens (:class:`BlockTokens`) are read off its normalized text when they are needed: weighed by a
:class:`TokenWeights` table without being spelled out (each token is hashed from the text's characters exactly as
from its string), or spelled out as strings for the model's reasons and its training. Both walk the same spans, so
the two cannot disagree on what a token is. The dense part of a model's logit (:func:`weighted_sum`) is summed here
too.
"""

from cpython.unicode cimport (
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISDIGIT,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
)
cimport cython
from libc.math cimport exp
from libc.stdint cimport uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc

from spamsift.core.normalize import deleet

cdef uint64_t FNV_OFFSET = 0xcbf29ce484222325
cdef uint64_t FNV_PRIME = 0x100000001b3
cdef Py_ssize_t MIN_WORD = 3
"""Words shorter than this are left out (with numbers): in noisy OCR and menus they are everywhere."""
cdef Py_ssize_t MIN_AFFIXED_WORD = 6
cdef Py_ssize_t AFFIX = 4
cdef uint64_t SPACE = 32, TILDE = 126
"""The code points joining a pair's words (``a b``) and marking a word's end (``abcd~``, ``~wxyz``)."""


cdef inline uint64_t _mix(uint64_t h, uint64_t code_point) noexcept:
    return (h ^ code_point) * FNV_PRIME


cdef inline uint64_t _hash_span(int kind, void* data, Py_ssize_t start, Py_ssize_t end, uint64_t h) noexcept:
    """FNV-1a over the code points of ``[start, end)``, continuing from ``h``."""
    cdef Py_ssize_t i
    for i in range(start, end):
        h = _mix(h, <uint64_t> PyUnicode_READ(kind, data, i))
    return h


cdef uint64_t _hash_str(str text):
    return _hash_span(PyUnicode_KIND(text), PyUnicode_DATA(text), 0, PyUnicode_GET_LENGTH(text), FNV_OFFSET)


cdef inline uint64_t _key(uint64_t h) noexcept:
    """A hash as a table key: 0 marks an empty slot."""
    return h if h else 1


def count_words(str text) -> int:
    """How many words a text has, as ``len(re.findall(r"\\w+", text))`` counts them, without making them."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text), words = 0
    cdef bint inside = False, word_char
    for i in range(n):
        word_char = is_word_char(PyUnicode_READ(kind, data, i))
        if word_char and not inside:
            words += 1
        inside = word_char
    return words



cpdef double sigmoid(double z) noexcept:
    """The logistic function, 0.0 below -40 (``math.exp`` would overflow far below): a block's probability, taken
    for every block by the verdict and both stages of the layout model."""
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + exp(-z))


cpdef double weighted_sum(tuple weights, list values) except? -1.0:
    """``sum(map(operator.mul, weights, values))``, added in the same order (so to the same float): the dense part
    of a linear model's logit, which every model takes for every block."""
    cdef double total = 0.0
    cdef Py_ssize_t i
    for i in range(min(len(weights), len(values))):
        total += <double> weights[i] * <double> values[i]
    return total

@cython.no_gc
cdef class BlockTokens:
    """The words of a normalized text and the tokens the segment model reads in it: its words of at least three
    characters that are not numbers, their pairs in order, the first and last four characters of words of at
    least six (``abcd~``, ``~wxyz``), which carry brand names (``~toto``, ``~gacor``), and its words mixing
    letters and digits read de-leeted. Numbers and words of one or two characters are left out: in noisy OCR and
    in short menu entries they are everywhere and mean nothing.

    Its fields are declared in ``_tokens.pxd``, where the compiled evidence (``_evidence.pyx``) reads them too. It
    holds a string and a tuple of strings, so the garbage collector does not track it."""

    def __cinit__(self, str view):
        self.view = view
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(view)
        self.starts = <Py_ssize_t*> malloc((n // 2 + 1) * sizeof(Py_ssize_t))
        self.ends = <Py_ssize_t*> malloc((n // 2 + 1) * sizeof(Py_ssize_t))
        if self.starts == NULL or self.ends == NULL:
            raise MemoryError()
        cdef int kind = PyUnicode_KIND(view)
        cdef void* data = PyUnicode_DATA(view)
        cdef Py_ssize_t i = 0, start
        cdef bint digits, letters, number, decimal, digit
        cdef Py_UCS4 ch
        mixed = []
        while i < n:
            if not is_word_char(PyUnicode_READ(kind, data, i)):
                i += 1
                continue
            start = i
            number = True
            digits = letters = False
            while i < n:
                ch = PyUnicode_READ(kind, data, i)
                if not is_word_char(ch):
                    break
                if ch < 128:
                    decimal = digit = u'0' <= ch <= u'9'
                else:
                    decimal, digit = Py_UNICODE_ISDECIMAL(ch), Py_UNICODE_ISDIGIT(ch)
                number = number and digit
                if decimal:
                    digits = True
                elif ch != u'_':
                    letters = True
                i += 1
            self.words += 1
            if digits and letters:
                mixed.append(deleet(view[start:i]))
            if i - start >= MIN_WORD and not number:
                self.starts[self.count] = start
                self.ends[self.count] = i
                self.count += 1
        self.mixed = tuple(mixed)

    def __dealloc__(self):
        free(self.starts)
        free(self.ends)

    def spelled(self) -> list[str]:
        """The tokens as strings, in order: words, pairs, word ends, mixed words."""
        view = self.view
        words = [view[self.starts[i]:self.ends[i]] for i in range(self.count)]
        tokens = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
        for word in words:
            if len(word) >= MIN_AFFIXED_WORD:
                tokens += (word[:AFFIX] + "~", "~" + word[-AFFIX:])
        return tokens + list(self.mixed)

    def __iter__(self):
        return iter(self.spelled())


cdef class TokenWeights:
    """A linear model's token weights in an open-addressing table keyed by the tokens' 64-bit FNV-1a hashes, so
    that a block's tokens are weighed without being spelled out. Two of the model's tokens sharing a hash is
    refused when the table is built; a token outside the model sharing one's hash is a chance of about one in
    2**64 / the model's size per token read. Its fields are declared in ``_tokens.pxd``.

    ``stamps`` holds the weighing (``stamp``) that last counted each token: a token occurring twice in a block counts
    once. A weighing runs no Python code and so holds the GIL throughout: threads of a Python program sharing the
    table cannot interleave their stamps."""

    def __cinit__(self, dict weights):
        cdef size_t size = 16
        while size < 2 * len(weights):
            size <<= 1
        self.mask = size - 1
        self.keys = <uint64_t*> calloc(size, sizeof(uint64_t))
        self.weights = <double*> calloc(size, sizeof(double))
        self.stamps = <uint32_t*> calloc(size, sizeof(uint32_t))
        if self.keys == NULL or self.weights == NULL or self.stamps == NULL:
            raise MemoryError()
        cdef size_t slot
        cdef uint64_t key
        for token, weight in weights.items():
            key = _key(_hash_str(token))
            slot = self._slot(key)
            if self.keys[slot] == key:
                raise ValueError(f"model token {token!r} shares its hash with another; rename or drop one")
            self.keys[slot] = key
            self.weights[slot] = weight

    def __dealloc__(self):
        free(self.keys)
        free(self.weights)
        free(self.stamps)

    cdef size_t _slot(self, uint64_t key) noexcept:
        """The slot holding ``key``, or the empty slot where it would go."""
        cdef size_t slot = (key ^ (key >> 32)) & self.mask
        while self.keys[slot] and self.keys[slot] != key:
            slot = (slot + 1) & self.mask
        return slot

    cdef double _weigh(self, uint64_t h) noexcept:
        cdef uint64_t key = _key(h)
        cdef size_t slot = self._slot(key)
        if self.keys[slot] != key or self.stamps[slot] == self.stamp:
            return 0.0
        self.stamps[slot] = self.stamp
        return self.weights[slot]

    cpdef double total(self, BlockTokens tokens):
        """The sum of the weights of the distinct tokens of a block."""
        cdef size_t slot
        self.stamp += 1
        if self.stamp == 0:  # wrapped around: forget every earlier weighing
            for slot in range(self.mask + 1):
                self.stamps[slot] = 0
            self.stamp = 1
        cdef str view = tokens.view
        cdef int kind = PyUnicode_KIND(view)
        cdef void* data = PyUnicode_DATA(view)
        cdef Py_ssize_t i, start, end
        cdef double z = 0.0
        for i in range(tokens.count):
            z += self._weigh(_hash_span(kind, data, tokens.starts[i], tokens.ends[i], FNV_OFFSET))
        for i in range(tokens.count - 1):
            z += self._weigh(_hash_span(kind, data, tokens.starts[i + 1], tokens.ends[i + 1], _mix(
                _hash_span(kind, data, tokens.starts[i], tokens.ends[i], FNV_OFFSET), SPACE)))
        for i in range(tokens.count):
            start, end = tokens.starts[i], tokens.ends[i]
            if end - start >= MIN_AFFIXED_WORD:
                z += self._weigh(_mix(_hash_span(kind, data, start, start + AFFIX, FNV_OFFSET), TILDE))
                z += self._weigh(_hash_span(kind, data, end - AFFIX, end, _mix(FNV_OFFSET, TILDE)))
        for token in tokens.mixed:
            z += self._weigh(_hash_str(token))
        return z

