"""HTML pages: hidden injections, injected head tags and URLs, link farms, salvage of the article."""

import gzip
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spamsift
from spamsift.html._walk import MAX_LOCATOR_STEPS

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


@pytest.mark.parametrize(("hiding", "reason"), [
    ('style="visibility: hidden"', "visibility:hidden"),
    ('style="position:absolute; left:-9999px"', "off-screen positioning"),
    ('style="font-size:0px"', "tiny font"),
    ('style="height:0; overflow:hidden"', "zero size"),
    ('style="height:1px; overflow:hidden"', "zero size"),
    ('style="position:absolute; clip:rect(0,0,0,0)"', "clipped away"),
    ("hidden", "hidden attribute"),
    ('style="color:#ffffff; background-color:#ffffff"', "text coloured like its background"),
])
def test_each_way_of_hiding_an_injection_is_named_and_kept_out_of_the_clean_text(hiding, reason):
    body = ARTICLE + f"<div {hiding}><p>bandar togel online terpercaya, situs slot gacor maxwin</p></div>"
    report = spamsift.check(html=page(body))
    hidden = [b for b in report.blocks if b.hidden]
    assert [b.text for b in hidden] == ["bandar togel online terpercaya, situs slot gacor maxwin"]
    assert hidden[0].kind == "spam"
    assert f"hidden by {reason}" in hidden[0].reasons
    assert "togel" not in report.clean_text and "protected bicycle lanes" in report.clean_text


def test_an_injection_in_noscript_is_kept_as_hidden_evidence():
    """Browsers run scripts, so a <noscript> block's text reaches crawlers alone."""
    links = " ".join(f'<a href="https://{name}.xyz/">{name}</a>' for name in ("slotgacor", "situstogel", "dapurtoto"))
    report = spamsift.check(html=page(ARTICLE + f"<noscript>{links}</noscript>"))
    assert report.label == "gambling"
    assert [b.text for b in report.spam_blocks] == ["slotgacor situstogel dapurtoto"]
    assert "hidden by <noscript>" in report.spam_blocks[0].reasons
    assert "dapurtoto" not in report.clean_text


@pytest.mark.parametrize("size", ["1em", "1rem", "0.8em", ".85em", "0.75rem", "12px"])
def test_ordinary_small_print_is_not_hidden(size):
    report = spamsift.check(html=page(ARTICLE + f'<p style="font-size:{size}">Photo: City Council press office.</p>'))
    assert not any(block.hidden for block in report.blocks)


@pytest.mark.parametrize("promotion", [
    "สล็อตเว็บตรง แตกง่าย ฝากถอนไม่มีขั้นต่ำ สมัครสล็อต เครดิตฟรี",       # Thai
    "nhà cái uy tín, đăng ký nhận thưởng, nổ hũ, tài xỉu online",          # Vietnamese
    "澳门威尼斯人 在线赌场 百家乐 真人娱乐 注册送彩金",                        # Chinese
    "토토사이트 추천 안전놀이터 먹튀검증 카지노사이트",                         # Korean
    "cassino online, bônus de boas-vindas, rodadas grátis, apostas esportivas",  # Portuguese
    "casino en línea, bono sin depósito, tiradas gratis, apuestas deportivas",   # Spanish
])
def test_a_promotion_in_another_language_injected_into_a_page_is_located(promotion):
    """The models learned Indonesian promotions only; the other languages' vocabularies name these."""
    report = spamsift.check(html=page(ARTICLE + f"<div>{promotion}</div>"))
    assert report.label == "gambling", report.score
    assert [block.text for block in report.spam_blocks] == [promotion]


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
    assert any("7 links to 7 domains in" in r for b in report.spam_blocks for r in b.reasons)
    assert "protected bicycle lanes" in report.clean_text


def test_open_graph_and_meta_keywords_injections_are_reported_where_they_were_found():
    head = ('<title>Bicycle lanes approved</title><meta name="keywords" content="slot gacor, togel online, maxwin">'
            '<meta property="og:title" content="Situs Slot Gacor Maxwin Hari Ini">')
    report = spamsift.check(html=page(ARTICLE, head=head))
    assert report.label == "gambling"
    joined = " | ".join(report.reasons)
    assert "spam in meta keywords" in joined
    assert "spam in meta og:title" in joined
    assert "spam in title" not in joined


def test_injected_title_and_url_are_reported():
    head = ('<title>SLOT GACOR MAXWIN - Situs Togel Terpercaya</title>'
            '<meta name="description" content="Daftar slot gacor">')
    report = spamsift.check(html=page(ARTICLE, head=head), url="https://dinas.example.go.id/?id=SLOT-GACOR-4D")
    assert report.label == "gambling"
    joined = " | ".join(report.reasons)
    assert "spam in title" in joined
    assert "keyword in URL" in joined


