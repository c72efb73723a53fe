# cython: language_level=3
"""The layout model's dense features, compiled: each block's size, link density, position and neighbours, and where
it sits in the tree (the main container, the top candidate, the declared article body), which are found by walking
up the parse frames of the compiled walk (``_walk.pyx``) hundreds of times a page. In Python this took a tenth of a
page's time.

The model itself and its training are in ``spamsift/html/layout.py``.
"""

cimport cython
from libc.math cimport log1p
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memset

from spamsift.core._tokens import count_words
from spamsift.core.sentence import ends_as_clause
from spamsift.core.model import token_sum

from spamsift.core._characters cimport is_letter
from spamsift.core._tokens cimport sigmoid
from spamsift.html._walk cimport Frame, LayoutInfo, body_of, words_of

LAYOUT_FEATURES = (
    "words", "link_density", "sentence", "position", "depth", "prev_words", "next_words",
    "prev_link_density", "next_link_density", "hidden", "commas", "block_share", "in_main", "main_depth_gap",
    "in_top_candidate", "declared_body",
)
MAIN_SHARE = 0.6
"""The main container is the deepest element holding this share of the page's prose words."""
PROSE_MIN_WORDS = 8
FIRST_WORD_LETTERS = 12


def first_word_token(str text):
    """The token of a block's first word ("w:share", "w:posted", "w:copyright", "w:reply"), if it has one: the
    letters it starts with, up to FIRST_WORD_LETTERS (``re.match(r"[^\\W\\d_]{1,12}", text)``, without a pattern
    run for every block)."""
    cdef Py_ssize_t letters = 0, length = len(text)
    while letters < length and letters < FIRST_WORD_LETTERS and is_letter(text[letters]):
        letters += 1
    return "w:" + text[:letters].lower() if letters else None


@cython.no_gc
cdef class Rows:
    """A table of floats, one row per block, in one C array: the layout model's features of a page's blocks (first
    stage) and what its second stage reads. Lists of Python floats, made and freed for numbers read once, took about
    a quarter of the layout model's time (0.3 of 1.1 ms a page). Training and tests read the rows as lists
    (``rows[i]``, iteration)."""

    cdef double* values
    cdef readonly Py_ssize_t count, width

    def __cinit__(self, Py_ssize_t count, Py_ssize_t width):
        self.count, self.width = count, width
        self.values = <double*> calloc(count * width + 1, sizeof(double))
        if self.values == NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self.values)

    def __len__(self):
        return self.count

    def __getitem__(self, Py_ssize_t i) -> list[float]:
        if i < 0:  # from the end, as a list counts
            i += self.count
        if not 0 <= i < self.count:
            raise IndexError(f"row {i} of {self.count}")
        cdef double* row = self.values + i * self.width
        return [row[j] for j in range(self.width)]

    def __iter__(self):
        for i in range(self.count):
            yield self[i]


cdef inline double _row_sum(tuple weights, Rows rows, Py_ssize_t i):
    """``weighted_sum(weights, rows[i])``, added in the same order (so to the same float), without making the row."""
    cdef double total = 0.0
    cdef double* row = rows.values + i * rows.width
    cdef Py_ssize_t j
    for j in range(min(len(weights), rows.width)):
        total += <double> weights[j] * row[j]
    return total


def content_logits(list segments, list infos, Rows rows, block) -> list[float]:
    """The first stage's logit of each block, by the linear model ``block`` over its dense ``rows`` and its tokens:
    its ancestry's, its element's own (``LayoutInfo.local``) and its first word's. Token weights are summed once per
    distinct group of tokens, not once per block: once per element for its ancestry (:func:`ancestry_weights`), once
    per tuple for its element's own (a list's items share them). (The three groups never share a token: their
    prefixes differ.)"""
    cdef dict weights = block.tokens, local_weights = {}
    cdef tuple dense_weights = block.dense
    cdef double bias = block.bias
    cdef LayoutInfo info
    cdef Py_ssize_t i
    ancestry = ancestry_weights(infos, weights)
    logits = []
    for i in range(len(segments)):
        info = infos[i]
        local = local_weights.get(info.local)
        if local is None:
            local = local_weights[info.local] = token_sum(weights, info.local)
        first = first_word_token(segments[i].text)
        logits.append(bias + _row_sum(dense_weights, rows, i) + ancestry[i] + local
                      + (weights.get(first, 0.0) if first else 0.0))
    return logits


cdef list _prose_blocks(list infos, list words, list density):
    """The indices of the paragraph-like blocks: at least PROSE_MIN_WORDS words, mostly not links, inside an
    element. The containers below are all found from them."""
    cdef Py_ssize_t i
    return [i for i in range(len(infos))
            if words[i] >= PROSE_MIN_WORDS and density[i] <= 0.5 and (<LayoutInfo> infos[i]).element is not None]


