"""Doorway pages and keyword injections into a page's head: the campaigns' real templates (test split, keyword slot
filled from their own brand lists) are caught as full pages and as search results; genuine heads that name their
site, echo an article's slug or a search query are not doorways."""

import random

import pytest
from conftest import DATA

import spamsift
from spamsift.core.doorway import doorway_evidence, url_keywords
from spamsift.devdata import doorway_brands, doorway_templates, fill_doorway, search_result


@pytest.fixture(scope="module")
def filled_doorways() -> list[tuple[str, str, str]]:
    """(html, search-result text, url) of every test-split template, its slot filled with a campaign brand."""
    rng = random.Random(11)
    brands = doorway_brands(DATA)
    pages = []
    for template in doorway_templates(DATA, "test"):
        brand = rng.choice(brands)
        html, url = fill_doorway(template, brand, rng)
        text = search_result(template.title.replace("{BRAND}", brand),
                             template.description.replace("{BRAND}", brand), url)
        pages.append((html, text, url))
    return pages


def test_doorway_templates_are_caught_as_full_pages(filled_doorways):
    caught = sum(spamsift.check(html=html, url=url).is_spam for html, _, url in filled_doorways)
    assert len(filled_doorways) >= 40
    assert caught / len(filled_doorways) >= 0.95


def test_doorway_templates_are_caught_as_search_results(filled_doorways):
    caught = sum(spamsift.check(text=text, url=url).is_spam for _, text, url in filled_doorways)
    assert caught / len(filled_doorways) >= 0.95


def test_a_doorway_search_result_says_which_symbols_fired():
    report = spamsift.check(text="PANDAPLAY ⚡ Layanan Pengaduan Pengadilan Negeri Bangko\n"
                                 "PANDAPLAY merupakan sistem yang dirancang untuk memberikan akses mudah",
                            url="https://pn-bangko.go.id/pengaduan/?log=PANDAPLAY")
    assert report.is_spam
    doorway = next(r for r in report.reasons if r.startswith("doorway head: "))
    assert "URL's ?log=: PANDAPLAY" in doorway and "both open with: PANDAPLAY" in doorway


def test_a_slot_games_nickname_in_a_doorway_search_result_is_caught():
    title, description = ("kakek zeus | E-Journal Politeknik Negeri Bali",
                          "kakek zeus adalah jurnal ilmiah Politeknik Negeri Bali yang terbit dua kali setahun.")
    url = "https://ojs.pnb.ac.id/index.php/kakek-zeus"
    assert spamsift.check(text=search_result(title, description, url), url=url).is_spam


@pytest.mark.parametrize(("title", "description", "url"), [
    ("Putusan Perkara Judi Togel Nomor 412/Pid.B/2025/PN Mdn",
     "Terdakwa terbukti bersalah melakukan perjudian togel online.",
     "https://putusan3.mahkamahagung.go.id/direktori/putusan/412"),
    ("Kemenkominfo Blokir 5.000 Situs Slot dan Togel Online",
     "Kementerian memblokir 5.000 situs slot dan togel online pada Oktober 2025.",
     "https://komdigi.go.id/berita/blokir-situs-slot"),
])
def test_search_results_of_a_verdict_or_a_blocking_are_clean(title, description, url):
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize(("title", "description", "url", "body"), [
    # the site's own name opens title and description: spelled in the host, or by its initials
    ("Acme Robotics | Industrial arms", "Acme Robotics builds industrial arms for small factories.",
     "https://acmerobotics.com/?ref=acme robotics", ""),
    ("Universitas Indonesia - Kampus Depok", "Universitas Indonesia adalah perguruan tinggi negeri.",
     "https://www.ui.ac.id/?page=universitas-indonesia", ""),
    # an article's slug repeats its headline
    ("Police arrest gamblers in Jakarta raid", "Police arrest gamblers in a raid on an illegal casino on Tuesday.",
     "https://news.example.com/2024/05/police-arrest-gamblers", "Police arrest gamblers in Jakarta raid ..."),
    # a site search echoes its query in the title
    ("python - Search results - Example Docs", "Documentation for Example, the data library.",
     "https://docs.example.org/search?q=python", "Search results for python"),
    # a one-word subject in a wiki's slug
    ("Functions - JavaScript | MDN", "Functions are one of the fundamental building blocks in JavaScript.",
     "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide/Functions", ""),
])
def test_genuine_heads_are_not_doorways(title, description, url, body):
    evidence = doorway_evidence(title, [description], url, url.split("/")[2], [body] if body else [])
    assert evidence.logit < 0, [(s.name, s.weight) for s in evidence.symbols]