def test_keywords_put_before_the_own_title_beside_the_own_description_and_after_a_long_path_are_reported():
    """Hacked pages keep their own title, description and path; the injection sits beside them."""
    head = ('<title>BOSNAGA SLOT GACOR - Recent Trends in Mental Health Among Adolescents | KFF</title>'
            '<meta name="description" content="10 situs slot gacor terpercaya">'
            '<meta name="description" content="About 1 in 5 adolescents report symptoms of anxiety or depression, '
            'according to an analysis of a new federal survey of teen health.">')
    url = ("https://www.example.org/mental-health/recent-trends-in-mental-health-and-substance-use-concerns-among-"
           "adolescents/?id=AGEN-SLOT-GACOR")
    report = spamsift.check(html=page(ARTICLE, head=head), url=url)
    assert report.label == "gambling"
    joined = " | ".join(report.reasons)
    assert "spam in title" in joined
    assert "spam in meta description" in joined
    assert "keyword in URL" in joined
    title_only = spamsift.check(html=page(ARTICLE, head="<title>Daftar Harga - Bicycle lanes approved</title>"))
    assert title_only.label == "clean"


def test_style_sheet_rules_in_media_blocks_and_left_unclosed_hide_what_they_name():
    css = ("@media screen { .promo-box { display: none } } .side-note { color: red }"
           ".sticky-links {\ndisplay:none;\n .other { opacity: 1; }")
    body = ARTICLE + ('<div class="promo-box"><p>bandar togel online terpercaya</p></div>'
                      '<div class="sticky-links"><p>situs slot gacor maxwin</p></div>'
                      '<div class="side-note"><p>The lanes will be painted green.</p></div>')
    report = spamsift.check(html=page(body, head=f"<style>{css}</style>"))
    hidden = {b.text: b.reasons for b in report.blocks if b.hidden}
    assert set(hidden) == {"bandar togel online terpercaya", "situs slot gacor maxwin"}
    assert any("display:none rule for .promo-box" in r for r in hidden["bandar togel online terpercaya"])


def test_a_style_sheet_of_a_hundred_thousand_hiding_rules_is_read_in_one_pass():
    """Each hiding rule once asked for the ``@media`` block before it by searching back to the sheet's start: a
    sheet of 120,000 rules took most of a minute. Rules inside a width-dependent block stay visible."""
    css = ("@media (max-width: 600px) {" + "".join(f".m{i} {{ display:none }}" for i in range(3)) + "}"
           + "".join(f".c{i}{{display:none}}" for i in range(120_000)))
    body = ARTICLE + ('<div class="m1"><p>The lanes will be painted green.</p></div>'
                      '<div class="c119999"><p>situs slot gacor maxwin</p></div>')
    started = time.perf_counter()
    report = spamsift.check(html=page(body, head=f"<style>{css}</style>"))
    assert time.perf_counter() - started < 10
    hidden = {b.text: b.reasons for b in report.blocks if b.hidden}
    assert set(hidden) == {"situs slot gacor maxwin"}
    assert "hidden by display:none rule for .c119999" in hidden["situs slot gacor maxwin"]


SECOND_STORY = ("The transport office will publish a map of the new lanes next month, and residents can send their "
                "comments on the crossings near the schools until the end of the year.")
THIRD_STORY = ("Cycling groups welcomed the vote and said they would help the council count riders on the first "
               "section once it opens, to show how many people use it every day.")


def test_copies_for_other_screens_and_streamed_content_are_visible_and_kept_once():
    """Site builders hide a page's phone and desktop copies by width-dependent @media rules; React streams content
    into ``<div hidden id="S:0">`` and a script shows it; pages fade in from ``opacity:0``. Visitors see all of
    it, so it is content, and the clean text keeps one copy."""
    css = ("@media (min-width: 810px) { .phone-copy { display: none !important } }"
           "@media (max-width: 809px) { .desktop-copy { display: none !important } }")
    body = (f'<div class="desktop-copy">{ARTICLE}</div><div class="phone-copy">{ARTICLE}</div>'
            f'<div hidden id="S:0"><p>{SECOND_STORY}</p></div><div style="opacity:0"><p>{THIRD_STORY}</p></div>')
    report = spamsift.check(html=page(body, head=f"<style>{css}</style>"))
    assert not any(b.hidden for b in report.blocks)
    assert report.clean_text.count("The city council voted on Tuesday") == 1
    assert SECOND_STORY in report.clean_text and THIRD_STORY in report.clean_text
    hidden_by_attribute = spamsift.check(html=page(ARTICLE + f"<div hidden><p>{SECOND_STORY}</p></div>"))
    assert [b.text for b in hidden_by_attribute.blocks if b.hidden] == [SECOND_STORY]


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


