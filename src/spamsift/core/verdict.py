"""From segments to a verdict: score every block, settle its kind, then judge the page.

Blocks are judged first, each by the learned model over its own evidence, then in context (a
short line inside a run of spam lines is part of the run). The page is judged from its blocks, or from its
whole text when it is short (a landing page's noisy OCR text says "gambling" as a whole more clearly than any
one of its lines), and from what it says about itself outside the body: title, meta tags and URL.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from spamsift.core._tokens import sigmoid
from spamsift.core.boilerplate import is_fragment, is_template_line
from spamsift.core.campaign import campaign_traces
from spamsift.core.cloaking import CloakingEvidence, cloaking_evidence
from spamsift.core.doorway import DoorwayEvidence, page_doorway, split_title, stamps_keyword
from spamsift.core.features import (
    DENSE_FEATURES,
    Evidence,
    bears_advertising_marks,
    char_grams,
    collect_evidence,
    software_term,
    speaks_of_code,
    unread_blanked,
)
from spamsift.core.links import links_evidence
from spamsift.core.model import Models, load_models
from spamsift.core.normalize import deleet, normalize
from spamsift.core.operator import operator_evidence, operator_offer
from spamsift.core.page import Page, Segment, host_of
from spamsift.core.report import Block, Kind, Report
from spamsift.core.reporting import quotation, sends_to_gambling
from spamsift.core.sentence import ends_as_sentence
from spamsift.core.symbols import FamilyEvidence
from spamsift.core.vocabulary import (
    CASHIER_TIERS,
    CONTACT_TIER,
    GAMBLING_TIERS,
    OTHER_SPAM_VOCABULARY,
    RESEARCH_TIER,
    SPAM_TIERS,
    glued_brand_word,
    is_numbered_brand,
    names_something,
    outermost,
)

SPAM_THRESHOLD = 0.5
"""A block is spam when the model gives it at least this probability."""
DISGUISE_SHARE = 0.05
"""From this share of odd characters on, a block counts as written in disguise."""
RUN_MEMBER_THRESHOLD = 0.1
"""A short line, or a line that promotes, next to a spam line joins its run from this probability on
(:func:`_joins_run`)."""
RUN_INSIDE_THRESHOLD = 0.01
"""A block that is no sentence between two spam blocks joins their run from this probability on
(:func:`_inside_run`)."""
CONTENT_SHARE_OF_BEST = 0.45
"""An HTML block is content when its layout probability is at least this share of the page's best block's.
Relative, because the layout model is surer of some templates than of others: on a short article or an odd
template every paragraph may get 0.3, and those paragraphs are still the best the page has. Chosen on the
calibration split with scripts/tune_content_threshold.py."""
LONG_PAGE_FEATURES = ("max_logit", "top3_prob", "spam_share", "spam_blocks", "hidden_spam", "promo_density",
                      "spam_block_terms")
SHORT_PAGE_FEATURES = ("short_text_logit", "short_spam_share")
PAGE_FEATURES = (*LONG_PAGE_FEATURES, "short_page", *SHORT_PAGE_FEATURES)
"""The page model's inputs; see :func:`page_features`."""
REPORTING_DISCOUNT = 3.0
"""Logit taken off a sentence that reads as reporting on gambling, per reporting word in it (at most two) and
per segment of the page with reporting words (at most three)."""
_SENTENCE, _DOMAIN_TEXT, _LINK_DENSITY, _DIGIT_WORDS = (
    DENSE_FEATURES.index(name) for name in ("sentence", "domain_text", "link_density", "digit_words"))
MODEL_NUMBER_LIST_WORDS = 12
"""A block of at most this many words, half of them mixing letters and digits and none a gambling word, reads as
a list of model numbers."""
_URL_SEPARATORS = re.compile(r"[/?&=+_\-.%#]+")
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:·•»]+\s+|\s*\|\s*")


def _disguised(ev: Evidence) -> bool:
    """Whether a block is written in disguise (DISGUISE_SHARE of odd characters)."""
    return ev.obfuscation >= DISGUISE_SHARE


def _clip(z: float) -> float:
    return max(-12.0, min(12.0, z))


_TERM_LISTINGS = (("promo", False, "gambling terms"), ("promo", True, "gambling advertised with a contact"),
                  ("seo", False, "spam terms"), ("seo", True, "spam advertised with a contact"),
                  ("topic", False, "topic words"),
                  ("counter", False, "reporting/warning words"), (RESEARCH_TIER, False, "research words"),
                  (CONTACT_TIER, False, "contacts"))
"""The vocabulary a block's reasons list, as (tier, advertised, title)."""


def _describe(ev: Evidence, segment: Segment, models: Models) -> list[str]:
    reasons: list[str] = []
    named: dict[tuple[str, bool], Counter[str]] = {}
    for term in ev.terms:
        named.setdefault((term.tier, term.advertised), Counter())[term.text] += 1
    for tier, advertised, title in _TERM_LISTINGS:
        counts = named.get((tier, advertised))
        if counts:
            listed = ", ".join(t if n == 1 else f"{t}×{n}" for t, n in counts.most_common(5))
            reasons.append(f"{title}: {listed}")
    if ev.brands:
        reasons.append("brand names: " + ", ".join(sorted(set(ev.brands))[:5]))
    if ev.numbered:
        reasons.append("numbered names: " + ", ".join(sorted(set(ev.numbered))[:5]))
    if _disguised(ev):
        reasons.append(f"disguised letters ({ev.obfuscation:.0%} of characters)")
    if ev.repeats >= 3:
        reasons.append(f"line repeated {ev.repeats} times")
    if segment.hidden:
        reasons.append(f"hidden by {segment.hidden}")
    if segment.links >= 3:
        reasons.append(f"{segment.links} links to {len(segment.link_hosts)} domains in {ev.words} words")
    top = models.segment.top_tokens(ev.tokens)
    if top:
        reasons.append("model: " + ", ".join(f"'{t}' +{w:.1f}" for t, w in top))
    return reasons


def _url_texts(url: str) -> list[str]:
    """The words of a URL's path and of its query, apart: keywords injected into the query of a long path
    (``/mental-health/recent-trends-among-adolescents/?id=AGEN-SLOT-GACOR``) are judged on their own."""
    parts = urlsplit(url)
    texts = (_URL_SEPARATORS.sub(" ", unquote(part)).strip() for part in (parts.path, parts.query))
    return [text for text in texts if text]


def _side_texts(page: Page) -> list[tuple[str, str]]:
    """What the page says about itself outside its body, as (where, text) pairs. A title is judged part by
    part: injections are put before the page's own title ("SLOT GACOR - IAM overview | Google Cloud")."""
    texts = []
    if page.title:
        texts.extend(("title", part) for part in _TITLE_SEPARATORS.split(page.title) if part.strip())
    texts.extend((f"meta {name}", value) for name, value in page.meta)
    return texts


