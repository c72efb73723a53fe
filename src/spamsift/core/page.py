"""The page as the core sees it: a text cut into segments, whatever the input format was."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

MAX_BLOCKS = 100_000
"""A page is read up to this many blocks, and its report says so: each block carries some kilobytes of evidence,
so that five million characters of one-word lines would take gigabytes. No genuine page comes near it."""


@dataclass(slots=True)
class Segment:
    """One block of a page: a line of a text, or a block-level element of an HTML page.

    ``start``/``end`` are character offsets into :attr:`Page.text`. The HTML-only fields stay at
    their defaults for text input.
    """

    start: int
    end: int
    text: str
    locator: str | None = None
    hidden: str | None = None
    """Why the element is invisible to a visitor (``"display:none"``), or None."""
    tag: str = ""
    links: int = 0
    link_chars: int = 0
    link_hosts: frozenset[str] = frozenset()
    content_prior: float | None = None
    """Probability, from the page layout alone, that this block is main content (HTML only)."""


@dataclass(slots=True)
class Page:
    text: str
    segments: list[Segment]
    url: str | None = None
    title: str | None = None
    meta: list[tuple[str, str]] = field(default_factory=list)
    """Description, keywords and Open Graph texts of an HTML page as (name, text), every occurrence: a hacked
    page often has the injected description beside its own."""
    host: str | None = None
    notes: list[str] = field(default_factory=list)
    """What was done to read the input (where it was cut short), for the report's reasons."""
    scripts: list[str] = field(default_factory=list)
    """The inline scripts of an HTML page: where cloaking code sits (:mod:`spamsift.core.cloaking`)."""
    refresh: str | None = None
    """The ``content`` of an HTML page's meta refresh (``0;url=https://...``), if it has one."""


def host_of(url: str) -> str:
    """The host of a URL, lower-case and without "www.", by which a page, its links and a scanned site are
    compared; "" when the URL has none or cannot be read (``http://[bad/``)."""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""
