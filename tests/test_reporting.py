"""A page that reports spam quotes it: blocklist requests, abuse reports and hacked-site questions are clean, and
the spam they quote stays spam wherever it is not quoted. The texts were written for these tests."""

import pytest

import spamsift

DOMAINS = ["slot88.com", "dewatogel.net", "gacor777.xyz", "situstoto4d.com"]
POLICE_NEWS = [
    "Polisi menangkap 12 tersangka operator judi online di Jakarta Barat pada Selasa malam.",
    "Kapolres mengatakan para pelaku mempromosikan situs melalui media sosial dan grup pesan.",
    "Penyidik masih mendalami aliran dana dari rekening penampung yang dipakai untuk deposit para pemain.",
]

REPORTS = {
    "blocklist request, bare domains (en)": (
        "Please add these gambling domains to the blocklist\n"
        "Hi, the following domains are online gambling (judi online) sites that keep showing up for my kids.\n"
        + "\n".join(DOMAINS) + "\nThanks for maintaining this list!"
    ),
    "blocklist request, bulleted domains (id)": (
        "Mohon tambahkan domain judi online berikut ke daftar blokir\n"
        "Situs-situs berikut adalah situs judi online (slot, togel) yang masih bisa diakses:\n"
        + "\n".join(f"- {domain}" for domain in DOMAINS) + "\nTerima kasih."
    ),
    "false negative in adblock syntax (en)": (
        "False negative: gambling sites not blocked\n"
        "These Indonesian slot sites are not blocked by the gambling filter list:\n"
        + "\n".join(f"||{domain}^" for domain in DOMAINS) + "\n||rtpslot-maxwin.com^"
    ),
    "hosts-file lines without a word of request": "Add judi online domains\n" + "\n".join(
        f"0.0.0.0 {domain}" for domain in DOMAINS),
    "hacked university quoting its doorway titles (en)": (
        "Our university site was hacked with slot gacor pages\n"
        'Google shows pages like "SLOT GACOR MAXWIN ⚡ Universitas Contoh" under https://contoh.ac.id/?id=slot88 '
        'that we never made. The title says "Situs Slot Gacor Hari Ini" and the description "Slot88 adalah '
        'universitas ...". How do we remove them?'
    ),
    "dataset readme naming its labels in code spans (en)": (
        "# judol-comments\n"
        "A dataset of YouTube comments labelled for online gambling promotion, collected to study illegal gambling "
        "spam after several university sites were hacked.\n"
        "Labels: `slot`, `togel`, `casino`.\n"
        "Each row has the comment text and one label. The comments were written by the public; see the licence."
    ),
    "comment filter missing quoted keywords (en)": (
        "New gambling keywords not caught by the comment filter\n"
        'The bot misses comments containing "slot gacor", "maxwin" and "zeus138". Please add them to keywords.txt.'
    ),
    "comment filter missing keywords in code spans (id)": (
        "Keyword judol baru yang lolos filter\n"
        "Komentar dengan kata `ALEXIS17`, `SGI88` dan `PULAUWIN` masih lolos. Mohon ditambahkan ke daftar kata."
    ),
    "filter pattern in a code span (en)": (
        "Regex for judol comments too greedy\n"
        "The pattern `/(slot|togel|gacor|maxwin)\\d*/i` also removes comments like \"slotnya kurang\". "
        "Can we add word boundaries?"
    ),
    "blocklist request naming its subject beside the domains (en)": (
        "Add gambling domains to the blocklist\n"
        "Please add these gambling sites to the list: slot88.example, togel4d.example, casino-online.example. "
        "They are spam."
    ),
    "one paragraph asking and quoting in single quotes and a path (en)": (
        "Our WordPress site was hacked: Google shows pages like /slot-gacor/ and 'situs togel resmi' in search "
        "results but we cannot see them when we browse. How do we find the injected files?"
    ),
    "one paragraph reporting a hack in the webmasters' word, quoting in single quotes (pt)": (
        "Nosso site foi invadido: aparecem páginas de 'cassino online' e 'apostas esportivas' no Google. Como "
        "removemos?"
    ),
    "one paragraph asking for a ban, quoting in single quotes (en)": (
        "Moderation: please ban the account posting 'RTP slot gacor hari ini' links in every discussion thread."
    ),
    "blocklist request naming the kinds of site by their products beside the domains (en)": (
        "Add 40 online gambling domains to the blocklist\n"
        "The following slot and togel sites are spreading via hacked .go.id pages: slot88-resmi.com, gacor777.net, "
        "togelmaster.org. Please block."
    ),
    "feature request for a filter quoting the keywords beside the products (id)": (
        "Tambahkan fitur blokir situs judi online\n"
        "Banyak iklan slot dan togel muncul di komentar aplikasi kami. Mohon tambahkan filter kata seperti 'gacor', "
        "'maxwin', 'deposit pulsa'."
    ),
    "blocklist request with a fenced list (ko)": (
        "도박 사이트 차단 목록에 추가해 주세요\n"
        "아래 도메인은 불법 토토사이트입니다.\n```\nmajor-toto77.com\nsafe-casino88.net\n```"
    ),
}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_a_report_quoting_spam_is_clean(name):
    report = spamsift.check(text=REPORTS[name])
    assert report.label == "clean", (report.score, [(b.text, b.score) for b in report.blocks])
    assert any(reason.startswith("reports spam") for reason in report.reasons), report.reasons