def _side_probs(texts: list[str], models: Models, reporting_segments: int = 0,
                address: bool = False) -> tuple[list[float], list[Evidence]]:
    """Spam probability and evidence of texts outside the body (title, meta tags, URL), each on its own. Such a
    text has no neighbours to vouch for it, so it is spam only with a promotion, a brand or a disguise in it:
    the model's word weights alone ("Writing AI-ready .NET code") are not enough. A text promoting spam by its
    vocabulary is found as in the body (a pharmacy hack's "Buy Viagra Online Without Prescription" title), and
    a news page's headline in its title is discounted as in the body, by the page's ``reporting_segments``, and so
    are the words of its ``address`` (:func:`_reporting_discount`)."""
    segments = [Segment(0, 0, text) for text in texts]
    evidence = collect_evidence(segments)
    probs = []
    for ev, segment, z in zip(evidence, segments, _block_logits(evidence, models, alone=True)[0]):
        discount = _reporting_discount(ev, segment.text, reporting_segments + (1 if ev.tiers["counter"] else 0),
                                       address)
        z -= discount
        if not discount and _promotes_by_vocabulary(ev, segment):
            z = max(z, VOCABULARY_FLOOR)
        named = _promotes(ev) or _disguised(ev)
        probs.append(sigmoid(z if named else min(z, ALONE_CEILING)))
    return probs, evidence


def _side_reason(ev: Evidence, models: Models) -> str:
    return "; ".join(_describe(ev, Segment(0, 0, ""), models)[:2])


def judge_url(url: str, models: Models | None = None) -> tuple[float, str | None]:
    """Spam probability of a URL by its path and query alone (``/?id=SLOT-GACOR-4D``), and the evidence when it
    is spam: for URLs found in sitemaps and links, before or without fetching them."""
    models = models or load_models()
    probs, evidence = _side_probs(_url_texts(url), models)
    if not probs:
        return 0.0, None
    best = max(range(len(probs)), key=probs.__getitem__)
    return probs[best], _side_reason(evidence[best], models) if probs[best] >= SPAM_THRESHOLD else None


SENTENCE_WORDS = 10
"""The words from which a block that ends as a sentence does reads as one (:func:`_reporting_discount`)."""
_SPACELESS_LETTER = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
"""A letter of a script written without spaces between its words: Thai, Japanese kana, Chinese characters."""
_UNMARKED_LETTER = re.compile(r"[\u0e00-\u0eff]")
"""A letter of Thai or Lao, which end a sentence with a space and no mark."""


def _full_sentence(ev: Evidence, text: str) -> bool:
    """Whether a block reads as a full sentence: SENTENCE_WORDS words or more, and a sentence's ending. In a script
    written without spaces, two letters count as a word: a Chinese sentence of thirty characters is four runs of
    word characters between its commas ("该团伙以百家乐、真人视讯为名吸引会员充值，首存送100%彩金。"). A block
    mostly in Thai or Lao, which mark no sentence's end, reads as one wherever it ends ("มิจฉาชีพโฆษณาสล็อตเว็บตรง
    ... เพื่อหลอกให้โอนเงิน")."""
    if ev.words >= SENTENCE_WORDS:
        return bool(ev.dense[_SENTENCE]) or _mostly_unmarked(text)
    return (ev.words + len(_SPACELESS_LETTER.findall(text)) // 2 >= SENTENCE_WORDS
            and (ends_as_sentence(text) or _mostly_unmarked(text)))


def _mostly_unmarked(text: str) -> bool:
    """Whether most of a text is written in Thai or Lao (_UNMARKED_LETTER)."""
    return 2 * len(_UNMARKED_LETTER.findall(text)) > len(text)


def _reporting_discount(ev: Evidence, text: str, reporting_segments: int, read_as_sentence: bool = False,
                        in_message_on_code: bool = False) -> float:
    """News, sermons and court reports use gambling words in full sentences, beside words like "police",
    "arrested" or "haram" in the same sentence or elsewhere on the page, and without brand names,
    disguises or links. Such a sentence is discounted; a promotion seldom reads like that. A headline ("Polisi
    Tangkap Admin Situs Togel Online dan Slot Gacor") names the promotions it reports on without a sentence
    around them: it is discounted only with a reporting word of its own, on a page that reports elsewhere too
    (``reporting_segments``, counting the headline: at least two). A keyword line has neither. Two short texts are
    ``read_as_sentence``: the line that introduces the quotes of the spam its page reports
    (:mod:`spamsift.core.reporting`: "these slot sites are still reachable:"), and the words of a page's URL, which a
    news site writes from its headline or its tags (``/tag/judi-togel``) and a doorway from its keyword: on a page
    that reports elsewhere they are the headline's. A bug report or a feature request is discounted so by its own
    words of software development (:func:`speaks_of_code`: "tidak berfungsi", "ошибка"), never by another block's
    on a page, and in its title as in its sentences ("Error 500 saat klaim bonus harian di aplikasi game"): it
    speaks of a product's code, not for the product. A short text of several blocks is one message
    (``in_message_on_code``: an issue's title and body, one of which speaks of code): its body's words are its
    title's too ("Togel: hasil tidak tampil" above "... Error di console: undefined"), in a block that bears no
    advertisement's marks (:func:`bears_advertising_marks`). Of the shared data's gambling comments and landing
    pages, one names such a word and nothing else of spam (a landing page's OCR, missed either way). A study's words
    (RESEARCH_TIER: "penelitian", "thesis", "调查") discount their block as a report's do: a thesis names the offers
    it studies."""
    counter = ev.tiers["counter"] + ev.tiers[RESEARCH_TIER]
    development = speaks_of_code(ev) or int(in_message_on_code and not bears_advertising_marks(ev))
    if not (counter or development or reporting_segments >= 2) or ev.brands or ev.obfuscation:
        return 0.0
    dense = ev.dense
    if (dense[_DOMAIN_TEXT] and sends_to_gambling(text)) or dense[_LINK_DENSITY] > 0.3:
        return 0.0
    if not (read_as_sentence or development or (counter and reporting_segments >= 2) or _full_sentence(ev, text)):
        return 0.0
    return REPORTING_DISCOUNT * (min(counter + development, 2) + min(reporting_segments, 3))


def _reporting_blocks(evidence: list[Evidence], quoted: list[str | None], whole: bool) -> int:
    """How many blocks of a page report (a reporting word, or a quote of the spam it reports), for
    :func:`_reporting_discount`. A short text of several blocks is one message, an issue's title and body or a
    headline and its lede: a report anywhere in it is the whole message's, as reports in two blocks are a page's
    ("Kominfo blokir 1,9 juta konten judi online" above "Menteri menyebut situs slot dan togel ..."), and so is a
    study anywhere in it (RESEARCH_TIER: a thesis's title above its abstract); on a long page only reports count,
    since news quotes researchers beside anything. None of the gambling comments and landing pages of the shared
    data is a text of several blocks with a reporting word."""
    one_message = whole and len(evidence) > 1
    reporting = sum(1 for ev, quote in zip(evidence, quoted)
                    if ev.tiers["counter"] or quote or (one_message and ev.tiers[RESEARCH_TIER]))
    return max(reporting, 2) if reporting and one_message else reporting


