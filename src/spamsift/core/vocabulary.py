"""Spam vocabulary kept as data, matched in one pass over a whole page.

The term lists live in ``spamsift/data/vocabulary/*.tsv`` (one file per language group, each with
its provenance in its header) so that they can be reviewed and extended without touching code.
All terms are matched at once with an Aho-Corasick automaton (``ahocorasick_rs``, every match, overlapping ones
included) over the normalized, de-leeted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import chain

import ahocorasick_rs

from spamsift.core._chars import LetterDigitsHint
from spamsift.core.links import find_mirrored_names
from spamsift.core.normalize import deleet, hinted_lines, line_around, normalize, rare_han

SPAM_TIERS = ("promo", "topic", "counter", "seo")
"""promo: gambling promotion; topic: gambling as a subject; counter: reporting or campaigning
against gambling; seo: other search spam (pharmacy, replicas, paid links...)."""
GAMBLING_TIERS = ("promo", "topic")
"""The tiers that name gambling itself: as promoted or as a subject."""
CASHIER_TIERS = ("deposit", "withdraw")
"""A betting site's cashier (cashier.tsv): paying money in and taking it out. A bank's words too, so they say nothing
of a block; :mod:`spamsift.core.operator` reads them over a whole page, beside gambling terms. Nor do the word models
read them (:func:`spamsift.core.features.unread_spans`): the shared data has them almost only on gambling pages (of
the landing pages' OCR texts 499 name "deposit", of the ordinary sites' 3), so models that read them learned them as
gambling, and a wallet app's bug report ("Halaman riwayat transaksi deposit dan withdraw kosong") read as spam."""
REQUEST_TIER = "request"
"""The words of the tools that block spam ("filter", "regex", "adblock", in reporting.tsv): they say nothing of a block
and of a page but that, quoting spam, it is about blocking it (:mod:`spamsift.core.reporting`)."""
PRODUCT_TIER = "product"
"""A product name and nothing more (products.txt: "slots", "sports", "fishing"): it says nothing of a block, only in an
operator's menu (:mod:`spamsift.core.menu`). Terms of other tiers may be products too (:attr:`Term.product`)."""
PRODUCT_KINDS = ("gambling", "shared", "genre")
"""gambling: sold only by gambling (slots, togel); shared: sold by others too (sports, fishing); genre: a video
game's genre (action, puzzle), which only a games catalogue lists beside them (:mod:`spamsift.core.menu`)."""
CONTACT_TIER = "contact"
"""Where an advertisement sends its reader (contact.tsv: messaging apps, their link forms, customer service): anyone's
words alone; beside them, gambling named as a subject is advertised (:func:`advertised`)."""
WAGER_TIER = "wager"
"""The player's bets on a betting site (wagers.tsv: "bet slip", "投注记录", "베팅내역", "tiền cược"): only a site
that takes bets shows them, as its interface's labels (news writes them in sentences: only labels count,
:func:`spamsift.core.features.is_label`); a word or two of them says nothing of a block, and
:mod:`spamsift.core.operator` reads them over a whole page, beside gambling terms."""
DEVELOPMENT_TIER = "development"
"""The words of building and fixing software (development.tsv: "bug", "tidak berfungsi", "ошибка"): they say nothing
of spam, only that a sentence using them is about a product's code (:func:`spamsift.core.features.speaks_of_code`)."""
RESEARCH_TIER = "research"
"""The words of studying a subject (research.tsv: "thesis", "penelitian", "调查"): a block that uses them, or a short
text one of whose blocks does, studies what it names as a report does (:func:`spamsift.core.verdict`'s reporting
discount); they say nothing of spam."""
NEUTRAL_TIERS = (DEVELOPMENT_TIER, RESEARCH_TIER)
"""The tiers that say what a text does with its subject (fix its code, study it) and nothing of spam."""
TIERS = (*SPAM_TIERS, *CASHIER_TIERS, WAGER_TIER, REQUEST_TIER, CONTACT_TIER, PRODUCT_TIER, *NEUTRAL_TIERS)


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    tier: str
    source: str
    advertised: bool = False
    """A gambling subject read as promoted, beside a contact (:func:`advertised`)."""
    product: str | None = None
    """What kind of product an operator's menu lists it as (products.txt), if it is one: "gambling" (slots, casino,
    togel), "shared" (sports, fishing, lottery) or "genre" (action, puzzle: a games catalogue's, PRODUCT_KINDS)."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A vocabulary term found from ``start`` to ``end`` (exclusive) in the matched view of the text."""

    start: int
    end: int
    term: Term