def test_a_promotion_that_disclaims_spam_in_its_quotes_is_still_spam():
    """A reporting word counts for a block that quotes only where the block says it in its own words."""
    report = spamsift.check(text="Main di 'SLOT88' sekarang juga, 'bukan spam'")
    assert report.is_spam, report.reasons


def test_a_blocklist_request_rendered_as_html_is_clean():
    """An issue tracker renders a list in a code block and bare domain names as text."""
    html = ("<html><head><title>Add Indonesian gambling domains · Issue #812</title></head><body><main>"
            "<h1>Add Indonesian gambling domains</h1><p>These online gambling sites are missing from the gambling "
            "blocklist. They show up in search results for school websites that were hacked.</p>"
            "<pre><code>" + "\n".join(DOMAINS) + "</code></pre>"
            "<p>Also seen: slot88.com, rtpslot-maxwin.com</p><ul>"
            + "".join(f"<li>{d}</li>" for d in DOMAINS) + "</ul></main></body></html>")
    report = spamsift.check(html=html)
    assert report.label == "clean", (report.score, report.reasons)


def test_links_on_a_page_announcing_a_hack_are_not_excused():
    """A defacement says "hacked" too; the links it leaves to gambling sites are no quotes, whatever their anchors."""
    html = ("<html><body><h1>Hacked by Example Cyber Team</h1><p>Your security is low, patch your server.</p><ul>"
            + "".join(f'<li><a href="https://{d}/">{d}</a></li>' for d in DOMAINS) + "</ul></body></html>")
    report = spamsift.check(html=html)
    assert report.label == "gambling", (report.score, report.reasons)
    assert not any(reason.startswith("reports spam") for reason in report.reasons)


def test_bare_domains_injected_into_police_news_are_still_spam():
    """Reporting words of news ("police", "arrested") are no request: domain names put between its sentences
    stay spam."""
    report = spamsift.check(text="\n".join(POLICE_NEWS[:1] + DOMAINS[:3] + POLICE_NEWS[1:]))
    assert report.label == "gambling"
    assert [block.text for block in report.spam_blocks] == DOMAINS[:3]


def test_a_promotion_beside_a_blocklist_request_is_still_spam():
    """Only what the request quotes is excused: a promotion in its own words on the same page is spam."""
    promotion = "Daftar sekarang di situs slot gacor hari ini, bonus new member 100% dan maxwin tiap hari!"
    report = spamsift.check(text=REPORTS["blocklist request, bare domains (en)"] + "\n" + promotion)
    assert report.label == "gambling"
    assert [block.text for block in report.spam_blocks] == [promotion]


def test_a_promotion_on_a_page_about_a_filter_is_still_spam():
    """The words of filtering tools let a page quote; they report nothing, so a promotion spliced in stays spam."""
    promotion = "Daftar sekarang di situs slot gacor hari ini, bonus new member 100% dan maxwin tiap hari!"
    article = ("Our countertop water filter removes chlorine and lead from tap water.\n"
               "Replace the filter cartridge every three months for the best taste.")
    report = spamsift.check(text=article + "\n" + promotion)
    assert report.label == "gambling"
    assert [block.text for block in report.spam_blocks] == [promotion]


def test_quoted_domains_hidden_from_visitors_are_not_excused():
    """A hidden block is an injection's, never a report's."""
    html = ("<html><body><p>Our school site was hacked last week and we restored it from a backup.</p>"
            '<div style="display:none">' + "".join(f"<p>{d}</p>" for d in DOMAINS) + "</div></body></html>")
    report = spamsift.check(html=html)
    assert report.label == "gambling"
    assert {block.text for block in report.spam_blocks} >= set(DOMAINS[:2])