def test_a_block_is_located_by_the_css_path_of_its_element():
    report = spamsift.check(html="<html><body><div id='main'><p>one two three</p><p>four <b>five</b> six</p></div>"
                                 "<ul><li>seven</li></ul></body></html>")
    assert [block.locator for block in report.blocks] == [
        "html > body > div#main > p:nth-child(1)", "html > body > div#main > p:nth-child(2)",
        "html > body > ul:nth-child(2) > li:nth-child(1)"]


def test_deeply_nested_and_unclosed_markup_is_handled():
    """100,000 nested divs would keep the parser busy for most of a minute: such markup is read as text."""
    deep = "<div>" * 100_000 + "situs togel terpercaya" + "</div>" * 10
    started = time.perf_counter()
    report = spamsift.check(html=page(deep))
    assert time.perf_counter() - started < 10
    assert report.blocks and report.blocks[-1].text == "situs togel terpercaya"
    assert any("elements open: read as text" in r for r in report.reasons)
    nested = spamsift.check(html=page("<div>" * 200 + "situs togel terpercaya" + "</div>" * 200))
    steps = nested.blocks[-1].locator.split(" > ")
    assert steps[0] == "…" and len(steps) == 1 + MAX_LOCATOR_STEPS
    assert set(steps[1:]) == {"div:nth-child(1)"}
    unclosed = spamsift.check(html="<html><body><p>unclosed <b>bold <i>text <table><tr><td>cell")
    assert "cell" in unclosed.text


def test_markup_nested_deeper_than_any_page_is_read_as_text_in_bounded_time():
    """Each block's ancestors are walked for its layout features: 20,000 nested elements, each with a class name
    of its own and a line of text, took 90 s and 10 GB before such nesting was read as text."""
    def name(i: int) -> str:
        return "".join(chr(97 + int(digit)) for digit in str(i)) + "x"

    deep = "".join(f"<div class='{name(i)}'>line {name(i)} of an ordinary text " for i in range(20_000))
    started = time.perf_counter()
    report = spamsift.check(html=page(deep + "<div>situs togel terpercaya</div>"))
    assert time.perf_counter() - started < 10
    assert "markup nests more than 256 elements deep: read as text" in report.reasons
    assert report.blocks[-1].text == "situs togel terpercaya" and report.blocks[-1].kind == "spam"


def test_a_lone_gambling_word_in_a_menu_is_not_spam():
    menu = ("<nav><ul><li><a href='/news'>News</a></li><li><a href='/betting'>Betting</a></li>"
            "<li><a href='/football'>Football</a></li><li><a href='/login'>LOGIN</a></li></ul></nav>")
    report = spamsift.check(html=page(menu + ARTICLE))
    assert report.label == "clean"
    assert not report.spam_blocks


def test_a_logo_in_two_scripts_and_a_list_of_model_numbers_are_not_spam():
    body = ("<header><a href='/'>RTД</a></header>" + ARTICLE +
            "<div class='signature'>DAPs: DX300+AMP14, Cayin N6ii+E02, DX220+AMP9</div>")
    report = spamsift.check(html=page(body))
    assert report.label == "clean"
    assert not report.spam_blocks


def test_hidden_tab_that_promotes_nothing_is_not_spam():
    tab = '<div style="display:none"><p>Dual Slot: SD/SDHC/SDXC (UHS-I)</p><p>Media/Memory Card Slot</p></div>'
    report = spamsift.check(html=page(ARTICLE + tab))
    assert report.label == "clean"
    assert not report.spam_blocks