WHOLE_TEXT_BLOCKS = 3
"""Pages of at most this many blocks (a comment, a landing page's OCR text) are judged as a whole, by the
page-text model and the share of their text in spam blocks; longer pages are judged by their blocks' aggregates,
where a few spam lines are not drowned by a long genuine text, and a genuine text full of words the model
distrusts is not condemned by them."""


def _read_as_whole(page: Page) -> bool:
    """Whether the page is short enough to be judged as a whole (see WHOLE_TEXT_BLOCKS)."""
    return len(page.segments) <= WHOLE_TEXT_BLOCKS


KNOWN_SHARE = 0.25
"""A model that learned words reads a text when it knows at least this share of its tokens. The models learned
Indonesian and English: of a Chinese, Thai or Korean text they know hardly a token, and of a Turkish or Vietnamese
one few of its words (though most of its letter pairs); their reading of it is their bias and a few features
weighed as if the words had spoken too, a confident "clean". A token is known when the model weighs it at least
``model.KNOWN_WEIGHT``: 4% of the genuine comments and 1% of the landing pages the segment model learned from have
less than a quarter of their words, word pairs and word ends known (a fifth of the train split counted)."""


def _reads(models: Models, evidence: list[Evidence]) -> bool:
    """Whether the segment model knows enough of these blocks' tokens (KNOWN_SHARE) to read them."""
    share = models.segment.known_share_of_blocks([ev.tokens for ev in evidence])
    return share is None or share >= KNOWN_SHARE


def _names_anything(ev: Evidence) -> bool:
    """Whether a block names anything of spam: a term of any tier but software development's (cashier and contact
    words too), a brand, a numbered name, a menu, or a disguise."""
    return bool((ev.terms and names_something(ev.terms)) or ev.brands or ev.numbered or ev.menu or _disguised(ev))


def _whole_text_logit(own: list[Segment], own_evidence: list[Evidence], logits: list[float], firm: list[bool],
                      discount: float, models: Models) -> float:
    """The reading of a short page's ``own`` text as a whole: the page-text model's, less ``discount``. When the
    text is in words the models cannot read (KNOWN_SHARE: the segment model's tokens, or the page-text model's
    character n-grams), the likeliest block's ``logits`` stand in; and the page-text model cannot speak against a
    ``firm`` block: one read blind (:func:`_block_logits`), or one that promotes and that the segment model is sure
    of (FIRM_LOGIT). It learned the letters of the comments it was trained on: a Portuguese promotion's
    Indonesian-looking letter pairs, or the OCR of a landing page it never saw, read clean to it whatever gambling
    their lines offer. Nor can it make spam alone of a text of several blocks that names nothing of spam
    (:func:`_names_anything`), a search result's title and snippet: it learned "login", "daftar" and "pemenang"
    from gambling comments, and "Login SIAKAD - Universitas Terbuka / Silakan login dengan NIM ..." read as one.
    Such a text reads no more spam than its likeliest block (the comments and landing pages it catches so are one
    block each)."""
    grams = page_grams(own)
    if grams and (models.page_text.known_share(grams) < KNOWN_SHARE or not _reads(models, own_evidence)):
        return max(logits)
    reading = models.page_text.normalized_logit(grams) - discount
    if _several_naming_nothing(own_evidence):
        reading = min(reading, max(logits))
    return max([reading, *(z for z, is_firm in zip(logits, firm) if is_firm)])


FIRM_LOGIT = 2.0
"""From this logit (probability 0.88) on, a block of a short text that promotes is firm (:func:`_whole_text_logit`):
the segment model is sure of it. A bug report on a slot game that names "free spins" reads 0.57 to it, and the
page-text model's reading of the whole sentence is the better one."""


BLIND_CEILING = 2.5
"""The highest logit (probability 0.92) the blind segment model may give: it learned from Indonesian comments, where
two gambling promotions in a line are spam for certain, and reads them as sure in a Hindi police report. Words
alone are never that sure, and one reporting word's discount (REPORTING_DISCOUNT) must outweigh them: at 3.0 a
Vietnamese bug report naming the odds it displays ("Khi mở trang kèo bóng đá, ứng dụng bị treo. Lỗi ...") sat at
the spam threshold itself. Lowered from 3.0 (2026-12-08), no figure of ``benchmarks/quality.py`` moved."""


def _block_logits(evidence: list[Evidence], models: Models, alone: bool) -> tuple[list[float], list[bool]]:
    """The segment model's logit of each block, and which blocks were read blind instead. A block naming gambling
    in words the segment model cannot read (KNOWN_SHARE), or written in disguise (Chinese in rare look-alike
    characters names nothing the vocabulary knows), is read by the blind segment model, which learned from
    the same blocks what their vocabulary and structure say with no word to help: "棋牌, 捕鱼, 彩票" weighs as
    three gambling games named should, not as a few unexplained words of the Indonesian comments. Blocks judged
    ``alone`` (a short text's, whose likeliest block speaks for it; a title's) are read so only when they promote
    or are disguised: a gambling word alone is the subject of a Korean issue on betting odds as often as of an
    advertisement, and a disguise is nobody's subject. Among a long page's blocks, gambling words named block after
    block are an operator's menus. A block whose one sign of gambling is an offer, with nothing to second it
    (:func:`_seconded`; in a short text, anywhere in it), is held under the spam threshold (ALONE_CEILING): the
    blind model learned from Indonesian comments, where one promotion in a line is spam, but in the languages it
    reads an offer's words are also a bank's, a shop's, a game's or a warning's ("首充" in a mobile game, "彩金" a
    contest's prize money, "фриспины" in a psychologist's warning), and a promotion names the trade, a brand or a
    way to reach it beside its offer."""
    logits = models.segment.block_logits(evidence)
    blind = [False] * len(evidence)
    for i, ev in enumerate(evidence):
        disguised = _disguised(ev)
        if not (ev.terms or ev.brands or disguised):  # most blocks name nothing
            continue
        if (_promotes(ev) or disguised or (ev.tiers["topic"] and not alone)) and not _reads(models, [ev]):
            lone = ev.tiers["promo"] and not _seconded(evidence if alone else [ev])
            logits[i] = min(models.segment_blind.logit(ev.dense), ALONE_CEILING if lone else BLIND_CEILING)
            blind[i] = True
    return logits, blind


QUOTED_CEILING = -4.0
"""The highest logit of a block quoting the spam its page reports (probability 0.018): a blocklist request's domain
names are its subject, not an injection."""


ALONE_CEILING = -0.05
"""The highest logit a block that needs company may have on its own: just under the spam threshold."""


UNPROMOTING_MARGIN = 1.0
"""Logit taken off a block that promotes nothing (:func:`_promotes_nothing`): it is spam from a probability of
0.73 on instead of 0.5. Ordinary Indonesian prose ("coba perhatikan versi komponen ini yang...") shares its
words with gambling comments, and a bug report on a card game ("No modo cassino, a roleta paga 36 para 1")
shares "casino" with them; a promotion almost always names an offer, a brand or a disguise."""