def names_something(terms: tuple[Term, ...] | list[Term]) -> bool:
    """Whether terms hold one that has something to do with spam: any tier but the words of software development
    and of research (NEUTRAL_TIERS)."""
    return any(term.tier not in NEUTRAL_TIERS for term in terms)


OTHER_SPAM_VOCABULARY = "seo-spam.tsv"
"""The list of search spam other than gambling, whose promotions are the ``seo`` tier."""


def advertised(term: Term) -> Term:
    """A term as read in a block that gives a contact: a subject ("捕鱼", "lottery", "收银行卡") is then promoted,
    as gambling or as the other spam it is the subject of. An advertisement sends its reader somewhere ("fishing
    games, lottery, contact @admin"); a sentence on lotteries does not."""
    if term.tier != "topic":
        return term
    return replace(term, tier="seo" if term.source == OTHER_SPAM_VOCABULARY else "promo", advertised=True)


def _data_files(suffix: str) -> Iterator[tuple[str, str]]:
    folder = resources.files("spamsift.data") / "vocabulary"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(suffix):
            yield entry.name, entry.read_text(encoding="utf-8")


def _rows(content: str) -> Iterator[list[str]]:
    for line in content.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


@dataclass(frozen=True, slots=True)
class _Automaton:
    """The vocabulary's automaton and each pattern's term, by pattern number."""

    matcher: ahocorasick_rs.AhoCorasick
    terms: tuple[Term, ...]
    menu_items: tuple[Term | None, ...]
    """Each product term as a menu item and nothing more (PRODUCT_TIER), by pattern number; None for the other
    terms. What a product written with a dropdown caret is (:data:`DROPDOWN_CARETS`)."""


@cache
def _automaton() -> _Automaton:
    """Every term, and every Latin-script term of several words also written without its spaces: hashtags
    (``#slotgacor``), domain names (``situsjudi.com``) and OCR that lost a space (``LIVECASINO``) write them so. No
    genuine page of the shared data holds such a joined term. Built as a DFA: 5 MB, and a page is read in two
    fifths of the time the default automaton takes."""
    patterns: dict[str, Term] = {}  # a term listed twice is the last file's
    for name, content in _data_files(".tsv"):
        for text, tier in _rows(content):
            if tier not in TIERS:
                raise ValueError(f"{name}: unknown tier {tier!r} for {text!r}")
            key = deleet(normalize(text))
            patterns[key] = Term(text, tier, name)
    for _, content in _data_files("products.txt"):  # a listed term keeps its tier and becomes a product too
        for text, kind in _rows(content):
            if kind not in PRODUCT_KINDS:
                raise ValueError(f"products.txt: unknown kind {kind!r} for {text!r}")
            key = deleet(normalize(text))
            patterns[key] = (replace(patterns[key], product=kind) if key in patterns
                             else Term(text, PRODUCT_TIER, "products.txt", product=kind))
    for key, term in list(patterns.items()):
        if " " in key and key.isascii():
            patterns.setdefault(key.replace(" ", ""), term)
    matcher = ahocorasick_rs.AhoCorasick(list(patterns), implementation=ahocorasick_rs.Implementation.DFA)
    menu_items = tuple(replace(term, tier=PRODUCT_TIER) if term.product else None for term in patterns.values())
    return _Automaton(matcher, tuple(patterns.values()), menu_items)


@cache
def vocabulary_words() -> frozenset[str]:
    """Every word of the gambling and spam terms ("slot", "gacor", "alternatif"): what all operations write, and
    so no fingerprint of one."""
    words: set[str] = set()
    for _, content in _data_files(".tsv"):
        for text, tier in _rows(content):
            if tier in SPAM_TIERS:
                words.update(text.casefold().split())
    return frozenset(words)


