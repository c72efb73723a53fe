"""The shared labelled data and spam pages composed from it, for training, benchmarks and tests.

Nothing here is used by :func:`spamsift.check`. The data itself is never shipped: every reader
takes the data folder (``../shared/data`` from the project root) as an argument.

No public set of whole spam pages with line labels exists, so pages are composed the way
injections happen in the wild (see ``../shared/data/README.md``): keyword blocks stuffed above or
below an article, spam paragraphs spliced into it, hidden link blocks, footer link farms and
keywords injected into the title, meta tags and URL. Every composed page records which of its
lines or elements are spam, so the truth is known.

Splits are fixed by hashing a group key (video, domain or page id), so that one video's comments or
one site's screenshots never sit on both sides: ``train`` (70%), ``calibration`` (10%), ``test`` (20%).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spamsift.core.brandname import name_form, registered_name
from spamsift.core.links import gambling_domain_of
from spamsift.core.segment import titled_text
from spamsift.html.parse import parse_html

Split = str
SPLITS = ("train", "calibration", "test")


def split_of(group: str) -> Split:
    bucket = int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) % 100
    return "train" if bucket < 70 else "calibration" if bucket < 80 else "test"


def read_page(path: Path) -> str:
    """A gzip-compressed page of the shared data, as text."""
    with gzip.open(path, "rb") as fh:
        return fh.read().decode("utf-8", errors="replace")


@dataclass(slots=True)
class LabelledText:
    text: str
    spam: bool
    group: str
    source: str


@dataclass(slots=True)
class CleanPage:
    id: str
    url: str
    html_path: Path
    main_content: str
    source: str
    page_type: str = "article"

    def html(self) -> str:
        return read_page(self.html_path)


def youtube_comments(data: Path, split: Split) -> list[LabelledText]:
    rows = []
    with open(data / "spam/youtube-judol-comments.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if split_of("yt:" + row["id"]) == split and row["comment"].strip():
                rows.append(LabelledText(row["comment"], row["label"] == "1", row["id"], "youtube"))
    return rows


_OCR_PAGE_SUFFIX = re.compile(r"(_home|_page\d+)?\.png$")


def landing_pages(data: Path, split: Split) -> list[LabelledText]:
    rows = []
    with open(data / "spam/gambling-landing-ocr.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            domain = _OCR_PAGE_SUFFIX.sub("", row["File Name"])
            if split_of("ocr:" + domain) == split and row["Extracted Text"].strip():
                rows.append(LabelledText(row["Extracted Text"], row["Class"] == "judi", domain, "ocr"))
    return rows


def clean_pages(data: Path, split: Split | None = None) -> list[CleanPage]:
    """The genuine pages of both extraction benchmarks, optionally only one split of them."""
    pages = []
    zyte = data / "clean/scrapinghub"
    for page_id, truth in sorted(json.loads((zyte / "ground-truth.json").read_text()).items()):
        pages.append(CleanPage(page_id, truth["url"] or "", zyte / f"html/{page_id}.html.gz",
                               truth["articleBody"] or "", "scrapinghub"))
    wcxb = data / "clean/wcxb-dev"
    with gzip.open(wcxb / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            truth = json.loads(line)
            pages.append(CleanPage(str(truth["id"]), truth["url"] or "", wcxb / f"html/{truth['id']}.html.gz",
                                   truth["main_content"] or "", "wcxb", truth["page_type"]))
    if split is not None:
        pages = [p for p in pages if split_of(f"{p.source}:{p.id}") == split]
    return pages


TEMPLATE_DEBRIS = (
    "5 Min Read", "3 min read", "Share this Article", "Share this article", "Share", "Follow us on Twitter",
    "Related Posts", "Read more", "Advertisement", "Subscribe to our newsletter", "Leave a comment",
    "Tags: news, world", "All rights reserved.", "Back to top", "Privacy Policy", "Baca juga",
    "Berita Terkait", "Bagikan", "Home", "Previous article", "Next article",
)

_GENERIC_KEYWORDS = (
    "situs {t}", "{t} terpercaya", "{t} online", "link {t}", "bo {t}", "bandar {t}", "agen {t}", "daftar {t}",
    "{t} resmi", "{t} hari ini", "{t} gacor", "login {t}", "{t} terbaru 2025", "10 situs {t} terpercaya",
    "{lone}", "{b} login", "{b} link alternatif", "daftar {b}", "{b} slot gacor", "RTP {b}",
)
_TOPICS = ("togel", "slot", "slot gacor", "toto", "judi bola", "casino online", "slot88", "toto macau",
           "rtp slot", "maxwin", "sbobet", "poker online", "live casino", "togel hk", "slot thailand")
_SYLLABLES = ("ka", "ri", "ma", "su", "to", "pa", "ne", "go", "ra", "ja", "wi", "da", "lu", "bi", "ko",
              "sa", "mi", "dewa", "raja", "naga", "hoki", "garuda", "zeus", "mega", "king", "gacor", "bos")
_BRAND_ENDINGS = ("toto", "togel", "4d", "88", "303", "77", "99", "bet", "slot", "138", "win", "play", "jp",
                  "vip", "asia", "qq", "168", "777", "")
_LONE_BRAND_ENDINGS = ("toto", "togel", "4d", "bet", "slot", "gacor", "303", "138", "777")
"""Keyword blocks repeat bare brand names (the seed's "dapurtoto"); those carry a gambling ending."""


def brand_name(rng: random.Random, endings: tuple[str, ...] = _BRAND_ENDINGS) -> str:
    name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))) + rng.choice(endings)
    style = rng.random()
    return name.upper() if style < 0.4 else name.capitalize() if style < 0.7 else name


