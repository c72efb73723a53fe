"""Cloaking evidence in a single fetch: the code in a page that shows search engines, or visitors coming from a
search engine, something else than the site's own visitors.

Hacked pages carry it as inline scripts that test ``navigator.userAgent`` for bot names or ``document.referrer``
for a search engine and then redirect (to a gambling site) or write content, often obfuscated (string
concatenation, ``atob``, ``String.fromCharCode``, escapes, a packed ``eval``), and as meta refreshes to a gambling
domain. A script is read as written and as decoded; a test of the visitor close before an action is what counts
(genuine pages test the user agent for phones and read the referrer for analytics, without redirecting on a bot's
name or a search engine's).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from spamsift.core.links import gambling_domain_of
from spamsift.core.symbols import FamilyEvidence, Symbol

CLOAKING_BIAS = 4.0
"""Reads as cloaking: a test for bots (2.5) or for search visitors (2.0) followed by a redirect or by written
content (1.5) that leads or links to another site (1.0), or by hiding content (2.0); a redirect or meta refresh to a
known gambling domain (1.5 + 3.0). A news site's paywall that sends search visitors to a page of its own (2.0 +
1.5) does not, nor a test, a redirect or a write alone. Hiding the test or the target (atob, escapes, a packed
eval...) adds 1.0."""
TEST_WEIGHTS = {"bots": 2.5, "search visitors": 2.0}
ACTION_WEIGHTS = {"redirects": 1.5, "writes content for": 1.5, "hides content from": 2.0}
ACTION_WINDOW = 400
"""Characters after a test of the visitor within which its action is looked for: the branch it guards."""
MAX_SCRIPT_CHARS = 200_000
"""Longer inline scripts (bundles, framework state) are read up to here: cloaking snippets are short."""
MAX_DECODED_CHARS = 20_000
"""Scripts up to this length are also read decoded; the obfuscated snippets of hacked pages are a few kilobytes."""
MAX_ANCHORS = 20
"""Tests of the visitor, and redirects, looked at per script."""
MAX_PLAIN_REDIRECT_CHARS = 4_000
"""A script that neither tests its visitor nor hides strings is read for a redirect to a gambling domain only up
to this length: such redirects are injected as short snippets, and the long scripts of genuine pages (bundles,
state, analytics) are most of the bytes a page's scripts hold."""

_ACTION_WORDS = ("location", "window.open", "http-equiv", "write", "innerHTML", "insertAdjacentHTML", "style.",
                 "remove()")
"""What a script that acts on its visitor holds (case-sensitive, as JavaScript's names are)."""
_HIDING_WORDS = ("atob", "fromCharCode", "eval(function", "reverse()")
"""What only a script that hides its strings holds: such a script is always decoded."""
_ANCHORS = ("userAgent", "referrer")
"""Where a test of the visitor may be (JavaScript reads ``navigator.userAgent`` and ``document.referrer``); the
tests themselves are read only around these, found with ``str.find``."""
_BOT_TEST = re.compile(r"(?:userAgent|\bua\b).{0,200}?(?:googlebot|bingbot|slurp|yandex|baiduspider|duckduckbot|"
                       r"spider|crawler|bot\b|bot\||lighthouse)|(?:googlebot|bingbot|baiduspider|yandex(?:bot)?|"
                       r"spider|crawler).{0,200}?(?:userAgent|\bua\b)", re.I | re.S)
_SEARCH_REFERRER_TEST = re.compile(r"(?<!no)referrer.{0,200}?(?<![./])(?:google|bing|yahoo|yandex|baidu|duckduckgo)|"
                                   r"(?<![./])(?:google|bing|yahoo|yandex|baidu|duckduckgo).{0,200}?(?<!no)referrer",
                                   re.I | re.S)
_TESTS = (("bots", _BOT_TEST, ("bot", "slurp", "yandex", "spider", "crawler", "lighthouse")),
          ("search visitors", _SEARCH_REFERRER_TEST, ("google", "bing", "yahoo", "yandex", "baidu", "duckduckgo")))
