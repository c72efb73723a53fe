"""Turn an HTML page into segments, with the evidence only the markup shows.

The page is parsed once with lexbor (through selectolax). One walk over the body (compiled:
``spamsift/html/_walk.pyx``) yields every block-level piece of text together with its CSS path, its
links and whether a visitor can see it; the head gives the title and the meta and Open Graph texts.
Hidden blocks are kept as segments (their text is evidence of an injection) but never become content.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from spamsift.core.model import StackedModel
from spamsift.core.page import MAX_BLOCKS, Page, host_of
from spamsift.html._walk import HostileMarkup, LayoutInfo, walk
from spamsift.html.layout import content_priors

_META_NAMES = ("description", "keywords", "og:title", "og:description", "twitter:title", "twitter:description")
_HIDING_STYLE = (
    (re.compile(r"display\s*:\s*none"), "display:none"),
    (re.compile(r"visibility\s*:\s*hidden"), "visibility:hidden"),
    (re.compile(r"(?:^|[;\s])(?:left|top|text-indent|margin-left|margin-top)\s*:\s*-\d{3,}"), "off-screen positioning"),
    # zero in any unit, up to 2 px or pt, under 0.2 em: "font-size:0.8em" and "1rem" are ordinary small print
    (re.compile(r"font-size\s*:\s*(?:0+(?:\.0+)?(?:px|pt|em|rem|%)?|(?:[0-2](?:\.\d+)?|\.\d+)(?:px|pt)"
                r"|0?\.[01]\d*r?em)\s*(?:;|$|!)"), "tiny font"),
    (re.compile(r"(?:^|[;\s])(?:height|width|max-height)\s*:\s*0(?:px)?\s*(?:;|$|!)"), "zero size"),
    (re.compile(r"^(?=.*overflow\s*:\s*hidden)(?=.*(?:^|[;\s])(?:height|width)\s*:\s*1px)"), "zero size"),
    (re.compile(r"clip\s*:\s*rect\(\s*0[^)]*\)|clip-path\s*:\s*inset\(\s*(?:50|100)%"), "clipped away"),
)
_COLOR = re.compile(r"(?:^|[;\s])color\s*:\s*([^;!]+)")
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;!\s]+)")
_HIDING_VALUE = re.compile(r":\s*(?:(none)|(hidden)|-\d{3,}px)")
"""What follows the colon of a hiding declaration; the property before the colon is checked apart (see
:func:`_hiding_declarations`)."""
_HIDING_PROPERTIES = (("display",), ("visibility",), ("left", "top", "text-indent"))
"""The properties that hide with each kind of value: none, hidden, an offset of -100px or more."""
_SIMPLE_SELECTOR = re.compile(r"^\s*([.#])([\w-]+)\s*$")
_MEDIA = re.compile("@media")
_STREAMED_BOUNDARY = re.compile(r"S:\d+$")
"""Ids of React's streamed server rendering: the content arrives in a ``<div hidden id="S:0">`` that a script
moves into place, so a visitor sees it."""


class _MediaBlocks:
    """Answers, for the rules of a style sheet taken in order, whether each sits in an ``@media`` block that
    depends on the screen's width: such rules hide a site builder's phone copy of the page on desktops and its
    desktop copy on phones, and every copy is seen on some screen.

    A rule is in the last ``@media`` block before it when the braces between that block's ``{`` and the rule's
    are balanced. They are counted on from the previous rule's, so that a sheet of thousands of hiding rules is
    read once, not once per rule."""

    def __init__(self, style_text: str) -> None:
        self.text = style_text
        self.starts = [match.start() for match in _MEDIA.finditer(style_text)]
        self.media = -1
        self.counted_to = 0
        self.balance = 0
        self.on_width = False

    def responsive(self, rule_open: int) -> bool:
        before = bisect_left(self.starts, rule_open)
        if not before:
            return False
        media = self.starts[before - 1]
        if media != self.media:
            open_brace = self.text.find("{", media, rule_open)
            if open_brace < 0:
                return False
            self.media, self.counted_to, self.balance = media, open_brace + 1, 0
            self.on_width = "width" in self.text[media:open_brace]
        self.balance += (self.text.count("{", self.counted_to, rule_open)
                         - self.text.count("}", self.counted_to, rule_open))
        self.counted_to = rule_open
        return self.balance == 0 and self.on_width


MAX_RULE_CHARS = 20_000
"""Selectors or declarations of a rule longer than this are not read (no style sheet writes one), so that a
hostile sheet cannot make each hiding declaration cost a search back to its beginning."""


def _hiding_declarations(style_text: str) -> Iterator[tuple[int, str]]:
    """Where each hiding declaration of a style sheet starts, and its text: ``display: none``,
    ``visibility:hidden``, ``left|top|text-indent: -9999px``. The values are looked for first and the property is
    read back from each colon: a pattern starting with the properties is tried at every d, v, l and t of a sheet,
    and took a tenth of a page's time on sheets of 80 kB."""
    for value in _HIDING_VALUE.finditer(style_text):
        name_end = value.start()
        while name_end and style_text[name_end - 1].isspace():
            name_end -= 1
        kind = 0 if value.group(1) else 1 if value.group(2) else 2
        for name in _HIDING_PROPERTIES[kind]:
            if style_text.endswith(name, 0, name_end):
                yield name_end - len(name), style_text[name_end - len(name):value.end()]
                break


