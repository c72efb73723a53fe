# cython: language_level=3
"""Each block's evidence and the dense features the segment model reads, compiled: a page has hundreds of blocks,
and building them in Python took a tenth of a page's time. What the blocks name (vocabulary terms, brands, numbered
names) is found page-wide by ``features.py``, which hands each block its share; this module reads the rest block
by block.
"""

import re
from collections import Counter
from types import MappingProxyType

cimport cython
from libc.math cimport log1p

from spamsift.core._chars import CodePoints
from spamsift.core.normalize import obfuscation_ratio
from spamsift.core.sentence import ends_as_sentence
from spamsift.core.vocabulary import TIERS

from spamsift.core._characters cimport is_word_char
from spamsift.core._tokens cimport BlockTokens, TokenWeights, weighted_sum

DENSE_FEATURES = (
    "promo_terms", "topic_terms", "counter_terms", "seo_terms", "brands", "numbered_names", "keyword_density",
    "obfuscation", "words", "short", "sentence", "upper_share", "emoji", "repeated",
    "digit_words", "domain_text", "link_density", "link_hosts", "hidden_terms",
)
TOP_LEVEL_DOMAINS = ("com", "net", "org", "xyz", "site", "online", "top", "vip", "id", "info", "link", "io")
_DOMAIN_TEXT = re.compile(rf"https?://|www\.|\b[a-z0-9-]{{3,}}+\.(?:{'|'.join(TOP_LEVEL_DOMAINS)})\b")
"""Read in the normalized (lower-case) view of a text, once :func:`_has_domain_ending` found what every domain name
in it holds: the full pattern is tried at every word of a sentence."""
CAPITALS = CodePoints([(ord("A"), ord("Z")), (0xC0, 0xD6), (0xD8, 0xDE)])
"""Capital letters A to Z and À to Þ (but the sign ×), counted for the share of capitals."""
PICTOGRAPHS = CodePoints([(0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF)])
"""Symbols and dingbats, arrows and shapes, and emoji: whether a block has one is a feature."""
NO_TIERS = MappingProxyType(dict.fromkeys(TIERS, 0))
"""The tiers of a block without terms, shared (most blocks have none): read-only, 0 for every tier."""


@cython.no_gc
cdef class Evidence:
    """What was found in one block; the model reads it, the reasons quote it. It holds what was found (terms, tokens,
    counts), none of which refers back to it, so the garbage collector does not track it: a page makes hundreds."""

    cdef public object terms
    """The vocabulary terms found (a sequence, like the two below: an empty tuple when none was)."""
    cdef public object brands
    cdef public object numbered
    """Names made of letters and two or three digits that are not brands by their ending (``aero88``)."""
    cdef public BlockTokens tokens
    cdef public list dense
    cdef public Py_ssize_t words
    cdef public Py_ssize_t repeats
    cdef public double obfuscation
    cdef public object tiers
    """How many terms of each vocabulary tier were found (a mapping giving 0 for a tier without any)."""
    cdef public tuple menu
    """The gambling products of an operator's menu that ends in this block (:mod:`spamsift.core.menu`), or ()."""


def block_evidence(list segments, list texts, list views, dict terms, dict brands, dict numbered, dict menus,
                   dict unread) -> list:
    """The evidence of each block, in order, from its segment, its text on one line, its normalized ``view`` and
    the terms, brands, numbered names, menu ends and spans the word models do not read found in it (by block
    number; most blocks have none). Repetition is counted among these blocks."""
    repeats = Counter(views)
    cdef list evidence = []
    cdef Evidence ev
    cdef BlockTokens tokens
    cdef Py_ssize_t i
    for i in range(len(segments)):
        view, text, block_terms = views[i], texts[i], terms.get(i, ())
        tokens = BlockTokens(view, tuple(unread[i]) if i in unread else ())
        ev = Evidence.__new__(Evidence)
        ev.terms, ev.brands, ev.numbered, ev.tokens = block_terms, brands.get(i, ()), numbered.get(i, ()), tokens
        ev.menu = menus.get(i, ())
        ev.words, ev.repeats = tokens.words, repeats[view]
        ev.obfuscation = 0.0 if text.isascii() else obfuscation_ratio(text)
        ev.tiers = Counter([term.tier for term in block_terms]) if block_terms else NO_TIERS
        ev.dense = _dense(segments[i], text, view, ev, len(tokens.mixed))
        evidence.append(ev)
    return evidence


def evidence_logits(list evidence, double bias, tuple dense_weights, TokenWeights table) -> list[float]:
    """A linear model's logit of each block's evidence, its dense features and its tokens: what
    ``LinearModel.logit(ev.dense, ev.tokens)`` gives, for every block at once."""
    cdef Evidence ev
    return [bias + weighted_sum(dense_weights, ev.dense) + table.total(ev.tokens) for ev in evidence]


cdef list _dense(segment, str text, str view, Evidence ev, Py_ssize_t mixed_words):
    """The block's row of DENSE_FEATURES."""
    cdef Py_ssize_t promo = 0, topic = 0, counter = 0, seo = 0
    if ev.terms:  # most blocks name nothing
        tiers = ev.tiers
        promo, topic, counter, seo = tiers["promo"], tiers["topic"], tiers["counter"], tiers["seo"]
    cdef Py_ssize_t words = ev.words, brands = len(ev.brands), length = len(text)
    cdef Py_ssize_t some_words = max(words, 1), some_length = max(length, 1)
    return [
        log1p(promo), log1p(topic), log1p(counter), log1p(seo), log1p(brands), log1p(len(ev.numbered)),
        min(1.0, <double> (promo + topic + brands) / some_words),
        ev.obfuscation,
        log1p(words),
        1.0 if words <= 6 else 0.0,
        1.0 if words >= 8 and ends_as_sentence(text) else 0.0,
        <double> CAPITALS.count_in(text) / some_length,
        1.0 if PICTOGRAPHS.found_in(text) else 0.0,
        log1p(ev.repeats - 1),
        <double> mixed_words / some_words,
        1.0 if ("://" in view or "www." in view or _has_domain_ending(view)) and _DOMAIN_TEXT.search(view) else 0.0,
        <double> segment.link_chars / some_length,
        log1p(len(segment.link_hosts)),
        1.0 if segment.hidden and (promo + topic + seo + brands) else 0.0,
    ]


cdef bint _has_domain_ending(str view):
    """Whether the text has a dot, a top-level domain and the end of a word (``re``'s ``\\.(?:com|net|...)\\b``),
    looked for at its dots only."""
    cdef Py_ssize_t dot = view.find("."), end, n = len(view)
    while dot >= 0:
        for domain in TOP_LEVEL_DOMAINS:
            end = dot + 1 + len(<str> domain)
            if view.startswith(domain, dot + 1) and (end == n or not is_word_char(view[end])):
                return True
        dot = view.find(".", dot + 1)
    return False

