"""Doorway and keyword-injection evidence: what a page says about itself in its head and URL.

Hacked-site campaigns serve pages whose title reads ``KEYWORD <separator> the victim site's own name``, whose
description opens with the same keyword ("KEYWORD merupakan <what the institution is>") and whose URL carries
the keyword in a query value or a path slug (``/?id=KEYWORD``, ``/keyword/``). The keyword can be a brand the
vocabulary never heard of; the structure gives it away, in any language. This module finds the keyword slot
and returns named symbols (:mod:`spamsift.core.symbols`); the verdict only adds them up.

Text input has no head: its first line is read as its title and its second as its description (a search
result is "title, snippet, URL").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import parse_qsl, unquote, urlsplit

from spamsift.core.brandname import BRAND_NAME_PROBABILITY, brand_name_probability
from spamsift.core.model import LinearModel
from spamsift.core.normalize import normalize, words
from spamsift.core.symbols import FamilyEvidence, Symbol
from spamsift.core.vocabulary import (
    find_numbered_names,
    glued_brand_word,
    is_numbered_brand,
    names_gambling,
    reporting_term,
    terms_of,
)

DOORWAY_BIAS = 4.0
"""The sum of symbol weights from which a page's head reads as a doorway (probability 0.5). A keyword echoed
from the URL that also opens the description and looks like spam (2.0 + 1.5 + 1.0) passes it, and so does a keyword
written like a brand that opens the title and the description and that the page's text never names (1.5 + 1.0 +
1.5); any one symbol alone, or an article slug that echoes its headline, does not."""


@dataclass(frozen=True, slots=True)
class DoorwayEvidence(FamilyEvidence):
    keyword: str | None = None
    """The text the head and URL were built around, when one was found."""
    title: str | None = None
    """The title the keyword was found in: with the keyword taken out, the campaign's template."""
    slot: str | None = None
    """Where the URL carries the keyword (``?log=``, ``path slug``), when it does."""


# Separators between a title's parts: punctuation dashes and bars, a colon closing the word before it ("SULTANSLOT:
# Portal Jurnal"), and the emoji and dingbats (✈️ ⚡ 🔥 ✅) doorway kits put between the keyword and the victim's name.
_GLYPH = r"[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]"
_TITLE_SPLIT = re.compile(rf"\s*(?:{_GLYPH}+|[|»•·~]+|\s[-–—:]+\s|:\s)\s*")
_GLYPH_SEPARATOR = re.compile(rf"\s*{_GLYPH}+\s*")
_SPINTAX = re.compile(r"\{[^{}|]{1,60}(?:\|[^{}|]{1,60})+\}")
_KEY_VALUE_NOISE = re.compile(r"^(?:\d+|[0-9a-f]{12,}|[\w-]+\.(?:html?|php|aspx?|jsp|pdf|jpe?g|png))$", re.I)
_URL_WORD_SEPARATORS = re.compile(r"[-_+\s.]+")
_SEARCH_DATE = re.compile(r"[^—·\n]{1,40}?\s[—·]\s+")
"""What a search engine writes before a result's snippet: the page's date or age and an em dash or a middle dot
("12 Jan 2025 — ", "Mar 5, 2025 · ", "3 hari yang lalu — ")."""
SEARCH_DATE_WORDS = 5
"""The most words of a search engine's date or age before a snippet ("3 hari yang lalu" has four, "Mar 5, 2025"
three)."""
FOREIGN_WEIGHT = 1.0
"""Weight of a keyword foreign to a text's other lines, or of a search result's that looks like spam (it has no
page text to be foreign to)."""
FOREIGN_TO_TEXT_WEIGHT = 1.5
"""Weight of a keyword of an HTML page's head that is neither the site's name (its host) nor anywhere in the page's
text; a text's keyword (its first lines) weighs FOREIGN_WEIGHT."""
LEARNED_BRAND_WEIGHT = 1.0
"""Weight of a one-word keyword in capitals (written like a brand: BRAND_SHAPE) that the brand name model
(:mod:`spamsift.core.brandname`) reads as a gambling brand's: half a named one's (2.0), a guess from its letters. With
the description opening with it and its brand shape (1.5 + 1.0) it tips a search result that echoes no URL
("QQPALACE Malam Energi & Musik Eksklusif" / "QQPALACE, vidalocabodrum menyajikan ..."). Only a name written so, and
one the vocabulary holds no term of, is read: the model learned the domain lists' words too, and "BLACKJACK" (a game,
products.txt) opening a gambling guide's title and description is its subject. Nor is a keyword with digits: the
model learned the trade's numbers (77, 777, 898), which an event's or a release's name takes too (HUT77, WIN10); the
numbers gambling brands alone are named by are the vocabulary's (brand-numbers.txt)."""
MAX_KEYWORD_WORDS = 4
"""A keyword slot holds a brand or a short phrase; a longer echo is an article's slug repeating its headline."""


