"""``spamsift scan`` against a small hacked site served by a real HTTP server on loopback.

The site has a clean home page, a page cloaked by User-Agent (Googlebot gets gambling lines), a page cloaked by
Referer (visitors from Google get them), a page that redirects only Googlebot to a gambling page, a hidden
injection every visitor gets, a keyword-injected URL in its sitemap, and a robots.txt rule over a page that
must never be fetched. The articles are real pages of the Zyte extraction benchmark.
"""

import json
import subprocess
import sys
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from conftest import DATA

from spamsift.devdata import clean_pages
from spamsift.scan.site import HostPacer, ScanLimits, SiteScanner, scan_site

SPAM_LINES = ["slot gacor hari ini", "situs togel terpercaya", "dapurtoto link alternatif", "RTP slot maxwin",
              "bandar togel online", "daftar slot gacor 4d", "togel hk sgp sydney", "mahjong ways 2 gacor"]
SPAM_BLOCK = "".join(f"<p><a href='https://dapurtoto.example/'>{line}</a></p>" for line in SPAM_LINES)


GENERATOR_BRANDS = [f"{name}{number}" for name in ("PANDAPLAY", "RAJATOGEL", "DEWIHOKI", "KILATJP")
                    for number in (77, 88, 138, 303, 777, 4)]
"""The keywords of a doorway generator planted in the sitemap: /pengumuman/?log=KEYWORD."""


def _article(index: int) -> tuple[str, list[str]]:
    page = [p for p in clean_pages(DATA) if p.source == "scrapinghub"][index]
    paragraphs = [p for p in page.main_content.split("\n") if len(p.split()) > 8][:8]
    return paragraphs[0][:80], paragraphs


def _html(title: str, paragraphs: list[str], extra: str = "") -> str:
    nav = "".join(f"<li><a href='{href}'>{name}</a></li>" for href, name in
                  [("/", "Beranda"), ("/berita/ppdb", "PPDB"), ("/berita/anggaran", "Anggaran"), ("/profil", "Profil"),
                   ("/layanan", "Layanan"), ("/private/laporan", "Laporan")])
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body><nav><ul>{nav}</ul></nav>"
            f"<main><article><h1>{escape(title)}</h1>{body}</article></main>{extra}"
            "<footer>© Dinas Pendidikan</footer></body></html>")