def _names_terms(ev: Evidence) -> bool:
    """Whether a block holds a term of gambling or other spam, of any tier (a cashier's words are a bank's too)."""
    if not ev.terms:  # most blocks: nothing to count
        return False
    tiers = ev.tiers
    return any(tiers[tier] for tier in SPAM_TIERS)


def _promotes_nothing(ev: Evidence) -> bool:
    """Whether a block names no promotion, brand, numbered name or disguise: nothing of gambling, or gambling as a
    subject only ("casino", "judi online"). The models' word weights, learned from Indonesian gambling, are then all
    that speaks for spam."""
    return not (_promotes(ev) or ev.numbered or _disguised(ev))


VOCABULARY_FLOOR = 2.0
"""The lowest logit (probability 0.88) of a block that promotes spam by its vocabulary
(:func:`_promotes_by_vocabulary`): set by hand, since the shared data has no labelled spam of these kinds to fit
it on."""
PROMOTION_PHRASES = 3
"""Distinct gambling promotion phrases from which a block promotes gambling whatever the model's word weights say:
a casino's offers name many at once, and a news sentence on the betting industry seldom names more than two
("offered free bets and deposit bonus deals to new customers")."""


KEYWORD_LINE_SHARE = 0.8
"""The share of a block's letters and digits that its distinct gambling terms make up from which, with at least
PROMOTION_PHRASES of them, the block is a keyword line (:func:`_keyword_line`)."""


def _promotes_by_vocabulary(ev: Evidence, segment: Segment) -> str | None:
    """How a block promotes spam by what it names, if it does (the reason it gives), which the models cannot be
    trusted to weigh: search spam
    other than gambling (:func:`_promotes_other_spam`), at least PROMOTION_PHRASES distinct gambling promotion
    phrases ("bonus cash", "free spins", "reload bonuses"), a keyword line (:func:`_keyword_line`), or a line
    opening with a gambling brand or promotion written in capitals (:func:`_opens_with_capitalised_name`). The models
    learned gambling spam from Indonesian comments and landing pages, and every English text they saw was genuine:
    an English casino's offers, a long block of English sentences, read as clean to them whatever they named. Among
    the 1,678 genuine pages no block names even two such phrases without reporting words around them."""
    capitalised = (_opens_with_capitalised_name(ev, segment) if ev.brands or ev.tiers["promo"] or ev.numbered
                   else _opens_with_glued_name(segment.text))
    if capitalised:
        return f"opens with a gambling name in capitals, as doorway kits stamp their keyword: {capitalised}"
    if not ev.terms:
        return None
    promotions = {term.text for term in ev.terms if term.tier == "promo"}
    if len(promotions) >= PROMOTION_PHRASES:
        return f"{len(promotions)} gambling promotions in one block"
    if _keyword_line(ev, segment):
        return "a line of nothing but gambling's names"
    if _promotes_other_spam(ev, segment):
        return "promotes search spam other than gambling"
    return None


_OPENING_CAPITALS = re.compile(r"[\W_]*([A-Z][A-Z0-9]{3,})(?!\w)")
"""A word in capitals that opens a text, pictographs and punctuation before it skipped."""
_LETTER = re.compile(r"[^\W\d_]")


def _opens_with_capitalised_name(ev: Evidence, segment: Segment) -> str | None:
    """The gambling brand or promotion written in capitals, a word of its own, that opens a line or a part of one
    (:func:`spamsift.core.doorway.split_title`), if one does: "SLOT88 bersama Blue Energy Suppliers memfasilitasi
    transisi ke energi hijau", "Klinik Sehat Sentosa | MEGATOGEL Layanan Kesehatan". Doorway kits stamp their
    keyword so before the victim's own sentences and names, as in its title, and comment campaigns their site's
    name before theirs ("🍭 KYT4D 🍭 mengajarkanku ..."), where the models read the words after it as genuine. No
    block of the 1,678 genuine pages or of the 326 genuine pages in ten languages opens so, nor holds a brand in
    capitals anywhere; a quarter of the doorway templates' lines of four words or more do. Only the opening counts:
    news on a sponsor may write its name in capitals inside a sentence ("a new sleeve deal with FUN88"). A numbered
    name by a number gambling brands take (:func:`spamsift.core.vocabulary.is_numbered_brand`: "BET168 bersama ...")
    counts when words follow it, as the victim's follow a kit's stamp: alone in its part it is a product's code
    ("SKU: PCZS99"); so does a name with a brand ending glued inside it opening the block
    (:func:`_opens_with_glued_name`)."""
    names = set(ev.brands) | {term.text for term in ev.terms if term.tier == "promo"}
    numbered = {name for name in ev.numbered if is_numbered_brand(name)}
    for part in (part for line in segment.text.splitlines() for part in split_title(line)):
        match = _OPENING_CAPITALS.match(part)
        name = match.group(1).casefold() if match else None
        if name in names or (name in numbered and _LETTER.search(part, match.end())):
            return match.group(1)
    return _opens_with_glued_name(segment.text)


def _opens_with_glued_name(text: str) -> str | None:
    """The name in capitals with a brand ending glued inside it (:func:`spamsift.core.vocabulary.glued_brand_word`)
    that opens ``text`` with words after it in its part, if one does: "TOGELTAIWAN merupakan media publikasi ...",
    "INDOSLOTS bersama ...", a kit's stamp on the victim's words; alone in its part it is a heading ("TIMESLOTS |
    Booking"). Of the 780,000 lines of genuine text and blocks of genuine pages in the shared data, none opens so.
    Read for every block, so the opening's name is tried first: most blocks open with none."""
    match = _OPENING_CAPITALS.match(text)
    if not match or not glued_brand_word(match.group(1)):
        return None
    rest_of_part = split_title(text[match.end():].partition("\n")[0])[0]
    return match.group(1) if _LETTER.search(rest_of_part) else None


def _keyword_line(ev: Evidence, segment: Segment) -> bool:
    """Whether a block is nothing but gambling's names, at least PROMOTION_PHRASES distinct ones making up
    KEYWORD_LINE_SHARE of its text: "카지노사이트 바카라사이트 토토사이트 온라인카지노", "百家乐 博彩 老虎机 六合彩".
    Each name alone is the subject of news and bug reports, which write sentences around it; stuffed side by side
    with nothing between, they are a line written for search engines, in any language."""
    names = _gambling_names(ev)
    if len(names) < PROMOTION_PHRASES:
        return False
    covered = sum(len(text) - text.count(" ") for text in names)
    return covered >= KEYWORD_LINE_SHARE * sum(ch.isalnum() for ch in segment.text)


def _gambling_names(ev: Evidence) -> set[str]:
    """The distinct gambling terms (promotion or topic) of a block, each once: "casino" inside "online casino" is
    the same mention."""
    return outermost({term.text for term in ev.terms if term.tier in GAMBLING_TIERS})