cdef list _in_main_container(list infos, list words, list prose):
    """For each block: is it inside the page's main container, and how many levels below it.

    The prose words (blocks of at least PROSE_MIN_WORDS words, mostly not links) are summed up the
    ancestor chain, and the deepest element holding MAIN_SHARE of them is the main container: wider
    than the top candidate (:func:`_top_candidate`), it holds everything prose-like around the article.
    """
    cdef Frame frame, main = None
    cdef LayoutInfo info
    cdef long total = 0, block_words
    touched = []
    for i in prose:
        block_words = words[i]
        frame = (<LayoutInfo> infos[i]).element
        while frame is not None:
            if not frame.prose_words:
                touched.append(frame)
            frame.prose_words += block_words
            frame = frame.parent
    if not touched:
        return [(0.0, 0.0)] * len(infos)
    for frame in touched:
        total = max(total, frame.prose_words)
    for frame in touched:  # the deepest, the first of equals
        if frame.prose_words >= MAIN_SHARE * total and (main is None or frame.depth > main.depth):
            main = frame
    flags = []
    for info in infos:
        frame = info.element
        while frame is not None and frame is not main and frame.depth > main.depth:
            frame = frame.parent
        if frame is main:
            flags.append((1.0, min(info.depth - main.depth, 20) / 10))
        else:
            flags.append((0.0, 0.0))
    return flags