def test_injection_at_the_end_of_an_oversized_page_is_still_seen():
    """Framework pages carry megabytes of inline script; the footer injection after them must not be cut off,
    and a page too large even without its scripts keeps its top and its bottom."""
    script = "<script>window.__STATE__=" + "x" * (spamsift.api.MAX_INPUT_CHARS + 1000) + "</script>"
    farm = ('<div class="footer-links">' + " ".join(
        f'<a href="https://{name}.xyz/">{name} situs slot gacor</a>' for name in ["dapurtoto", "zeus303"]) + "</div>")
    report = spamsift.check(html=page(ARTICLE + script + farm))
    assert report.label == "gambling"
    assert any("dapurtoto" in b.text for b in report.spam_blocks)
    assert any("scripts and styles dropped" in r for r in report.reasons)

    filler = '<img src="/pictures/the-weather-and-the-sea.jpg" alt="">\n'
    huge = page(ARTICLE + filler * (2 * spamsift.api.MAX_INPUT_CHARS // len(filler)) + farm)
    report = spamsift.check(html=huge)
    assert "protected bicycle lanes" in report.clean_text
    assert any("dapurtoto" in b.text for b in report.spam_blocks)
    assert any("its middle dropped" in r for r in report.reasons)


def test_on_a_page_the_layout_model_is_unsure_of_the_best_blocks_are_the_content():
    """Content is judged relative to the page's best block: a short article in an odd template may get 0.3
    for every paragraph, and those paragraphs are still its content, unlike the menu at 0.05."""
    from spamsift.core.page import Page, Segment
    from spamsift.core.verdict import judge

    texts = [("Home News Sport Weather", 0.05),
             ("The council voted on Tuesday to build twelve kilometres of protected bicycle lanes.", 0.30),
             ("Construction will start in the spring and is expected to last eighteen months.", 0.26),
             ("Related: five bridges to see this summer", 0.08)]
    segments, offset = [], 0
    for text, prior in texts:
        segments.append(Segment(offset, offset + len(text), text, locator="p", tag="p", content_prior=prior))
        offset += len(text) + 1
    report = judge(Page("\n".join(t for t, _ in texts), segments))
    assert [b.kind for b in report.blocks] == ["boilerplate", "content", "content", "boilerplate"]


def test_the_article_container_is_the_top_candidate_not_a_list_of_teasers_beside_it():
    """Readability's top candidate: the element whose own children are the paragraphs. Five teasers, each a
    heading and a paragraph in an item of their own, hold more prose than the article and still lose."""
    from spamsift.html.layout import LAYOUT_FEATURES, dense_rows
    from spamsift.html.parse import parse_page

    teaser = ("<div class='item'><h5>Another story of the day</h5><div>A teaser paragraph that sums up another "
              "story of the day in a sentence, to make the readers click through to it and read all of it.</div></div>")
    parsed, infos = parse_page(page(ARTICLE + "<section>" + teaser * 5 + "</section>"))
    in_top = LAYOUT_FEATURES.index("in_top_candidate")
    flags = {segment.text[:20]: row[in_top] for segment, row in zip(parsed.segments, dense_rows(parsed.segments,
                                                                                                  infos))}
    assert flags["The city council vot"] == 1.0
    assert flags["Opponents argued tha"] == 1.0
    assert flags["A teaser paragraph t"] == 0.0
    teaser_prose = sum(len(s.text) for s in parsed.segments if s.text.startswith("A teaser"))
    assert teaser_prose > len(ARTICLE)


DECLARED_ARTICLE = ("<div class='story'><h1>Council approves bicycle lanes</h1><div itemprop='articleBody'>"
                    "<p>The city council voted on Tuesday to build twelve kilometres of protected bicycle lanes.</p>"
                    "<p>Construction will start in the spring, the transport office said on Wednesday.</p></div></div>"
                    "<div class='service'><p>Our customer service centre can be contacted with any questions or "
                    "requests by telephone, by e-mail or by post, from Sunday to Thursday.</p></div>")


def test_the_body_a_page_declares_marks_its_blocks_in_and_every_other_block_out():
    """schema.org's ``itemprop="articleBody"``, written by news and blog platforms for search engines: +1 inside
    it, -1 outside it on a page that declares one, 0 on a page that does not."""
    from spamsift.html.layout import LAYOUT_FEATURES, dense_rows
    from spamsift.html.parse import parse_page

    declared = LAYOUT_FEATURES.index("declared_body")
    for html, expected in ((DECLARED_ARTICLE, {"The city council vot": 1.0, "Construction will st": 1.0,
                                               "Council approves bic": -1.0, "Our customer service": -1.0}),
                           (DECLARED_ARTICLE.replace("itemprop", "data-x"),
                            {"The city council vot": 0.0, "Our customer service": 0.0})):
        parsed, infos = parse_page(page(html))
        rows = {segment.text[:20]: row[declared] for segment, row in zip(parsed.segments,
                                                                        dense_rows(parsed.segments, infos))}
        assert {key: rows[key] for key in expected} == expected


def test_a_block_the_page_declares_its_article_body_is_more_likely_content_than_the_prose_beside_it():
    from spamsift.core.model import load_models
    from spamsift.html.parse import parse_html

    def priors(html: str) -> dict[str, float]:
        parsed = parse_html(page(html), layout=load_models().layout)
        return {segment.text[:20]: segment.content_prior for segment in parsed.segments}

    declared, undeclared = priors(DECLARED_ARTICLE), priors(DECLARED_ARTICLE.replace("itemprop", "data-x"))
    assert declared["Construction will st"] > undeclared["Construction will st"]
    assert declared["Our customer service"] < undeclared["Our customer service"]


def test_a_link_hiding_itself_counts_in_its_own_block():
    """A hidden ``<a>`` is a block of its own, and its link counts there, not in the visible text before it."""
    from spamsift.html.parse import parse_page

    parsed, _ = parse_page(page("<p>Read the <a href='/news'>news</a> and "
                                "<a style='display:none' href='https://slot-gacor.example.xyz/'>slot gacor</a></p>"),
                           url="https://city.example.org/")
    visible, hidden = parsed.segments
    assert (visible.text, visible.links, visible.link_hosts) == ("Read the news and", 1, frozenset())
    assert (hidden.text, hidden.hidden, hidden.links) == ("slot gacor", "display:none", 1)
    assert hidden.link_hosts == {"slot-gacor.example.xyz"}


def test_content_priors_weigh_the_same_tokens_the_layout_model_was_trained_on():
    """Serving sums an element's ancestry weights once for all its blocks; training reads every block's tokens
    whole (``layout_tokens``). Both must give each block the same logit."""
    from spamsift.core._tokens import sigmoid
    from spamsift.core.model import load_models
    from spamsift.html.layout import content_priors, context_rows, dense_rows, layout_tokens
    from spamsift.html.parse import parse_page

    model = load_models().layout
    html = page("<nav class='menu main'><a href='/'>Home</a> <a href='/a'>About</a></nav>" + ARTICLE
                + "<footer class='site-footer'><p>© 2026 City News</p></footer>")
    parsed, infos = parse_page(html)  # the layout features leave their sums on the parse's elements: parse anew
    rows = dense_rows(parsed.segments, infos)
    logits = [model.block.logit(row, layout_tokens(segment, info))
              for row, segment, info in zip(rows, parsed.segments, infos)]
    expected = [sigmoid(model.context.logit(row)) for row in context_rows(logits, infos, rows)]
    parsed, infos = parse_page(html)
    assert content_priors(parsed.segments, infos, model) == pytest.approx(expected, abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\xa0", "\u2003", "\u3000", "a", "é", "Ж", "🔥", "b c",
                                 "\u200b", "\x1c", "\x85"]), max_size=10).map("".join))
