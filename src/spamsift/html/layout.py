"""Which HTML blocks are the page's main content, judged from layout alone.

A logistic model over each block's size, link density, position, its neighbours and the tags,
classes and ids of its ancestors (``footer``, ``nav``, ``comment``, ``share``, ``related``...).
It is trained by ``scripts/train.py`` on the extraction benchmarks' ground truth. Its output is
the block's *content prior*; the spam model decides separately whether a block is spam.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spamsift.core._tokens import count_words
from spamsift.core.model import StackedModel, sigmoid
from spamsift.core.page import Segment
from spamsift.html._walk import LayoutInfo

if TYPE_CHECKING:
    from spamsift.devdata import CleanPage

LAYOUT_FEATURES = (
    "words", "link_density", "sentence", "position", "depth", "prev_words", "next_words",
    "prev_link_density", "next_link_density", "hidden", "commas", "block_share", "in_main", "main_depth_gap",
    "in_top_candidate", "declared_body",
)
MAIN_SHARE = 0.6
"""The main container is the deepest element holding this share of the page's prose words."""
PROSE_MIN_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?…:;\"”)]$")
_WORD = re.compile(r"\w+")


def _prose_blocks(infos: list[LayoutInfo], words: list[int], density: list[float]) -> list[int]:
    """The indices of the paragraph-like blocks: at least PROSE_MIN_WORDS words, mostly not links, inside an
    element. The containers below are all found from them."""
    return [i for i, (info, n, d) in enumerate(zip(infos, words, density))
            if n >= PROSE_MIN_WORDS and d <= 0.5 and info.element is not None]


def _in_main_container(infos: list[LayoutInfo], words: list[int], prose: list[int]) -> list[tuple[float, float]]:
    """For each block: is it inside the page's main container, and how many levels below it.

    The prose words (blocks of at least PROSE_MIN_WORDS words, mostly not links) are summed up the
    ancestor chain, and the deepest element holding MAIN_SHARE of them is the main container: wider
    than the top candidate (:func:`_top_candidate`), it holds everything prose-like around the article.
    """
    touched = []
    for i in prose:
        frame = infos[i].element
        while frame is not None:
            if not frame.prose_words:
                touched.append(frame)
            frame.prose_words += words[i]
            frame = frame.parent
    if not touched:
        return [(0.0, 0.0)] * len(infos)
    total = max(frame.prose_words for frame in touched)
    main = max((f for f in touched if f.prose_words >= MAIN_SHARE * total), key=lambda f: f.depth)
    flags = []
    for info in infos:
        frame = info.element
        while frame is not None and frame is not main and frame.depth > main.depth:
            frame = frame.parent
        inside = frame is main
        flags.append((1.0 if inside else 0.0, min(info.depth - main.depth, 20) / 10 if inside else 0.0))
    return flags