def _hidden_by_rules(style_text: str) -> dict[str, str]:
    """Classes and ids that the page's own style sheets hide, as ``.name``/``#name`` -> reason.

    Style sheets run to hundreds of kilobytes of rules that hide nothing, so the hiding declarations are
    looked for first and only the rules holding one are read.
    """
    hidden = {}
    rule_start = -1
    media_blocks = _MediaBlocks(style_text)
    for start, declaration in _hiding_declarations(style_text):
        open_brace = style_text.rfind("{", max(0, start - MAX_RULE_CHARS), start)
        if open_brace <= rule_start or style_text.rfind("}", open_brace, start) >= 0:
            continue  # outside any rule, or a second hiding declaration of a rule already read
        rule_start = open_brace
        if media_blocks.responsive(open_brace):
            continue
        window = max(0, open_brace - MAX_RULE_CHARS)
        selectors = style_text[max(style_text.rfind("}", window, open_brace), style_text.rfind("{", window, open_brace),
                                   window - 1) + 1:open_brace]
        declaration = declaration.replace(" ", "")
        reason = declaration if declaration in ("display:none", "visibility:hidden") else "off-screen positioning"
        for selector in selectors.split(","):
            simple = _SIMPLE_SELECTOR.match(selector)
            if simple:
                hidden[simple.group(1) + simple.group(2)] = f"{reason} rule for {simple.group(1)}{simple.group(2)}"
    return hidden


def _hiding_reason(hidden_attribute: bool, element_id: str | None, style: str | None) -> str | None:
    """Why an element's own attributes hide it (a ``hidden`` attribute, its style), or None. The walk looks its class
    and id up in the page's hiding rules (:func:`_hidden_by_rules`) itself."""
    if hidden_attribute and not _STREAMED_BOUNDARY.match(element_id or ""):
        return "hidden attribute"
    return _style_hiding(style) if style else None


@lru_cache(maxsize=4096)
def _style_hiding(style: str) -> str | None:
    """Why a ``style`` attribute hides its element, or None. Remembered: a page repeats its inline styles on
    element after element, and each is read by several patterns."""
    style = style.lower()
    for pattern, reason in _HIDING_STYLE:
        if pattern.search(style):
            return reason
    color, background = _COLOR.search(style), _BACKGROUND.search(style)
    if color and background and color.group(1).strip() == background.group(1).strip():
        return "text coloured like its background"
    return None


@dataclass(slots=True)
class _Outside:
    """What a page holds outside the blocks of its body: its title, meta texts (see :attr:`Page.meta`) and meta
    refresh, its style sheets' text and its inline scripts."""

    title: str | None = None
    meta: list[tuple[str, str]] = field(default_factory=list)
    refresh: str | None = None
    style_text: str = ""
    scripts: list[str] = field(default_factory=list)


_OUTSIDE_TAGS = "title, meta, style, script:not([src])"


