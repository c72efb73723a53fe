"""Crawl one site politely and fetch every page in the three views of :mod:`spamsift.scan.views`.

Politeness: robots.txt is obeyed for spamsift's own name (``--ignore-robots`` is for owners scanning their own
site), its Crawl-delay raises the per-host delay, requests to a host are spaced by that delay, and no more than
``concurrency`` fetches run at once. Transient failures (timeouts, 429, 5xx) are retried with exponential
backoff. Every fetch goes through :func:`spamsift.io.fetch.fetch_page`, so the same network rules hold as for
``spamsift check``: non-public addresses are refused, after every redirect too, unless allowed.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import httpx
from defusedxml import ElementTree
from protego import Protego
from selectolax.lexbor import LexborHTMLParser

from spamsift.api import check_fetched
from spamsift.core.page import host_of
from spamsift.core.verdict import judge_url
from spamsift.core.vocabulary import names_gambling
from spamsift.io.fetch import TIMEOUT, USER_AGENT, Fetched, FetchError, check_target, fetch_page
from spamsift.scan.views import VIEW_NAMES, PageFinding, View, compare_views, view_headers

ROBOTS_AGENT = "spamsift"
MAX_SITEMAPS = 20
MAX_SITEMAP_URLS = 10_000


@dataclass(frozen=True, slots=True)
class ScanLimits:
    max_pages: int = 50
    max_depth: int = 3
    max_seconds: float = 300.0
    delay: float = 1.0
    """Seconds between two requests to the same host (robots.txt's Crawl-delay raises it)."""
    concurrency: int = 4
    retries: int = 2
    backoff: float = 1.0
    ignore_robots: bool = False
    allow_private: bool = False


@dataclass(slots=True)
class InjectedUrl:
    url: str
    found_in: str
    score: float
    evidence: str


@dataclass(slots=True)
class DoorwayGenerator:
    """Many URLs of one host that differ only in a keyword in one query parameter: a doorway kit serving a page
    per keyword (``/?log=PANDAPLAY``, ``/?log=RAJA88``, ...), reported once with its pattern and count."""

    pattern: str
    parameter: str
    count: int
    examples: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "parameter": self.parameter, "count": self.count, "examples": self.examples}


GENERATOR_MIN_URLS = 10
"""Distinct keywords in one parameter from which a pattern is a doorway generator."""
GENERATOR_SAMPLE = 2
"""URLs of one keyword pattern that are crawled; the others are counted, not fetched."""
_KEYWORD_VALUE = re.compile(r"^(?=.*[^\W\d_])[\w.+\- ]{3,60}$")


def keyword_pattern(url: str) -> tuple[str, str, str] | None:
    """(pattern, parameter, keyword) of a URL whose only query parameter holds a word (``/?log=RAJA88`` ->
    ``/?log={keyword}``); None for numbers (pagination, ids) and for other URLs."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query)
    if len(params) != 1 or not _KEYWORD_VALUE.match(params[0][1]) or params[0][1].isdigit():
        return None
    name, value = params[0]
    return f"{parts.path or '/'}?{name}={{keyword}}", name, value


def _keyword_like(value: str) -> bool:
    """A value written like a doorway keyword: a brand's shape, a gambling word, or capitals."""
    letters = [ch for ch in value if ch.isalpha()]
    return bool(names_gambling(value)) or any(ch.isdigit() for ch in value) or (
        len(letters) >= 4 and all(ch.isupper() for ch in letters))


@dataclass(slots=True)
class SiteScan:
    site: str
    pages: list[PageFinding] = field(default_factory=list)
    injected_urls: list[InjectedUrl] = field(default_factory=list)
    """Spam URLs found in sitemaps and links, but for those of a doorway generator."""
    doorway_generators: list[DoorwayGenerator] = field(default_factory=list)
    skipped_by_robots: list[str] = field(default_factory=list)
    robots: str = "none"
    """``found``, ``none`` (no robots.txt: everything allowed), ``unreachable`` (all refused) or ``ignored``."""
    sitemap_urls: int = 0
    error: str | None = None
    """Why the scan could not start, if it could not."""
    seconds: float = 0.0

    @property
    def infected_pages(self) -> list[PageFinding]:
        return [page for page in self.pages if page.infected]

    def campaign_records(self) -> Iterator[dict[str, Any]]:
        """Each infected page's worst view as an output record of ``spamsift run``, for grouping into campaigns."""
        for page in self.infected_pages:
            report = page.worst.report
            if report is not None:
                yield {"id": page.url, "status": "ok", "label": report.label, "url": page.url,
                       "campaign": report.campaign}

    def summary(self) -> dict[str, Any]:
        return {"pages": len(self.pages), "infected": len(self.infected_pages),
                "cloaked": sum(page.cloaked for page in self.pages), "injected_urls": len(self.injected_urls),
                "doorway_generators": len(self.doorway_generators),
                "skipped_by_robots": len(self.skipped_by_robots), "robots": self.robots,
                "sitemap_urls": self.sitemap_urls, "seconds": round(self.seconds, 1), "error": self.error}

    def to_dict(self) -> dict[str, Any]:
        return {"site": self.site, "pages": [page.to_dict() for page in self.pages],
                "injected_urls": [{"url": u.url, "found_in": u.found_in, "score": round(u.score, 4),
                                   "evidence": u.evidence} for u in self.injected_urls],
                "doorway_generators": [generator.to_dict() for generator in self.doorway_generators],
                "skipped_by_robots": self.skipped_by_robots, "summary": self.summary()}