def _seconded(evidence: list[Evidence]) -> bool:
    """Whether the blocks name something of gambling besides one offer: another gambling name (the trade an offer
    names inside it counts: "bahis siteleri" of "güvenilir bahis siteleri"), a brand or numbered name, a menu, a
    disguise, a contact, an address to go to, or a cashier word of their own ("saque via pix" beside "jogo do
    tigrinho"; not the "提款" of "提款秒到", which is the offer's)."""
    names = {term.text for ev in evidence for term in ev.terms if term.tier in GAMBLING_TIERS}
    cashier = {term.text for ev in evidence for term in ev.terms if term.tier in CASHIER_TIERS}
    return (len(names) >= 2 or any(not any(word in name for name in names) for word in cashier)
            or any(ev.brands or ev.numbered or ev.menu or _disguised(ev) or ev.tiers[CONTACT_TIER]
                   or ev.dense[_DOMAIN_TEXT] or ev.dense[_LINK_DENSITY] for ev in evidence))


def _promotes_other_spam(ev: Evidence, segment: Segment) -> bool:
    """Whether a block promotes search spam other than gambling (pharmacy, counterfeits, loans, followers, essay
    mills): it names a promotion of it ("buy viagra", "replica handbags") beside another of its terms, or in a
    keyword line (up to eight words and no sentence: not a title asking "Is it safe to buy Viagra online?"), a
    hidden block or a block of links; or it advertises a subject of it with a contact to reach (:func:`advertised`:
    "收银行卡 ... 飞机 @handle"). The models learned gambling spam only (the shared data has no other
    kind), so this kind is found by its vocabulary. A page that informs about the same subjects names them bare
    ("Viagra", "payday loans", "no prescription"): those are its topic words, never enough."""
    promotions = {term.text for term in ev.terms if term.tier == "seo"}
    if not promotions:
        return False
    if any(term.advertised for term in ev.terms if term.tier == "seo"):
        return True
    others = {term.text for term in ev.terms if term.source == OTHER_SPAM_VOCABULARY
              and not any(term.text in promotion for promotion in promotions)}  # "viagra" of "buy viagra" is none
    keyword_line = ev.words <= 8 and not ends_as_sentence(segment.text)
    return (len(promotions) >= 2 or bool(others) or keyword_line or bool(segment.hidden)
            or ev.dense[_LINK_DENSITY] > 0.5)


def _held_to_evidence(logit: float, ev: Evidence, segment: Segment, discount: float, by_vocabulary: str | None
                      ) -> float:
    """A block's logit after the rules on what it names and how it reads: raised when it promotes spam
    ``by_vocabulary``; lowered by its reporting ``discount``; capped when it needs company; lowered when it
    promotes nothing."""
    if by_vocabulary:
        return max(logit, VOCABULARY_FLOOR)
    logit -= discount
    if _needs_company(ev, segment):
        return min(logit, ALONE_CEILING)
    return logit - UNPROMOTING_MARGIN if _promotes_nothing(ev) else logit


def _held_when_nothing_is_named(logits: list[float], evidence: list[Evidence], whole: bool) -> list[float]:
    """The block logits of a short text of several blocks (WHOLE_TEXT_BLOCKS at most: a search result's title and
    snippet, an issue's title and body) that names nothing of spam (:func:`_names_anything`), each held under the
    spam threshold (ALONE_CEILING): no block of it is spam on its own, and there is no spam in it to keep company
    with. The word models learned "login", "daftar" and "anda" from gambling comments, and the segment model read
    "Silakan login dengan NIM dan password Anda untuk mengakses sistem informasi akademik." 0.73. A text of one
    block (a comment) is judged by the page-text model, which catches comments naming a brand the vocabulary does
    not know ("main di mamajitu")."""
    return [min(z, ALONE_CEILING) for z in logits] if whole and _several_naming_nothing(evidence) else logits


def _held_in_a_report(logits: list[float], discounts: list[float], evidence: list[Evidence], whole: bool
                      ) -> list[float]:
    """The block logits of a short text of several blocks (``whole``: a search result, an issue's title and body)
    one of whose blocks reports on or studies gambling or other spam (:func:`_reports_on_spam`: "Guru BK Ajak Siswa
    Jauhi Judi Online"), each block that its reporting discount reached held under the spam threshold
    (ALONE_CEILING): the headline's report covers its lede, which names the offers it warns of or studies without a
    brand, a disguise or a link ("... situs slot gacor yang menjanjikan maxwin hanyalah jebakan"), and the word
    models, which learned Indonesian gambling words from comments, weigh such a sentence far above any discount
    ("Peserta diajak mengenali ciri situs judi: link alternatif, bonus new member 100% ..." 12.6). A line that
    names the police and no gambling reports on nothing ("Polisi tidak bisa blokir kami!"): the promotion below it
    stays spam. A long page is not held so: a spam line spliced into a news story on a crime is still spam."""
    if not (whole and len(evidence) > 1 and any(map(_reports_on_spam, evidence))):
        return logits
    return [min(z, ALONE_CEILING) if discount else z for z, discount in zip(logits, discounts)]


def _reports_on_spam(ev: Evidence) -> bool:
    """Whether a block reports on, warns of or studies gambling or other spam: a reporting or research word beside
    a term naming it."""
    tiers = ev.tiers
    return bool((tiers["counter"] or tiers[RESEARCH_TIER]) and (tiers["promo"] or tiers["topic"] or tiers["seo"]))


def _several_naming_nothing(evidence: list[Evidence]) -> bool:
    """Whether a short text's blocks are several and name nothing of spam (:func:`_names_anything`)."""
    return len(evidence) > 1 and not any(map(_names_anything, evidence))


def _promotes(ev: Evidence) -> bool:
    """Whether a text promotes gambling or other spam, or names a gambling brand."""
    return bool(ev.tiers["promo"] or ev.tiers["seo"] or ev.brands)


def _needs_company(ev: Evidence, segment: Segment) -> bool:
    """Blocks that are not spam on their own, only as part of a run of spam lines: a short block (up to eight
    words) with no gambling promotion, brand, numbered name or disguise in it ("Betting" in a sports site's
    menu, "Dual Slot: SD/SDHC/SDXC" in a camera's specifications, "Casino Hotel" in a title); a single odd word
    ("RTД", a logo mixing scripts); a hidden block that names and promotes nothing (closed menus and tabs are
    hidden too); a list of model numbers with no gambling word ("DX300+AMP14, Cayin N6ii"): a promotion
    names one brand; and a sentence that names nothing of spam at all (:func:`_names_anything`), whose only sign is
    the word models' weights, learned from Indonesian comments: a sanitary-ware maker's "TOTO menghadirkan kloset
    duduk ..." and a contest's "Panitia mengumumkan daftar pemenang ..." read as spam to them."""
    if _promotes(ev) or (_disguised(ev) and (ev.words >= 2 or ev.numbered)):
        return False
    if segment.hidden and not _names_terms(ev) and not ev.numbered:
        return True
    if not _names_terms(ev) and ev.words <= MODEL_NUMBER_LIST_WORDS and ev.dense[_DIGIT_WORDS] >= 0.5:
        return True
    return (ev.words <= 3 or (ev.words <= 8 and not ev.numbered)
            or (bool(ev.dense[_SENTENCE]) and not _names_anything(ev)))