cdef Frame _top_candidate(list segments, list infos, list prose):
    """The element most likely to hold the article, found as readability finds it: each paragraph-like block
    scores its parent fully and its grandparent half, by its length and commas. Unlike the main container
    (:func:`_in_main_container`), this prefers the element whose own children are the paragraphs, so a list
    of teasers, each a heading and a paragraph in an item of its own, does not outweigh the article."""
    cdef dict scores = {}
    cdef Frame frame
    cdef double points
    for i in prose:
        text = segments[i].text
        points = 1 + text.count(",") + min(len(text) // 100, 3)
        frame = (<LayoutInfo> infos[i]).element.parent
        for share in (1.0, 0.5):
            if frame is None:
                break
            entry = scores.setdefault(id(frame), [0.0, frame])
            entry[0] += points * share
            frame = frame.parent
    if not scores:
        return None
    return max(scores.values(), key=lambda entry: entry[0])[1]


cdef Frame _declared_body(list infos, list words, list prose):
    """The element the page itself declares its article's body (schema.org's ``itemprop="articleBody"``), the
    one holding the most prose when there are several; None when no declared body holds prose."""
    cdef dict declared = {}
    cdef Frame body
    for i in prose:
        body = body_of((<LayoutInfo> infos[i]).element)
        if body is not None:
            declared.setdefault(id(body), [0, body])[0] += words[i]
    return max(declared.values(), key=lambda entry: entry[0])[1] if declared else None


cdef bint _inside(Frame frame, Frame container):
    """Whether a parse frame is the container or below it."""
    while frame is not None and frame.depth >= container.depth:
        if frame is container:
            return True
        frame = frame.parent
    return False


def dense_rows(list segments, list infos) -> Rows:
    """The layout model's dense features of each block, in the order of LAYOUT_FEATURES."""
    words = [count_words(s.text) for s in segments]
    density = [s.link_chars / max(len(s.text), 1) for s in segments]
    cdef double total_words = sum(words) or 1
    cdef Py_ssize_t i, n = len(segments)
    prose = _prose_blocks(infos, words, density)
    main = _in_main_container(infos, words, prose)
    cdef Frame top = _top_candidate(segments, infos, prose)
    cdef Frame body = _declared_body(infos, words, prose)
    cdef LayoutInfo info
    cdef Rows rows = Rows(n, len(LAYOUT_FEATURES))
    cdef double* row
    for i in range(n):
        segment = segments[i]
        info = infos[i]
        text = segment.text
        row = rows.values + i * rows.width
        row[0] = log1p(words[i])
        row[1] = density[i]
        row[2] = 1.0 if ends_as_clause(text) else 0.0
        row[3] = <double> i / max(n - 1, 1)
        row[4] = <double> min(info.depth, 40) / 20
        row[5] = log1p(words[i - 1]) if i else 0.0
        row[6] = log1p(words[i + 1]) if i + 1 < n else 0.0
        row[7] = density[i - 1] if i else 0.0
        row[8] = density[i + 1] if i + 1 < n else 0.0
        row[9] = 1.0 if segment.hidden else 0.0
        row[10] = log1p(text.count(","))
        row[11] = words[i] / total_words * 10
        row[12], row[13] = main[i]
        row[14] = 1.0 if top is not None and _inside(info.element, top) else 0.0
        row[15] = 0.0 if body is None else 1.0 if _inside(info.element, body) else -1.0
    return rows


CONTEXT_FEATURES = ("logit", "window_mean", "prev_prob", "next_prob", "wide_window_share", "sibling_mean",
                    "in_top_candidate", "declared_body")
cdef Py_ssize_t WINDOW = 2, WIDE_WINDOW = 5
cdef Py_ssize_t IN_TOP = LAYOUT_FEATURES.index("in_top_candidate")
cdef Py_ssize_t DECLARED_BODY = LAYOUT_FEATURES.index("declared_body")


def context_probabilities(Rows rows, context) -> list[float]:
    """The second stage's probability of each block, by the linear model ``context`` over its row of
    CONTEXT_FEATURES."""
    cdef double bias = context.bias
    cdef tuple weights = context.dense
    return [sigmoid(bias + _row_sum(weights, rows, i)) for i in range(rows.count)]


def context_rows(list logits, list infos, Rows layout_rows) -> Rows:
    """The second stage's inputs: a block's own logit, what the first stage said about its neighbours
    in reading order and about its siblings in the tree (content comes in runs and in one container), and
    whether it sits in the top candidate and in the article body the page declares (both read off its
    first-stage ``layout_rows``), which the second stage weighs against the first stage's certainty."""
    cdef Py_ssize_t i, n = len(logits), lo, hi, wide_lo, wide_hi, others, group_size
    cdef Rows rows = Rows(n, len(CONTEXT_FEATURES))
    # columns in C: the first stage's probabilities, their running sum and the running count of likely content
    cdef Rows probs = Rows(n, 1), prefix = Rows(n + 1, 1), likely = Rows(n + 1, 1)
    cdef double p, group_sum
    cdef double* row
    cdef double* layout_row
    cdef LayoutInfo info
    cdef dict siblings = {}
    keys = []
    for i in range(n):
        p = probs.values[i] = sigmoid(logits[i])
        prefix.values[i + 1] = prefix.values[i] + p
        likely.values[i + 1] = likely.values[i] + (p >= 0.5)
        info = infos[i]
        key = id(info.element.parent) if info.element is not None else 0
        keys.append(key)
        group = siblings.get(key)
        siblings[key] = (p, 1) if group is None else (group[0] + p, group[1] + 1)
    for i in range(n):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        wide_lo, wide_hi = max(0, i - WIDE_WINDOW), min(n, i + WIDE_WINDOW + 1)
        others = hi - lo - 1
        group_sum, group_size = siblings[keys[i]]
        p = probs.values[i]
        row = rows.values + i * rows.width
        layout_row = layout_rows.values + i * layout_rows.width
        row[0] = max(-12.0, min(12.0, <double> logits[i]))
        row[1] = (prefix.values[hi] - prefix.values[lo] - p) / others if others else 0.5
        row[2] = probs.values[i - 1] if i else 0.0
        row[3] = probs.values[i + 1] if i + 1 < n else 0.0
        row[4] = (likely.values[wide_hi] - likely.values[wide_lo]) / (wide_hi - wide_lo)
        row[5] = (group_sum - p) / (group_size - 1) if group_size > 1 else p
        row[6] = layout_row[IN_TOP]
        row[7] = layout_row[DECLARED_BODY]
    return rows


def ancestry_weights(list infos, dict weights) -> list[float]:
    """For each block, the sum of the layout model's ``weights`` of its ancestry's tokens (``LayoutInfo.inherited``,
    each token once however many ancestors carry it), as training weighs them.

    The blocks come in reading order, so the elements above them are entered and left as a walk of the tree would:
    each element's sum is its parent's plus its own tokens that no open element above it carries, counted by
    ``carriers``. Building every element's set of ancestry tokens instead took a twentieth of a page's time.
    Elements sharing a tag and class/id attributes share their weighed tokens (:class:`_OwnWeights`)."""
    cdef _Carriers carriers = _Carriers()
    cdef dict own = {}
    cdef list path = [], path_tokens = [], entered = [], sums = []
    cdef LayoutInfo info
    cdef Frame frame
    cdef _OwnWeights tokens
    cdef Py_ssize_t shared, i, token
    cdef double total
    cdef dict class_weights, tag_weights
    _, class_weights, tag_weights = _weights_by_kind(weights)
    for info in infos:
        if info.element is None:
            sums.append(0.0)
            continue
        entered.clear()
        frame = info.element
        while frame is not None and not (frame.depth < len(path) and path[frame.depth] is frame):
            entered.append(frame)  # an element's depth is its place on the path
            frame = frame.parent
        shared = frame.depth + 1 if frame is not None else 0
        while len(path) > shared:  # leave the elements the previous block was in and this one is not
            path.pop()
            tokens = path_tokens.pop()
            for i in range(tokens.count):
                carriers.counts[tokens.ids[i]] -= 1
        for frame in reversed(entered):  # enter this block's elements
            total = (<Frame> path[-1]).ancestry_weight if path else 0.0
            tokens = _own_weights(frame, class_weights, tag_weights, own, carriers)
            for i in range(tokens.count):
                token = tokens.ids[i]
                if not carriers.counts[token]:  # a token an open element above carries is counted there
                    total += tokens.weights[i]
                carriers.counts[token] += 1
            frame.ancestry_weight = total
            path.append(frame)
            path_tokens.append(tokens)
        sums.append(info.element.ancestry_weight)
    return sums


cdef class _Carriers:
    """How many open elements carry each weighed token, by the token's number on this page (``ids``)."""

    cdef dict ids
    cdef int* counts
    cdef Py_ssize_t capacity

    def __cinit__(self):
        self.ids = {}
        self.capacity = 64
        self.counts = <int*> calloc(self.capacity, sizeof(int))
        if self.counts == NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self.counts)

    cdef Py_ssize_t number(self, str token) except -1:
        """The token's number, given on first sight."""
        found = self.ids.get(token)
        if found is not None:
            return found
        cdef Py_ssize_t token_id = len(self.ids)
        self.ids[token] = token_id
        if token_id == self.capacity:
            grown = <int*> realloc(self.counts, 2 * self.capacity * sizeof(int))
            if grown == NULL:
                raise MemoryError()
            memset(grown + self.capacity, 0, self.capacity * sizeof(int))
            self.counts, self.capacity = grown, 2 * self.capacity
        return token_id