def _word_list(name: str) -> list[str]:
    return [row[0] for _, content in _data_files(name) for row in _rows(content)]


@dataclass(frozen=True, slots=True)
class _BrandPatterns:
    brand: re.Pattern[str]
    """A brand (see :func:`find_brands`). The exceptions are looked behind the end of a match, one lookbehind per
    length: most words never get that far, so that they cost nothing."""
    suffixes: ahocorasick_rs.AhoCorasick
    """The brand suffixes, all found in one pass: a pattern of them is tried at every t, s, b, 3... of a text, which
    took a thirtieth of an HTML page's time."""
    suffix_texts: list[str]
    """The suffixes, by their number in ``suffixes``."""


BRAND_DIGITS = 4
"""Digits a brand may carry after a suffix of letters ("anekatoto2", "cintapoker88"); after a suffix of digits
("zeus303") more digits make a numbered name or a count ("Accessories1385" in a shop's menu)."""


THREE_LETTERS_BEFORE = ("bet",)
"""Endings a brand has at least three letters before; after the other endings of letters two will do ("ugslot",
"jdtoto", "rotogel": 74 more of the campaigns' 7,935 keywords). Two letters before "bet" are ordinary words
("ribet", "tebet", "tibet": 64 of the genuine texts' 2.9 million words; two letters before the other endings, 2)."""


@cache
def _brand_patterns() -> _BrandPatterns:
    suffixes = sorted(set(_word_list("brand-suffixes.txt")), key=len, reverse=True)
    by_length: dict[int, list[str]] = {}
    for ending in sorted(set(_word_list("brand-exceptions.txt"))):
        by_length.setdefault(len(ending), []).append(re.escape(ending))
    exceptions = "".join(f"(?<!{'|'.join(endings)})" for _, endings in sorted(by_length.items()))
    words = "|".join(re.escape(suffix) for suffix in suffixes if suffix[-1].isalpha())
    short = "|".join(re.escape(suffix) for suffix in suffixes
                     if suffix[-1].isalpha() and suffix not in THREE_LETTERS_BEFORE)
    numbers = "|".join(re.escape(suffix) for suffix in suffixes if not suffix[-1].isalpha())
    digits = rf"(?:\d{{1,{BRAND_DIGITS}}})?"
    return _BrandPatterns(
        re.compile(rf"\b(?:[a-z]{{3,}}[-_]?(?:(?:{words}){exceptions}{digits}|(?:{numbers}){exceptions})"
                   rf"|[a-z]{{2}}(?:{short}){exceptions}{digits})\b"),
        ahocorasick_rs.AhoCorasick(suffixes), suffixes)


def load_vocabulary() -> None:
    """Read the term lists and build their automaton, the brand patterns, the versioned names, the brands' numbers, the
    glued endings and the rare Han characters now rather than on the first page."""
    _automaton()
    _brand_patterns()
    _versioned_names()
    _brand_numbers()
    _glued_endings()
    rare_han()


_HYPHENS = ("-", "_")


def _in_compound(text: str, match: re.Match[str]) -> bool:
    """Whether a brand candidate hyphenated before its ending goes on after another hyphen: "react-slot" of
    "react-slot-machine" is a part of a compound name, as a package's or a component's."""
    end = match.end()
    return (any(hyphen in match.group() for hyphen in _HYPHENS) and text[end:end + 1] in _HYPHENS
            and text[end + 1:end + 2].isalpha())


