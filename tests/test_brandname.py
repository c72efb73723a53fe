"""The brand name model: a name in a doorway's keyword slot that the vocabulary does not know, read by its letters
against the names the gambling domain lists register sites under."""

import pytest

import spamsift
from spamsift.core.brandname import BRAND_NAME_PROBABILITY, brand_name_probability, name_form, registered_name
from spamsift.core.model import load_models
from spamsift.devdata import search_result


def test_a_name_is_read_as_a_domain_name_writes_it():
    assert name_form("MPO88 Asia") == "mpo88asia"
    assert name_form("Ｑｑｐａｌａｃｅ") == "qqpalace"
    assert registered_name("kampus.ui.ac.id") == "ui"
    assert registered_name("mpo-88.asia") == "mpo88"
    assert registered_name("192.168.1.1") is None


def test_a_name_longer_than_a_domain_label_is_no_brand():
    assert brand_name_probability(load_models().brand_name, "QQPALACE" * 10) == 0.0
    assert brand_name_probability(load_models().brand_name, "") == 0.0


@pytest.mark.parametrize("name", ["QQPALACE", "PBOWIN", "casinoozwin"])
def test_names_made_as_the_trade_makes_them_read_as_brands(name):
    """Names the domain lists do not hold and the vocabulary does not name ("qq" and "win" are no endings of
    brand-suffixes.txt)."""
    assert brand_name_probability(load_models().brand_name, name) >= BRAND_NAME_PROBABILITY


@pytest.mark.parametrize("name", ["SIAKAD", "SIMPEG", "UNICEF", "BERANDA", "INFORMATIKA", "Pertamina", "Tokopedia",
                                  "Moodle", "Kemdikbud", "SATUDATA", "DOMINOS"])
def test_institutions_services_and_companies_do_not(name):
    assert brand_name_probability(load_models().brand_name, name) < 0.5


@pytest.mark.parametrize(("title", "description"), [
    ("vidalocabodrum | QQPALACE Malam Energi & Musik Eksklusif",
     "QQPALACE, vidalocabodrum menyajikan pengalaman nightlife mewah di Bodrum dengan DJ internasional."),
    ("PBOWIN | Isasoft Gestión Documental Solusi Manajemen Dokumen Digital",
     "PBOWIN dan Isasoft menghadirkan solusi manajemen dokumen digital untuk perusahaan dan instansi."),
])
def test_a_learned_brand_opening_a_search_result_is_a_doorway_without_an_echo(title, description):
    """A search result at the site's own address: no URL echo, a keyword the vocabulary does not name; its letters
    tip the sum."""
    url = "https://www.example.com/"
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.is_spam, (report.score, report.reasons)
    assert any("reads like the gambling domain lists' names" in reason for reason in report.reasons)


@pytest.mark.parametrize(("title", "description", "url"), [
    ("SIAKAD Universitas Negeri Padang", "SIAKAD Universitas Negeri Padang: layanan akademik mahasiswa dan dosen.",
     "https://siakad.unp.ac.id/"),
    ("BLACKJACK | Wizard of Odds", "BLACKJACK rules, basic strategy and house edge explained.",
     "https://wizardofodds.com/"),
    ("HUT77 Kemerdekaan RI di Kabupaten Bantul",
     "HUT77 Kemerdekaan RI dirayakan dengan upacara bendera dan lomba rakyat di seluruh kecamatan.",
     "https://bantulkab.go.id/"),
])
def test_a_genuine_name_opening_a_search_result_is_no_learned_brand(title, description, url):
    """An institution's service, a game as a guide's subject and an event with its number: the model is read on
    names of letters in capitals, and these read as no brand or are not read."""
    report = spamsift.check(text=search_result(title, description, url), url=url)
    assert report.label == "clean", (report.score, report.reasons)
