"""Menu evidence: an operator's navigation, which lists the gambling products it sells side by side.

A betting site's menu reads "Slots | Live Casino | Poker | Sports | Fishing" in every language and campaign
("슬롯 카지노 스포츠 미니게임", "真人视讯 体育 彩票 电子游艺", OCR's "HOME SLOTS CASINO SPORTS ESPORT FISHING", its
dropdown carets read as letters: "SLOTSv TOGELY", :data:`spamsift.core.vocabulary.DROPDOWN_CARETS`),
and its game lobby lists providers the same way ("Pragmatic Play | PG Soft | Habanero | Microgaming"); no block
of it is spam on its own. Prose names the same products too, but in sentences: commas and the words between them
break a run ("a casino, a poker room, a sports bar and an arcade"). So a menu is a run of product names
(products.txt) with nothing but separators, or at most GAP_WORDS words (a provider or game the list does not know,
"New"), between each two; at least MENU_ITEMS distinct ones, of which at least GAMBLING_ITEMS only gambling sells
(sports and lottery are anyone's). A games catalogue lists Casino and Poker among its genres ("Action | Arcade |
Card Games | Casino | Poker | Puzzle"): a run naming a video game's genre (kind ``genre``) is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spamsift.core.vocabulary import Hit

MENU_ITEMS = 4
GAMBLING_ITEMS = 2
GAP_WORDS = 2
_WORD = re.compile(r"[^\W\d_]+")
SENTENCE_PUNCTUATION = re.compile(r"[,;.:、，。：；]")
"""What lists or ends a sentence: a menu's or a label's text has none of it."""


def _products(hits: list[Hit]) -> list[Hit]:
    """The product hits in reading order, each once: a product inside another ("casino" of "live casino") is one."""
    products: list[Hit] = []
    for hit in sorted((hit for hit in hits if hit.term.product), key=lambda hit: (hit.start, -hit.end)):
        if products and hit.end <= products[-1].end:
            continue
        products.append(hit)
    return products


def _adjacent(matched: str, before: Hit, after: Hit) -> bool:
    """Whether two product names follow each other as a menu's items do: at most GAP_WORDS words between them, and
    no punctuation that lists or ends a sentence."""
    gap = matched[before.end:after.start]
    return not SENTENCE_PUNCTUATION.search(gap) and len(_WORD.findall(gap)) <= GAP_WORDS


def product_menus(matched: str, hits: list[Hit]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Where each menu of gambling products ends in the matched view of a text, and the products it lists, from the
    vocabulary ``hits`` found in it."""
    run: list[Hit] = []
    for hit in [*_products(hits), None]:
        if hit is not None and (not run or _adjacent(matched, run[-1], hit)):
            run.append(hit)
            continue
        items = {product.term.text.lower() for product in run}
        gambling = {product.term.text.lower() for product in run if product.term.product == "gambling"}
        catalogue = any(product.term.product == "genre" for product in run)
        if len(items) >= MENU_ITEMS and len(gambling) >= GAMBLING_ITEMS and not catalogue:
            yield run[-1].end, tuple(sorted(items))
        run = [hit] if hit is not None else []