def url_keywords(url: str | None) -> list[tuple[str, str]]:
    """The words a URL carries, as (where, words): each query value and the path's slug (:func:`_path_slug`), read
    as words (``SLOT-GACOR-4D`` -> ``slot gacor 4d``). Numbers, hashes and file names are not keywords."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    found = []
    for name, value in parse_qsl(parts.query, keep_blank_values=False):
        value = value.strip()
        if value and not _KEY_VALUE_NOISE.match(value) and words(value):
            found.append((f"?{name}=", " ".join(words(_URL_WORD_SEPARATORS.sub(" ", value)))))
    slug = _path_slug(parts.path)
    if slug:
        found.append(("path slug", " ".join(words(_URL_WORD_SEPARATORS.sub(" ", slug)))))
    return [(where, phrase) for where, phrase in found if phrase]


_PAGE_FILE = re.compile(r"(.+)\.(?:s?html?|php\d?|aspx?|jsp)", re.IGNORECASE)
_INDEX_PAGES = frozenset({"index", "default", "home", "main"})


def _path_slug(path: str) -> str | None:
    """The slug of a URL's path: its last segment; of a page file, its name without the extension (``slot88.html``
    is the page ``slot88``), and of an index page, its folder's (``/rajazeus/index.php`` is ``/rajazeus/``).
    Numbers, hashes and other files are none."""
    segments = [segment for segment in unquote(path).split("/") if segment]
    while segments:
        page = _PAGE_FILE.fullmatch(segments[-1])
        if page and page.group(1).lower() in _INDEX_PAGES:
            segments.pop()
            continue
        slug = page.group(1) if page else segments[-1]
        return None if _KEY_VALUE_NOISE.match(slug) else slug
    return None


def _starts_with(tokens: list[str], prefix: list[str]) -> bool:
    return bool(prefix) and tokens[:len(prefix)] == prefix


def _contains(tokens: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(tokens[i:i + n] == phrase for i in range(len(tokens) - n + 1))


def _explains_rest(title_parts: list[list[str]], part_index: int, keyword: list[str],
                   descriptions: list[list[str]]) -> bool:
    """Whether the title part the keyword opens is the keyword alone, and a description names the title's other
    parts (two words of them or more) but not the keyword, not even written apart: a site's description speaks of
    what its title says, an injection's keyword is the part it never mentions. Words of up to three letters are
    not counted: an issue's body shares its title's articles and prepositions ("los", "the", "dan") whatever its
    title names before a colon ("Tragamonedas: la animación de los carretes ...")."""
    if title_parts[part_index] != keyword or _written_apart(keyword, descriptions):
        return False
    rest = {w for i, part in enumerate(title_parts) if i != part_index for w in part if len(w) > 3}
    return any(len(rest & set(d)) >= 2 for d in descriptions)


_LETTERS_OR_DIGITS = re.compile(r"[^\W\d_]+|\d+")


def _written_apart(keyword: list[str], descriptions: list[list[str]]) -> bool:
    """Whether a description writes a one-word keyword of letters and digits as separate words: an event's or a
    release's page names "HUT79" as "HUT RI ke-79" and "iPhone15" as "iPhone 15"; a brand is written whole."""
    pieces = _LETTERS_OR_DIGITS.findall(keyword[0]) if len(keyword) == 1 else []
    return len(pieces) >= 2 and any(set(pieces) <= set(d) for d in descriptions)