def keyword_line(rng: random.Random) -> str:
    template = rng.choice(_GENERIC_KEYWORDS)
    line = template.format(t=rng.choice(_TOPICS), b=brand_name(rng), lone=brand_name(rng, _LONE_BRAND_ENDINGS))
    return line.upper() if rng.random() < 0.2 else line


@dataclass(slots=True)
class ComposedText:
    text: str
    labels: list[str]
    """Per non-blank line: spam, boilerplate or content."""
    style: str
    spam: bool
    injected: list[str] = field(default_factory=list)


def _spam_lines(rng: random.Random, spam_texts: list[str], n: int) -> list[str]:
    lines = []
    for _ in range(n):
        if spam_texts and rng.random() < 0.75:
            text = rng.choice(spam_texts)
            words = text.split()
            if len(words) > 40:
                start = rng.randrange(len(words) - 20)
                text = " ".join(words[start:start + rng.randint(8, 30)])
            lines.append(" ".join(text.split()))
        else:
            lines.append(keyword_line(rng))
    return [line for line in lines if line]


TEXT_STYLES = ("stuffed_top", "stuffed_bottom", "spliced", "clean")


def compose_text(article: str, spam_texts: list[str], rng: random.Random, style: str,
                 genuine_texts: Sequence[str] = ()) -> ComposedText:
    """A text page: the article's paragraphs with template debris and, below it, a few genuine reader
    comments (so that ordinary Indonesian is not taken for spam), and spam injected in ``style``."""
    paragraphs = [" ".join(p.split()) for p in article.split("\n") if p.strip()]
    if genuine_texts:
        comments = [" ".join(rng.choice(genuine_texts).split()) for _ in range(rng.randint(0, 4))]
        paragraphs += [c for c in comments if len(c.split()) >= 4]
    lines: list[tuple[str, str]] = [(p, "content") for p in paragraphs]
    for _ in range(rng.randint(0, 3)):
        lines.insert(rng.randint(0, len(lines)), (rng.choice(TEMPLATE_DEBRIS), "boilerplate"))
    injected: list[str] = []
    if style == "stuffed_top" or style == "stuffed_bottom":
        injected = _spam_lines(rng, spam_texts, rng.randint(3, 30))
        block = [(s, "spam") for s in injected]
        lines = block + lines if style == "stuffed_top" else lines + block
    elif style == "spliced":
        injected = _spam_lines(rng, spam_texts, rng.randint(1, 4))
        for spam in injected:
            lines.insert(rng.randint(0, len(lines)), (spam, "spam"))
    separator = "\n\n" if rng.random() < 0.5 else "\n"
    return ComposedText(separator.join(text for text, _ in lines), [label for _, label in lines], style,
                        bool(injected), injected)