def _outside(tree: LexborHTMLParser) -> _Outside:
    """Read what is outside the body's blocks (:class:`_Outside`) in one pass of the selector engine: a pass per
    tag cost three times as much (0.65 ms a page against 0.2), each pass walking the whole tree."""
    found = _Outside()
    styles = []
    for node in tree.css(_OUTSIDE_TAGS):
        tag = node.tag
        if tag == "meta":
            attrs = node.attributes
            name = (attrs.get("name") or attrs.get("property") or "").lower()
            content = " ".join((attrs.get("content") or "").split())
            if name in _META_NAMES and content and (name, content) not in found.meta:
                found.meta.append((name, content))
            elif content and (attrs.get("http-equiv") or "").lower() == "refresh":
                found.refresh = content
        elif tag == "style":
            styles.append(node.text())
        elif tag == "script":
            if _is_code(node) and (text := node.text()):
                found.scripts.append(text)
        elif found.title is None:  # the first title, as browsers show it
            found.title = " ".join(node.text().split())
    found.title = found.title or None
    found.style_text = " ".join(styles)
    return found


def _is_code(script: LexborNode) -> bool:
    """Whether a ``<script>`` holds code, not data: JSON blocks (a framework's state, structured data) run to tens
    of kilobytes a page, and data cannot test its visitor."""
    return "json" not in (script.attributes.get("type") or "").lower()


MAX_OPEN_ELEMENTS = 25_000
"""Markup that leaves more elements open than this is hostile (:class:`HostileMarkup`): lexbor's tree
building slows with the square of the nesting (100,000 nested divs take 45 s), and genuine pages stay under
12,000 even counting every unclosed tag."""
_VOID_TAG_STARTS = ("<br", "<img", "<input", "<meta", "<link", "<hr", "<source", "<wbr", "<!")
_TAG = re.compile(r"<[^>]*>")


def too_many_open_elements(html: str) -> int | None:
    """About how many elements the markup leaves open (tags opened minus tags closed, void tags aside) when that
    is more than MAX_OPEN_ELEMENTS, else None. A few passes of ``str.count``, so that a page can be vetted
    before it is parsed; a page with fewer ``<`` than that cannot leave more open and takes one pass."""
    opened = html.count("<")
    if opened <= MAX_OPEN_ELEMENTS:
        return None
    left_open = opened - 2 * html.count("</") - sum(html.count(start) for start in _VOID_TAG_STARTS)
    return left_open if left_open > MAX_OPEN_ELEMENTS else None


_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def drop_scripts(html: str) -> str:
    """The markup without its inline scripts and style sheets, found without parsing."""
    return _SCRIPT_OR_STYLE.sub("", html)


def markup_text(html: str) -> str:
    """The text of markup too hostile to parse, one line per tag boundary."""
    return unescape(_TAG.sub("\n", drop_scripts(html)))


def parse_page(html: str, url: str | None = None) -> tuple[Page, list[LayoutInfo]]:
    """Segment an HTML page; the layout infos, one per segment, feed the content model. Raises HostileMarkup."""
    if (nesting := too_many_open_elements(html)) is not None:
        raise HostileMarkup(f"markup leaves about {nesting:,} elements open")
    tree = LexborHTMLParser(html)
    outside = _outside(tree)
    rules = _hidden_by_rules(outside.style_text) if outside.style_text else {}
    host = (host_of(url) or None) if url else None
    root = tree.body or tree.root
    if root is None:
        return Page(text="", segments=[], url=url, title=outside.title, meta=outside.meta, host=host,
                    scripts=outside.scripts, refresh=outside.refresh), []
    segments, layout, parts, full = walk(root, tree.root.parent, rules, host, _hiding_reason)
    page = Page(text="\n".join(parts), segments=segments, url=url, title=outside.title, meta=outside.meta, host=host,
                notes=[f"only the first {MAX_BLOCKS:,} blocks read"] if full else [], scripts=outside.scripts,
                refresh=outside.refresh)
    return page, layout


def parse_html(html: str, url: str | None = None, layout: StackedModel | None = None) -> Page:
    """Segment an HTML page; ``layout`` is the model that gives each block its content prior."""
    page, infos = parse_page(html, url)
    if layout is not None:
        for segment, prior in zip(page.segments, content_priors(page.segments, infos, layout)):
            segment.content_prior = prior
    return page