def _settle_kinds(page: Page, evidence: list[Evidence], probs: list[float]) -> list[Kind]:
    kinds: list[Kind] = ["spam" if p >= SPAM_THRESHOLD else "content" for p in probs]
    if "spam" in kinds:  # most pages have none, and then no run to grow
        # One pass each way lets a run grow over several lines ("dapurtoto" x8 above "bo togel resmi").
        order = list(range(len(probs)))
        for indices, step in ((order, -1), (order[::-1], 1)):
            for i in indices:
                neighbour = i + step
                if (kinds[i] != "spam" and 0 <= neighbour < len(kinds) and kinds[neighbour] == "spam"
                        and probs[i] >= RUN_MEMBER_THRESHOLD and _joins_run(evidence[i])):
                    kinds[i] = "spam"
        for i in range(1, len(kinds) - 1):
            if kinds[i] != "spam" and kinds[i - 1] == kinds[i + 1] == "spam" and _inside_run(evidence[i], probs[i]):
                kinds[i] = "spam"
    threshold = _content_threshold(page)
    for i, (segment, ev) in enumerate(zip(page.segments, evidence)):
        if kinds[i] == "spam":
            continue
        if segment.hidden:
            kinds[i] = "boilerplate"
        elif segment.content_prior is not None:  # the layout model first: it leaves few blocks to match
            if segment.content_prior < threshold or is_template_line(segment.text):
                kinds[i] = "boilerplate"
        elif is_template_line(segment.text) or is_fragment(segment.text, ev.words):
            kinds[i] = "boilerplate"
    _drop_copies(page, kinds)
    return kinds


def _joins_run(ev: Evidence) -> bool:
    """Whether a somewhat suspicious block next to spam is part of the same injection: a short line (up to eight
    words: a keyword run's "dapurtoto"), or a line of any length that promotes something (a promotion, a brand, a
    numbered name or a disguise: not :func:`_promotes_nothing`). Injections come in runs, stuffed above or below the
    page's text, and a run holds lines the models alone read under the threshold: a landing page's banners and
    lobby lines ("Free spins every Friday at KINGDOM99 for all members ..."), which no comment the models learned
    from reads like.
    Gambling as a subject alone does not make a long line join: it is a report's own subject, and the vocabulary's
    topic words are everyday words too, so that a court's welcome line beside the run stuffed above it ("Selamat
    Datang di Situs Resmi Pengadilan Negeri Bandar Lampung Kelas IA": *resmi*, *bandar*) stays the page's. Measured
    with the held-out source's lines injected into genuine articles (``benchmarks/generalisation.py``): trained
    without the landing pages, the models found 0.758 of their lines naming gambling when only short lines joined a
    run, 0.836 with these, 0.854 with gambling's subjects too; no more of the articles' lines either way."""
    return ev.words <= 8 or not _promotes_nothing(ev)


def _inside_run(ev: Evidence, probability: float) -> bool:
    """Whether a block between two spam blocks is part of their injection: when it is no sentence and the models
    read it at RUN_INSIDE_THRESHOLD or more. A landing page's menus, login boxes and draw times, read by OCR with
    misread letters ("Username | Password | MASUK", "Senin s/d Minggu 13:30 WIB | Jumat 21:00 WIB"), name little
    or nothing the vocabulary knows, and the models, which learned spam from comments,
    read them far under the threshold; inside a run they are the injection's. An article's sentence between two
    spliced lines stays the article's, and so does its heading, which the models read lower still. Measured with
    the held-out source's lines injected into genuine articles (``benchmarks/generalisation.py``): trained without
    the landing pages, the models found 0.836 of their lines naming gambling and 0.112 of those naming nothing;
    with this, 0.865 and 0.223. Without the threshold, 0.875 and 0.372, but headings between two doorway lines
    spliced into articles were taken (``quality.py``: the articles' lines flagged 1 -> 6 of 27,640)."""
    return probability >= RUN_INSIDE_THRESHOLD and not ev.dense[_SENTENCE]


def _drop_copies(page: Page, kinds: list[Kind]) -> None:
    """An HTML content block that repeats an earlier one word for word is boilerplate: site builders put a copy
    of the page for each screen size in the markup (showing one by ``@media`` rules), and the clean text keeps
    the first. Plain text keeps its repeats (a song's chorus, a poem's refrain)."""
    seen: set[str] = set()
    for i, segment in enumerate(page.segments):
        if kinds[i] == "content" and segment.content_prior is not None:
            if segment.text in seen:
                kinds[i] = "boilerplate"
            seen.add(segment.text)


def _content_threshold(page: Page) -> float:
    """The layout probability from which a block of this page is content: see CONTENT_SHARE_OF_BEST."""
    priors = [s.content_prior for s in page.segments if s.content_prior is not None and not s.hidden]
    return CONTENT_SHARE_OF_BEST * max(priors, default=0.0)


def _page_label(evidence: list[Evidence], spam_indices: list[int], side: list[Evidence], blind: list[bool]) -> str:
    """What kind of spam a spam page is: other search spam when its spam and head name that more than gambling's
    promotions and brands, or when its spam blocks were read blind with nothing of gambling in them (a disguise
    alone, as in a porn seller's contact card written in rare characters, says spam but not which); gambling
    otherwise, as the word models learned it."""
    gambling = seo = 0
    for ev in [evidence[i] for i in spam_indices] + side:
        gambling += ev.tiers["promo"] + len(ev.brands)
        seo += ev.tiers["seo"]
    unnamed = bool(spam_indices) and not gambling and all(
        blind[i] and not (_gambling_names(evidence[i]) or evidence[i].numbered) for i in spam_indices)
    return "spam" if seo > gambling or unnamed else "gambling"


@dataclass(slots=True)
class Assessment:
    """Everything judged about a page before the page model speaks; training reads ``block_aggregates`` and
    ``features``."""

    evidence: list[Evidence]
    probs: list[float]
    kinds: list[Kind]
    side: list[tuple[str, str]]
    side_probs: list[float]
    side_evidence: list[Evidence]
    url_probs: list[float]
    url_evidence: list[Evidence]
    by_vocabulary: list[str | None]
    """How each block promotes spam by its vocabulary, or None (:func:`_promotes_by_vocabulary`)."""
    blind: list[bool]
    """Which blocks the blind segment model read (:func:`_block_logits`)."""
    block_aggregates: list[float]
    features: list[float]
    doorway: DoorwayEvidence
    """What the page's head and URL say of a keyword slot (:mod:`spamsift.core.doorway`)."""
    operator: FamilyEvidence
    """What the page's vocabulary as a whole says: an operator's or affiliate's page (:mod:`spamsift.core.operator`)."""
    links: FamilyEvidence
    """Where the page's links go: known gambling domains (:mod:`spamsift.core.links`)."""
    quoted: list[str | None]
    """How each block quotes spam the page reports, or None (:mod:`spamsift.core.reporting`)."""
    cloaking: CloakingEvidence
    """Code that treats search engines and their visitors apart (:mod:`spamsift.core.cloaking`)."""


