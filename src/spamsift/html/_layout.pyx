# cython: language_level=3
"""The layout model's dense features, compiled: each block's size, link density, position and neighbours, and where
it sits in the tree (the main container, the top candidate, the declared article body), which are found by walking
up the parse frames of the compiled walk (``_walk.pyx``) hundreds of times a page. In Python this took a tenth of a
page's time.

The model itself and its training are in ``spamsift/html/layout.py``.
"""

from libc.math cimport log1p
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memset

from spamsift.core._tokens import count_words
from spamsift.core.boilerplate import ends_sentence

from spamsift.core._characters cimport is_letter
from spamsift.core._tokens cimport sigmoid, weighted_sum
from spamsift.html._walk cimport Frame, LayoutInfo, body_of, own_layout_tokens

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


def content_logits(list segments, list infos, list rows, block) -> list[float]:
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
            local = local_weights[info.local] = sum(map(weights.__getitem__, weights.keys() & info.local))
        first = first_word_token(segments[i].text)
        logits.append(bias + weighted_sum(dense_weights, rows[i]) + ancestry[i] + local
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


def dense_rows(list segments, list infos) -> list[list[float]]:
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
    rows = []
    for i in range(n):
        segment = segments[i]
        info = infos[i]
        text = segment.text
        rows.append([
            log1p(words[i]),
            density[i],
            1.0 if ends_sentence(text) else 0.0,
            i / max(n - 1, 1),
            min(info.depth, 40) / 20,
            log1p(words[i - 1]) if i else 0.0,
            log1p(words[i + 1]) if i + 1 < n else 0.0,
            density[i - 1] if i else 0.0,
            density[i + 1] if i + 1 < n else 0.0,
            1.0 if segment.hidden else 0.0,
            log1p(text.count(",")),
            words[i] / total_words * 10,
            *main[i],
            1.0 if top is not None and _inside(info.element, top) else 0.0,
            0.0 if body is None else 1.0 if _inside(info.element, body) else -1.0,
        ])
    return rows


CONTEXT_FEATURES = ("logit", "window_mean", "prev_prob", "next_prob", "wide_window_share", "sibling_mean",
                    "in_top_candidate", "declared_body")
cdef Py_ssize_t WINDOW = 2, WIDE_WINDOW = 5
cdef Py_ssize_t IN_TOP = LAYOUT_FEATURES.index("in_top_candidate")
cdef Py_ssize_t DECLARED_BODY = LAYOUT_FEATURES.index("declared_body")


def context_probabilities(list rows, context) -> list[float]:
    """The second stage's probability of each block, by the linear model ``context`` over its row of
    CONTEXT_FEATURES."""
    cdef double bias = context.bias
    cdef tuple weights = context.dense
    return [sigmoid(bias + weighted_sum(weights, row)) for row in rows]


def context_rows(list logits, list infos, list layout_rows) -> list[list[float]]:
    """The second stage's inputs: a block's own logit, what the first stage said about its neighbours
    in reading order and about its siblings in the tree (content comes in runs and in one container), and
    whether it sits in the top candidate and in the article body the page declares (both read off its
    first-stage ``layout_rows``), which the second stage weighs against the first stage's certainty."""
    probs = [sigmoid(z) for z in logits]
    cdef Py_ssize_t i, n = len(probs), lo, hi, wide_lo, wide_hi, others
    prefix = [0.0]
    likely = [0]
    for p in probs:
        prefix.append(prefix[-1] + p)
        likely.append(likely[-1] + (p >= 0.5))
    cdef dict siblings = {}
    cdef LayoutInfo info
    keys = []
    for info in infos:
        keys.append(id(info.element.parent) if info.element is not None else 0)
    for key, p in zip(keys, probs):
        siblings.setdefault(key, []).append(p)
    sibling_sums = {key: sum(group) for key, group in siblings.items()}
    rows = []
    for i in range(n):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        wide_lo, wide_hi = max(0, i - WIDE_WINDOW), min(n, i + WIDE_WINDOW + 1)
        others = hi - lo - 1
        group = siblings[keys[i]]
        rows.append([
            max(-12.0, min(12.0, logits[i])),
            (prefix[hi] - prefix[lo] - probs[i]) / others if others else 0.5,
            probs[i - 1] if i else 0.0,
            probs[i + 1] if i + 1 < n else 0.0,
            (likely[wide_hi] - likely[wide_lo]) / (wide_hi - wide_lo),
            (sibling_sums[keys[i]] - probs[i]) / (len(group) - 1) if len(group) > 1 else probs[i],
            layout_rows[i][IN_TOP],
            layout_rows[i][DECLARED_BODY],
        ])
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
            tokens = _own_weights(frame, weights, own, carriers)
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


cdef _OwnWeights _own_weights(Frame frame, dict weights, dict own, _Carriers carriers):
    """The element's weighed tokens, read once for each tag and class/id attributes (``own``)."""
    key = (frame.tag, frame.names)
    cdef _OwnWeights found = own.get(key)
    if found is None:
        weighed = [token for token in own_layout_tokens(frame) if token in weights]
        found = own[key] = _OwnWeights.__new__(_OwnWeights)
        found.ids = <Py_ssize_t*> malloc((len(weighed) + 1) * sizeof(Py_ssize_t))
        found.weights = <double*> malloc((len(weighed) + 1) * sizeof(double))
        if found.ids == NULL or found.weights == NULL:
            raise MemoryError()
        for token in weighed:
            found.ids[found.count] = carriers.number(token)
            found.weights[found.count] = weights[token]
            found.count += 1
    return found