def test_a_blocks_text_is_its_words_joined_by_single_spaces(text):
    from selectolax.lexbor import LexborHTMLParser

    from spamsift.html.parse import parse_page

    html = f"<p>{text}</p><p>x{text}y</p>"
    expected = [" ".join(node.text().split()) for node in LexborHTMLParser(html).css("p")]
    assert [segment.text for segment in parse_page(html)[0].segments] == [words for words in expected if words]


def test_a_blocks_locator_finds_its_element_in_the_page_as_written():
    """Scripts and styles count among an element's siblings, as they do for the page's own CSS, and ids that CSS
    cannot read after a ``#`` are selected by attribute."""
    from selectolax.lexbor import LexborHTMLParser

    html = page("<script>var a = 1;</script><style>p { color: red }</style>"
                "<div id='3col'><p>The first paragraph of the article, long enough to read.</p>"
                "<svg><text>drawn</text></svg><p>The second paragraph of the article, also long enough.</p></div>"
                "<section id='post:12.main'><p>A third paragraph, inside an element with an odd id.</p></section>")
    tree = LexborHTMLParser(html)
    report = spamsift.check(html=html)
    assert [block.text for block in report.blocks] == [
        "The first paragraph of the article, long enough to read.",
        "The second paragraph of the article, also long enough.",
        "A third paragraph, inside an element with an odd id.",
    ]
    for block in report.blocks:
        [element] = tree.css(block.locator)
        assert " ".join(element.text().split()) == block.text


def test_the_layout_models_rows_read_as_a_list_of_rows():
    """Training and tests read the layout model's C table of features as lists of floats, one per block."""
    from spamsift.html.layout import LAYOUT_FEATURES, dense_rows
    from spamsift.html.parse import parse_page

    parsed, infos = parse_page(page(ARTICLE))
    rows = dense_rows(parsed.segments, infos)
    listed = list(rows)
    assert len(rows) == len(listed) == len(parsed.segments)
    assert all(len(row) == len(LAYOUT_FEATURES) and all(isinstance(v, float) for v in row) for row in listed)
    assert rows[-1] == listed[-1] and rows[0] == listed[0]
    with pytest.raises(IndexError):
        rows[len(rows)]