class HackedSite:
    """The pages, by path, as a function of who asks; every request path is recorded."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.base = ""
        self.articles = [_article(i) for i in range(5)]

    def respond(self, path: str, agent: str, referer: str) -> tuple[int, dict[str, str], str]:
        googlebot, from_google = "Googlebot" in agent, "google." in referer
        title, paragraphs = self.articles[0]
        if path == "/robots.txt":
            return 200, {}, f"User-agent: *\nDisallow: /private/\n\nSitemap: {self.base}/sitemap_index.xml\n"
        if path == "/sitemap_index.xml":
            return 200, {}, ("<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                             f"<sitemap><loc>{self.base}/sitemap-pages.xml</loc></sitemap></sitemapindex>")
        if path == "/sitemap-pages.xml":
            locs = ["/", "/berita/ppdb", "/profil", "/?id=SLOT-GACOR-4D", "/private/laporan"]
            locs += [f"/pengumuman/?log={brand}" for brand in GENERATOR_BRANDS]
            return 200, {}, ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                             + "".join(f"<url><loc>{self.base}{escape(loc)}</loc></url>" for loc in locs) + "</urlset>")
        if path == "/":
            return 200, {}, _html(title, paragraphs)
        if path == "/?id=SLOT-GACOR-4D":
            return 200, {}, _html("Slot Gacor 4D Hari Ini", [], SPAM_BLOCK)
        if path == "/berita/ppdb":
            title, paragraphs = self.articles[1]
            return 200, {}, _html(title, paragraphs, SPAM_BLOCK if googlebot else "")
        if path == "/berita/anggaran":
            title, paragraphs = self.articles[2]
            return 200, {}, _html(title, paragraphs, SPAM_BLOCK if from_google else "")
        if path == "/profil":
            title, paragraphs = self.articles[3]
            return 200, {}, _html(title, paragraphs, f"<div style='position:absolute;left:-9999px'>{SPAM_BLOCK}</div>")
        if path == "/layanan":
            if googlebot:
                return 302, {"Location": "/amp/"}, ""
            title, paragraphs = self.articles[4]
            return 200, {}, _html(title, paragraphs)
        if path == "/amp/":
            return 200, {}, _html("Situs Slot Gacor Maxwin", [], SPAM_BLOCK)
        if path == "/flaky":  # not linked: fails once, for the retry test
            return (503, {}, "busy") if self.requests.count("/flaky") == 1 else (200, {}, _html(title, paragraphs))
        if path.startswith("/private/"):
            return 200, {}, _html("Laporan", [], SPAM_BLOCK)
        return 404, {}, "not found"


@pytest.fixture(scope="module")
def site():
    hacked = HackedSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hacked.requests.append(self.path)
            status, headers, body = hacked.respond(self.path, self.headers.get("User-Agent", ""),
                                                   self.headers.get("Referer", ""))
            data = body.encode("utf-8")
            self.send_response(status)
            kind = "application/xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    hacked.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield hacked
    server.shutdown()


@pytest.fixture(scope="module")
def scanned(site):
    limits = ScanLimits(delay=0.0, allow_private=True, max_pages=30, retries=0)
    return scan_site(site.base, limits)


def _page(scan, path, base):
    return next(p for p in scan.pages if p.url == base + path)


def test_clean_pages_are_not_flagged(scanned, site):
    home = _page(scanned, "/", site.base)
    assert not home.infected and not home.cloaked
    assert all(view.report.label == "clean" for view in home.views.values())


def test_page_cloaked_by_user_agent_is_found_with_its_differing_blocks(scanned, site):
    page = _page(scanned, "/berita/ppdb", site.base)
    assert page.cloaked and page.label == "gambling"
    assert page.views["browser"].report.label == "clean"
    assert {b.text for b in page.differing["crawler"]} == set(SPAM_LINES)
    assert "referred" not in page.differing


def test_page_cloaked_by_referer_is_found_with_its_differing_blocks(scanned, site):
    page = _page(scanned, "/berita/anggaran", site.base)
    assert page.cloaked
    assert {b.text for b in page.differing["referred"]} == set(SPAM_LINES)
    assert "crawler" not in page.differing


def test_redirect_only_for_the_crawler_is_reported(scanned, site):
    page = _page(scanned, "/layanan", site.base)
    assert page.cloaked
    assert page.views["crawler"].final_url == site.base + "/amp/"
    assert any("redirect only in the crawler view" in reason for reason in page.reasons)


def test_hidden_injection_is_infected_but_not_cloaked(scanned, site):
    page = _page(scanned, "/profil", site.base)
    assert page.infected and not page.cloaked
    spam = page.views["browser"].report.spam_blocks
    assert len(spam) == len(SPAM_LINES) and all(block.hidden for block in spam)


def test_keyword_injected_sitemap_url_is_reported_and_judged(scanned, site):
    injected = {u.url: u for u in scanned.injected_urls}
    entry = injected[site.base + "/?id=SLOT-GACOR-4D"]
    assert entry.found_in == "sitemap" and "slot gacor" in entry.evidence
    assert _page(scanned, "/?id=SLOT-GACOR-4D", site.base).label == "gambling"
    assert all("/berita/" not in url for url in injected)


def test_robots_txt_is_obeyed(scanned, site):
    assert site.base + "/private/laporan" in scanned.skipped_by_robots
    assert not any(path.startswith("/private/") for path in site.requests)
    assert scanned.summary()["robots"] == "found"


def test_every_page_is_fetched_in_three_views(scanned):
    # /, the sitemap's three other public pages and two of its doorway generator's, and /berita/anggaran and
    # /layanan found by links
    generator = [f"/pengumuman/?log={brand}" for brand in GENERATOR_BRANDS[:2]]
    assert sorted(p.url.removeprefix(scanned.site.rstrip("/")) for p in scanned.pages) == sorted([
        "/", "/?id=SLOT-GACOR-4D", "/berita/anggaran", "/berita/ppdb", "/layanan", "/profil", *generator])
    assert all(set(page.views) == {"browser", "crawler", "referred"} for page in scanned.pages)


def test_page_limit_is_kept(site):
    assert len(scan_site(site.base, ScanLimits(delay=0.0, allow_private=True, max_pages=2)).pages) == 2


def test_transient_failures_are_retried_with_backoff(site):
    with httpx.Client() as client:
        scanner = SiteScanner(site.base, ScanLimits(delay=0.0, allow_private=True, retries=1, backoff=0.05), client)
        assert scanner.fetch(site.base + "/flaky").status == 200
    assert site.requests.count("/flaky") == 2


def test_requests_to_one_host_are_spaced_by_the_delay():
    pacer = HostPacer(0.2)
    started = time.monotonic()
    for _ in range(3):
        pacer.wait("example.go.id")
    pacer.wait("other.example")
    assert 0.4 <= time.monotonic() - started < 0.6


def test_scan_refuses_loopback_unless_allowed():
    result = scan_site("http://127.0.0.1:9/", ScanLimits(delay=0.0, retries=0))
    assert result.error and "refused" in result.error and not result.pages


def test_a_doorway_generator_is_one_finding_with_its_parameter_and_count(scanned, site):
    assert [(g.pattern, g.parameter, g.count) for g in scanned.doorway_generators] == [
        ("/pengumuman/?log={keyword}", "log", len(GENERATOR_BRANDS))]
    assert not any("?log=" in u.url for u in scanned.injected_urls)
    fetched = [path for path in site.requests if path.startswith("/pengumuman/?log=")]
    assert len(set(fetched)) == 2  # a sample, not the kit's every keyword


def test_cli_scan_json_and_html_report(site, tmp_path):
    """The same hacked site under two host names: one JSON object per site, then the campaigns across them."""
    report = tmp_path / "report.html"
    other = site.base.replace("127.0.0.1", "localhost")
    done = subprocess.run([sys.executable, "-m", "spamsift", "scan", site.base, other, "--allow-private", "--delay",
                           "0", "--json", "--html", str(report)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    result, second, campaigns = (json.loads(line) for line in done.stdout.splitlines())
    assert result["site"] == site.base + "/" and second["site"] == other + "/" and second["summary"]["infected"]
    assert [sorted(c["hosts"]) for c in campaigns["campaigns"]] == [["127.0.0.1", "localhost"]]
    assert result["summary"]["cloaked"] == 3 and result["summary"]["infected"] == 5
    page = next(p for p in result["pages"] if p["url"].endswith("/berita/ppdb"))
    assert page["cloaked"] and set(page["views"]) == {"browser", "crawler", "referred"}
    assert page["views"]["browser"]["label"] == "clean" and page["views"]["crawler"]["label"] == "gambling"
    html = report.read_text(encoding="utf-8")
    assert "CLOAKED" in html and "class='views'" in html and "differs" in html and "SLOT-GACOR-4D" in html
    assert "Campaigns across the scanned sites" in html
