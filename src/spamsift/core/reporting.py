"""Reporting evidence: the spam a page quotes, when it reports that spam rather than carries it.

A request to a blocklist, an abuse report and a webmaster's question about a hacked site all name the spam they are
about, as densely as the spam itself: a list of bare domain names (``slot88.com``, one an item), lines in a
blocklist's own syntax (``||slot88.com^``, ``0.0.0.0 slot88.com``), or the spam's words inside quotes and code
(``the title says "Slot Gacor Hari Ini"``, ``Labels: `slot`, `togel` ``). What sets such a page apart is its form,
in any language: the names stand as data, and the page asks for them to be blocked or says the site was hacked.

So a visible block that names something is *quoted* when

- every line of it is a blocklist rule: the syntax says what it is, wherever it stands; or
- the page asks to block spam, reports a hack or is about a tool that blocks spam (a term of
  ``vocabulary/reporting.tsv``, in a block that quotes nothing or outside the quotes of one that does: *blocklist*,
  *hacked*, *spam*, *filter*), and the block is a list of bare domain names or addresses, or code, or all its
  gambling names lie inside quotes, code spans or addresses.

A hidden block and a block of links are never quoted: hiding and linking are an injection's, not a report's (an
issue tracker links addresses, not bare domain names, and a report of a hack does not send its readers on).

An injection in a hacked page has neither form: its lines link or promote, and it does not ask anyone to block it.
A news page that only mentions the police is no request, so bare domains injected into it stay spam.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spamsift.core.features import Evidence
from spamsift.core.page import Segment
from spamsift.core.vocabulary import address_names_gambling, names_gambling, names_something

_HOST = r"(?:https?://)?(?:[\w-]+\.)+[^\W\d_]{2,}\.?(?::\d+)?(?:/\S*)?"
_BLOCKLIST_RULE = re.compile(
    rf"(?:@@)?\|\|[\w.*-]+\^\S*"                                # adblock: ||slot88.com^
    rf"|(?:0\.0\.0\.0|127\.0\.0\.1|::1?)\s+{_HOST}(?:\s+{_HOST})*"  # hosts file: 0.0.0.0 slot88.com
    rf"|(?:address|server|local)=/[\w.-]+/\S*"                  # dnsmasq: address=/slot88.com/
    rf"|[\w.-]+\.\w+##\S.*",                                     # cosmetic filter: slot88.com##.banner
    re.IGNORECASE)
_LISTED_HOSTS = re.compile(rf"(?:[-*+•·]|\d{{1,3}}[.)])?\s*`?{_HOST}`?(?:\s*[,;|]?\s*`?{_HOST}`?)*[,;.]?",
                           re.IGNORECASE)
"""A list item that is nothing but domain names or addresses: bare, bulleted, numbered or in code."""
_QUOTED_SPANS = re.compile(rf'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|«[^»\n]*»|「[^」\n]*」|`[^`\n]+`'
                           rf"|(?<!\w)'[^'\n]+'(?!\w)|\b{_HOST}|(?<![\w/])/[\w%.-]+(?:/[\w%.-]*)*", re.IGNORECASE)
"""Quotes, code spans and addresses (URLs, domain names and paths): where a report puts the names it reports. A
single quote opens only where no letter stands before it and closes only where none follows: an apostrophe
("don't", "site's") is neither."""
_WRITTEN_HOST = re.compile(rf"\b{_HOST}", re.IGNORECASE)
REPORTING_VOCABULARY = "reporting.tsv"
"""The term list whose words make a page a report: a request to block, a report of a hack, a spam filter."""
_CODE_FENCES = ("```", "~~~")
CODE_TAGS = frozenset({"pre", "code", "kbd", "samp"})


def sends_to_gambling(text: str) -> bool:
    """Whether an address a text writes (a URL or a domain name) names gambling, by a term, a brand or a numbered
    name ("slot88-resmi.com", "https://link-gacor.example"): a sentence that sends its readers to such an address
    promotes it, whatever it reports, and one that sends them to where gambling is reported ("laporkan melalui
    aduankonten.id") does not."""
    return any(address_names_gambling(match.group()) for match in _WRITTEN_HOST.finditer(text))


def _is_blocklist(text: str) -> bool:
    return all(_BLOCKLIST_RULE.fullmatch(line.strip()) for line in text.splitlines() if line.strip())


def _lists_hosts(text: str) -> bool:
    return all(_LISTED_HOSTS.fullmatch(line.strip()) for line in text.splitlines() if line.strip())


def _names_only_in_quotes(text: str) -> bool:
    """Whether a block quotes the gambling names it holds: every promotion, brand and numbered name of it stands in
    quotes, code or addresses. It may name gambling as a subject in its own words, and the kinds of site it reports
    by their products ("these slot and togel sites: slot88.example, togel4d.example"): a report says what it
    reports."""
    quoted = " ".join(match.group() for match in _QUOTED_SPANS.finditer(text))
    return (names_gambling(quoted) is not None
            and names_gambling(_QUOTED_SPANS.sub(" ", text), ("promo",), products=False) is None)


def _request_outside_quotes(text: str, evidence: Evidence) -> str | None:
    """The reporting term a block that quotes says in its own words, outside its quotes: a one-paragraph issue asks
    and quotes at once ("please ban the account posting 'RTP slot gacor hari ini' links"); a term it only quotes
    ("'spam'") asks for nothing."""
    own_words = _QUOTED_SPANS.sub(" ", text).casefold()
    return next((term.text for term in evidence.terms if term.source == REPORTING_VOCABULARY
                 and re.search(rf"(?<!\w){re.escape(term.text)}(?!\w)", own_words)), None)


def _fenced(segments: Sequence[Segment]) -> frozenset[int]:
    """The blocks inside a Markdown code fence, the fences included."""
    inside = False
    fenced = set()
    for i, segment in enumerate(segments):
        fence = segment.text.startswith(_CODE_FENCES)
        if inside or fence:
            fenced.add(i)
        if fence and sum(segment.text.count(mark) for mark in _CODE_FENCES) == 1:
            inside = not inside
    return frozenset(fenced)


@dataclass(frozen=True, slots=True)
class Quotation:
    """What a page quotes of the spam it reports."""

    blocks: list[str | None]
    """For each block, how it quotes (a reason for the report), or None when it does not."""
    request: str | None
    """The term by which the page asks for spam to be blocked, reports a hack or names a tool that blocks spam, if it
    quotes anything then."""


def quotation(segments: Sequence[Segment], evidence: Sequence[Evidence]) -> Quotation:
    """Which blocks of a page quote the spam it reports. Only blocks that name something are read: the others have
    nothing to excuse, and they are most blocks of most pages."""
    quoted: list[str | None] = [None] * len(segments)
    named = [i for i, ev in enumerate(evidence) if (ev.terms and names_something(ev.terms)) or ev.brands or ev.numbered]
    reports = any(term.source == REPORTING_VOCABULARY for i in named for term in evidence[i].terms)
    fenced = _fenced(segments) if named and reports else frozenset()
    request = None
    candidates = {}
    for i in named:
        segment = segments[i]
        if segment.hidden or 2 * segment.link_chars > len(segment.text):
            continue
        if _is_blocklist(segment.text):
            quoted[i] = "a line of a blocklist"
        elif not reports:  # no request to quote for: only blocklist rules quote
            continue
        elif _lists_hosts(segment.text):
            candidates[i] = "a listed domain name"
        elif i in fenced or segment.tag in CODE_TAGS:
            candidates[i] = "code"
        elif _names_only_in_quotes(segment.text):
            candidates[i] = "its gambling names in quotes, code or addresses"
            request = request or _request_outside_quotes(segment.text, evidence[i])
        elif request is None:
            request = next((term.text for term in evidence[i].terms if term.source == REPORTING_VOCABULARY), None)
    if request is None or not candidates:
        return Quotation(quoted, None)
    for i, reason in candidates.items():
        quoted[i] = reason
    return Quotation(quoted, request)