def find_brands(normalized: str) -> Iterator[re.Match[str]]:
    """Gambling brand names in a normalized text: letters ending in a brand suffix (``dapurtoto``, ``megabet``,
    ``zeus303``), perhaps with up to BRAND_DIGITS digits after a suffix of letters (``anekatoto2``), unless the word
    ends like an ordinary word of some language (``sorbet``, ``menyabet``; brand-exceptions.txt), or is a part of a
    compound: a name hyphenated before its ending that goes on after another hyphen (``react-slot-machine``; but
    ``dewa-toto``, ``indobet-logo``). The full pattern tries every split of every word against every suffix, so it is
    read only on the lines holding a suffix ending a word: 19 of 20 genuine texts have none."""
    patterns = _brand_patterns()
    done = 0
    for suffix, _, end in patterns.suffixes.find_matches_as_indexes(normalized, overlapping=True):
        if patterns.suffix_texts[suffix][-1].isalpha():  # "anekatoto2": a word suffix may carry digits
            digits = 0
            while digits < BRAND_DIGITS and end + digits < len(normalized) and normalized[end + digits].isdigit():
                digits += 1
            end += digits
        if end <= done or (end < len(normalized) and (normalized[end].isalnum() or normalized[end] == "_")):
            continue  # on a line already read, or not ending a word (``re``'s ``\b``)
        line_start, done = line_around(normalized, end)
        for match in patterns.brand.finditer(normalized, line_start, done):
            if not _in_compound(normalized, match):
                yield match


DROPDOWN_CARETS = frozenset("vyw")
"""What OCR reads a menu item's dropdown caret (▾) as, glued to the item: "SLOTSv", "TOGELY", "OLAHRAGAW", "Sportsv"
(a sports site's menu). 66 of the 2,963 landing pages' OCR texts have a product so, 4 of the 4,100 ordinary sites'
(Decathlon's "Olahragav", Sky Sports' "Sportsv"). Read as a menu item only: a word ending so is another word
("sportv" is a television channel)."""


def _caret_at(view: str, end: int) -> bool:
    """Whether a dropdown caret, and nothing more of a word, follows ``end`` in ``view``."""
    return view[end] in DROPDOWN_CARETS and (end + 1 == len(view) or not _is_word_char(view[end + 1]))


def find_terms(matched_view: str) -> list[Hit]:
    """All vocabulary hits in a normalized, de-leeted text, at word boundaries for Latin-script terms, and the menu
    items among them written with a dropdown caret (as PRODUCT_TIER terms: :data:`DROPDOWN_CARETS`).

    Terms in scripts written without spaces (Thai, Chinese) match anywhere.
    """
    hits: list[Hit] = []
    automaton = _automaton()
    for pattern, start, end in automaton.matcher.find_matches_as_indexes(matched_view, overlapping=True):
        term = automaton.terms[pattern]
        if term.text[0].isascii() and start > 0 and _is_word_char(matched_view[start - 1]):
            continue
        if term.text[-1].isascii() and end < len(matched_view) and _is_word_char(matched_view[end]):
            menu_item = automaton.menu_items[pattern]
            if menu_item is not None and _caret_at(matched_view, end):
                hits.append(Hit(start, end + 1, menu_item))
            continue
        hits.append(Hit(start, end, term))
    return hits


NUMBERED_NAME = re.compile(r"\b[a-z]{3,}+[-_]?\d{2,3}\b")
"""Letters followed by two or three digits: gambling brands (``aero88``) look like this, and so do user
names and part numbers (``user77``); the model weighs it with the rest of the evidence. The letters are taken
possessively (``{3,}+``): giving one back could only put a letter where a digit must be, and trying it at every
word cost a third of the pattern's time."""
_LETTER_TWO_DIGITS = LetterDigitsHint()
"""What every numbered name holds, two digits after a letter (see :func:`spamsift.core.normalize.hinted_lines`).
Two digits alone are on a line in seven of its fifteen (dates, prices, scores)."""


@cache
def _versioned_names() -> frozenset[str]:
    return frozenset(_word_list("versioned-names.txt"))


def find_numbered_names(normalized: str) -> Iterator[re.Match[str]]:
    """The numbered names (NUMBERED_NAME) of a normalized text, read only on its lines with two digits after a
    letter; not a runtime's or a system's name with its version ("node18", "python311": versioned-names.txt)."""
    versioned = _versioned_names()
    for line_start, line_end in hinted_lines(normalized, _LETTER_TWO_DIGITS):
        for match in NUMBERED_NAME.finditer(normalized, line_start, line_end):
            if match.group().rstrip("0123456789").rstrip("-_") not in versioned:
                yield match


_ADDRESS_SEPARATORS = re.compile(r"[\W_]+")


