"""Whether a name reads like a gambling brand's, learned from the names the gambling domain lists hold.

A doorway's keyword slot holds a brand ("ROYALTOT", "KING77", "MPO88ASIA") that no vocabulary lists: campaigns mint
new ones every week. The vocabulary reads a brand by its ending (``toto``, ``slot``, ``4d``) or its number; the
brand name model reads the rest of the trade's naming habits (``mpo``, ``qq``, ``raja``, ``dewa``, ``king`` before a
number) as the character n-grams of the name, learned from the 82,000 names under which the gambling domain lists
register sites, against the names genuine pages link to and the words of genuine text (``scripts/train.py``). It is
read only where a name stands for itself, a doorway's keyword slot: in running text a name beside others is a
user's, a product's or a place's.
"""

from __future__ import annotations

import re

from spamsift.core._tokens import sigmoid
from spamsift.core.features import char_grams
from spamsift.core.links import registered_domain
from spamsift.core.model import LinearModel
from spamsift.core.normalize import normalize

BRAND_NAME_PROBABILITY = 0.9
"""From this probability a name reads as a gambling brand's. At it, of the campaigns' keywords of letters alone that
neither the domain lists hold nor the vocabulary names, 349 of 1,531 do; of the names of letters alone of the sites
genuine test pages link to, 18 of 1,915 (three of them casinos': ``ahlancasino``), and of the ordinary words of
genuine test text, 89 of 10,420 (``benchmarks/quality.py``)."""

MAX_NAME_CHARACTERS = 63
"""The longest name a domain can be registered under (a DNS label): a longer word is no brand's name, and a hostile
head's thousand-letter word is not cut into n-grams."""

_NOT_NAME = re.compile(r"[\W_]+")


def name_form(name: str) -> str:
    """A name as a domain name writes it: normalized (:func:`spamsift.core.normalize.normalize`), letters and digits
    only ("MPO88 Asia" -> ``mpo88asia``)."""
    return _NOT_NAME.sub("", normalize(name.casefold()))


def registered_name(host: str) -> str | None:
    """The name ``host`` is registered under, in :func:`name_form` (``kampus.ui.ac.id`` -> ``ui``,
    ``mpo-88.asia`` -> ``mpo88``); None for an address, a bare suffix or an internationalised name."""
    domain = registered_domain(host.lower())
    name = name_form(domain.split(".")[0]) if domain and not domain.startswith("xn--") else ""
    return name or None


def name_grams(name: str) -> set[str]:
    """The character n-grams the brand name model reads of a name (:func:`name_form`)."""
    form = name_form(name)
    return char_grams(form) if form else set()


def brand_name_probability(model: LinearModel, name: str) -> float:
    """The brand name model's probability that ``name`` is a gambling brand's."""
    grams = name_grams(name) if len(name) <= MAX_NAME_CHARACTERS else set()
    return sigmoid(model.logit([], grams)) if grams else 0.0
