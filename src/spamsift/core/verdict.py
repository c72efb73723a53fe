"""From segments to a verdict: score every block, settle its kind, then judge the page.

Blocks are judged first, each by the learned model over its own evidence, then in context (a
short line inside a run of spam lines is part of the run). The page is judged from its blocks
and from what it says about itself outside the body: title, meta tags and URL.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from spamsift.core.boilerplate import is_fragment, is_template_line
from spamsift.core.features import DENSE_FEATURES, Evidence, collect_evidence
from spamsift.core.model import Models, load_models, sigmoid
from spamsift.core.page import Page, Segment
from spamsift.core.report import Block, Kind, Report

SPAM_THRESHOLD = 0.5
"""A block is spam when the model gives it at least this probability."""
DISGUISE_SHARE = 0.05
"""From this share of odd characters on, a block counts as written in disguise."""
RUN_MEMBER_THRESHOLD = 0.1
"""A short line next to a spam line joins its run from this probability on."""
CONTENT_PRIOR_THRESHOLD = 0.5
BEST_BLOCK_SHARE = 0.8
"""On a page with no block above the content threshold, blocks rated at least this share of the best one
are kept."""
PAGE_FEATURES = ("max_logit", "top3_prob", "spam_share", "spam_blocks", "hidden_spam", "promo_density",
                 "spam_block_terms")
REPORTING_DISCOUNT = 3.0
"""Logit taken off a sentence that reads as reporting on gambling, per reporting word in it (at most two) and
per segment of the page with reporting words (at most three)."""
_SENTENCE, _DOMAIN_TEXT, _LINK_DENSITY = (DENSE_FEATURES.index(name) for name in ("sentence", "domain_text",
                                                                                 "link_density"))
_URL_SEPARATORS = re.compile(r"[/?&=+_\-.%#]+")


def _clip(z: float) -> float:
    return max(-12.0, min(12.0, z))


def _describe(ev: Evidence, segment: Segment, models: Models) -> list[str]:
    reasons: list[str] = []
    for tier, title in (("promo", "gambling terms"), ("seo", "spam terms"), ("topic", "gambling topic words"),
                        ("counter", "reporting/anti-gambling words")):
        counts = Counter(term.text for term in ev.terms if term.tier == tier)
        if counts:
            listed = ", ".join(t if n == 1 else f"{t}×{n}" for t, n in counts.most_common(5))
            reasons.append(f"{title}: {listed}")
    if ev.brands:
        reasons.append("brand names: " + ", ".join(sorted(set(ev.brands))[:5]))
    if ev.numbered:
        reasons.append("numbered names: " + ", ".join(sorted(set(ev.numbered))[:5]))
    if ev.obfuscation >= DISGUISE_SHARE:
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


def _url_text(url: str) -> str:
    parts = urlsplit(url)
    return _URL_SEPARATORS.sub(" ", unquote(f"{parts.path} {parts.query}")).strip()


def _side_texts(page: Page) -> list[tuple[str, str]]:
    """What the page says about itself outside its body, as (where, text) pairs."""
    texts = []
    if page.title:
        texts.append(("title", page.title))
    texts.extend((f"meta {name}", value) for name, value in page.meta.items() if value)
    return texts


def _side_probs(texts: list[str], models: Models) -> tuple[list[float], list[Evidence]]:
    """Spam probability and evidence of texts outside the body (title, meta tags, URL), each on its own."""
    evidence = collect_evidence([Segment(0, 0, text) for text in texts])
    return [sigmoid(models.segment.logit(ev.dense, ev.tokens)) for ev in evidence], evidence


def _side_reason(ev: Evidence, models: Models) -> str:
    return "; ".join(_describe(ev, Segment(0, 0, ""), models)[:2])


def judge_url(url: str, models: Models | None = None) -> tuple[float, str | None]:
    """Spam probability of a URL by its path and query alone (``/?id=SLOT-GACOR-4D``), and the evidence when it
    is spam: for URLs found in sitemaps and links, before or without fetching them."""
    models = models or load_models()
    probs, evidence = _side_probs([_url_text(url)], models)
    return probs[0], _side_reason(evidence[0], models) if probs[0] >= SPAM_THRESHOLD else None


def _reporting_discount(ev: Evidence, reporting_segments: int) -> float:
    """News, sermons and court reports use gambling words in full sentences, beside words like "police",
    "arrested" or "haram" in the same sentence or elsewhere on the page, and without brand names,
    disguises or links. Such a sentence is discounted; a promotion seldom reads like that."""
    counter = ev.tiers["counter"]
    if not (counter or reporting_segments >= 2) or ev.brands or ev.obfuscation or ev.words < 10:
        return 0.0
    dense = ev.dense
    if not dense[_SENTENCE] or dense[_DOMAIN_TEXT] or dense[_LINK_DENSITY] > 0.3:
        return 0.0
    return REPORTING_DISCOUNT * (min(counter, 2) + min(reporting_segments, 3))


ALONE_CEILING = -0.05
"""The highest logit a block that needs company may have on its own: just under the spam threshold."""


def _needs_company(ev: Evidence, segment: Segment) -> bool:
    """Blocks that are not spam on their own, only as part of a run of spam lines: a short block with no
    gambling promotion, brand or disguise in it ("Betting" in a sports site's menu, "LOGIN", "Casino Hotel"
    in a title), and a hidden block that names and promotes nothing (closed menus and tabs are hidden too:
    "Dual Slot: SD/SDHC" in a product page's spec tab)."""
    if ev.tiers["promo"] or ev.tiers["seo"] or ev.brands or ev.obfuscation >= DISGUISE_SHARE:
        return False
    if segment.hidden and not ev.terms and not ev.numbered:
        return True
    return ev.words <= 3 or (ev.words <= 8 and ev.tiers["topic"] > 0)


def _settle_kinds(page: Page, evidence: list[Evidence], probs: list[float]) -> list[Kind]:
    kinds: list[Kind] = ["spam" if p >= SPAM_THRESHOLD else "content" for p in probs]
    # A short, somewhat suspicious line next to spam is part of the same keyword run. One pass each way
    # lets a run grow over several such lines ("dapurtoto" x8 above "bo togel resmi").
    order = list(range(len(probs)))
    for indices, step in ((order, -1), (order[::-1], 1)):
        for i in indices:
            neighbour = i + step
            if (kinds[i] != "spam" and 0 <= neighbour < len(kinds) and kinds[neighbour] == "spam"
                    and probs[i] >= RUN_MEMBER_THRESHOLD and evidence[i].words <= 8):
                kinds[i] = "spam"
    for i, (segment, ev) in enumerate(zip(page.segments, evidence)):
        if kinds[i] == "spam":
            continue
        if segment.hidden or is_template_line(segment.text):
            kinds[i] = "boilerplate"
        elif segment.content_prior is not None:
            if segment.content_prior < CONTENT_PRIOR_THRESHOLD:
                kinds[i] = "boilerplate"
        elif is_fragment(segment.text, ev.words):
            kinds[i] = "boilerplate"
    if "content" not in kinds:
        _keep_best_layout_blocks(page, kinds)
    return kinds


def _keep_best_layout_blocks(page: Page, kinds: list[Kind]) -> None:
    """A page too small for the layout model to find its content (one paragraph, a bare snippet) keeps the
    blocks it rates highest, rather than losing all its text."""
    candidates = [i for i, (segment, kind) in enumerate(zip(page.segments, kinds))
                  if kind == "boilerplate" and segment.content_prior is not None and not segment.hidden
                  and not is_template_line(segment.text)]
    if not candidates:
        return
    priors = {i: page.segments[i].content_prior or 0.0 for i in candidates}
    best = max(priors.values())
    for i, prior in priors.items():
        if prior >= BEST_BLOCK_SHARE * best:
            kinds[i] = "content"


def _page_label(evidence: list[Evidence], spam_indices: list[int], side: list[Evidence]) -> str:
    gambling = seo = 0
    for ev in [evidence[i] for i in spam_indices] + side:
        gambling += ev.tiers["promo"] + len(ev.brands)
        seo += ev.tiers["seo"]
    return "spam" if seo > gambling else "gambling"


@dataclass(slots=True)
class Assessment:
    """Everything judged about a page before the page model speaks; training reads ``features``."""

    evidence: list[Evidence]
    probs: list[float]
    kinds: list[Kind]
    side: list[tuple[str, str]]
    side_probs: list[float]
    side_evidence: list[Evidence]
    url_evidence: list[Evidence]
    head_prob: float
    url_prob: float
    features: list[float]


def assess(page: Page, models: Models) -> Assessment:
    evidence = collect_evidence(page.segments)
    reporting_segments = sum(1 for ev in evidence if ev.tiers["counter"])
    logits = [models.segment.logit(ev.dense, ev.tokens) - _reporting_discount(ev, reporting_segments)
              for ev in evidence]
    logits = [min(z, ALONE_CEILING) if _needs_company(ev, segment) else z
              for z, ev, segment in zip(logits, evidence, page.segments)]
    probs = [sigmoid(z) for z in logits]
    kinds = _settle_kinds(page, evidence, probs)
    side = _side_texts(page)
    side_probs, side_evidence = _side_probs([text for _, text in side], models)
    url_probs, url_evidence = _side_probs([_url_text(page.url)] if page.url else [], models)
    head_prob, url_prob = max(side_probs, default=0.0), max(url_probs, default=0.0)
    spam_indices = [i for i, kind in enumerate(kinds) if kind == "spam"]
    features = page_features(page, evidence, logits, spam_indices)
    return Assessment(evidence, probs, kinds, side, side_probs, side_evidence, url_evidence, head_prob, url_prob,
                      features)


_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
OFF_TOPIC_SHARE = 0.1
"""A spam block sharing less than this share of its words with the page's content is off-topic."""


def _note_off_topic(blocks: list[Block]) -> None:
    """Say so when a spam block's words hardly occur in the rest of the page: injected text seldom shares
    the topic of the page it was put into."""
    content = [b.text for b in blocks if b.kind == "content"]
    if len(content) < 3:
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
    score = combined_score(sigmoid(models.page.logit(a.features)), a.head_prob, a.url_prob)

    blocks = []
    for segment, ev, prob, kind in zip(page.segments, a.evidence, a.probs, a.kinds):
        reasons = _describe(ev, segment, models) if kind == "spam" or prob >= 0.2 else []
        if kind == "spam" and prob < SPAM_THRESHOLD:
            reasons.insert(0, "inside a run of spam lines")
        blocks.append(Block(segment.start, segment.end, kind, prob, reasons, segment.text,
                            segment.locator, bool(segment.hidden)))
    _note_off_topic(blocks)

    spam_indices = [i for i, kind in enumerate(a.kinds) if kind == "spam"]
    reasons = []
    if spam_indices:
        spam_chars = sum(len(page.segments[i].text) for i in spam_indices)
        reasons.append(f"{len(spam_indices)} spam blocks ({spam_chars} characters) of {len(page.segments)}")
        hidden = sum(1 for i in spam_indices if page.segments[i].hidden)
        if hidden:
            reasons.append(f"{hidden} spam blocks hidden from visitors")
    for (where, _), ev, prob in zip(a.side, a.side_evidence, a.side_probs):
        if prob >= SPAM_THRESHOLD:
            reasons.append(f"spam in {where}: {_side_reason(ev, models)}")
    if a.url_prob >= SPAM_THRESHOLD:
        reasons.append(f"keyword in URL: {_side_reason(a.url_evidence[0], models)}")

    label = "clean" if score < 0.5 else _page_label(a.evidence, spam_indices, a.side_evidence + a.url_evidence)
    clean_text = "\n\n".join(b.text for b in blocks if b.kind == "content")
    return Report(label=label, score=score, blocks=blocks, clean_text=clean_text, reasons=reasons,
                  text=page.text, url=page.url, title=page.title, terms=_spam_terms(a.evidence, spam_indices))


def _spam_terms(evidence: list[Evidence], spam_indices: list[int]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for i in spam_indices:
        counts.update(term.text for term in evidence[i].terms if term.tier in ("promo", "seo"))
        counts.update(evidence[i].brands)
    return dict(counts.most_common(20))


def combined_score(body: float, head_prob: float, url_prob: float) -> float:
    """Spam in the title, meta tags or URL is independent evidence; combine it with the body's (noisy-or)."""
    clean = 1.0 - body
    for side_prob in (head_prob, url_prob):
        if side_prob >= SPAM_THRESHOLD:
            clean *= 1.0 - side_prob
    return 1.0 - clean


def page_features(page: Page, evidence: list[Evidence], logits: list[float], spam_indices: list[int]) -> list[float]:
    """The page model's inputs, in the order of :data:`PAGE_FEATURES`."""
    probs = sorted((sigmoid(z) for z in logits), reverse=True)
    total_chars = sum(len(s.text) for s in page.segments) or 1
    spam_chars = sum(len(page.segments[i].text) for i in spam_indices)
    words = sum(ev.words for ev in evidence) or 1
    promo = sum(ev.tiers["promo"] + len(ev.brands) for ev in evidence)
    return [
        _clip(max(logits, default=-12.0)),
        sum(probs[:3]) / 3,
        spam_chars / total_chars,
        math.log1p(len(spam_indices)),
        1.0 if any(page.segments[i].hidden for i in spam_indices) else 0.0,
        min(1.0, promo / words * 10),
        math.log1p(sum(evidence[i].tiers["promo"] + evidence[i].tiers["seo"] + len(evidence[i].brands)
                       for i in spam_indices)),
    ]