"""Who a test may be for, its pattern, and the names one of which it holds: most tests of ``userAgent`` and
``referrer`` in genuine scripts name none of them, and looking for the names is cheaper than trying the pattern."""
_REDIRECT_WORDS = ("location", "window.open", "http-equiv")
"""What every redirect of :data:`_REDIRECT` holds."""
_REDIRECT = re.compile(r"location(?:\.href)?\s*=[^=]|location\.(?:replace|assign)\s*\(|window\.open\s*\(|"
                       r"http-equiv=[\"']?refresh", re.I)
_WRITE = re.compile(r"document\.write(?:ln)?\s*\(|\.innerHTML\s*=[^=]|insertAdjacentHTML\s*\(", re.I)
_HIDE = re.compile(r"\.style\.(?:display\s*=\s*[\"']none|visibility\s*=\s*[\"']hidden)|\.remove\(\)", re.I)
_TARGET = re.compile(r"https?://([^/\s\"'<>)\\:?#]*)[^\s\"'<>)\\]*")
"""An absolute URL in code; its first group is the host, read without a URL parser (scripts hold hundreds)."""
_OBFUSCATIONS = ("\\x", "\\u00", "%2F", "%3A", "'+'", '"+"', "' + '", '" + "')
"""What minified code holds too: a script with these is decoded only when it also tests or acts on its visitor."""
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"\s]+)", re.I)

_ATOB = re.compile(r"atob\(\s*[\"']([A-Za-z0-9+/=]{4,})[\"']\s*\)")
_BASE64_LITERAL = re.compile(r"[\"']((?:[A-Za-z0-9+/]{4}){5,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)[\"']")
"""A string literal that reads as base64 (a URL kept in a variable for ``atob`` to decode later)."""
_FROM_CHAR_CODE = re.compile(r"fromCharCode\(\s*([\d\s,]+)\)")
_CONCATENATION = re.compile(r"[\"']\s*\+\s*[\"']")
_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})")
_PERCENT = re.compile(r"(?:%[0-9a-fA-F]{2}){3,}")
_REVERSED = re.compile(r"[\"']([^\"']{4,})[\"']\s*\.split\(\s*[\"']{2}\s*\)\s*\.reverse\(\)\s*\.join\(\s*[\"']{2}\s*\)")
_PACKED = re.compile(r"eval\(function\(p,a,c,k,e,[dr]\).*?}\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*(\d+)\s*,\s*(\d+)\s*,"
                     r"\s*'((?:[^'\\]|\\.)*)'\.split\('\|'\)[^)]*\)\)", re.S)


