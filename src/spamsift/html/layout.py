"""Which HTML blocks are the page's main content, judged from layout alone.

A logistic model over each block's size, link density, position, its neighbours and the tags,
classes and ids of its ancestors (``footer``, ``nav``, ``comment``, ``share``, ``related``...); its dense
features are computed in compiled code (``_layout.pyx``), its ancestry tokens by the walk (``_walk.pyx``).
It is trained by ``scripts/train.py`` on the extraction benchmarks' ground truth. Its output is
the block's *content prior*; the spam model decides separately whether a block is spam.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spamsift.core.model import StackedModel
from spamsift.core.page import Segment
from spamsift.html._layout import (
    CONTEXT_FEATURES,
    LAYOUT_FEATURES,
    Rows,
    content_logits,
    context_probabilities,
    context_rows,
    dense_rows,
    first_word_token,
)
from spamsift.html._walk import LayoutInfo

if TYPE_CHECKING:
    from spamsift.devdata import CleanPage

__all__ = ["CONTEXT_FEATURES", "LAYOUT_FEATURES", "LayoutExamples", "Rows", "content_priors", "context_rows",
           "layout_examples", "layout_tokens"]

_WORD = re.compile(r"\w+")


def _own_tokens(segment: Segment, info: LayoutInfo) -> list[str]:
    """The block's own tokens: its element's (``info.local``) and its first word's."""
    first = first_word_token(segment.text)
    return [*info.local, first] if first else list(info.local)


def layout_tokens(segment: Segment, info: LayoutInfo) -> list[str]:
    """Every token the content model reads for a block: its ancestry's and its own."""
    return [*info.inherited, *_own_tokens(segment, info)]


def content_priors(segments: list[Segment], infos: list[LayoutInfo], model: StackedModel) -> list[float]:
    """The content probability of each block: the first stage's logits (:func:`content_logits`), read over
    neighbours and siblings by the second stage."""
    rows = dense_rows(segments, infos)
    logits = content_logits(segments, infos, rows, model.block)
    return context_probabilities(context_rows(logits, infos, rows), model.context)


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

    dense: Rows
    tokens: list[list[str]]
    labels: list[int]
    infos: list[LayoutInfo]
    segments: list[Segment]


def layout_examples(page: CleanPage) -> LayoutExamples:
    """A genuine page's blocks, labelled 1 when they belong to its ground-truth content."""
    from spamsift.html.parse import parse_page

    truth = Truth.of(page.main_content)
    parsed, infos = parse_page(page.html(), page.url)
    return LayoutExamples(dense_rows(parsed.segments, infos),
                          [layout_tokens(s, info) for s, info in zip(parsed.segments, infos)],
                          [int(is_in_truth(s.text, truth)) for s in parsed.segments], infos,
                          parsed.segments)