def _top_candidate(segments: list[Segment], infos: list[LayoutInfo], prose: list[int]) -> Any:
    """The element most likely to hold the article, found as readability finds it: each paragraph-like block
    scores its parent fully and its grandparent half, by its length and commas. Unlike the main container
    (:func:`_in_main_container`), this prefers the element whose own children are the paragraphs, so a list
    of teasers, each a heading and a paragraph in an item of its own, does not outweigh the article."""
    scores: dict[int, list] = {}
    for i in prose:
        text = segments[i].text
        points = 1 + text.count(",") + min(len(text) // 100, 3)
        frame = infos[i].element.parent
        for share in (1.0, 0.5):
            if frame is None:
                break
            entry = scores.setdefault(id(frame), [0.0, frame])
            entry[0] += points * share
            frame = frame.parent
    if not scores:
        return None
    return max(scores.values(), key=lambda entry: entry[0])[1]


def _declared_body(infos: list[LayoutInfo], words: list[int], prose: list[int]) -> Any:
    """The element the page itself declares its article's body (schema.org's ``itemprop="articleBody"``), the
    one holding the most prose when there are several; None when no declared body holds prose."""
    declared: dict[int, list] = {}
    for i in prose:
        body = infos[i].element.article_body
        if body is not None:
            declared.setdefault(id(body), [0, body])[0] += words[i]
    return max(declared.values(), key=lambda entry: entry[0])[1] if declared else None


def _inside(element: Any, container: Any) -> bool:
    """Whether a parse frame is the container or below it."""
    frame = element
    while frame is not None and frame.depth >= container.depth:
        if frame is container:
            return True
        frame = frame.parent
    return False


def _dense_rows(segments: list[Segment], infos: list[LayoutInfo]) -> list[list[float]]:
    words = [count_words(s.text) for s in segments]
    density = [s.link_chars / max(len(s.text), 1) for s in segments]
    total_words = sum(words) or 1
    n = len(segments)
    prose = _prose_blocks(infos, words, density)
    main = _in_main_container(infos, words, prose)
    top = _top_candidate(segments, infos, prose)
    body = _declared_body(infos, words, prose)
    rows = []
    for i, (segment, info) in enumerate(zip(segments, infos)):
        rows.append([
            math.log1p(words[i]),
            density[i],
            1.0 if _SENTENCE_END.search(segment.text) else 0.0,
            i / max(n - 1, 1),
            min(info.depth, 40) / 20,
            math.log1p(words[i - 1]) if i else 0.0,
            math.log1p(words[i + 1]) if i + 1 < n else 0.0,
            density[i - 1] if i else 0.0,
            density[i + 1] if i + 1 < n else 0.0,
            1.0 if segment.hidden else 0.0,
            math.log1p(segment.text.count(",")),
            words[i] / total_words * 10,
            *main[i],
            1.0 if top is not None and _inside(info.element, top) else 0.0,
            0.0 if body is None else 1.0 if _inside(info.element, body) else -1.0,
        ])
    return rows


CONTEXT_FEATURES = ("logit", "window_mean", "prev_prob", "next_prob", "wide_window_share", "sibling_mean",
                    "in_top_candidate", "declared_body")
_WINDOW, _WIDE_WINDOW = 2, 5
_IN_TOP = LAYOUT_FEATURES.index("in_top_candidate")
_DECLARED_BODY = LAYOUT_FEATURES.index("declared_body")


def context_rows(logits: list[float], infos: list[LayoutInfo], layout_rows: list[list[float]]
                 ) -> list[list[float]]:
    """The second stage's inputs: a block's own logit, what the first stage said about its neighbours
    in reading order and about its siblings in the tree (content comes in runs and in one container), and
    whether it sits in the top candidate and in the article body the page declares (both read off its
    first-stage ``layout_rows``), which the second stage weighs against the first stage's certainty."""
    probs = [sigmoid(z) for z in logits]
    n = len(probs)
    prefix = [0.0]
    likely = [0]
    for p in probs:
        prefix.append(prefix[-1] + p)
        likely.append(likely[-1] + (p >= 0.5))
    siblings: dict[int, list[float]] = {}
    keys = [id(info.element.parent) if info.element is not None else 0 for info in infos]
    for key, p in zip(keys, probs):
        siblings.setdefault(key, []).append(p)
    sibling_sums = {key: sum(group) for key, group in siblings.items()}
    rows = []
    for i in range(n):
        lo, hi = max(0, i - _WINDOW), min(n, i + _WINDOW + 1)
        wide_lo, wide_hi = max(0, i - _WIDE_WINDOW), min(n, i + _WIDE_WINDOW + 1)
        others = hi - lo - 1
        group = siblings[keys[i]]
        rows.append([
            max(-12.0, min(12.0, logits[i])),
            (prefix[hi] - prefix[lo] - probs[i]) / others if others else 0.5,
            probs[i - 1] if i else 0.0,
            probs[i + 1] if i + 1 < n else 0.0,
            (likely[wide_hi] - likely[wide_lo]) / (wide_hi - wide_lo),
            (sibling_sums[keys[i]] - probs[i]) / (len(group) - 1) if len(group) > 1 else probs[i],
            layout_rows[i][_IN_TOP],
            layout_rows[i][_DECLARED_BODY],
        ])
    return rows


_FIRST_WORD = re.compile(r"[^\W\d_]{1,12}")


def _first_word(segment: Segment) -> str | None:
    """The token of the block's first word ("w:share", "w:posted", "w:copyright", "w:reply"), if it has one."""
    first = _FIRST_WORD.match(segment.text)
    return "w:" + first.group().lower() if first else None


def _own_tokens(segment: Segment, info: LayoutInfo) -> list[str]:
    """The block's own tokens: its element's (``info.local``) and its first word's."""
    first = _first_word(segment)
    return [*info.local, first] if first else list(info.local)


def layout_tokens(segment: Segment, info: LayoutInfo) -> list[str]:
    """Every token the content model reads for a block: its ancestry's and its own."""
    return [*info.inherited, *_own_tokens(segment, info)]


def content_priors(segments: list[Segment], infos: list[LayoutInfo], model: StackedModel) -> list[float]:
    """The content probability of each block. Token weights are summed once per distinct group of tokens, not once
    per block: a list of a hundred links shares its thirty ancestry tokens (one frozenset per element, so its
    identity is the key) and the tokens of its items' elements. (The ancestry's tokens, the element's and the first
    word's never coincide: their prefixes differ.)"""
    rows = _dense_rows(segments, infos)
    weights = model.block.tokens
    ancestry_weights: dict[int, float] = {}
    local_weights: dict[tuple[str, ...], float] = {}
    logits = []
    for dense, segment, info in zip(rows, segments, infos):
        ancestry = ancestry_weights.get(id(info.inherited))
        if ancestry is None:
            ancestry = ancestry_weights[id(info.inherited)] = sum(
                map(weights.__getitem__, weights.keys() & info.inherited))
        local = local_weights.get(info.local)
        if local is None:
            local = local_weights[info.local] = sum(map(weights.__getitem__, weights.keys() & info.local))
        first = _first_word(segment)
        logits.append(model.block.logit(dense) + ancestry + local + (weights.get(first, 0.0) if first else 0.0))
    return [sigmoid(model.context.logit(row)) for row in context_rows(logits, infos, rows)]


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


@dataclass(frozen=True, slots=True)
class Truth:
    """A page's ground-truth content, prepared for :func:`is_in_truth`."""

    text: str
    lines: frozenset[str]
    shingles: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, main_content: str) -> Truth:
        lines = frozenset(" ".join(line.split()) for line in main_content.splitlines() if line.strip())
        text = " ".join(main_content.split())
        return cls(text, lines, frozenset(_shingles(_WORD.findall(text.lower()))))


