"""Link evidence: where a page's links go. A link to a known gambling domain is evidence in any language and
whatever its anchor text says; hacked pages carry them in hidden blocks and footers.

The domains are ``data/gambling-domains.txt.gz``, derived by ``scripts/build_domains.py`` from four permissively
licensed lists (notices in ``data/gambling-domains.NOTICE.md``), compared by registered domain (the domain under its
public suffix: the list is built with the one bundled with tldextract, no network).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

import tldextract

from spamsift.core._chars import LeetHint
from spamsift.core.normalize import hinted_lines
from spamsift.core.page import Segment
from spamsift.core.symbols import FamilyEvidence, Symbol

LINKS_BIAS = 4.5
"""Links to two known gambling domains (2.5 each), or one from a hidden block (2.5 + 2.5), read as spam; a single
visible link (a sports page's bookmaker advertisement, a news story linking the operator it reports on) does not."""
PER_DOMAIN = 2.5
MAX_DOMAINS = 3
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@lru_cache(maxsize=65_536)
def registered_domain(host: str) -> str | None:
    """``host``'s domain under its public suffix (``slot.example.co.id`` -> ``example.co.id``; a platform's site
    such as ``x.github.io`` stays whole), or None for a bare suffix or an address."""
    parts = _EXTRACT(host)
    return f"{parts.domain}.{parts.suffix}" if parts.domain and parts.suffix else None


@cache
def gambling_domains() -> frozenset[str]:
    raw = (resources.files("spamsift.data") / "gambling-domains.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode().split())


MIRRORS = 3
"""Listed domains from which a name of letters and digits is a gambling brand wherever it is written (see
:func:`mirrored_names`)."""
_LETTERS_AND_DIGITS = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z]\d*[a-z])[a-z\d]+")
_MIXED_WORD = re.compile(r"\b[a-z\d]*(?:[a-z]\d|\d[a-z])[a-z\d]*\b")
"""A word of letters and digits with a letter beside a digit. Not the leetspeak words that
:func:`spamsift.core.normalize.deleet` reads, which take "@" and "$" as letters: the brand of an e-mail address
("cs@fun88.com") is written there too."""
_LETTER_BESIDE_DIGIT = LeetHint()


@cache
def mirrored_names() -> frozenset[str]:
    """The names the lists hold under MIRRORS domains or more (``hi88.com``, ``hi88.net``, ``hi88.vip``...) that mix
    letters and digits, two letters at least: a betting brand keeps mirrors under many domains for when one is
    blocked, and a name such as "hi88" or "789club" is nothing else. Names of words alone ("stake", "vulkan", "man")
    and of one letter ("x500", a slot's multiplier) are ordinary text too. Of the shared data's genuine texts (both
    comment sets, the ordinary sites' OCR text, the extraction benchmarks' main content, the Telegram chats) none
    names one."""
    counts = Counter(domain.split(".", 1)[0] for domain in gambling_domains())
    return frozenset(name for name, count in counts.items()
                     if count >= MIRRORS and _LETTERS_AND_DIGITS.fullmatch(name))


def find_mirrored_names(normalized: str) -> Iterator[re.Match[str]]:
    """The :func:`mirrored_names` written in a normalized text as words, read only on its lines with a letter
    beside a digit."""
    names = mirrored_names()
    for line_start, line_end in hinted_lines(normalized, _LETTER_BESIDE_DIGIT):
        for match in _MIXED_WORD.finditer(normalized, line_start, line_end):
            if match.group() in names:
                yield match


def load_domains() -> None:
    """Read the gambling domains, the names they mirror and the public suffixes now rather than on the first page."""
    gambling_domains()
    mirrored_names()
    registered_domain("example.com")


def gambling_domain_of(host: str) -> str | None:
    """The known gambling domain ``host`` belongs to, if any: the host itself or a parent of it is on the list,
    which holds registered domains only (never a bare public suffix), so that no public-suffix lookup is needed."""
    known = gambling_domains()
    host = host.lower().rstrip(".")
    while "." in host:
        if host in known:
            return host
        host = host.split(".", 1)[1]
    return None


def links_evidence(segments: list[Segment]) -> FamilyEvidence:
    """The link symbols of a page's blocks."""
    linked: dict[str, bool] = {}
    for segment in segments:
        for host in segment.link_hosts:
            if domain := gambling_domain_of(host):
                linked[domain] = linked.get(domain, False) or bool(segment.hidden)
    if not linked:
        return FamilyEvidence((), LINKS_BIAS)
    domains = sorted(linked)
    symbols = [Symbol("GAMBLING_DOMAINS", PER_DOMAIN * min(len(domains), MAX_DOMAINS),
                      f"links to {len(domains)} known gambling domains: {', '.join(domains[:5])}")]
    hidden = [domain for domain in domains if linked[domain]]
    if hidden:
        symbols.append(Symbol("HIDDEN_GAMBLING_LINK", PER_DOMAIN, f"hidden links to: {', '.join(hidden[:5])}"))
    return FamilyEvidence(tuple(symbols), LINKS_BIAS)