def iter_composed_texts(data: Path, split: Split, seed: int, per_page: int = 1, without: str | None = None
                        ) -> Iterator[ComposedText]:
    """Composed text pages over the genuine articles of ``split``, spam drawn from the same split, from every
    source but ``without``."""
    rng = random.Random(seed)
    comments = [r for r in youtube_comments(data, split) if r.source != without]
    spam_texts = [r.text for r in comments + landing_pages(data, split) if r.spam and r.source != without]
    genuine_texts = [r.text for r in comments if not r.spam]
    for page in clean_pages(data, split):
        for _ in range(per_page):
            yield compose_text(page.main_content, spam_texts, rng, rng.choice(TEXT_STYLES), genuine_texts)


HTML_STYLES = ("stuffed", "hidden", "link_farm", "spliced", "head_and_url")
_CLOSING_P = re.compile(r"</p\s*>", re.IGNORECASE)
_BODY_OPEN = re.compile(r"<body[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(r"</body\s*>", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>", re.IGNORECASE)
_HEAD_OPEN = re.compile(r"<head[^>]*>", re.IGNORECASE)


@dataclass(slots=True)
class ComposedHtml:
    html: str
    url: str
    style: str
    injected: list[str]
    """The spam texts put into the body (empty for head_and_url, whose spam is in title, meta and URL)."""