class HostPacer:
    """Spaces requests to one host by ``delay`` seconds, across threads."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.delay
        if start > now:
            time.sleep(start - now)


def _canonical(url: str) -> str:
    """One spelling per page: lower-case scheme and host, ``/`` for an empty path, no fragment."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def site_root(url: str) -> str:
    """``example.go.id`` or ``https://example.go.id/path`` -> ``https://example.go.id/path`` (https by default)."""
    return _canonical(url if "://" in url else "https://" + url)


def _same_site(url: str, host: str) -> bool:
    return host_of(url) == host


def _links(html: str, base: str) -> Iterator[str]:
    for node in LexborHTMLParser(html).css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if href and not href.startswith(("#", "mailto:", "tel:", "javascript:")):
            url = _canonical(urljoin(base, href))
            if url.startswith(("http://", "https://")):
                yield url


def _sitemap_entries(xml: str) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or sitemap index; tags matched by local name."""
    root = ElementTree.fromstring(xml.encode("utf-8"))
    pages, nested = [], []
    for node in root.iter():
        if node.tag.rpartition("}")[2] == "loc" and node.text:
            nested_index = root.tag.rpartition("}")[2] == "sitemapindex"
            (nested if nested_index else pages).append(node.text.strip())
    return pages, nested


class SiteScanner:
    def __init__(self, start: str, limits: ScanLimits, client: httpx.Client,
                 on_page: Callable[[PageFinding], None] | None = None) -> None:
        self.start = site_root(start)
        self.host = host_of(self.start)
        self.limits = limits
        self.client = client
        self.pacer = HostPacer(limits.delay)
        self.on_page = on_page
        self.robots: Protego | None = None
        self.result = SiteScan(site=self.start)
        self._judged_urls: set[str] = set()
        self._patterns: dict[tuple[str, str], dict[str, str]] = {}
        """Per keyword pattern and parameter, its keywords and the first URL of each, in the order found."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """One GET with pacing and retries of transient failures."""
        for attempt in range(self.limits.retries + 1):
            self.pacer.wait(urlsplit(url).hostname or "")
            try:
                return fetch_page(url, allow_private=self.limits.allow_private, headers=headers, client=self.client)
            except FetchError as exc:
                if not exc.transient or attempt == self.limits.retries:
                    raise
                time.sleep(self.limits.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def allowed(self, url: str) -> bool:
        return self.robots is None or self.robots.can_fetch(url, ROBOTS_AGENT)

    def read_robots(self) -> list[str]:
        """Load robots.txt; return the sitemaps it names."""
        if self.limits.ignore_robots:
            self.result.robots = "ignored"
            return []
        try:
            fetched = self.fetch(urljoin(self.start, "/robots.txt"), {"User-Agent": USER_AGENT})
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return []
            # RFC 9309: a robots.txt that cannot be read because of the server means "crawl nothing".
            self.result.robots = "unreachable"
            self.robots = Protego.parse("User-agent: *\nDisallow: /")
            return []
        self.result.robots = "found"
        self.robots = Protego.parse(fetched.text)
        delay = self.robots.crawl_delay(ROBOTS_AGENT)
        if delay:
            self.pacer.delay = max(self.pacer.delay, float(delay))
        return list(self.robots.sitemaps)

    def read_sitemaps(self, sitemaps: list[str]) -> list[str]:
        queue = sitemaps or [urljoin(self.start, "/sitemap.xml")]
        seen: set[str] = set()
        urls: list[str] = []
        while queue and len(seen) < MAX_SITEMAPS and len(urls) < MAX_SITEMAP_URLS:
            sitemap = queue.pop(0)
            if sitemap in seen:
                continue
            seen.add(sitemap)
            try:
                pages, nested = _sitemap_entries(self.fetch(sitemap, {"User-Agent": USER_AGENT}).text)
            except (FetchError, ElementTree.ParseError, ValueError):
                continue
            queue.extend(nested)
            urls.extend(pages[: MAX_SITEMAP_URLS - len(urls)])
        self.result.sitemap_urls = len(urls)
        return urls

    def note_url(self, url: str, found_in: str) -> None:
        """Judge a discovered URL by its words alone, once: injected URLs are evidence even when not crawled. A URL
        carrying a keyword in its only parameter is also counted under its pattern (see :class:`DoorwayGenerator`)."""
        if url in self._judged_urls:
            return
        self._judged_urls.add(url)
        if found := keyword_pattern(url):
            self._patterns.setdefault(found[:2], {}).setdefault(found[2], url)
        score, evidence = judge_url(url)
        if evidence is not None:
            self.result.injected_urls.append(InjectedUrl(url, found_in, score, evidence))

    def scan_page(self, url: str) -> tuple[PageFinding, list[str]]:
        """Fetch and judge the three views; return the finding and the same-site links of all views."""
        views: dict[str, View] = {}
        links: list[str] = []
        for name in VIEW_NAMES:
            view = View(name)
            try:
                fetched = self.fetch(url, view_headers(name, url))
                view.final_url = fetched.url
                view.report = check_fetched(fetched)
                if fetched.is_html:
                    links.extend(link for link in _links(fetched.text, fetched.url) if _same_site(link, self.host))
            except FetchError as exc:
                view.error = str(exc)
            views[name] = view
        return compare_views(url, views), links

    def crawlable(self, url: str) -> bool:
        """Whether to fetch a discovered URL: not past the first GENERATOR_SAMPLE URLs of its keyword pattern, so
        that a doorway kit's thousand keywords do not spend the crawl."""
        found = keyword_pattern(url)
        if found is None:
            return True
        values = list(self._patterns.get(found[:2], {}))
        return found[2] in values[:GENERATOR_SAMPLE]

    def find_generators(self) -> None:
        """Report the keyword patterns with GENERATOR_MIN_URLS keywords or more, most of them written like doorway
        keywords, once each, and leave their URLs out of the injected URLs."""
        generated: set[str] = set()
        for (pattern, parameter), urls in sorted(self._patterns.items()):
            if len(urls) >= GENERATOR_MIN_URLS and sum(map(_keyword_like, urls)) * 2 >= len(urls):
                self.result.doorway_generators.append(
                    DoorwayGenerator(pattern, parameter, len(urls), list(urls.values())[:5]))
                generated.update(urls.values())
        self.result.injected_urls = [u for u in self.result.injected_urls if u.url not in generated]

    def run(self) -> SiteScan:
        started = time.monotonic()
        try:
            check_target(self.start, self.limits.allow_private)
            sitemaps = self.read_robots()
            frontier: list[tuple[str, int]] = [(self.start, 0)]
            for url in map(_canonical, self.read_sitemaps(sitemaps)):
                if _same_site(url, self.host) and url != self.start:
                    self.note_url(url, "sitemap")
                    if self.crawlable(url):
                        frontier.append((url, 1))
        except FetchError as exc:
            self.result.error = str(exc)
            return self.result
        self._crawl(frontier, started)
        self.find_generators()
        self.result.pages.sort(key=lambda page: page.url)
        self.result.seconds = time.monotonic() - started
        return self.result

    def _crawl(self, frontier: list[tuple[str, int]], started: float) -> None:
        queued = {url for url, _ in frontier}
        limits = self.limits
        with ThreadPoolExecutor(limits.concurrency) as pool:
            running: dict[Future[tuple[PageFinding, list[str]]], int] = {}
            while frontier or running:
                out_of_time = time.monotonic() - started > limits.max_seconds
                while frontier and len(running) < limits.concurrency and not out_of_time and \
                        len(self.result.pages) + len(running) < limits.max_pages:
                    url, depth = frontier.pop(0)
                    if not self.allowed(url):
                        self.result.skipped_by_robots.append(url)
                        continue
                    running[pool.submit(self.scan_page, url)] = depth
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    depth = running.pop(future)
                    finding, links = future.result()
                    self.result.pages.append(finding)
                    if self.on_page is not None:
                        self.on_page(finding)
                    for link in links:
                        self.note_url(link, f"link on {finding.url}")
                        if link not in queued and depth < limits.max_depth and self.crawlable(link):
                            queued.add(link)
                            frontier.append((link, depth + 1))


def scan_site(start: str, limits: ScanLimits | None = None,
              on_page: Callable[[PageFinding], None] | None = None) -> SiteScan:
    """Crawl ``start``'s site and report every page's three views, cloaking, and injected URLs."""
    with httpx.Client(timeout=TIMEOUT, follow_redirects=False) as client:
        return SiteScanner(start, limits or ScanLimits(), client, on_page).run()