def _common_prefix(a: list[str], b: list[str]) -> list[str]:
    prefix = []
    for x, y in zip(a, b):
        if x != y:
            break
        prefix.append(x)
    return prefix


def _belongs_to_site(keyword: list[str], host: str | None) -> bool:
    """Whether the keyword is the site's own name, as its host spells it: ``acme`` of acme.com, the initials of
    ``Universitas Indonesia`` in ui.ac.id, the host's first label inside the keyword."""
    labels = [re.sub(r"[^a-z0-9]", "", label) for label in (host or "").casefold().split(".")]
    joined = "".join(keyword)
    if not labels or not joined:
        return False
    if joined in "".join(labels) or (len(keyword) >= 2 and "".join(w[0] for w in keyword) in labels):
        return True
    return len(labels[0]) >= 4 and labels[0] in joined


MAX_ACRONYM_LETTERS = 12
"""A service's acronym is short (SIAKAD, SIMONEV, SATUDATA); a longer keyword is not looked for spelled out, so
that a hostile head's thousand-letter word costs nothing."""
_SPELLING_SKIPS = frozenset({"adalah", "merupakan", "ialah", "yaitu", "atau", "is", "stands", "for", "dan", "dari",
                             "di", "untuk", "and", "of", "the"})
"""Words a description may put between an acronym and its letters' words ("SIAKAD adalah Sistem Informasi
Akademik", "LAPOR: Layanan Aspirasi dan Pengaduan Online Rakyat") without spelling any of them."""


def _spelled_out(keyword: list[str], descriptions: list[list[str]]) -> bool:
    """Whether a description that opens with a one-word keyword goes on to spell it out, each piece of the keyword
    the start of a word in turn: "SIAKAD adalah Sistem Informasi Akademik" (S-I-AKAD), "SAKIP Sistem Akuntabilitas
    Kinerja Instansi Pemerintah". A site names its own services so; a doorway's description goes on with the
    victim's self-description, which no brand's letters spell."""
    if len(keyword) != 1 or not keyword[0].isalpha() or len(keyword[0]) > MAX_ACRONYM_LETTERS:
        return False
    acronym = keyword[0]

    def spells(at: int, following: list[str]) -> bool:
        if at == len(acronym):
            return True
        if not following:
            return False
        word, rest = following[0], following[1:]
        if word in _SPELLING_SKIPS and spells(at, rest):
            return True
        longest = min(len(word), len(acronym) - at, len(acronym) - 1)  # two words at least: not the keyword again
        return any(word.startswith(acronym[at:at + size]) and spells(at + size, rest)
                   for size in range(longest, 0, -1))

    return any(_starts_with(d, keyword) and spells(0, d[1:len(acronym) + 4]) for d in descriptions)


def _brand_like(original: str) -> bool:
    """A keyword written like a gambling brand: one word of capitals (``PANDAPLAY``), or letters run together with
    digits (``raja365``, ``5unsur4``, ``WD88``)."""
    tokens = original.split()
    if len(tokens) != 1:
        return False
    token = tokens[0]
    letters = sum(ch.isalpha() for ch in token)
    digits = sum(ch.isdigit() for ch in token)
    if (letters >= 3 and digits >= 1) or (letters >= 2 and digits >= 2):
        return True
    return letters >= 5 and token.isupper()


def _keyword_names_gambling(keyword: str) -> str | None:
    """The gambling term or brand a keyword names, if it names one, or the numbered brand it is. A numbered name
    counts only as the whole keyword, and by a number gambling brands are named by ("HOKI168", "SAKURA188":
    :func:`spamsift.core.vocabulary.is_numbered_brand`): the others (HUT79, iPhone15, WIN10) are shapes, which
    BRAND_SHAPE weighs, and an institution names its events so in its own head, as the words its title and
    description open with ("HUT77 Kemerdekaan RI ..."). A one-word keyword with a brand ending glued inside it
    names gambling too ("MANIASLOTS": :func:`spamsift.core.vocabulary.glued_brand_word`)."""
    named = names_gambling(keyword, numbered=False)
    if named or len(keyword.split()) != 1:
        return named
    word = normalize(keyword.casefold())
    return next((match.group() for match in find_numbered_names(word)
                 if match.group() == word and is_numbered_brand(word)), None) or glued_brand_word(word)


