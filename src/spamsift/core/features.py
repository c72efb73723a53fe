"""Evidence about each segment: vocabulary, obfuscation, structure and the tokens the model reads.

Everything here is computed once per page: the segments are normalized as one string, the
vocabulary automaton and the brand pattern run once over it, and hits are assigned to segments
by offset. Each segment's evidence is then built in compiled code (``_evidence.pyx``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import chain

from spamsift.core._evidence import DENSE_FEATURES, Evidence, block_evidence
from spamsift.core.links import find_mirrored_names
from spamsift.core.menu import SENTENCE_PUNCTUATION, product_menus
from spamsift.core.normalize import deleet, normalize
from spamsift.core.page import Segment
from spamsift.core.vocabulary import (
    CASHIER_TIERS,
    CONTACT_TIER,
    DEVELOPMENT_TIER,
    PRODUCT_TIER,
    WAGER_TIER,
    Hit,
    Term,
    advertised,
    find_brands,
    find_numbered_names,
    find_terms,
)

__all__ = ["CHAR_GRAM_SIZES", "DENSE_FEATURES", "Evidence", "bears_advertising_marks", "char_grams",
           "collect_evidence", "software_term", "speaks_of_code", "unread_blanked", "unread_spans"]

CHAR_GRAM_SIZES = range(2, 6)


_EMOJI = DENSE_FEATURES.index("emoji")


def speaks_of_code(ev: Evidence) -> int:
    """How many words of software development (DEVELOPMENT_TIER: "bug", "tidak berfungsi", "ошибка") a block
    holds, written plainly: none when it also bears an advertisement's marks, a contact, a brand, a numbered name,
    a disguise or pictographs. A bug report names the product it fixes; a testimonial promises it has no bugs
    ("🖤5UNSUR🖤 terpercaya ... Tidak pernah error parah"), and a doorway's spun self-description of a software
    house says "simulasi" beside "SITUSCUAN328"."""
    if not ev.terms:  # most blocks name nothing
        return 0
    if not ev.tiers[DEVELOPMENT_TIER] or bears_advertising_marks(ev):
        return 0
    return ev.tiers[DEVELOPMENT_TIER]


def bears_advertising_marks(ev: Evidence) -> bool:
    """Whether a block bears an advertisement's marks: a contact, a brand, a numbered name, a disguise or
    pictographs. A text about code bears none (:func:`speaks_of_code`)."""
    return bool(ev.tiers[CONTACT_TIER] or ev.brands or ev.numbered or ev.obfuscation or ev.dense[_EMOJI])


def software_term(evidence: list[Evidence]) -> str | None:
    """The first word of software development (DEVELOPMENT_TIER) of the blocks that speak of code
    (:func:`speaks_of_code`), if any does: what shows a short text to be an issue on a product's code ("ошибка",
    "hata"), whose title names the game it debugs as a kit's names its keyword."""
    return next((term.text for ev in evidence if speaks_of_code(ev) for term in ev.terms
                 if term.tier == DEVELOPMENT_TIER), None)


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


def unread_spans(hits: list[Hit]) -> Iterator[tuple[int, int]]:
    """Where the terms the word models do not read are (CASHIER_TIERS): everyone's words, which the training data has
    almost only on gambling pages."""
    return ((hit.start, hit.end) for hit in hits if hit.term.tier in CASHIER_TIERS)


def unread_blanked(matched: str) -> str:
    """A normalized, de-leeted text with the terms the word models do not read (:func:`unread_spans`) blanked out,
    as the page-text model reads it."""
    for start, end in reversed(list(unread_spans(find_terms(matched)))):
        matched = matched[:start] + " " * (end - start) + matched[end:]
    return matched


ADDRESS = re.compile(r"@\w{3,}|[a-z][./][a-z]|\d{4,}|点(?:com|net|cc|vip)")
"""What a contact gives to be reached at, in a normalized text: a handle, a link or domain name (``t.me/admin``,
``wa.me/62812...``), a number or an ID with digits, a domain spelled out ("d9625点com")."""


