# cython: language_level=3
"""The tokens the segment model reads, and the sum of their weights, compiled: a page has hundreds of blocks, and
spelling out every block's words, word pairs and word ends as strings only to look them up in the model's
weights took a seventh of a page's time.

A block's tokens (:class:`BlockTokens`) are read off its normalized text when they are needed: weighed by a
:class:`TokenWeights` table without being spelled out (each token is hashed from the text's characters exactly as
from its string), counted against the table (how much of a block the model knows), or spelled out as strings for
the model's reasons and its training. All of them read one walk over the tokens (:func:`_walk`), so they cannot
disagree on what a token is; a token is spelled out only when it is asked for. The dense part of a model's logit
(:func:`weighted_sum`) is summed here too.
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
from libc.math cimport exp, fabs
from libc.stdint cimport uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc, qsort, realloc

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


cdef bint _inside(tuple spans, Py_ssize_t start, Py_ssize_t end):
    """Whether the word from ``start`` to ``end`` lies inside one of ``spans``."""
    cdef Py_ssize_t span_start, span_end
    for span_start, span_end in spans:
        if span_start <= start and end <= span_end:
            return True
    return False


@cython.no_gc
cdef class BlockTokens:
    """The words of a normalized text and the tokens the segment model reads in it: its words of at least three
    characters that are not numbers, their pairs in order, the first and last four characters of words of at
    least six (``abcd~``, ``~wxyz``), which carry brand names (``~toto``, ``~gacor``), and its words mixing
    letters and digits read de-leeted. Numbers and words of one or two characters are left out: in noisy OCR and
    in short menu entries they are everywhere and mean nothing.

    Words inside an ``unread`` span (start, end) count as words but give no token: the vocabulary's words that are
    everyone's (:func:`spamsift.core.features.unread_spans`).

    Its fields are declared in ``_tokens.pxd``, where the compiled evidence (``_evidence.pyx``) reads them too. It
    holds a string and a tuple of strings, so the garbage collector does not track it."""

    def __cinit__(self, str view, tuple unread=()):
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
            if unread and _inside(unread, start, i):
                continue
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
        cdef Walk walk
        cdef Py_ssize_t k
        _walk(self, &walk)
        try:
            return [_spell(self, &walk, k) for k in range(walk.size)]
        finally:
            _free_walk(&walk)

    def __iter__(self):
        return iter(self.spelled())


cdef enum:
    WORD, PAIR, HEAD, TAIL, MIXED


cdef struct Walk:
    # A block's tokens in the order of ``BlockTokens.spelled``: each one's hash (FNV-1a over its code points, as
    # ``_hash_str`` hashes the token's string), its kind and the word it comes from (``places``).
    uint64_t* hashes
    int* kinds
    Py_ssize_t* places
    Py_ssize_t size


cdef int _walk(BlockTokens tokens, Walk* walk, bint spelling=True) except -1:
    """Fill ``walk`` with the block's tokens, so that a token is spelled out only when it is asked for (free it
    with :func:`_free_walk`); without ``spelling``, their hashes alone (every block is weighed, few are spelled).
    Spelling, weighing and counting the tokens all read this one walk, so they cannot disagree on what the tokens
    are."""
    cdef Py_ssize_t capacity = 4 * tokens.count + len(tokens.mixed) + 1
    walk.size = 0
    walk.hashes = <uint64_t*> malloc(capacity * sizeof(uint64_t))
    walk.kinds = <int*> malloc(capacity * sizeof(int)) if spelling else NULL
    walk.places = <Py_ssize_t*> malloc(capacity * sizeof(Py_ssize_t)) if spelling else NULL
    if walk.hashes == NULL or (spelling and (walk.kinds == NULL or walk.places == NULL)):
        _free_walk(walk)
        raise MemoryError()
    cdef str view = tokens.view
    cdef int kind = PyUnicode_KIND(view)
    cdef void* data = PyUnicode_DATA(view)
    cdef Py_ssize_t i, start, end
    for i in range(tokens.count):
        _add(walk, _hash_span(kind, data, tokens.starts[i], tokens.ends[i], FNV_OFFSET), WORD, i)
    for i in range(tokens.count - 1):
        _add(walk, _hash_span(kind, data, tokens.starts[i + 1], tokens.ends[i + 1], _mix(
            _hash_span(kind, data, tokens.starts[i], tokens.ends[i], FNV_OFFSET), SPACE)), PAIR, i)
    for i in range(tokens.count):
        start, end = tokens.starts[i], tokens.ends[i]
        if end - start >= MIN_AFFIXED_WORD:
            _add(walk, _mix(_hash_span(kind, data, start, start + AFFIX, FNV_OFFSET), TILDE), HEAD, i)
            _add(walk, _hash_span(kind, data, end - AFFIX, end, _mix(FNV_OFFSET, TILDE)), TAIL, i)
    for i in range(len(tokens.mixed)):
        _add(walk, _hash_str(tokens.mixed[i]), MIXED, i)
    return 0


cdef inline void _add(Walk* walk, uint64_t h, int kind, Py_ssize_t place) noexcept:
    walk.hashes[walk.size] = h
    if walk.kinds != NULL:
        walk.kinds[walk.size], walk.places[walk.size] = kind, place
    walk.size += 1


cdef void _free_walk(Walk* walk) noexcept:
    free(walk.hashes)
    free(walk.kinds)
    free(walk.places)
    walk.hashes, walk.kinds, walk.places = NULL, NULL, NULL


cdef str _spell(BlockTokens tokens, Walk* walk, Py_ssize_t k):
    """The ``k``-th token of the walk as a string."""
    cdef Py_ssize_t i = walk.places[k]
    cdef int kind = walk.kinds[k]
    view = tokens.view
    if kind == WORD:
        return view[tokens.starts[i]:tokens.ends[i]]
    if kind == PAIR:
        return view[tokens.starts[i]:tokens.ends[i]] + " " + view[tokens.starts[i + 1]:tokens.ends[i + 1]]
    if kind == HEAD:
        return view[tokens.starts[i]:tokens.starts[i] + AFFIX] + "~"
    if kind == TAIL:
        return "~" + view[tokens.ends[i] - AFFIX:tokens.ends[i]]
    return tokens.mixed[i]


cdef int _compare_keys(const void* a, const void* b) noexcept nogil:
    cdef uint64_t x = (<const uint64_t*> a)[0], y = (<const uint64_t*> b)[0]
    return (x > y) - (x < y)


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

    cdef void _next_stamp(self) noexcept:
        """A new weighing: every token counts once again."""
        cdef size_t slot
        self.stamp += 1
        if self.stamp == 0:  # wrapped around: forget every earlier weighing
            for slot in range(self.mask + 1):
                self.stamps[slot] = 0
            self.stamp = 1

    cpdef double total(self, BlockTokens tokens):
        """The sum of the weights of the distinct tokens of a block."""
        cdef Walk walk
        cdef Py_ssize_t k
        cdef double z = 0.0
        _walk(tokens, &walk, spelling=False)
        self._next_stamp()
        for k in range(walk.size):
            z += self._weigh(walk.hashes[k])
        _free_walk(&walk)
        return z

    def weighed_above(self, BlockTokens tokens, double least) -> dict[str, float]:
        """The distinct tokens of a block weighing more than ``least``, spelled out, with their weights: the few a
        block's reasons name, found without spelling out the rest."""
        cdef Walk walk
        cdef Py_ssize_t k
        cdef double weight
        found = {}
        _walk(tokens, &walk)
        try:
            self._next_stamp()
            for k in range(walk.size):
                weight = self._weigh(walk.hashes[k])
                if weight > least:
                    found[_spell(tokens, &walk, k)] = weight
        finally:
            _free_walk(&walk)
        return found

    def known_share(self, list blocks, double floor):
        """The share of the distinct tokens of these blocks, taken together, that the table weighs at least ``floor``
        (as ``LinearModel.known_share`` reads their spelled tokens), or None when they have no token."""
        cdef Walk walk
        cdef BlockTokens tokens
        cdef Py_ssize_t k, size = 0, distinct = 0, known = 0
        cdef size_t slot
        cdef uint64_t* keys = NULL
        cdef uint64_t* grown
        try:
            for tokens in blocks:
                _walk(tokens, &walk, spelling=False)
                grown = <uint64_t*> realloc(keys, (size + walk.size + 1) * sizeof(uint64_t))
                if grown == NULL:
                    _free_walk(&walk)
                    raise MemoryError()
                keys = grown
                for k in range(walk.size):
                    keys[size + k] = _key(walk.hashes[k])
                size += walk.size
                _free_walk(&walk)
            if not size:
                return None
            qsort(keys, size, sizeof(uint64_t), _compare_keys)
            for k in range(size):
                if k and keys[k] == keys[k - 1]:
                    continue
                distinct += 1
                slot = self._slot(keys[k])
                known += self.keys[slot] == keys[k] and fabs(self.weights[slot]) >= floor
        finally:
            free(keys)
        return known / distinct