def _original_span(text: str, keyword: list[str]) -> str:
    """The keyword as written in ``text`` (its case kept), found by its words."""
    pattern = r"[\W_]+".join(re.escape(w) for w in keyword)
    match = re.search(pattern, text, re.IGNORECASE)
    return match.group() if match else " ".join(keyword)


def _keyword_slots(title_parts: list[list[str]], descriptions: list[list[str]],
                   url_words: list[tuple[str, str]]) -> Iterator[tuple[list[str], str | None, int | None]]:
    """The keywords the head may have been built around, each with where the URL echoes it (or None) and which
    title part it opens (or None). A URL's words count when they open a title part or a description, or make up a
    whole title part; then a title part that is one word naming gambling, beside parts the description speaks of
    ("NAGA303 - Dinas Pariwisata" / "Website resmi Dinas Pariwisata ..."); then the words a title part and a
    description both open with, and the first of them alone: a campaign's description repeats the whole title
    after its keyword ("SLOT33 TK Sayyidah Nafisah ..." twice). A genuine page has such slots too (its address's
    slug is its headline's, its title and description open with its name): :func:`doorway_evidence` weighs each and
    keeps the strongest, so that the page's own slug does not hide the keyword a kit put before its title ("SLOT97
    🔥 Freshdesk: ..." at ``/freshdesk/``)."""
    seen: list[list[str]] = []

    def new(keyword: list[str]) -> bool:
        if keyword in seen:
            return False
        seen.append(keyword)
        return True

    for where, phrase in url_words:
        keyword = phrase.split()
        if len(keyword) > MAX_KEYWORD_WORDS:
            continue
        index = next((i for i, part in enumerate(title_parts) if _starts_with(part, keyword)), None)
        if (index is not None or any(_starts_with(d, keyword) for d in descriptions)) and new(keyword):
            yield keyword, where, index
    for index, part in enumerate(title_parts):
        if len(part) == 1 and _keyword_names_gambling(part[0]) and \
                _explains_rest(title_parts, index, part, descriptions) and new(part):
            yield part, None, index
    for index, part in enumerate(title_parts):
        for description in descriptions:
            prefix = _common_prefix(part, description)[:MAX_KEYWORD_WORDS]
            if prefix:
                for keyword in (prefix, prefix[:1]):
                    if new(keyword):
                        yield keyword, None, index
                break


@dataclass
class _Head:
    """A page's title, descriptions and text, as written and as words."""

    title: str
    title_parts: list[list[str]]
    descriptions: list[str]
    description_words: list[list[str]]
    body: list[str]

    @cached_property
    def body_words(self) -> list[list[str]]:
        """The words of each line of the text, read once for all the head's keyword slots, and only when one
        could tip the sum."""
        return [words(line) for line in self.body]


def doorway_evidence(title: str | None, descriptions: list[str], url: str | None, host: str | None,
                     body: list[str], *, head_apart: bool = True, brand_names: LinearModel | None = None,
                     software: str | None = None) -> DoorwayEvidence:
    """The doorway symbols of a page's head: ``title``, its ``descriptions`` (meta, og, twitter), ``url``, the
    ``host`` it was served from and the lines of its visible ``body`` (read only when a keyword slot is found).
    ``head_apart``: the head is an HTML page's, written apart from its text, and not a text's own first lines, so
    that the text not naming the keyword weighs (FOREIGN_TO_TEXT_WEIGHT): a short news text's headline and first
    sentence open alike ("Công an ...") and its last lines need not name them again. Of the keyword slots the
    head has (:func:`_keyword_slots`), the one with the most evidence speaks. ``brand_names``, the brand name model
    (:mod:`spamsift.core.brandname`), reads a one-word keyword in capitals the vocabulary does not know
    (LEARNED_BRAND_WEIGHT). ``software`` is the word of software development of a text that speaks of code
    (:func:`spamsift.core.features.software_term`): an issue's title names the game its body debugs, in the
    tracker's "area: summary" form, and its body opens with the game too ("Rulet: yanlış ödeme" above "Rulet tek sayı
    bahsinde 3 kat ödüyor, hata var"), which is a doorway's head in shape; none of the campaigns' 1,104 titles names
    such a word. A keyword written like a brand stays a kit's (a doorway's victim may describe its software)."""
    title = unicodedata.normalize("NFKC", title or "")
    head = _Head(title, [part_words for part in split_title(title) if (part_words := words(part))],
                 descriptions, [found for description in descriptions if (found := words(description))], body)
    spintax = next((m.group() for text in (title, *descriptions) for m in [_SPINTAX.search(text)] if m), None)
    found = (Symbol("SPINTAX", 3.0, f"unspun spintax in the head: {spintax[:60]}"),) if spintax else ()
    best = DoorwayEvidence(found, DOORWAY_BIAS)
    if not head.title_parts:
        return best
    for keyword, echoed_from, part_index in _keyword_slots(head.title_parts, head.description_words,
                                                           url_keywords(url)):
        evidence = _slot_evidence(head, keyword, echoed_from, part_index, host, head_apart, found, brand_names,
                                  software)
        if best.keyword is None or evidence.logit > best.logit:
            best = evidence
    return best