@cache
def _brand_numbers() -> frozenset[str]:
    return frozenset(_word_list("brand-numbers.txt"))


_TRAILING_DIGITS = re.compile(r"\d+$")


def is_numbered_brand(numbered_name: str) -> bool:
    """Whether a numbered name's number is one gambling brands are named by ("hoki168", "mega888":
    brand-numbers.txt). Only where a user name or a part number cannot stand is it gambling's: a doorway's keyword
    slot, a name in capitals stamped before a line's words."""
    found = _TRAILING_DIGITS.search(numbered_name)
    return bool(found) and found.group() in _brand_numbers()


GLUED_ENDING_LETTERS = 4
"""Brand endings of letters this long or longer are read glued inside a name too (:func:`glued_brand_word`)."""
GLUED_OTHER_CHARACTERS = 2
"""What a name holds besides the ending: one letter more is a plural or another word ("DOMINOS" pizza, "totok")."""


@cache
def _glued_endings() -> tuple[str, ...]:
    return tuple(ending for ending in _word_list("brand-suffixes.txt")
                 if ending.isalpha() and len(ending) >= GLUED_ENDING_LETTERS)


def glued_brand_word(word: str) -> str | None:
    """A brand ending of GLUED_ENDING_LETTERS letters or more ("slot", "toto", "togel", "gacor", "poker") run
    together with other letters or digits anywhere inside a one-word name: "MANIASLOTS", "SLOT88BET",
    "62SLOTHACKER", "TOTOPEDIA", which no brand pattern reads (an ending must end the word, after letters). Of the
    2.9 million genuine words of the shared data 50 hold one so ("doislot" and "tukangtoto" in comments, "choking",
    "sloths", "timeslots"); of the campaigns' 7,881 keywords, 2,428. Only where a name stands for itself is it read
    so: a doorway's keyword slot, a name in capitals stamped before a line's words."""
    folded = word.casefold()
    return next((ending for ending in _glued_endings()
                 if ending in folded and len(folded) - len(ending) >= GLUED_OTHER_CHARACTERS), None)


def address_names_gambling(address: str) -> str | None:
    """What of gambling an address names (:func:`names_gambling`), read as the words its dots, hyphens and slashes
    part: a host ("zonaslot88.asia"), a domain name or a URL ("slot88-resmi.com/daftar")."""
    return names_gambling(_ADDRESS_SEPARATORS.sub(" ", address))


def outermost(terms: set[str]) -> set[str]:
    """The terms not inside another one found: "online casino" and "casino" are one mention, not two."""
    return {term for term in terms if not any(term != other and term in other for other in terms)}


def terms_of(text: str) -> list[Hit]:
    """The vocabulary's terms in a short text (a keyword, a name), read as every block is: normalized and
    de-leeted."""
    return find_terms(deleet(normalize(text.casefold())))


def reporting_term(text: str) -> str | None:
    """The first reporting or warning word (the ``counter`` tier: "polisi", "PPATK", "gambling addiction") of a
    short text, if it holds one."""
    return next((hit.term.text for hit in terms_of(text) if hit.term.tier == "counter"), None)


def names_gambling(text: str, tiers: tuple[str, ...] = GAMBLING_TIERS, *, numbered: bool = True,
                   products: bool = True) -> str | None:
    """The first gambling term (of ``tiers``: promotion or topic; unless ``products`` is false, a product's name
    among them, "togel", "slots"), brand (by its ending, or a name the gambling domain lists mirror, as
    :func:`spamsift.core.features.collect_evidence` reads brands) or, unless ``numbered`` is false, numbered name in
    ``text``, if it holds one: for the short texts the page-wide evidence reads (a doorway's keyword, a link
    target's name, a report's own words)."""
    normalized = normalize(text.casefold())
    for hit in find_terms(deleet(normalized)):
        if hit.term.tier in tiers and (products or not hit.term.product):
            return hit.term.text
    for match in chain(find_brands(normalized), find_mirrored_names(normalized)):
        return match.group()
    if numbered:
        for match in find_numbered_names(normalized):
            return match.group()
    return None