@pytest.mark.parametrize(("title", "description", "url"), [
    ("Tracer Study - Universitas Negeri Semarang", "Tracer Study adalah survei alumni Universitas Negeri Semarang.",
     "https://unnes.ac.id/?p=tracer-study"),
    ("Perpustakaan Digital | SMA Negeri 3 Malang",
     "Perpustakaan Digital adalah layanan buku elektronik untuk siswa SMA Negeri 3 Malang.",
     "https://sman3malang.sch.id/?page=perpustakaan-digital"),
    ("Akreditasi | Fakultas Hukum Universitas Airlangga", "Akreditasi Fakultas Hukum Universitas Airlangga tahun 2025.",
     "https://fh.unair.ac.id/?page=akreditasi"),
    # a service's acronym, written in capitals like a brand, which the description spells out
    ("SIAKAD | Universitas Negeri Padang", "SIAKAD adalah Sistem Informasi Akademik Universitas Negeri Padang.",
     "https://unp.ac.id/siakad/"),
    ("LAPOR | Pemerintah Kota Surabaya", "LAPOR adalah layanan aspirasi dan pengaduan online rakyat Kota Surabaya.",
     "https://surabaya.go.id/?page=lapor"),
])
def test_a_sections_own_search_result_is_not_a_doorway(title, description, url):
    """Built like a doorway (the URL's query value opens title and description), but a search result has no page
    text to show its keyword foreign, and this keyword looks like no spam."""
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize(("title", "description", "url"), [
    ("COVID19 | RSUD Kota Bandung", "Informasi layanan vaksinasi dan penanganan COVID-19.",
     "https://rsud.bandung.go.id/covid19"),
    ("iPhone15 - Apple (ID)", "iPhone 15 hadir dengan Dynamic Island dan kamera 48MP.", "https://www.apple.com/id/iphone15/"),
    ("WIN10 | Microsoft Support", "Windows 10 support, updates and downloads.", "https://support.microsoft.com/win10"),
    # the description writes the keyword apart: it speaks of it
    ("HUT79 | Pemerintah Kabupaten Sleman", "Peringatan HUT RI ke-79 di Kabupaten Sleman.",
     "https://slemankab.go.id/hut79/"),
])
def test_a_version_numbered_name_echoed_by_its_slug_is_not_a_doorway(title, description, url):
    """Letters and two digits are a gambling brand's shape (aero88) and a release's or an event's (WIN10, HUT79):
    the shape is weighed once, as a brand's shape, and the keyword does not name gambling."""
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize(("title", "description", "url", "keyword"), [
    ("NAGA303 - Dinas Pariwisata Provinsi Jawa Barat",
     "Website resmi Dinas Pariwisata dan Kebudayaan Provinsi Jawa Barat.", "https://disparbud.jabarprov.go.id/",
     "NAGA303"),
    ("SULTANSLOT: Portal Jurnal Universitas Riau", "Portal jurnal ilmiah Universitas Riau, Open Journal System.",
     "https://ejournal.unri.ac.id/", "SULTANSLOT"),
])
def test_a_brand_before_the_name_the_description_speaks_of_is_a_doorway_without_an_echo(title, description, url,
                                                                                        keyword):
    """No URL echo and a description of the victim's own: the title's one-word part that names gambling, and that
    the description never mentions, is the keyword slot; it is looked for before the words a title part and the
    description both open with, which are then the victim's own name ("Portal Jurnal"). A colon written against the
    word before it separates a title's parts too."""
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.is_spam
    assert any(f"never of: {keyword}" in reason for reason in report.reasons)