def assess(page: Page, models: Models) -> Assessment:
    whole = _read_as_whole(page)
    evidence = collect_evidence(page.segments, one_message=whole)
    quotes = quotation(page.segments, evidence)
    quoted = quotes.blocks
    reporting_segments = _reporting_blocks(evidence, quoted, whole)
    introduces = ([not quote and following is not None for quote, following in zip(quoted, [*quoted[1:], None])]
                  if quotes.request is not None else [False] * len(quoted))
    software = software_term(evidence)
    message_on_code = whole and len(evidence) > 1 and software is not None
    discounts = [_reporting_discount(ev, segment.text, reporting_segments, lead_in, message_on_code)
                 for ev, segment, lead_in in zip(evidence, page.segments, introduces)]
    by_vocabulary = [None if discount or quote else _promotes_by_vocabulary(ev, segment)
                     for ev, segment, discount, quote in zip(evidence, page.segments, discounts, quoted)]
    read, blind = _block_logits(evidence, models, alone=whole)
    logits = [min(z, QUOTED_CEILING) if quote else _held_to_evidence(z, ev, segment, discount, named)
              for z, ev, segment, discount, named, quote
              in zip(read, evidence, page.segments, discounts, by_vocabulary, quoted)]
    logits = _held_when_nothing_is_named(logits, evidence, whole)
    logits = _held_in_a_report(logits, discounts, evidence, whole)
    probs = [sigmoid(z) for z in logits]
    kinds = _settle_kinds(page, evidence, probs)
    side = _side_texts(page)
    side_probs, side_evidence = _side_probs([text for _, text in side], models, reporting_segments)
    url_probs, url_evidence = _side_probs(_url_texts(page.url) if page.url else [], models, reporting_segments,
                                          address=True)
    spam_indices = [i for i, kind in enumerate(kinds) if kind == "spam"]
    quoting = any(quoted)  # most pages quote nothing: their segments and evidence are all their own
    own = [segment for segment, quote in zip(page.segments, quoted) if not quote] if quoting else page.segments
    own_evidence = [ev for ev, quote in zip(evidence, quoted) if not quote] if quoting else evidence
    # the page-text model knows no reporting: a short text is discounted as its most reporting sentence is
    text_logit = None
    if whole:
        firm = [read_blind or (_promotes(ev) and z >= FIRM_LOGIT) for read_blind, ev, z in zip(blind, evidence, logits)]
        text_logit = _whole_text_logit(own, own_evidence, logits, firm, max(discounts, default=0.0), models)
    aggregates = block_aggregates(page, evidence, logits, probs, spam_indices)
    doorway = page_doorway(page.title, page.meta, page.url, page.host or host_of(page.url or ""),
                           [segment.text for segment in page.segments], models.brand_name, software)
    return Assessment(evidence, probs, kinds, side, side_probs, side_evidence, url_probs, url_evidence, by_vocabulary,
                      blind, aggregates, page_features(aggregates, text_logit), doorway,
                      operator_evidence(own_evidence + side_evidence + url_evidence, one_message=whole),
                      links_evidence(own), quoted, cloaking_evidence(page.scripts, page.refresh, page.host))


_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
OFF_TOPIC_SHARE = 0.1
"""A spam block sharing less than this share of its words with the page's content is off-topic."""


def _note_off_topic(blocks: list[Block]) -> None:
    """Say so when a spam block's words hardly occur in the rest of the page: injected text seldom shares
    the topic of the page it was put into."""
    content = [b.text for b in blocks if b.kind == "content"]
    if len(content) < 3 or not any(b.kind == "spam" for b in blocks):
        return
    page_words = set(_TOPIC_WORD.findall(" ".join(content).lower()))
    for block in blocks:
        if block.kind != "spam":
            continue
        words = set(_TOPIC_WORD.findall(block.text.lower()))
        if len(words) >= 3:
            shared = len(words & page_words) / len(words)
            if shared < OFF_TOPIC_SHARE:
                block.reasons.append(f"topic unlike the rest of the page ({shared:.0%} of its words occur in it)")


def judge(page: Page, models: Models | None = None) -> Report:
    """The full verdict on a segmented page."""
    models = models or load_models()
    a = assess(page, models)
    body = sigmoid(models.page.logit(a.features))
    named = max((p for p, by_vocabulary in zip(a.probs, a.by_vocabulary) if by_vocabulary), default=0.0)
    families = {"doorway head": a.doorway, "gambling operator page": a.operator, "gambling links": a.links,
                "cloaking": a.cloaking}
    family_probs = {name: sigmoid(family.logit) for name, family in families.items()}
    score = combined_score(body, [max(a.side_probs, default=0.0), max(a.url_probs, default=0.0), named,
                                  *family_probs.values()])
    kinds = _follow_whole_text(page, a, body) if _read_as_whole(page) else a.kinds
    located = _located_by_families(page, a, kinds)
    if located:
        kinds = ["spam" if i in located else kind for i, kind in enumerate(kinds)]

    blocks = []
    for i, (segment, ev, prob, kind, block_kind, quote, by_vocabulary) in enumerate(
            zip(page.segments, a.evidence, a.probs, kinds, a.kinds, a.quoted, a.by_vocabulary)):
        reasons = _describe(ev, segment, models) if kind == "spam" or prob >= 0.2 else []
        if by_vocabulary and kind == "spam":
            reasons.insert(0, by_vocabulary)
        if quote:
            reasons.append(f"quotes the spam the page reports: {quote}")
        if i in located:
            reasons.insert(0, located[i])
        elif kind == "spam" and prob < SPAM_THRESHOLD:
            reasons.insert(0, "inside a run of spam lines" if block_kind == "spam" else "the whole text reads as spam")
        blocks.append(Block(segment.start, segment.end, kind, prob, reasons, segment.text,
                            segment.locator, bool(segment.hidden)))
    _note_off_topic(blocks)

    spam_indices = [i for i, kind in enumerate(kinds) if kind == "spam"]
    reasons = []
    if spam_indices:
        spam_chars = sum(len(page.segments[i].text) for i in spam_indices)
        reasons.append(f"{len(spam_indices)} spam blocks ({spam_chars} characters) of {len(page.segments)}")
        hidden = sum(1 for i in spam_indices if page.segments[i].hidden)
        if hidden:
            reasons.append(f"{hidden} spam blocks hidden from visitors")
    quoting = [quote for quote in a.quoted if quote]
    if quoting:
        reasons.append(f"reports spam: {len(quoting)} blocks quote it ({', '.join(sorted(set(quoting)))})")
    for (where, _), ev, prob in zip(a.side, a.side_evidence, a.side_probs):
        if prob >= SPAM_THRESHOLD:
            reasons.append(f"spam in {where}: {_side_reason(ev, models)}")
    for ev, prob in zip(a.url_evidence, a.url_probs):
        if prob >= SPAM_THRESHOLD:
            reasons.append(f"keyword in URL: {_side_reason(ev, models)}")

    for name, family in families.items():
        if family.fired:
            reasons.append(f"{name}: " + "; ".join(family.reasons()))
    reasons.extend(page.notes)
    label = "clean" if score < 0.5 else _page_label(a.evidence, spam_indices, a.side_evidence + a.url_evidence, a.blind)
    clean_text = "\n\n".join(b.text for b in blocks if b.kind == "content")
    terms = _spam_terms(a.evidence, spam_indices)
    campaign = {} if label == "clean" else campaign_traces(
        page, spam_indices, promoting=[i for i in spam_indices if _promotes(a.evidence[i])],
        brands=_spam_brands(a, spam_indices), doorway_keyword=a.doorway.keyword,
        doorway_title=a.doorway.title if a.doorway.fired else None, doorway_slot=a.doorway.slot,
        redirect_host=host_of(a.cloaking.target) if a.cloaking.target else None)
    return Report(label=label, score=score, blocks=blocks, clean_text=clean_text, reasons=reasons,
                  text=page.text, url=page.url, title=page.title, terms=terms, campaign=campaign)