def _base62(number: int, radix: int) -> str:
    """The packer's own encoding of a word's number (Dean Edwards' ``e(c)``)."""
    head = "" if number < radix else _base62(number // radix, radix)
    number %= radix
    return head + (chr(number + 29) if number > 35 else "0123456789abcdefghijklmnopqrstuvwxyz"[number])


def _unpack(payload: str, radix: int, count: int, words: str) -> str:
    """The source of a packed ``eval(function(p,a,c,k,e,d)...)``: each encoded number replaced by its word."""
    dictionary = words.split("|")
    table = {_base62(i, radix): word for i, word in enumerate(dictionary[:count]) if word}
    return re.sub(r"\b\w+\b", lambda m: table.get(m.group(), m.group()), payload)


def _base64_text(literal: str) -> str | None:
    try:
        return base64.b64decode(literal, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None


@dataclass(slots=True)
class Decoded:
    """A script with what it hides spelled out in place, the ways it was hidden, and the strings it hid."""

    text: str
    ways: list[str]
    hidden: list[str]


def _string(text: str) -> str:
    """``text`` as a JavaScript string literal, so that the decoded script still reads as code."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def decoded(script: str) -> Decoded:
    """The script with each hidden string decoded where it stands: a packed ``eval`` unpacked, ``atob("...")``,
    ``String.fromCharCode(...)``, ``"\\x67"`` escapes, ``'goo' + 'gle'`` and reversed strings; base64 literals kept
    in variables for a later ``atob`` are decoded beside the script."""
    ways: list[str] = []
    hidden: list[str] = []

    def replace(pattern: re.Pattern[str], way: str, decode) -> None:
        nonlocal script

        def spelled(match: re.Match[str]) -> str:
            text = decode(match)
            if text is None:
                return match.group()
            ways.append(way)
            hidden.append(text)
            return text if way in ("packed eval", "escaped characters", "percent-encoding") else _string(text)

        script = pattern.sub(spelled, script)

    replace(_PACKED, "packed eval", lambda m: _unpack(m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)))
    replace(_ATOB, "atob", lambda m: _base64_text(m.group(1)))
    replace(_FROM_CHAR_CODE, "String.fromCharCode",
            lambda m: "".join(chr(int(c)) for c in m.group(1).split(",") if c.strip() and 0 < int(c) < 0x110000))
    replace(_ESCAPE, "escaped characters", lambda m: chr(int(m.group(1) or m.group(2), 16)))
    replace(_REVERSED, "reversed string", lambda m: m.group(1)[::-1])
    if _CONCATENATION.search(script):
        script = _CONCATENATION.sub("", script)
        ways.append("string concatenation")
    replace(_PERCENT, "percent-encoding", lambda m: unquote(m.group()))
    for match in _BASE64_LITERAL.finditer(script):
        text = _base64_text(match.group(1))
        if text and text.isprintable():
            ways.append("base64")
            hidden.append(text)
    return Decoded(script, ways, hidden)


def _gambling_target(text: str) -> str | None:
    """The first absolute URL in ``text`` on a known gambling domain."""
    return next((m.group() for m in _TARGET.finditer(text) if gambling_domain_of(m.group(1))), None)


def _occurrences(text: str, words: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """(where, which) for each of ``words`` in ``text``, word by word (``str.find``: not a pattern tried at every
    character of scripts that run to hundreds of kilobytes)."""
    for word in words:
        at = text.find(word)
        while at != -1:
            yield at, word
            at = text.find(word, at + 1)


def _redirects(text: str) -> list[re.Match[str]]:
    """The redirects of a script, read around where their words stand; at most MAX_ANCHORS."""
    found = []
    for at, word in _occurrences(text, _REDIRECT_WORDS):
        if len(found) == MAX_ANCHORS:
            break
        if match := _REDIRECT.search(text, max(0, at - 16), at + len(word) + 24):
            found.append(match)
    return found


def _gambling_redirect(text: str) -> tuple[re.Match[str], str] | None:
    """A redirect to a known gambling domain: the redirect's match and the URL, which follows it closely."""
    for redirect in _redirects(text):
        for url in _TARGET.finditer(text, redirect.start(), redirect.end() + ACTION_WINDOW):
            if gambling_domain_of(url.group(1)):
                return redirect, url.group()
    return None


def _snippet(text: str, start: int) -> str:
    return " ".join(text[max(0, start - 20):start + 100].split())


def _anchors(text: str) -> list[int]:
    """Where :data:`_ANCHORS` stand in ``text``, in order, up to MAX_ANCHORS; not "noreferrer", which tests nobody."""
    found = []
    for at, _ in _occurrences(text, _ANCHORS):
        if len(found) == MAX_ANCHORS:
            break
        if not text.endswith("no", 0, at):
            found.append(at)
    return sorted(found)


def _guarded_actions(text: str) -> tuple[str, str, re.Match[str]] | None:
    """(who is tested, what is done to them, the action's match) for the first test of the visitor with an action
    after it, looking only around the places where a test may be (:data:`_ANCHORS`)."""
    for anchor in _anchors(text):
        start = max(0, anchor - 250)
        around = text[start:anchor + 260].lower()
        for tested, test, names in _TESTS:
            if not any(name in around for name in names):
                continue
            condition = test.search(text, start, anchor + 260)
            if not condition:
                continue
            for action_name, action in (("hides content from", _HIDE), ("redirects", _REDIRECT),
                                        ("writes content for", _WRITE)):
                if match := action.search(text, condition.end(), condition.end() + ACTION_WINDOW):
                    return tested, action_name, match
    return None


def _external_target(text: str, host: str | None) -> str | None:
    """The first absolute URL in ``text`` that leads off the page's site."""
    return next((m.group() for m in _TARGET.finditer(text)
                 if m.group(1).lower().removeprefix("www.") not in ("", host)), None)


def _action_target(text: str, action: re.Match[str], hidden: list[str], host: str | None) -> str | None:
    """The other site an action leads or links to: a URL right after it, or one the script hid (``hidden``), as a
    redirect to ``atob(target)`` does."""
    return (_external_target(text[action.start():action.end() + ACTION_WINDOW], host)
            or _external_target("\n".join(hidden), host))


@dataclass(frozen=True, slots=True)
class CloakingEvidence(FamilyEvidence):
    target: str | None = None
    """Where the cloaking code sends or links its visitors, when it names another site."""


def _script_symbols(script: str, host: str | None) -> tuple[list[Symbol], str | None]:
    """The cloaking symbols of one inline script (none, or the test of the visitor and what it guards, or a
    redirect to a gambling domain) and the other site they lead to; read as written and, when the script hides
    strings, decoded."""
    tests = any(anchor in script for anchor in _ANCHORS)
    hiding = any(word in script for word in _HIDING_WORDS)
    if not (tests or hiding) and (len(script) > MAX_PLAIN_REDIRECT_CHARS
                                  or not any(word in script for word in _ACTION_WORDS)):
        return [], None
    obfuscated = len(script) <= MAX_DECODED_CHARS and (hiding or any(way in script for way in _OBFUSCATIONS))
    reading = decoded(script) if obfuscated else Decoded(script, [], [])
    text = reading.text
    guarded = _guarded_actions(text)
    gambling = _gambling_redirect(text)
    if not (guarded or gambling):
        return [], None
    symbols = []
    target = gambling[1] if gambling else None
    if guarded:
        tested, action, match = guarded
        symbols.append(Symbol("VISITOR_TEST", TEST_WEIGHTS[tested], f"cloaking script: tests for {tested}"))
        symbols.append(Symbol("GUARDED_ACTION", ACTION_WEIGHTS[action],
                              f"then {action} them: {_snippet(text, match.start())}"))
        if action != "hides content from" and not gambling:
            target = _action_target(text, match, reading.hidden, host)
            if target:
                symbols.append(Symbol("EXTERNAL_TARGET", 1.0, f"leading to another site: {target[:80]}"))
    else:
        symbols.append(Symbol("REDIRECT", 1.5, f"script redirect: {_snippet(text, gambling[0].start())}"))
    if gambling:
        symbols.append(Symbol("GAMBLING_TARGET", 3.0, f"to a known gambling domain: {target[:80]}"))
    if reading.ways and ((guarded and not _guarded_actions(script)) or (target and target not in script)):
        symbols.append(Symbol("OBFUSCATED", 1.0, "hidden by " + ", ".join(sorted(set(reading.ways)))))
    return symbols, target


def cloaking_evidence(scripts: list[str], refresh: str | None, host: str | None = None) -> CloakingEvidence:
    """The cloaking symbols of a page's inline scripts and meta refresh; ``host`` is the page's own."""
    symbols: list[Symbol] = []
    target = None
    if refresh and (found := _REFRESH_URL.search(refresh)) and _gambling_target(found.group(1)):
        target = found.group(1)
        symbols += [Symbol("REFRESH", 1.5, f"meta refresh to {target[:80]}"),
                    Symbol("GAMBLING_TARGET", 3.0, "the refresh leads to a known gambling domain")]
    for script in scripts:
        script = script[:MAX_SCRIPT_CHARS]
        found_symbols, found_target = _script_symbols(script, host)
        if found_symbols:
            symbols += found_symbols
            target = target or found_target
            break
    return CloakingEvidence(tuple(symbols), CLOAKING_BIAS, target)