@pytest.mark.parametrize(("title", "description"), [
    ("HELIOS168 Badan Perencanaan Pembangunan Daerah Kota Prabumulih",
     "HELIOS168 menyediakan sebuah sistem yang baik atau yang sering disebut whistleblowing system untuk dinas ..."),
    ("SAKURA188 Website Digital Signal Processing Embedded Electronics",
     "SAKURA188 menjadi website universitas dengan fakultas terbaik yang bisa bersaing dengan kampus lainnya ..."),
])
def test_a_numbered_brand_opening_a_search_results_title_and_snippet_is_a_doorway_without_an_echo(title,
                                                                                                   description):
    """A search result at the site's own address, whose URL echoes nothing: the keyword's number is one gambling
    brands are named by (brand-numbers.txt), so the keyword names gambling as a brand of letters would."""
    url = "https://bappeda.prabumulihkota.go.id/"
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.is_spam, (report.score, report.reasons)
    assert any("the keyword names gambling" in reason for reason in report.reasons)


def test_the_first_word_of_a_head_its_description_repeats_whole_is_a_keyword_slot():
    """A campaign whose description repeats the whole title ("SLOT33 TK Sayyidah Nafisah ..." twice) opens both with
    four words in common: the brand alone, the first of them, is read as the keyword too."""
    title = "SLOT33 TK Sayyidah Nafisah Bengkulu"
    description = "SLOT33 TK Sayyidah Nafisah di wilayah Bengkulu yang sudah banyak dikenal dengan pesantren ..."
    evidence = doorway_evidence(title, [description], "https://tksayyidah.sch.id/", "tksayyidah.sch.id", [],
                                head_apart=False)
    assert evidence.keyword == "SLOT33"
    assert evidence.logit > 0, evidence.symbols


def test_a_keyword_naming_who_reports_is_no_doorway():
    """An agency that reports on gambling opens its own news's title and snippet ("PPATK ..."): a keyword that is a
    reporting word is the subject, not a campaign's brand, however it is written."""
    title = "PPATK: Transaksi Judi Online Capai Rp 900 Triliun"
    description = "PPATK mencatat perputaran dana judi online mencapai Rp 900 triliun, sebagian besar lewat e-wallet."
    url = "https://fe.ui.ac.id/berita/ppatk-judi-online/"
    evidence = doorway_evidence(title, [description], url, "fe.ui.ac.id", [], head_apart=False)
    assert "REPORTER" in [symbol.name for symbol in evidence.symbols]
    assert spamsift.check(text=search_result(title, description, url), url=url).label == "clean"


@pytest.mark.parametrize(("title", "description"), [
    ("MANIASLOTS Portal Layanan Perencanaan Daerah Kota Prabumulih",
     "MANIASLOTS merupakan portal layanan perencanaan pembangunan untuk seluruh dinas di kota ..."),
    ("62SLOTHACKER Sistem Informasi Kepegawaian Daerah",
     "62SLOTHACKER menjadi sistem informasi kepegawaian yang membantu setiap pegawai negeri ..."),
])
def test_a_keyword_glued_from_a_brand_ending_and_other_words_is_a_doorway_without_an_echo(title, description):
    """"slot" run together with other words inside the keyword names gambling as a brand ending does at a word's end
    (vocabulary.glued_brand_word)."""
    url = "https://bappeda.prabumulihkota.go.id/"
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.is_spam, (report.score, report.reasons)
    assert any("the keyword names gambling: slot" in reason for reason in report.reasons)


