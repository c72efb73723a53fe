"""HTML pages: hidden injections, injected head tags and URLs, link farms, salvage of the article."""

import gzip

import spamsift

ARTICLE = """
<article>
<h1>City council approves new bicycle lanes</h1>
<p>The city council voted on Tuesday to build twelve kilometres of protected bicycle lanes across the
centre, after two years of consultation with residents and shop owners.</p>
<p>Construction will start in the spring and is expected to last eighteen months, the transport office
said, with the first section opening along the river before the summer holidays.</p>
<p>Opponents argued that parking spaces would be lost, but the final plan keeps most of them by moving
parking to side streets and adding a new car park near the station.</p>
</article>
"""


def page(body: str, head: str = "<title>Bicycle lanes approved</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_clean_article_page_is_clean_and_salvaged():
    report = spamsift.check(html=page("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>" + ARTICLE))
    assert report.label == "clean"
    assert "protected bicycle lanes" in report.clean_text
    assert "Home" not in report.clean_text.split("\n")


def test_hidden_link_block_is_found_with_its_evidence_and_locator():
    hidden = ('<div style="display:none">' + " ".join(
        f'<a href="https://slot{i}.example-gacor.xyz/">situs slot gacor maxwin {i}</a>' for i in range(8)) + "</div>")
    report = spamsift.check(html=page(ARTICLE + hidden))
    assert report.label == "gambling"
    spam = report.spam_blocks
    assert spam and all(block.hidden for block in spam)
    assert any("hidden by display:none" in reason for block in spam for reason in block.reasons)
    assert all(block.locator and "div" in block.locator for block in spam)
    assert "gacor" not in report.clean_text
    assert "protected bicycle lanes" in report.clean_text


def test_hidden_by_style_sheet_class_is_seen():
    body = ARTICLE + '<div class="sponsor-x"><p>bandar togel online terpercaya, daftar sekarang</p></div>'
    report = spamsift.check(html=page(body, head="<style>.sponsor-x{position:absolute;left:-9999px}</style>"))
    assert any("off-screen positioning" in r for b in report.spam_blocks for r in b.reasons)


def test_footer_link_farm_is_spam():
    farm = "<footer>" + " ".join(
        f'<a href="https://{name}.com/">{name}</a>' for name in
        ["dapurtoto", "hokibet88", "zeus303", "megatogel", "rajaslot777", "nagagacor", "kingtoto4d"]) + "</footer>"
    report = spamsift.check(html=page(ARTICLE + farm))
    assert report.label == "gambling"
    assert any(b.kind == "spam" and "dapurtoto" in b.text for b in report.blocks)
    assert "protected bicycle lanes" in report.clean_text


def test_injected_title_and_url_are_reported():
    head = ('<title>SLOT GACOR MAXWIN - Situs Togel Terpercaya</title>'
            '<meta name="description" content="Daftar slot gacor">')
    report = spamsift.check(html=page(ARTICLE, head=head), url="https://dinas.example.go.id/?id=SLOT-GACOR-4D")
    assert report.label == "gambling"
    joined = " | ".join(report.reasons)
    assert "spam in title" in joined
    assert "keyword in URL" in joined


def test_block_offsets_point_into_the_segmented_text():
    report = spamsift.check(html=page(ARTICLE))
    for block in report.blocks:
        assert report.text[block.start:block.end] == block.text


def test_real_clean_pages_from_the_benchmarks_are_not_flagged():
    from conftest import DATA

    pages = sorted((DATA / "clean/scrapinghub/html").glob("*.html.gz"))[:25]
    flagged = [p.name for p in pages
               if spamsift.check(html=gzip.decompress(p.read_bytes()).decode("utf-8", "replace")).is_spam]
    assert flagged == []


def test_deeply_nested_and_unclosed_markup_is_handled():
    deep = "<div>" * 100_000 + "situs togel terpercaya" + "</div>" * 10
    report = spamsift.check(html=page(deep))
    assert report.blocks and report.blocks[-1].text == "situs togel terpercaya"
    assert report.blocks[-1].locator.startswith("… > div")
    unclosed = spamsift.check(html="<html><body><p>unclosed <b>bold <i>text <table><tr><td>cell")
    assert "cell" in unclosed.text


def test_a_lone_gambling_word_in_a_menu_is_not_spam():
    menu = ("<nav><ul><li><a href='/news'>News</a></li><li><a href='/betting'>Betting</a></li>"
            "<li><a href='/football'>Football</a></li><li><a href='/login'>LOGIN</a></li></ul></nav>")
    report = spamsift.check(html=page(menu + ARTICLE))
    assert report.label == "clean"
    assert not report.spam_blocks


def test_hidden_tab_that_promotes_nothing_is_not_spam():
    tab = '<div style="opacity:0"><p>Dual Slot: SD/SDHC/SDXC (UHS-I)</p><p>Media/Memory Card Slot</p></div>'
    report = spamsift.check(html=page(ARTICLE + tab))
    assert report.label == "clean"
    assert not report.spam_blocks