def _read_advertisements(terms: dict[int, list[Term]], views: list[str], one_message: bool) -> None:
    """Read gambling, or other spam, named as a subject beside a contact as advertised (:func:`advertised`), in
    place: within a block, or anywhere in a text that is ``one_message`` (a comment, an issue, a chat message,
    whose first line names the games and whose last gives the Telegram handle). An advertisement gives an ADDRESS
    with the channel; a sentence that names the channel only ("casinos advertise on Telegram") does not, and
    reporting words keep a block, or a message, from reading as an advertisement: a police report names the channel
    that advertised."""
    groups = [list(terms)] if one_message else [[i] for i in terms]
    for group in groups:
        tiers = {term.tier for i in group for term in terms[i]}
        if (CONTACT_TIER in tiers and "counter" not in tiers
                and any(ADDRESS.search(views[i]) for i in (range(len(views)) if one_message else group))):
            for i in group:
                terms[i] = [advertised(term) for term in terms[i]]


LABEL_WORDS = 6
"""The most words a label of a page's interface has (a tab, a button, a column's head)."""


def is_label(view: str) -> bool:
    """Whether a block reads as a label of a page's interface: a few words (LABEL_WORDS) and no punctuation of a
    sentence. The player's bets (WAGER_TIER) are an operator's only there, as the tabs and columns of a bet history
    ("投注记录", "下注金额", "Bet Slip"): a news story writes them in its sentences ("他展示了他的投注记录，单场投注金额
    达到两千元。")."""
    return len(view.split()) <= LABEL_WORDS and not SENTENCE_PUNCTUATION.search(view)


def collect_evidence(segments: list[Segment], one_message: bool = False) -> list[Evidence]:
    """Evidence for every segment, in order; repetition is counted among these segments. The segments are
    ``one_message`` when they are a short text's (see :func:`_read_advertisements`)."""
    texts = [seg.text.replace("\n", " ") for seg in segments]
    if not texts:
        return []
    normalized = normalize("\n".join(texts))
    views = normalized.split("\n")
    matched = deleet(normalized)
    line_starts = [0]
    for view in views[:-1]:
        line_starts.append(line_starts[-1] + len(view) + 1)
    # what was found, by segment: most segments have nothing
    terms: dict[int, list[Term]] = {}
    brands: dict[int, list[str]] = {}
    numbered: dict[int, list[str]] = {}
    menus: dict[int, tuple[str, ...]] = {}
    hits = find_terms(matched)
    for hit in hits:
        if hit.term.tier != PRODUCT_TIER:
            i = bisect_right(line_starts, hit.end - 1) - 1
            if hit.term.tier != WAGER_TIER or is_label(views[i]):
                terms.setdefault(i, []).append(hit.term)
    for end, products in product_menus(matched, hits):
        menus[bisect_right(line_starts, end - 1) - 1] = products
    unread: dict[int, list[tuple[int, int]]] = {}
    for start, end in unread_spans(hits):
        i = bisect_right(line_starts, start) - 1
        unread.setdefault(i, []).append((start - line_starts[i], end - line_starts[i]))
    _read_advertisements(terms, views, one_message)
    brand_starts = set()
    # "aero88" is a brand as written, "kusumat0t0" only once read as letters; "hi88" by the gambling domains' names
    readings = (normalized,) if matched is normalized else (normalized, matched)
    for match in chain(*map(find_brands, readings), find_mirrored_names(normalized)):
        if match.start() not in brand_starts:
            brand_starts.add(match.start())
            brands.setdefault(bisect_right(line_starts, match.start()) - 1, []).append(match.group())
    for match in find_numbered_names(normalized):
        i = bisect_right(line_starts, match.start()) - 1
        if match.group() not in brands.get(i, ()):
            numbered.setdefault(i, []).append(match.group())
    return block_evidence(segments, texts, views, terms, brands, numbered, menus, unread)