def test_a_plural_of_a_brand_ending_opening_a_search_result_is_no_doorway():
    """One letter more than the ending is a plural or another word: Domino's pizza in capitals."""
    url = "https://www.grand-indonesia.com/"
    text = search_result("DOMINOS Pizza - Grand Indonesia",
                         "DOMINOS hadir di lantai 3 East Mall dengan menu pizza dan pasta untuk keluarga.", url)
    report = spamsift.check(text=text, url=url)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize(("title", "description", "url"), [
    ("UNS47 Dies Natalis Universitas Sebelas Maret",
     "UNS47 mengusung tema kampus berdampak bagi masyarakat dalam rangkaian Dies Natalis ke-47.", "https://uns.ac.id/"),
    ("KKN125 Desa Sukamaju - Universitas Padjadjaran",
     "KKN125 Unpad melaksanakan program kerja penyuluhan kesehatan dan pelatihan UMKM di Desa Sukamaju.",
     "https://unpad.ac.id/"),
    ("PON21 Aceh-Sumut: Jadwal Pertandingan",
     "PON21 digelar di Aceh dan Sumatera Utara pada September 2024 dengan 65 cabang olahraga.",
     "https://dispora.acehprov.go.id/"),
    ("HUT77 Kemerdekaan RI di Kabupaten Bantul",
     "HUT77 Kemerdekaan RI dirayakan dengan upacara bendera dan lomba rakyat di seluruh kecamatan.",
     "https://bantulkab.go.id/"),
])
def test_an_institutions_numbered_event_opening_its_search_result_is_no_doorway(title, description, url):
    """An institution names its anniversaries and editions with a number in its own head: not one of the numbers
    gambling brands take, the name is a shape only; by one of them ("HUT77"), it opens the words its title and
    description share, and only a keyword that is the numbered name alone names gambling."""
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize(("title", "description", "url"), [
    ("INFORMATIKA - Universitas Brawijaya", "Jurusan Informatika Fakultas Ilmu Komputer Universitas Brawijaya.",
     "https://if.ub.ac.id/"),
    ("Dispora Jatim: Porprov VIII 2023", "Hasil pertandingan Porprov VIII Jawa Timur 2023.",
     "https://dispora.jatimprov.go.id/"),
    ("Blackjack: Rules and Strategy | Wizard of Odds", "Blackjack rules, basic strategy and house edge.",
     "https://wizardofodds.com/games/blackjack/"),
])
def test_a_genuine_title_of_parts_is_no_doorway(title, description, url):
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize("issue", [
    "Tragamonedas: la animación de los carretes no se detiene\n\n"
    "En el modo demo los carretes siguen girando después de mostrar el resultado.",
    "Slots: the reels of the demo do not stop\n\nIn the demo the reels of the game keep spinning after the result.",
])
def test_an_issue_title_naming_its_component_is_no_doorway(issue):
    """An issue's title names its component before a colon ("Tragamonedas: ..."), and its body goes on about the
    rest of the title: what the description shares with the title's other part are its articles and prepositions
    ("los", "the"), not a site's name, and do not make the component a keyword the description never explains."""
    report = spamsift.check(text=issue)
    assert report.label == "clean", (report.score, report.reasons)


def test_an_issue_whose_body_opens_with_its_titles_component_and_speaks_of_code_is_no_doorway():
    """An issue on a roulette game, titled "area: summary" and opening its body with the game: the head of a
    doorway in shape, unless its text speaks of software. A keyword written like a brand stays a kit's."""
    issue = doorway_evidence("Rulet: yanlış ödeme", ["Rulet tek sayı bahsinde 3 kat ödüyor, hata var."], None, None,
                             [], head_apart=False, software="hata")
    assert "SOFTWARE" in [symbol.name for symbol in issue.symbols]
    assert not issue.fired
    kit = doorway_evidence("SULTANSLOT: Portal Simulasi Ujian", ["SULTANSLOT merupakan portal simulasi ujian ..."],
                           None, None, [], head_apart=False, software="simulasi")
    assert "SOFTWARE" not in [symbol.name for symbol in kit.symbols]
    assert kit.fired