def _slot_evidence(head: _Head, keyword: list[str], echoed_from: str | None, part_index: int | None,
                   host: str | None, head_apart: bool, found: tuple[Symbol, ...],
                   brand_names: LinearModel | None, software: str | None) -> DoorwayEvidence:
    """The doorway symbols of one keyword slot of a head, beside those ``found`` of the head as a whole."""
    title, title_parts, descriptions, description_words, body = (head.title, head.title_parts, head.descriptions,
                                                                  head.description_words, head.body)
    symbols = list(found)
    written = _original_span(title if part_index is not None else " ".join(descriptions), keyword)
    if echoed_from:
        slug = echoed_from == "path slug"
        # an article's slug repeats its headline, and a dictionary's or a wiki's its one-word subject: a slug echo
        # counts for less, and not at all for several words
        if not (slug and len(keyword) >= 2):
            where = "title" if part_index is not None else "description"
            symbols.append(Symbol("URL_ECHO", 1.0 if slug else 2.0,
                                  f"{where} opens with the keyword of the URL's {echoed_from}: {written}"))
    if part_index is not None:
        if any(_starts_with(d, keyword) for d in description_words):
            if not (len(title_parts) == 1 and len(keyword) == len(title_parts[0]) > 1):
                symbols.append(Symbol("DESCRIPTION_ECHO", 1.5, f"title and description both open with: {written}"))
        elif any(_contains(d, keyword) for d in description_words):
            symbols.append(Symbol("DESCRIPTION_MENTION", 0.75, f"the title's opening recurs in the description: "
                                  f"{written}"))
        elif _explains_rest(title_parts, part_index, keyword, description_words):
            symbols.append(Symbol("UNEXPLAINED_PART", 1.0, f"the description speaks of the rest of the title, never "
                                  f"of: {written}"))
    own_name = _belongs_to_site(keyword, host)
    if own_name:
        symbols.append(Symbol("SITE_NAME", -4.0, f"the keyword is the site's own name: {written}"))
    elif _spelled_out(keyword, description_words):
        own_name = True
        symbols.append(Symbol("SPELLED_OUT", -4.0, f"the description spells the keyword out: {written}"))
    elif reporter := reporting_term(written):
        own_name = True
        symbols.append(Symbol("REPORTER", -4.0, f"the keyword names who reports on gambling: {reporter}"))
    brand_like = _brand_like(written)
    if brand_like:
        symbols.append(Symbol("BRAND_SHAPE", 1.0, f"the keyword is written like a brand: {written}"))
    elif software:
        symbols.append(Symbol("SOFTWARE", -4.0, f"the text speaks of software, as an issue does: {software}"))
    named = _keyword_names_gambling(written)
    spam_shaped = brand_like or bool(named)
    if named:
        symbols.append(Symbol("GAMBLING_KEYWORD", 2.0, f"the keyword names gambling: {named}"))
    else:
        if brand_names is not None and brand_like and written.isalpha() and not own_name and not terms_of(written):
            probability = brand_name_probability(brand_names, written)
            if probability >= BRAND_NAME_PROBABILITY:
                spam_shaped = True
                symbols.append(Symbol("LEARNED_BRAND", LEARNED_BRAND_WEIGHT, f"the keyword reads like the gambling "
                                      f"domain lists' names ({probability:.2f}): {written}"))
        named = names_gambling("\n".join((title, *descriptions)), numbered=False)
        if named:
            symbols.append(Symbol("GAMBLING_HEAD", 1.0, f"the head names gambling: {named}"))
    if part_index is not None and _GLYPH_SEPARATOR.search(title):
        symbols.append(Symbol("GLYPH_SEPARATOR", 0.5, "the title's parts are separated by a pictograph"))
    # the page's text is read last, and only when the symbol could tip the sum: most heads are far from it. A
    # search result has no text: a section's own page ("Tracer Study - Universitas X", "Tracer Study adalah ...",
    # ?page=tracer-study) is built like a doorway, and only a keyword that looks like spam is taken for foreign
    foreign = FOREIGN_TO_TEXT_WEIGHT if body and head_apart else FOREIGN_WEIGHT
    if (not own_name and sum(symbol.weight for symbol in symbols) + foreign >= DOORWAY_BIAS
            and (_foreign_to_text(keyword, head.body_words) if body else spam_shaped)):
        symbols.append(Symbol("FOREIGN_KEYWORD", foreign, f"the keyword is neither the site's name nor in "
                              f"its text: {written}" if body else f"the keyword looks like spam: {written}"))
    return DoorwayEvidence(tuple(symbols), DOORWAY_BIAS, written, title, echoed_from)