cdef class _OwnWeights:
    """An element's own tokens that the model weighs: their numbers (see :class:`_Carriers`) and weights, in the order
    of ``own_layout_tokens``."""

    cdef Py_ssize_t* ids
    cdef double* weights
    cdef Py_ssize_t count

    def __dealloc__(self):
        free(self.ids)
        free(self.weights)


cdef tuple _split = (None, {}, {})
"""The layout model's token weights of elements, by kind, for the weights they were split from (see
:func:`_weights_by_kind`)."""


cdef tuple _weights_by_kind(dict weights):
    """The class/id words' weights by the bare word ("c:comment" as "comment") and the tags' by the tag ("t:nav" as
    "nav", with its token): what :func:`_own_weights` looks up. Split once for each model."""
    global _split
    cdef tuple split = _split  # read once: another thread may split another model's weights meanwhile
    if split[0] is not weights:
        split = _split = (weights,
                          {token[2:]: weight for token, weight in weights.items() if token.startswith("c:")},
                          {token[2:]: (token, weight) for token, weight in weights.items() if token.startswith("t:")})
    return split


cdef _OwnWeights _own_weights(Frame frame, dict class_weights, dict tag_weights, dict own, _Carriers carriers):
    """The element's weighed tokens (``own_layout_tokens``: its tag's and its class/id words', each once), read once
    for each tag and class/id attributes (``own``). The words are looked up bare, as ``class_weights`` holds them:
    spelling out each element's tokens ("c:" + word) only to look them up took most of the layout model's time."""
    key = (frame.tag, frame.names)
    cdef _OwnWeights found = own.get(key)
    if found is not None:
        return found
    words = words_of(frame)
    found = own[key] = _OwnWeights.__new__(_OwnWeights)
    found.ids = <Py_ssize_t*> malloc((len(words) + 1) * sizeof(Py_ssize_t))
    found.weights = <double*> malloc((len(words) + 1) * sizeof(double))
    if found.ids == NULL or found.weights == NULL:
        raise MemoryError()
    tag = tag_weights.get(frame.tag)
    if tag is not None:
        _add_once(found, carriers.number(tag[0]), tag[1])
    for word in words:
        weight = class_weights.get(word)
        if weight is not None:
            _add_once(found, carriers.number(word), weight)
    return found


cdef void _add_once(_OwnWeights tokens, Py_ssize_t token, double weight) noexcept:
    """Add a weighed token unless it is there already (a class attribute may repeat a word: "btn btn-lg")."""
    cdef Py_ssize_t i
    for i in range(tokens.count):
        if tokens.ids[i] == token:
            return
    tokens.ids[tokens.count] = token
    tokens.weights[tokens.count] = weight
    tokens.count += 1