def test_a_doorways_lines_naming_its_keyword_are_located():
    """On a page read as a doorway, the body's blocks naming the keyword its head was built around are the kit's,
    whatever the models read in them; the victim's own blocks stay content."""
    html = ("<html><head><title>PTTOGE ⚡ Politeknik Sukamaju</title><meta name='description' content='PTTOGE "
            "merupakan kampus vokasi terbaik di Sukamaju.'></head><body><div>PTTOGE DAFTAR</div>"
            "<p>Daftar dan Mainkan di PTTOGE Pasti Teruji!</p><p>Politeknik Sukamaju membuka pendaftaran mahasiswa "
            "baru program diploma tiga dan sarjana terapan tahun ini.</p></body></html>")
    report = spamsift.check(html=html, url="https://polisukamaju.ac.id/?id=PTTOGE")
    kinds = {block.text: block.kind for block in report.blocks}
    assert kinds["PTTOGE DAFTAR"] == kinds["Daftar dan Mainkan di PTTOGE Pasti Teruji!"] == "spam"
    assert kinds[next(text for text in kinds if text.startswith("Politeknik Sukamaju"))] == "content"
    assert any(reason.startswith("names the keyword the doorway head was built around")
               for block in report.spam_blocks for reason in block.reasons)


def _html_page(title: str, description: str, heading: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (f"<html><head><title>{title}</title><meta name='description' content='{description}'></head>"
            f"<body><article><h1>{heading}</h1>{body}</article></body></html>")


def test_a_brand_opening_a_genuine_pages_title_and_description_is_a_doorway_without_an_echo():
    """A keyword written like a brand before the page's own title and description, which no line of its text names:
    the head was rewritten, though the URL carries nothing and the vocabulary does not know the name."""
    html = _html_page("KANCIL88 | Dinas Kesehatan Kota Bandung",
                      "KANCIL88 adalah Dinas Kesehatan Kota Bandung yang melayani vaksinasi warga.",
                      "Layanan Vaksinasi Gratis",
                      ["Dinas Kesehatan Kota Bandung membuka layanan vaksinasi gratis setiap hari Sabtu di seluruh "
                       "puskesmas.", "Warga cukup membawa KTP dan kartu keluarga, tanpa perlu mendaftar lebih dulu.",
                       "Jadwal pemeriksaan kesehatan ibu dan anak dapat dilihat pada laman layanan."])
    report = spamsift.check(html=html, url="https://dinkes.bandung.go.id/")
    assert report.is_spam
    assert any("nor in its text: KANCIL88" in reason for reason in report.reasons)


SERVICE_PAGE = ["Freshdesk is a customer service platform that brings tickets, chat and e-mail into one inbox.",
                "Support teams use its automations to route tickets and answer common questions.",
                "Plans start with a free trial for up to ten agents."]


def test_a_keyword_before_a_title_its_own_slug_echoes_is_a_doorway():
    """A genuine page's slug echoes its own title ("Freshdesk" at /freshdesk/), which is no keyword slot worth
    anything; the keyword a kit put before that title, opening the description too, is the slot that speaks."""
    html = _html_page("SLOT97 🔥 Freshdesk: customer service platform | Freshworks",
                      "SLOT97, Freshdesk is a customer service platform for support teams.", "Freshdesk", SERVICE_PAGE)
    report = spamsift.check(html=html, url="https://www.freshworks.example/freshdesk/")
    assert report.is_spam, (report.score, report.reasons)
    assert any("nor in its text: SLOT97" in reason for reason in report.reasons)


def test_a_genuine_title_its_own_slug_echoes_is_no_doorway():
    html = _html_page("Freshdesk: customer service platform | Freshworks",
                      "Freshdesk is a customer service platform for support teams.", "Freshdesk", SERVICE_PAGE)
    report = spamsift.check(html=html, url="https://www.freshworks.example/freshdesk/")
    assert report.label == "clean", (report.score, report.reasons)


def test_a_products_name_its_text_writes_apart_is_not_foreign_to_it():
    """A release's page heads itself "IPHONE15" and writes "iPhone 15" in its text."""
    html = _html_page("IPHONE15 | Apple Store", "IPHONE15 adalah ponsel terbaru dari Apple dengan kamera 48MP.",
                      "iPhone 15",
                      ["iPhone 15 hadir dengan Dynamic Island dan kamera utama 48MP yang memotret lebih tajam.",
                       "Tersedia dalam lima warna dengan harga mulai Rp 16 juta di toko resmi.",
                       "Baterai tahan seharian dan port USB-C untuk mengisi daya lebih cepat."])
    report = spamsift.check(html=html, url="https://store.example/iphone")
    assert report.label == "clean", (report.score, report.reasons)


@pytest.mark.parametrize("brand", ["FUN88", "hi88", "789club"])
def test_a_brand_the_domain_lists_mirror_names_gambling_in_a_doorway_head(brand):
    """A numbered name is only a shape, but a name the gambling domain lists hold under many domains is a brand, as
    the blocks' evidence reads it."""
    evidence = doorway_evidence(f"{brand} - Dinas Pariwisata Provinsi Jawa Barat",
                                ["Website resmi Dinas Pariwisata Provinsi Jawa Barat."], None,
                                "disparbud.jabarprov.go.id", [])
    assert "GAMBLING_KEYWORD" in [s.name for s in evidence.symbols]
    assert evidence.logit > 0


def test_a_keyword_repeated_in_the_description_does_not_spell_itself_out():
    evidence = doorway_evidence("LADANGQQ Kejaksaan Negeri Penajam Paser Utara",
                                ["LADANGQQ LADANGQQ Kejaksaan Negeri Penajam Paser Utara memiliki sebuah platform"],
                                "https://pa-paniai.or.id/public/?log=LADANGQQ", "pa-paniai.or.id", [])
    assert "SPELLED_OUT" not in [s.name for s in evidence.symbols]
    assert evidence.logit > 0


def test_spintax_left_in_a_head_is_evidence():
    evidence = doorway_evidence("{Daftar|Login} Situs Resmi Hari Ini", [], None, "example.go.id", [])
    assert [s.name for s in evidence.symbols] == ["SPINTAX"]


def test_url_keywords_skip_numbers_hashes_and_file_names():
    assert url_keywords("https://x.go.id/files/report.pdf?id=123&s=a1b2c3d4e5f6a7b8&q=SLOT-GACOR-4D") == [
        ("?q=", "slot gacor 4d")]


@pytest.mark.parametrize(("url", "slug"), [
    ("https://x.ac.id/wp-content/uploads/2025/01/RAJAZEUS.html", "rajazeus"),
    ("https://x.go.id/public/rajazeus/index.php", "rajazeus"),
    ("https://x.go.id/berita/slot-gacor.php", "slot gacor"),
    ("https://x.go.id/index.php", None),
    ("https://x.go.id/arsip/2025.html", None),
])
def test_a_page_files_name_is_its_slug_and_an_index_pages_is_its_folders(url, slug):
    """A kit's page is served as a file named after its keyword, or as the index of a folder named so."""
    assert url_keywords(url) == ([("path slug", slug)] if slug else [])


def test_a_doorway_served_as_a_file_named_after_its_keyword_echoes_it():
    title, description = "RAJAZEUS » Universitas Negeri Padang", "Situs resmi Universitas Negeri Padang ..."
    evidence = doorway_evidence(title, [description], "https://unp.ac.id/uploads/RAJAZEUS.html", "unp.ac.id", [],
                                head_apart=False)
    assert "URL_ECHO" in [symbol.name for symbol in evidence.symbols]