def _located_by_families(page: Page, a: Assessment, kinds: list[Kind]) -> dict[int, str]:
    """The blocks, not spam yet, that a page-wide family which fired finds its evidence in, with the reason: on a
    gambling operator's page those naming its offers (:func:`operator_offer`: it names them a word or two per
    block, in menus, buttons and banners, so that no block is spam alone), and on a doorway those naming the
    keyword its head was built around (:func:`stamps_keyword`: "PTTOGE DAFTAR" under "PTTOGE ⚡ Universitas X").
    Otherwise the page would be spam with its spam left in its clean text. A block quoting spam the page reports
    is neither."""
    keyword = a.doorway.keyword if a.doorway.fired else None
    located: dict[int, str] = {}
    if not (a.operator.fired or keyword):  # most pages: no family fired
        return located
    for i, (ev, segment, kind, quote) in enumerate(zip(a.evidence, page.segments, kinds, a.quoted)):
        if kind == "spam" or quote:
            continue
        if a.operator.fired and (offer := operator_offer(ev, segment.text)):
            located[i] = f"an offer of a gambling operator's page: {offer}"
        elif keyword and stamps_keyword(segment.text, keyword):
            located[i] = f"names the keyword the doorway head was built around: {keyword}"
    return located


def _spam_brands(a: Assessment, spam_indices: list[int]) -> list[str]:
    """The brands a spam page promotes: named in its spam blocks, title, meta tags or URL, or filling its doorway's
    keyword slot."""
    brands = [brand for i in spam_indices for brand in a.evidence[i].brands]
    brands += [brand for ev in a.side_evidence + a.url_evidence for brand in ev.brands]
    if a.doorway.keyword and a.doorway.fired:
        brands.append(a.doorway.keyword)
    return brands


def _follow_whole_text(page: Page, a: Assessment, body: float) -> list[Kind]:
    """The kinds of a short page's blocks, made to follow the verdict on its whole text: when the text is spam
    and no block was, its likeliest block is; when the text is not, no block is. Otherwise a comment could be
    labelled gambling with nothing located in it, or clean with a spam line in it. A block promoting spam by its
    vocabulary stays spam: the page-text model knows Indonesian gambling only."""
    if body >= SPAM_THRESHOLD and a.kinds and "spam" not in a.kinds:
        likeliest = max(range(len(a.probs)), key=a.probs.__getitem__)
        return ["spam" if i == likeliest else kind for i, kind in enumerate(a.kinds)]
    if body < SPAM_THRESHOLD and "spam" in a.kinds:
        return _settle_kinds(page, a.evidence, [p if named else min(p, RUN_MEMBER_THRESHOLD / 2)
                                                for p, named in zip(a.probs, a.by_vocabulary)])
    return a.kinds


def _spam_terms(evidence: list[Evidence], spam_indices: list[int]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for i in spam_indices:
        counts.update(term.text for term in evidence[i].terms if term.tier in ("promo", "seo"))
        counts.update(evidence[i].brands)
    return dict(counts.most_common(20))


def combined_score(body: float, independent: list[float]) -> float:
    """Spam in the title, meta tags or URL is independent evidence, and so is a block promoting spam by its
    vocabulary, which the page model (learned on Indonesian gambling) cannot weigh, and what the page-wide evidence
    families find (a head built around a keyword slot, an operator's page); combine those that say spam with the
    body's (noisy-or)."""
    clean = 1.0 - body
    for side_prob in independent:
        if side_prob >= SPAM_THRESHOLD:
            clean *= 1.0 - side_prob
    return 1.0 - clean


WHOLE_TEXT_CHARS = 100_000
"""The page-text model reads a short page up to this many characters (comments and landing pages run to a few
thousand): the n-grams of a few lines of millions of characters took most of a gigabyte. Its blocks are all
judged, whatever their length."""


def page_grams(segments: list[Segment]) -> set[str]:
    """The character n-grams of a whole page, up to WHOLE_TEXT_CHARS, but for the words the word models do not read:
    what the page-text model reads."""
    text = " ".join(segment.text for segment in segments)[:WHOLE_TEXT_CHARS]
    return char_grams(unread_blanked(deleet(normalize(text))))


def block_aggregates(page: Page, evidence: list[Evidence], logits: list[float], probs: list[float],
                     spam_indices: list[int]) -> list[float]:
    """What a page's blocks say about it, in the order of :data:`LONG_PAGE_FEATURES`; ``probs`` are the
    ``logits`` as probabilities."""
    probs = sorted(probs, reverse=True)
    total_chars = sum(len(s.text) for s in page.segments) or 1
    words = sum(ev.words for ev in evidence) or 1
    promo = sum(ev.tiers["promo"] + len(ev.brands) for ev in evidence)
    return [
        _clip(max(logits, default=-12.0)),
        sum(probs[:3]) / 3,
        sum(len(page.segments[i].text) for i in spam_indices) / total_chars,
        math.log1p(len(spam_indices)),
        1.0 if any(page.segments[i].hidden for i in spam_indices) else 0.0,
        min(1.0, promo / words * 10),
        math.log1p(sum(evidence[i].tiers["promo"] + evidence[i].tiers["seo"] + len(evidence[i].brands)
                       for i in spam_indices)),
    ]


def page_features(aggregates: list[float], text_logit: float | None) -> list[float]:
    """The page model's inputs, in the order of :data:`PAGE_FEATURES`. A longer page is judged by its blocks'
    aggregates; a short page (one with a ``text_logit``) by its whole text and the share of it in spam blocks.
    Each kind's features are zero on the other, so the page model weighs the two kinds' evidence apart: one set
    of weights for both let the block model overrule the page-text model on noisy OCR text, which the
    page-text model reads better (chosen by cross-validation on the calibration split)."""
    if text_logit is None:
        return [*aggregates, 0.0, 0.0, 0.0]
    spam_share = aggregates[LONG_PAGE_FEATURES.index("spam_share")]
    return [0.0] * len(LONG_PAGE_FEATURES) + [1.0, _clip(text_logit), spam_share]
