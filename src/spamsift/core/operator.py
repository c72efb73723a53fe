"""Operator evidence: what a page's vocabulary says taken as a whole, for the pages of gambling operators and
affiliates.

Such a page names its offers in menus, buttons and banners, a word or two per block ("Live Casino", "Bonus
Deposit", "충전", "환전"), so that no block is spam on its own and the page model, which learned from injected
spam, sees a clean page. Across the page the words add up: two distinct promotions, or a cashier (words for paying
in and for taking out) beside two gambling terms or the player's bets in its labels (a bet slip's, a bet
history's tabs and columns), or those bets beside two gambling terms, in any language the vocabulary holds;
or its menu lists its gambling products side by side (:mod:`spamsift.core.menu`). A page that reports or warns
anywhere (a reporting word of the vocabulary's ``counter`` tier), or that studies (its ``research`` tier), is never
read this way: news on an operator, a regulator's notice, an addiction helpline and a thesis on casinos' marketing
name the same things. Nor are the terms of a text that speaks of software
(:func:`spamsift.core.features.speaks_of_code`) an operator's offers: a bug report on a sportsbook names "parlay"
and "sportsbook" too.
"""

from __future__ import annotations

from spamsift.core.features import Evidence, is_label, software_term, speaks_of_code
from spamsift.core.symbols import FamilyEvidence, Symbol
from spamsift.core.vocabulary import RESEARCH_TIER, WAGER_TIER, outermost

OPERATOR_BIAS = 4.5
"""Two promotions (6.5), or a cashier and two gambling terms (3.25 each), read as an operator's page with a logit
of 2.0 (probability 0.88); one promotion among three gambling terms (2.25 + 2.5) just passes; a cashier, a
promotion or gambling terms alone do not. Set by hand: among the 1,678 genuine pages and
the 326 genuine pages of ten languages of the shared data, none passes it."""
PROMOTIONS = 2
"""Distinct gambling promotion phrases from which a page promotes gambling."""
GAMBLING_TERMS = 2
"""Distinct gambling terms (promotion or topic) that make a cashier a betting site's. The player's bets as its
interface labels them do alone: a bank or a wallet shows deposits and withdrawals, never a bet history ("充值",
"取款" beside "投注记录")."""
MANY_GAMBLING_TERMS = 3
"""Distinct gambling terms (promotion or topic) that make one promotion an operator's."""
PRODUCT_MENU_WEIGHT = 5.5
"""A menu of gambling products reads as an operator's page by itself (logit 1.0, probability 0.73): none of the
1,678 genuine pages, the 326 genuine pages of ten languages and the genuine YouTube comments of the shared data has
one, one of the OCR texts of 4,100 ordinary sites does (a gambling review blog's header), and a quarter of the
gambling landing pages' OCR texts do (709 of 2,963)."""

BETS_PLACED_WEIGHT = 5.5
"""The player's bets as its interface labels them (a bet slip, the amount staked, the bets placed: wagers.tsv, read
in labels only, :func:`spamsift.core.features.is_label`) beside GAMBLING_TERMS gambling terms read as an operator's
page by themselves (logit 1.0, probability 0.73), as a cashier beside them does: only a site that takes bets shows
them so, and a bank or a wallet shows no bet history. None of the 1,678 genuine pages and the 326 genuine pages of ten
languages has one; of the 271 gambling pages of ten languages, 17 do, 15 of them beside two gambling terms (a
lottery's bet button beside its draw numbers, "确认投注" by "开奖号码" and "投注"; a VIP page's valid bets by its
bonus money)."""


def _inside(term: str, labels: list[str]) -> bool:
    """Whether ``term`` is a part of one of a block's bet labels: the "投注" of "投注记录" is the label, not a gambling
    term beside it."""
    return any(term != label and term in label for label in labels)


def _listed(terms: set[str]) -> str:
    return ", ".join(sorted(terms)[:5])