def split_title(text: str) -> list[str]:
    """The parts of a title, or of a line written like one, at the separators doorway kits put between their
    keyword and the victim's name: "KEYWORD ⚡ Universitas X", "Store Y | KEYWORD Layanan ..."."""
    return _TITLE_SPLIT.split(text)


def _foreign_to_text(keyword: list[str], lines: list[list[str]]) -> bool:
    """Whether no line of the page's text (its ``lines``' words) holds the keyword, whole or written apart (a
    release's page names "IPHONE15" of its head "iPhone 15")."""
    return not any(_contains(line, keyword) for line in lines) and not _written_apart(keyword, lines)


def stamps_keyword(text: str, keyword: str) -> bool:
    """Whether a block of a page's body names the keyword its head was built around, as a word or words of its own
    ("PTTOGE DAFTAR", "Daftar dan Mainkan di PTTOGE Pasti Teruji!"): on a page the family reads as a doorway, the
    kit's lines, which stamp the keyword on the victim's words or promote it."""
    return _contains(words(text), words(keyword))


def snippet_without_date(snippet: str) -> str:
    """A search result's snippet without the date or age its search engine wrote before it (_SEARCH_DATE: a few
    words, SEARCH_DATE_WORDS at most, one a number), so that the snippet opens as the page's description does: the
    keyword a doorway's description opens with comes after it ("12 Jan 2025 — QQPALACE merupakan ...")."""
    lead = _SEARCH_DATE.match(snippet)
    if lead and len(lead.group().split()) <= SEARCH_DATE_WORDS + 1 and any(c.isdigit() for c in lead.group()):
        return snippet[lead.end():]
    return snippet


def page_doorway(title: str | None, meta: list[tuple[str, str]], url: str | None, host: str | None,
                 lines: list[str], brand_names: LinearModel | None = None, software: str | None = None
                 ) -> DoorwayEvidence:
    """:func:`doorway_evidence` of a page: an HTML page's title and description tags, or, for text (no title), its
    first line as the title and its second, a search result's snippet, as the description
    (:func:`snippet_without_date`); ``software`` is read for text only, whose first lines are its own (an issue's
    title and body), not a head written apart."""
    if title is None and not meta:
        return doorway_evidence(lines[0] if lines else None, [snippet_without_date(line) for line in lines[1:2]],
                                url, host, lines[2:], head_apart=False, brand_names=brand_names, software=software)
    return doorway_evidence(title, [value for name, value in meta if name.endswith("description")], url, host, lines,
                            brand_names=brand_names)
