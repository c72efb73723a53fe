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
from typing import TYPE_CHECKING

from spamsift.core.model import LinearModel, sigmoid
from spamsift.core.page import Segment

if TYPE_CHECKING:
    from spamsift.devdata import CleanPage

LAYOUT_FEATURES = (
    "words", "link_density", "sentence", "position", "depth", "prev_words", "next_words",
    "prev_link_density", "next_link_density", "hidden", "commas", "block_share",
)
_SEMANTIC_TAGS = frozenset({
    "nav", "footer", "header", "aside", "article", "main", "form", "ul", "ol", "li", "table", "td", "th", "a",
    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "blockquote", "pre", "code", "menu", "button",
    "label", "dl", "dd", "dt", "p", "section", "time", "address", "small", "span", "strong", "em", "b", "i",
})
_SENTENCE_END = re.compile(r"[.!?…:;\"”)]$")
_WORD = re.compile(r"\w+")


_NAME_WORDS = re.compile(r"[a-z]+")


def _frame_tokens(frame) -> frozenset[str]:
    """Tags and class/id words of an element and its ancestors, computed once per element.

    Iterative, because pages nest elements deeper than Python's recursion limit.
    """
    pending = []
    while frame is not None and frame.layout_tokens is None:
        pending.append(frame)
        frame = frame.parent
    inherited = frame.layout_tokens if frame is not None else frozenset()
    for element in reversed(pending):
        own = {"c:" + word for word in _NAME_WORDS.findall(element.names.lower())}
        if element.tag in _SEMANTIC_TAGS:
            own.add("t:" + element.tag)
        element.layout_tokens = inherited = inherited | own if own else inherited
    return inherited


@dataclass(frozen=True, slots=True)
class LayoutInfo:
    """The ancestry of a block, read off the open elements when the block closed."""

    tokens: tuple[str, ...]
    depth: int

    @classmethod
    def of(cls, frames: list) -> LayoutInfo:
        if not frames:
            return cls(("b:",), 0)
        block = next((f.tag for f in reversed(frames) if f.is_block), "")
        return cls((*_frame_tokens(frames[-1]), "b:" + block), len(frames))


def _dense_rows(segments: list[Segment], infos: list[LayoutInfo]) -> list[list[float]]:
    words = [len(_WORD.findall(s.text)) for s in segments]
    density = [s.link_chars / max(len(s.text), 1) for s in segments]
    total_words = sum(words) or 1
    n = len(segments)
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
        ])
    return rows


def content_priors(segments: list[Segment], infos: list[LayoutInfo], model: LinearModel) -> list[float]:
    return [sigmoid(model.logit(dense, list(info.tokens))) for dense, info in zip(_dense_rows(segments, infos), infos)]


def layout_training_rows(pages: list[CleanPage]) -> tuple[list[list[float]], list[list[str]], list[int]]:
    """Blocks of genuine pages, labelled 1 when their text appears in the page's ground-truth content."""
    from spamsift.html.parse import parse_page

    dense: list[list[float]] = []
    tokens: list[list[str]] = []
    labels: list[int] = []
    for page in pages:
        truth = " ".join(page.main_content.split())
        parsed, infos = parse_page(page.html(), page.url)
        segments = parsed.segments
        dense.extend(_dense_rows(segments, infos))
        tokens.extend(list(info.tokens) for info in infos)
        labels.extend(int(segment.text in truth) for segment in segments)
    return dense, tokens, labels