def operator_offer(ev: Evidence, text: str) -> str | None:
    """What of an operator's own a block (its evidence and ``text``) names, if it names any: a gambling promotion,
    the gambling products of its menu, the player's bets as its interface labels them, or gambling named in a label
    of its interface (a menu item, a button: "스포츠베팅", "Sportsbook"; :func:`spamsift.core.features.is_label`). On a
    page the family reads as an operator's these are its gambling blocks, located as spam though no block is spam
    alone; its cashier's words are anyone's, and a sentence naming gambling as a subject may be anyone's too."""
    if ev.menu:
        return "a menu of gambling products"
    if not ev.terms:  # most blocks name nothing
        return None
    offer = next((term.text for term in ev.terms if term.tier in ("promo", WAGER_TIER)), None)
    if offer is None and is_label(text):
        offer = next((term.text for term in ev.terms if term.tier == "topic"), None)
    return f"names {offer}" if offer else None


def operator_evidence(evidence: list[Evidence], one_message: bool = False) -> FamilyEvidence:
    """The operator symbols of a page, from the evidence of all its texts (blocks, title, meta tags, URL). In
    ``one_message`` (a short text read whole: an issue, a comment), a block that speaks of software speaks for the
    whole text, as an issue's title names the game its body debugs ("Free spins feature in slot demo is not
    resetting" above "... keeps the previous value from localStorage")."""
    if one_message:
        software = software_term(evidence)
        if software:
            return FamilyEvidence((Symbol("SOFTWARE", -10.0, f"the text speaks of software: {software}"),),
                                  OPERATOR_BIAS)
    found: dict[str, set[str]] = {"promo": set(), "topic": set(), "deposit": set(), "withdraw": set(),
                                  WAGER_TIER: set()}
    for ev in evidence:
        if ev.tiers["counter"] or ev.tiers[RESEARCH_TIER]:
            reporting = next(term.text for term in ev.terms if term.tier in ("counter", RESEARCH_TIER))
            return FamilyEvidence((Symbol("REPORTING", -10.0, f"the page reports, warns or studies: {reporting}"),),
                                  OPERATOR_BIAS)
        if speaks_of_code(ev):
            continue
        bet_labels = [term.text for term in ev.terms if term.tier == WAGER_TIER]
        for term in ev.terms:
            if term.tier in found and not _inside(term.text, bet_labels):
                found[term.tier].add(term.text)
    symbols = []
    menu = next((ev.menu for ev in evidence if ev.menu), None)
    if menu:
        symbols.append(Symbol("PRODUCT_MENU", PRODUCT_MENU_WEIGHT,
                              f"a menu of gambling products: {_listed(set(menu))}"))
    found["promo"] = outermost(found["promo"])
    if len(found["promo"]) >= PROMOTIONS:
        symbols.append(Symbol("PROMOTIONS", 6.5, f"{len(found['promo'])} gambling promotions across the page: "
                              f"{_listed(found['promo'])}"))
    elif found["promo"]:
        symbols.append(Symbol("PROMOTION", 2.25, f"a gambling promotion: {_listed(found['promo'])}"))
    gambling = outermost(found["promo"] | found["topic"])
    if len(gambling) >= MANY_GAMBLING_TERMS:
        symbols.append(Symbol("GAMBLING_TOPICS", 2.5, f"{len(gambling)} gambling terms: {_listed(gambling)}"))
    if found["deposit"] and found["withdraw"] and (len(gambling) >= GAMBLING_TERMS or found[WAGER_TIER]):
        symbols.append(Symbol("CASHIER", 3.25, "a cashier: " + _listed(found["deposit"] | found["withdraw"])))
        symbols.append(Symbol("CASHIER_BESIDE_GAMBLING", 3.25, "beside gambling terms or the player's bets: "
                              + _listed(gambling | found[WAGER_TIER])))
    if found[WAGER_TIER] and len(gambling) >= GAMBLING_TERMS:
        symbols.append(Symbol("BETS_PLACED", BETS_PLACED_WEIGHT, "the player's bets: " + _listed(found[WAGER_TIER])))
    return FamilyEvidence(tuple(symbols), OPERATOR_BIAS)