def is_in_truth(text: str, truth: Truth) -> bool:
    """Whether a block belongs to the ground-truth content.

    A block of four words or more belongs when it occurs verbatim or when 70% of its word trigrams do
    (forgiving the spacing and punctuation of annotated text); a shorter one only when it is a whole
    line of the truth (a heading), since "India" or "Share" occur inside any long text.
    """
    words = _WORD.findall(text.lower())
    if len(words) < 4:
        return text in truth.lines
    if text in truth.text:
        return True
    shingles = [tuple(words[i:i + 3]) for i in range(len(words) - 2)]
    return sum(1 for s in shingles if s in truth.shingles) >= 0.7 * len(shingles)


@dataclass(slots=True)
class LayoutExamples:
    """One genuine page's blocks as training examples for the content model."""

    dense: list[list[float]]
    tokens: list[list[str]]
    labels: list[int]
    infos: list[LayoutInfo]
    segments: list[Segment]


def layout_examples(page: CleanPage) -> LayoutExamples:
    """A genuine page's blocks, labelled 1 when they belong to its ground-truth content."""
    from spamsift.html.parse import parse_page

    truth = Truth.of(page.main_content)
    parsed, infos = parse_page(page.html(), page.url)
    return LayoutExamples(_dense_rows(parsed.segments, infos),
                          [layout_tokens(s, info) for s, info in zip(parsed.segments, infos)],
                          [int(is_in_truth(s.text, truth)) for s in parsed.segments], infos,
                          parsed.segments)