_RAW_TEXT_ELEMENT = re.compile(r"<(script|style|template|noscript|textarea)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def _insert_after(pattern: re.Pattern[str], html: str, fragment: str, rng: random.Random, last: bool = False) -> str:
    """Put ``fragment`` after the first, a random (paragraph ends) or before the last match of ``pattern`` in
    the page's markup, never inside a script or template, where a "</p>" is only a string."""
    raw = [m.span() for m in _RAW_TEXT_ELEMENT.finditer(html)]
    matches = [m for m in pattern.finditer(html) if not any(start < m.start() < end for start, end in raw)]
    if not matches:
        return html + fragment if last else fragment + html
    match = matches[-1] if last else rng.choice(matches) if pattern is _CLOSING_P else matches[0]
    at = match.start() if last else match.end()
    return html[:at] + fragment + html[at:]


def _links(rng: random.Random, spam_texts: list[str], n: int) -> tuple[str, list[str]]:
    texts = _spam_lines(rng, [t for t in spam_texts if len(t) < 120], n)
    anchors = " ".join(f'<a href="https://{brand_name(rng).lower()}.xyz/">{text}</a>' for text in texts)
    return anchors, texts


def compose_html(page: CleanPage, spam_texts: list[str], rng: random.Random, style: str) -> ComposedHtml:
    """Inject spam into a genuine HTML page in one of the five ways of :data:`HTML_STYLES`."""
    html, url = page.html(), page.url
    if style == "stuffed":
        injected = _spam_lines(rng, spam_texts, rng.randint(5, 30))
        block = "<div>" + "".join(f"<p>{text}</p>" for text in injected) + "</div>"
        html = _insert_after(_BODY_OPEN, html, block, rng) if rng.random() < 0.5 else \
            _insert_after(_BODY_CLOSE, html, block, rng, last=True)
    elif style == "hidden":
        anchors, injected = _links(rng, spam_texts, rng.randint(5, 25))
        hiding = rng.choice(["display:none", "visibility:hidden", "position:absolute;left:-9999px"])
        html = _insert_after(_BODY_CLOSE, html, f'<div style="{hiding}">{anchors}</div>', rng, last=True)
    elif style == "link_farm":
        anchors, injected = _links(rng, spam_texts, rng.randint(8, 40))
        html = _insert_after(_BODY_CLOSE, html, f'<div class="footer-links">{anchors}</div>', rng, last=True)
    elif style == "spliced":
        injected = _spam_lines(rng, spam_texts, rng.randint(1, 3))
        for text in injected:
            html = _insert_after(_CLOSING_P, html, f"<p>{text}</p>", rng)
    else:
        injected = []
        keywords = keyword_line(rng)
        html = _insert_after(_TITLE, html, keywords.upper() + " - ", rng) if _TITLE.search(html) else \
            _insert_after(_HEAD_OPEN, html, f"<title>{keywords}</title>", rng)
        html = _insert_after(_HEAD_OPEN, html, f'<meta name="description" content="{keyword_line(rng)}">', rng)
        slug = "-".join(keyword_line(rng).upper().split())
        url = url or "https://example.org/"
        url = f"{url}{'&' if '?' in url else '?'}{rng.choice(['id', 'legacy', 'p', 'page'])}={slug}"
    return ComposedHtml(html, url, style, injected)


def warc_record(uri: str, payload: bytes, *, record_type: str = "response",
                content_type: str = "text/html; charset=utf-8", record_id: str | None = None) -> bytes:
    """One WARC/1.0 record: an HTTP response with ``payload`` (``response``), plain ``payload`` (``conversion``,
    as in WET files; ``request``; ``warcinfo``)."""
    if record_type == "response":
        block = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
                 .encode()) + payload
        block_type = "application/http; msgtype=response"
    elif record_type == "request":
        block, block_type = b"GET / HTTP/1.1\r\nHost: example\r\n\r\n", "application/http; msgtype=request"
    else:
        block, block_type = payload, "text/plain" if record_type == "conversion" else "application/warc-fields"
    record_id = record_id or f"urn:uuid:{hashlib.sha1(uri.encode() + record_type.encode()).hexdigest()[:32]}"
    head = (f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Record-ID: <{record_id}>\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2026-11-26T00:00:00Z\r\nContent-Type: {block_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def gzip_member(data: bytes) -> bytes:
    """Records are gzip-compressed one member each in crawl WARCs, so that a reader can seek to any of them."""
    return gzip.compress(data, compresslevel=6, mtime=0)


def iter_crawl_pages(data: Path, seed: int, spam_share: float = 0.3, split: Split | None = None
                     ) -> Iterator[tuple[str, str, bool]]:
    """(url, html, has spam) over the genuine pages, with spam composed into ``spam_share`` of them: the pages of
    a small crawl whose truth is known."""
    rng = random.Random(seed)
    spam_texts = [r.text for r in youtube_comments(data, "test") + landing_pages(data, "test") if r.spam]
    for number, page in enumerate(clean_pages(data, split)):
        url = page.url or f"https://example.org/page/{number}"
        if rng.random() < spam_share:
            composed = compose_html(CleanPage(page.id, url, page.html_path, page.main_content, page.source),
                                    spam_texts, rng, rng.choice(HTML_STYLES))
            yield composed.url, composed.html, True
        else:
            yield url, page.html(), False


DOORWAY_CAMPAIGNS = ("amanah", "pantangpulang")
_VICTIM_SUFFIXES = ("go.id", "ac.id", "sch.id", "desa.id", "or.id")
_VICTIM_WORDS = ("pn", "pa", "rsud", "dinkes", "disdik", "bappeda", "smkn", "sman", "ppid", "lpse", "kab", "kota",
                 "univ", "stikes", "poltek", "kejari", "bpbd", "diskominfo", "puskesmas", "perpus")
_VICTIM_PLACES = ("bangko", "manado", "kuningan", "barru", "paniai", "medan", "tulungagung", "sleman", "jember",
                  "garut", "ambon", "sorong", "bima", "kendari", "palu", "blitar", "kudus", "pati", "sumba")


@dataclass(slots=True)
class DoorwayTemplate:
    """A real doorway page of a hacked-site campaign with its keyword slot marked ``{BRAND}`` (see
    ``../shared/data/doorway/``): ``title`` and ``description`` as the campaign's head fields, ``param`` the query
    parameter the campaign reads its keyword from."""

    campaign: str
    file: str
    path: Path
    title: str
    description: str
    param: str

    def html(self) -> str:
        return read_page(self.path)


def doorway_templates(data: Path, split: Split | None = None) -> list[DoorwayTemplate]:
    """The templates of both campaigns, optionally one split of them (by template file)."""
    templates = []
    for campaign, heads, title_column, param_column in (
            ("amanah", "amanah_index_heads.csv", "title_resolved", None),
            ("pantangpulang", "pantangpulang_heads.csv", "title", "get_param")):
        folder = data / "doorway" / campaign
        seen = set()
        with open(folder / heads, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                file = row["template_file"]
                if not file or file in seen or "{BRAND}" not in row[title_column]:
                    continue
                seen.add(file)
                description = row["meta_description"] if "{BRAND}" in row["meta_description"] else ""
                templates.append(DoorwayTemplate(campaign, file, folder / file, row[title_column], description,
                                                 (row[param_column] if param_column else "") or "log"))
    if split is not None:
        templates = [t for t in templates if split_of(f"door:{t.campaign}:{t.file}") == split]
    return templates


def doorway_brands(data: Path) -> list[str]:
    """The brand keywords doorway campaigns fill their slot with: the amanah campaign's own list (7,757) and the
    gambling site names of the second YouTube set (MIT)."""
    brands = (data / "doorway/amanah/goban_brand_keywords.txt").read_text(encoding="utf-8").split()
    with open(data / "spam/youtube-judol-comments-2/situs_judol.csv", encoding="utf-8", newline="") as fh:
        brands += [row["site"] for row in csv.DictReader(fh) if row["site"].strip()]
    return sorted({b.strip() for b in brands if b.strip()})


def victim_url(rng: random.Random, keyword: str, param: str) -> str:
    """A URL on a made-up Indonesian institution's site that carries ``keyword`` the way the campaigns do: in a
    query parameter or as a path slug."""
    name = rng.choice(_VICTIM_WORDS) + rng.choice(["", "-"]) + rng.choice(_VICTIM_PLACES)
    host = f"{name}.{rng.choice(_VICTIM_SUFFIXES)}"
    path = rng.choice(["/", "/pengumuman/", "/wp-content/uploads/", "/public/", "/assets/files/"])
    if rng.random() < 0.7:
        return f"https://{host}{path}?{param}={keyword}"
    return f"https://{host}{path}{keyword.lower()}/"


def fill_doorway(template: DoorwayTemplate, brand: str, rng: random.Random) -> tuple[str, str]:
    """(html, url) of a doorway page as a crawler saw it: the slot filled with ``brand``."""
    url = victim_url(rng, brand, template.param)
    other = brand if rng.random() < 0.5 else brand.lower()
    html = (template.html().replace("{BRAND}", brand).replace("{URL}", url).replace("{KEYWORD_URL}", url)
            .replace("{KEYWORD}", other))
    return html, url


def search_result(title: str, description: str, url: str, snippet_chars: int = 160) -> str:
    """A search result as a crawl or a search API gives it: the title, then the snippet (the description cut at a
    word near ``snippet_chars``), one per line (:func:`spamsift.core.segment.titled_text`); the URL travels beside
    it."""
    snippet = description if len(description) <= snippet_chars else \
        description[:snippet_chars].rsplit(" ", 1)[0] + " ..."
    return titled_text(title, snippet)


_META_DESCRIPTION = re.compile(r"""(<meta\s+name=["']description["']\s+content=["'])""", re.IGNORECASE)


def inject_doorway_head(page: CleanPage, brand: str, rng: random.Random) -> tuple[str, str]:
    """(html, url) of a genuine page whose head a doorway kit rewrote: the keyword before the page's own title
    (after a separator glyph), opening its meta description, and in its URL."""
    html = page.html()
    separator = rng.choice([" | ", " - ", " : ", " ✈️ ", " ⚡ ", " 🔥 ", " "])
    if _TITLE.search(html):
        html = _insert_after(_TITLE, html, brand + separator, rng)
    else:
        html = _insert_after(_HEAD_OPEN, html, f"<title>{brand}</title>", rng)
    opening = rng.choice(["{b} adalah ", "{b} merupakan ", "{b}, ", "{b} - "]).format(b=brand)
    if rng.random() >= 0.3 and _META_DESCRIPTION.search(html):  # the page's own description, keyword first
        html = _META_DESCRIPTION.sub(lambda m: m.group(1) + opening, html, count=1)
    else:  # an injected description beside the page's own, or its only one
        html = _insert_after(_HEAD_OPEN, html, f'<meta name="description" content="{opening}situs resmi">', rng)
    base = page.url or "https://example.org/"
    parts = base.split("?")[0].rstrip("/")
    url = f"{parts}/?{rng.choice(['id', 'page', 'q', 'log', 'p'])}={brand}" if rng.random() < 0.7 else \
        f"{parts}/{brand.lower()}/"
    return html, url


@dataclass(slots=True)
class MultilingualPage:
    """A real page of ``../shared/data/multilingual/``: a gambling operator's, affiliate's or clone kit's page, or a
    genuine one; ``repository`` is its source, whose pages are near-templates of each other."""

    file: str
    path: Path
    language: str
    gambling: bool
    repository: str

    def html(self) -> str:
        return read_page(self.path)


def multilingual_pages(data: Path) -> list[MultilingualPage]:
    folder = data / "multilingual"
    with open(folder / "index.csv", encoding="utf-8", newline="") as fh:
        return [MultilingualPage(row["file"], folder / row["file"], row["lang"], row["label"] == "gambling",
                                 row["repo"]) for row in csv.DictReader(fh)]


def youtube_comments_2(data: Path, split: Split | None = None) -> list[LabelledText]:
    """The second YouTube set (other channels, later); split by comment id, as it carries no video id."""
    rows = []
    with open(data / "spam/youtube-judol-comments-2/judol_yt_comments.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["text"].strip() and (split is None or split_of("yt2:" + row["comment_id"]) == split):
                rows.append(LabelledText(row["text"], row["label"] == "1", row["comment_id"], "youtube-2"))
    return rows


def telegram_messages(data: Path) -> list[LabelledText]:
    """The Chinese Telegram set, for evaluation only (GPL-3.0: never train shipped weights on it): spam means its
    gambling rows (spam label and gambling keyword flag), and its chat rows are the negatives; other advertising is
    left out, being neither."""
    rows = []
    with open(data / "spam/telegram-spam-zh/tg_spam_zh.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            gambling = row["label"] == "1" and row["gambling_kw"] == "1"
            if row["text"].strip() and (gambling or row["label"] == "0"):
                rows.append(LabelledText(row["text"], gambling, row["split"], "telegram-zh"))
    return rows


@dataclass(slots=True)
class CrawlPage:
    url: str
    html: str
    campaign: str | None
    """Which planted campaign the page belongs to; None for a genuine page."""


CAMPAIGN_STYLES = ("doorway", "doorway", "link_farm", "hidden", "stuffed", "cloaking")
"""How each planted campaign of :func:`campaign_crawl` infects its victims."""
_GENERIC_ANCHORS = ("slot gacor", "link alternatif", "daftar slot online")
"""Anchors every injection campaign uses, which must not tie them together."""
_SHORTENER = "https://bit.ly/"


def campaign_crawl(data: Path, seed: int, hosts_per_campaign: int = 25, genuine_hosts: int = 160
                   ) -> list[CrawlPage]:
    """A crawl whose campaigns are known: genuine pages of ``genuine_hosts`` hosts, and one campaign per
    :data:`CAMPAIGN_STYLES` entry on ``hosts_per_campaign`` victim hosts each (one or two pages a host). Campaigns
    differ in brands (the amanah campaign's list, disjoint), link targets (shipped gambling domains, disjoint) and
    templates; the injection campaigns share generic anchors and a link shortener."""
    from spamsift.core.links import gambling_domains

    rng = random.Random(seed)
    pages: list[CrawlPage] = []
    seen_hosts = set()
    clean = clean_pages(data)
    for page in clean:
        host = page.url.split("/")[2] if page.url.count("/") >= 2 else ""
        if host and host not in seen_hosts and len(seen_hosts) < genuine_hosts:
            seen_hosts.add(host)
            pages.append(CrawlPage(page.url, page.html(), None))
    brands = doorway_brands(data)
    rng.shuffle(brands)
    domains = sorted(gambling_domains())
    rng.shuffle(domains)
    templates = {campaign: [t for t in doorway_templates(data) if t.campaign == campaign] for campaign in
                 DOORWAY_CAMPAIGNS}
    spam_lines = [r.text for r in youtube_comments(data, "test") if r.spam and 40 < len(r.text) < 160]
    for number, style in enumerate(CAMPAIGN_STYLES):
        name = f"campaign-{number + 1}-{style}"
        own_brands = brands[number * 8:(number + 1) * 8]
        targets = domains[number * 3:(number + 1) * 3]
        template = rng.choice(templates[DOORWAY_CAMPAIGNS[number % 2]])
        block_lines = rng.sample(spam_lines, 8)
        for victim in range(hosts_per_campaign):
            place, suffix = rng.choice(_VICTIM_PLACES), rng.choice(_VICTIM_SUFFIXES)
            host = f"{rng.choice(_VICTIM_WORDS)}{number}{victim}.{place}.{suffix}"
            for page_number in range(rng.randint(1, 2)):
                brand = rng.choice(own_brands)
                if style == "doorway":
                    html, url = fill_doorway(template, brand, rng)
                    url = f"https://{host}/{url.split('/', 3)[3]}"
                else:
                    genuine = rng.choice(clean)
                    url = f"https://{host}/berita/{page_number}"
                    html = _inject_campaign(genuine.html(), style, own_brands, targets, block_lines, rng)
                pages.append(CrawlPage(url, html, name))
    rng.shuffle(pages)
    return pages


def _inject_campaign(html: str, style: str, brands: list[str], targets: list[str], block_lines: list[str],
                     rng: random.Random) -> str:
    anchors = [f'<a href="https://{rng.choice(targets)}/">{brand} {rng.choice(_GENERIC_ANCHORS)}</a>'
               for brand in rng.sample(brands, 5)]
    anchors.append(f'<a href="{_SHORTENER}{rng.randrange(10**6)}">{rng.choice(_GENERIC_ANCHORS)}</a>')
    if style == "link_farm":
        fragment = f'<div class="footer-links">{" ".join(anchors)}</div>'
    elif style == "hidden":
        fragment = f'<div style="display:none">{" ".join(anchors)}</div>'
    elif style == "stuffed":
        fragment = "<div>" + "".join(f"<p>{line}</p>" for line in block_lines) + f"<p>{rng.choice(brands)}</p></div>"
    else:
        fragment = (f'<script>if (!/googlebot|bingbot/i.test(navigator.userAgent)) {{ window.location.replace('
                    f'"https://{targets[0]}/"); }}</script><div style="display:none">{" ".join(anchors)}</div>')
    return _insert_after(_BODY_CLOSE, html, fragment, rng, last=True)


_NAME_WORD = re.compile(r"\b[^\W_]{3,20}\b")


@dataclass(slots=True)
class GenuineNames:
    """Names as genuine pages and text write them, in the brand name model's form
    (:func:`spamsift.core.brandname.name_form`)."""

    names: set[str]
    """The names of the sites genuine pages link to, of the ordinary sites of the landing-page set, and the words of
    genuine text written with digits or in capitals (four letters or more): what a keyword slot could hold."""
    words: set[str]
    """The other words of genuine text, ordinary words."""


def genuine_names(data: Path, split: Split) -> GenuineNames:
    """The :class:`GenuineNames` of ``split``: of its genuine pages (both extraction benchmarks), the genuine comments
    of both YouTube sets and the ordinary sites' OCR text. Names of a listed gambling domain are left out."""
    found = GenuineNames(set(), set())
    pages = clean_pages(data, split)
    for page in pages:
        for segment in parse_html(page.html(), page.url).segments:
            found.names.update(name for host in segment.link_hosts
                               if not gambling_domain_of(host) and (name := registered_name(host)))
    texts = [page.main_content for page in pages]
    for row in youtube_comments(data, split) + youtube_comments_2(data, split) + landing_pages(data, split):
        if not row.spam:
            texts.append(row.text)
            if row.source == "ocr" and not gambling_domain_of(row.group) and (name := registered_name(row.group)):
                found.names.add(name)
    for text in texts:
        for word in _NAME_WORD.findall(text):
            form = name_form(word)
            if not form.isascii() or form.isdigit():
                continue
            if any(ch.isdigit() for ch in form) or (word.isupper() and len(word) >= 4):
                found.names.add(form)
            elif form.isalpha():
                found.words.add(form)
    found.words -= found.names
    return found
