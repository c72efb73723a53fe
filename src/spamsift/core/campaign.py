"""What an operation leaves behind on a spam page, for grouping infections into campaigns
(``spamsift report``): the brands it promotes, the domains it links or redirects to, its doorway template (the
title with the keyword slot taken out), near-duplicate spam blocks (MinHash bands) and where its URLs carry the
keyword. The grouping itself reads these traces over many pages (:mod:`spamsift.batch.campaigns`)."""

from __future__ import annotations

import hashlib
import re

from spamsift.core._minhash import min_hashes
from spamsift.core.links import gambling_domain_of, registered_domain
from spamsift.core.normalize import words
from spamsift.core.page import Page
from spamsift.core.vocabulary import address_names_gambling, vocabulary_words

MINHASH_BANDS, MINHASH_ROWS = 8, 4
"""A page's spam text is summed up by a MinHash of 32 values over its words and word pairs, cut into 8 bands of 4:
two texts share a band key with probability 1 - (1 - J^4)^8 for a Jaccard similarity J of their word sets: 0.98
at J = 0.8 (a kit's block with the brand swapped), 0.06 at J = 0.3. (A 64-bit SimHash was tried first: one word
dropped from a 40-word block flipped 4 to 15 of its bits, too many for its bands to meet.) Written here rather than
taken from datasketch, which would make numpy and scipy dependencies of the core for twenty lines."""
_PERMUTATIONS = [(int.from_bytes(hashlib.blake2b(bytes([i, 1]), digest_size=7).digest(), "big") | 1,
                  int.from_bytes(hashlib.blake2b(bytes([i, 2]), digest_size=7).digest(), "big"))
                 for i in range(MINHASH_BANDS * MINHASH_ROWS)]
"""Fixed (a, b) of the hash functions a*x + b mod 2^61 - 1: the same keys in every process and every run."""
MIN_TEMPLATE_WORDS = 2
"""A template needs words of its own beside the keyword slot: a bare "{}" is every doorway's."""
MIN_BLOCK_WORDS = 6
"""Spam text of fewer words than this, once the words of the vocabulary are left out (every operation writes "slot
gacor" and "link alternatif"), is no fingerprint of an operation."""
_DIGITS = re.compile(r"\d+")


def minhash(tokens: list[str]) -> list[int]:
    """The MinHash of a text's words and word pairs: for each hash function a*x + b mod 2^61 - 1, its least value
    over the shingles' 64-bit hashes (taken in compiled code, ``_minhash.pyx``)."""
    shingles = set(tokens) | {f"{a} {b}" for a, b in zip(tokens, tokens[1:])}
    hashes = [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles]
    return min_hashes(hashes, _PERMUTATIONS)


def minhash_bands(signature: list[int]) -> list[str]:
    """The LSH keys of a MinHash: one per band (see MINHASH_BANDS)."""
    keys = []
    for band in range(MINHASH_BANDS):
        rows = signature[band * MINHASH_ROWS:(band + 1) * MINHASH_ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=6).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


def template_of(title: str, keyword: str) -> str:
    """A doorway title with its keyword slot taken out and numbers masked: what every page of the template shares."""
    skeleton = re.sub(re.escape(keyword), "{}", title, flags=re.IGNORECASE)
    return " ".join(_DIGITS.sub("#", skeleton.casefold()).split())


def _gambling_named(host: str) -> str | None:
    """The registered domain of a host whose name reads as gambling (``zonaslot88.asia``): a promoting block's
    links to other sites (a theme's social links, a parse that folded the page's menu into it) are no trace."""
    domain = registered_domain(host) or host  # a host under no known public suffix stands for itself
    return domain if address_names_gambling(domain) else None


def campaign_traces(page: Page, spam_indices: list[int], promoting: list[int], brands: list[str],
                    doorway_keyword: str | None, doorway_title: str | None, doorway_slot: str | None,
                    redirect_host: str | None) -> dict[str, list[str]]:
    """The traces of a spam page: ``brands``, ``targets`` (known gambling domains linked from any block, domains
    whose names read as gambling linked from its ``promoting`` blocks, the spam blocks that name a brand or a
    promotion, and where its cloaking redirects), ``template``, ``blocks`` (MinHash bands of its spam text) and
    ``slot``."""
    traces: dict[str, list[str]] = {}
    if brands:
        traces["brands"] = sorted({brand.casefold() for brand in brands})
    promoted = set(promoting)
    targets = set()
    for i, segment in enumerate(page.segments):
        for host in segment.link_hosts:
            domain = gambling_domain_of(host) or (_gambling_named(host) if i in promoted else None)
            if domain:
                targets.add(domain)
    if redirect_host and (domain := registered_domain(redirect_host)):
        targets.add(domain)
    if targets:
        traces["targets"] = sorted(targets)
    if doorway_keyword and doorway_title:
        template = template_of(doorway_title, doorway_keyword)
        if len(words(template)) >= MIN_TEMPLATE_WORDS:
            traces["template"] = [template]
    if doorway_slot:
        traces["slot"] = [doorway_slot]
    generic = vocabulary_words()
    spam_words = [word for i in spam_indices for word in words(page.segments[i].text) if word not in generic]
    if len(spam_words) >= MIN_BLOCK_WORDS:
        traces["blocks"] = minhash_bands(minhash(spam_words))
    return traces
