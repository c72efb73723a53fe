"""Evidence about each segment: vocabulary, obfuscation, structure and the tokens the model reads.

Everything here is computed once per page: the segments are normalized as one string, the
vocabulary automaton and the brand pattern run once over it, and hits are assigned to segments
by offset. This keeps the per-segment Python work to a handful of operations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from math import log1p
from types import MappingProxyType

from spamsift.core._tokens import BlockTokens
from spamsift.core.normalize import deleet, normalize, obfuscation_ratio
from spamsift.core.page import Segment
from spamsift.core.vocabulary import TIERS, Term, find_brands, find_numbered_names, find_terms

_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]")
_TOP_LEVEL_DOMAINS = "com|net|org|xyz|site|online|top|vip|id|info|link|io"
_DOMAIN_TEXT = re.compile(rf"https?://|www\.|\b[a-z0-9-]{{3,}}+\.(?:{_TOP_LEVEL_DOMAINS})\b")
"""Read in the normalized (lower-case) view of a text."""
_DOMAIN_ENDING = re.compile(rf"\.(?:{_TOP_LEVEL_DOMAINS})\b")
"""What every domain name in :data:`_DOMAIN_TEXT` contains. Looked for first: it starts with a plain ".", which
the regex engine finds quickly, where the full pattern is tried at every word of a sentence."""
_SENTENCE_ENDINGS = frozenset(".!?…。»\"”')")

DENSE_FEATURES = (
    "promo_terms", "topic_terms", "counter_terms", "seo_terms", "brands", "numbered_names", "keyword_density",
    "obfuscation", "words", "short", "sentence", "upper_share", "emoji", "repeated",
    "digit_words", "domain_text", "link_density", "link_hosts", "hidden_terms",
)


@dataclass(slots=True)
class Evidence:
    """What was found in one segment; the model reads it, the reasons quote it."""

    terms: list[Term] = field(default_factory=list)
    brands: list[str] = field(default_factory=list)
    numbered: list[str] = field(default_factory=list)
    """Names made of letters and two or three digits that are not brands by their ending (``aero88``)."""
    tokens: BlockTokens = field(default_factory=lambda: BlockTokens(""))
    dense: list[float] = field(default_factory=list)
    words: int = 0
    repeats: int = 1
    obfuscation: float = 0.0
    tiers: Mapping[str, int] = field(default_factory=Counter)
    """How many terms of each vocabulary tier were found (a :class:`Counter`: 0 for a tier without any)."""


_NO_TIERS: Mapping[str, int] = MappingProxyType(dict.fromkeys(TIERS, 0))
"""The tiers of a segment without terms, shared (most segments have none): read-only, 0 for every tier."""
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")


CHAR_GRAM_SIZES = range(2, 6)


def char_grams(text: str) -> set[str]:
    """The character 2- to 5-grams of every word of ``text`` (normalized and de-leeted), each word read with a
    space before and after it, as the page-text model reads a short page. Noisy OCR breaks words
    ("DAF IAR", "Gybersport") and brand names are made up ("airbet303"), so pieces of words generalise where
    whole words do not."""
    grams: set[str] = set()
    add = grams.add
    for word in text.split():
        padded = f" {word} "
        length = len(padded)
        for size in CHAR_GRAM_SIZES:
            if size > length:
                break
            for start in range(length - size + 1):
                add(padded[start:start + size])
    return grams


def _dense(segment: Segment, text: str, view: str, ev: Evidence, mixed_words: int) -> list[float]:
    words = ev.words
    tiers = ev.tiers
    promo, topic, counter, seo = tiers["promo"], tiers["topic"], tiers["counter"], tiers["seo"]
    return [
        log1p(promo), log1p(topic), log1p(counter), log1p(seo), log1p(len(ev.brands)), log1p(len(ev.numbered)),
        min(1.0, (promo + topic + len(ev.brands)) / max(words, 1)),
        ev.obfuscation,
        log1p(words),
        1.0 if words <= 6 else 0.0,
        1.0 if words >= 8 and text.rstrip()[-1:] in _SENTENCE_ENDINGS else 0.0,
        len(_UPPER.findall(text)) / max(len(text), 1),
        1.0 if not text.isascii() and _EMOJI.search(text) else 0.0,
        log1p(ev.repeats - 1),
        mixed_words / max(words, 1),
        1.0 if ("://" in view or "www." in view or _DOMAIN_ENDING.search(view)) and _DOMAIN_TEXT.search(view) else 0.0,
        segment.link_chars / max(len(text), 1),
        log1p(len(segment.link_hosts)),
        1.0 if segment.hidden and (promo + topic + seo + len(ev.brands)) else 0.0,
    ]


def collect_evidence(segments: list[Segment]) -> list[Evidence]:
    """Evidence for every segment, in order; repetition is counted among these segments."""
    texts = [seg.text.replace("\n", " ") for seg in segments]
    if not texts:
        return []
    normalized = normalize("\n".join(texts))
    views = normalized.split("\n")
    matched = deleet(normalized)
    line_starts = [0]
    for view in views[:-1]:
        line_starts.append(line_starts[-1] + len(view) + 1)
    n = len(texts)
    terms: list[list[Term]] = [[] for _ in range(n)]
    brands: list[list[str]] = [[] for _ in range(n)]
    numbered: list[list[str]] = [[] for _ in range(n)]
    for hit in find_terms(matched):
        terms[bisect_right(line_starts, hit.end - 1) - 1].append(hit.term)
    brand_starts = set()
    # "aero88" is a brand as written, "kusumat0t0" only once read as letters
    for reading in (normalized,) if matched is normalized else (normalized, matched):
        for match in find_brands(reading):
            if match.start() not in brand_starts:
                brand_starts.add(match.start())
                brands[bisect_right(line_starts, match.start()) - 1].append(match.group())
    for match in find_numbered_names(normalized):
        i = bisect_right(line_starts, match.start()) - 1
        if match.group() not in brands[i]:
            numbered[i].append(match.group())
    repeats = Counter(views)
    evidence = []
    for segment, text, view, seg_terms, seg_brands, seg_numbered in zip(segments, texts, views, terms, brands,
                                                                        numbered):
        tokens = BlockTokens(view)
        ev = Evidence(seg_terms, seg_brands, seg_numbered, tokens, [], tokens.words, repeats[view],
                      obfuscation_ratio(text), Counter(term.tier for term in seg_terms) if seg_terms else _NO_TIERS)
        ev.dense = _dense(segment, text, view, ev, len(tokens.mixed))
        evidence.append(ev)
    return evidence
