"""Short pages (a comment, a landing page's OCR text) are judged as a whole by the page-text model."""

from dataclasses import replace

import pytest

import spamsift
from spamsift.core.features import char_grams
from spamsift.core.model import KNOWN_WEIGHT, LinearModel, load_models
from spamsift.core.segment import segment_text
from spamsift.core.verdict import PAGE_FEATURES, WHOLE_TEXT_BLOCKS, assess, judge, page_grams


def test_char_grams_are_pieces_of_words_read_with_a_space_around_each():
    grams = char_grams("rtp gacor")
    assert {" r", "rtp", "rtp ", " gac", "cor ", "gacor", " gaco"} <= grams
    assert not any(" " in gram.strip() for gram in grams), "no piece spans two words"
    assert char_grams("") == set()


@pytest.mark.parametrize("text", [
    "Gak perlu takut scam kalo main di ALEXIS⭐17⭐, wd cepat banget",
    "LOGIN  DAFTAR  BONUS NEW MEMBER 100%  Minimal deposit 10rb  RTP LIVE  Pragmatic Play  PG Soft  Hubungi CS 24 jam",
])
def test_short_promotions_are_gambling(text):
    assert spamsift.check(text=text).label == "gambling"


@pytest.mark.parametrize("text", [
    "Lagunya bagus banget, jadi kangen kampung halaman. Sehat selalu bang",
    "Masuk  Daftar  Keranjang  Promo Gratis Ongkir  Kategori  Elektronik  Fashion Pria  Kecantikan  Cari produk",
])
def test_short_ordinary_texts_are_clean(text):
    assert spamsift.check(text=text).label == "clean"


@pytest.mark.parametrize("text", [
    "Login SIAKAD - Universitas Terbuka\nSilakan login dengan NIM dan password Anda.",
    "Login SIAKAD - Universitas Terbuka\n"
    "Silakan login dengan NIM dan password Anda untuk mengakses sistem informasi akademik.",
    "Hasil Undian Berhadiah Pajak Kendaraan - Bapenda Jabar\n"
    "Pemenang undian berhadiah bagi wajib pajak kendaraan bermotor.",
    "Hasil Undian Doorprize HUT Kota Bandung ke-215\nDaftar pemenang undian doorprize HUT Kota Bandung.",
])
def test_a_search_result_naming_nothing_of_spam_is_not_made_spam_by_its_words(text):
    """A title and snippet that name no term, brand or numbered name: the word models learned "login", "daftar"
    and "pemenang" from gambling comments, and their reading alone makes neither the text nor a block of it spam
    (the segment model read the longer snippet 0.73)."""
    report = spamsift.check(text=text)
    assert report.label == "clean", (report.score, [(b.text, b.score) for b in report.blocks])
    assert not report.spam_blocks


def test_only_short_pages_are_read_as_a_whole():
    short_page = PAGE_FEATURES.index("short_page")
    models = load_models()
    short = assess(segment_text("Daftar sekarang\nbonus new member"), models)
    long = assess(segment_text("\n".join(f"Line {i} of a longer page." for i in range(WHOLE_TEXT_BLOCKS + 1))), models)
    assert short.features[short_page] == 1.0
    assert long.features[short_page] == 0.0
    assert long.features[PAGE_FEATURES.index("short_text_logit")] == 0.0


@pytest.mark.parametrize("text", [
    "AIRBET303  Minimal (ga",
    "Reactor — Cyber Heist Slot —",
    "Pengumuman Penerimaan Mahasiswa Baru  Jadwal Ujian Masuk  Login Portal Akademik  Daftar Ulang  Kalender",
    "Gak perlu takut scam kalo main di ALEXIS⭐17⭐, wd cepat banget",
])
def test_a_short_page_locates_spam_exactly_when_it_is_labelled_spam(text):
    report = spamsift.check(text=text)
    assert report.is_spam == bool(report.spam_blocks)
    for block in report.spam_blocks:
        if block.score < 0.5:
            assert block.reasons[0] == "the whole text reads as spam"


def test_the_page_text_model_cannot_speak_against_a_block_that_promotes():
    """A page-text model that knows every letter group of a text and reads it all as clean, as the one trained
    without landing pages reads their OCR text, outweighs a line that reads as ordinary words, not one that
    promotes gambling and reads as spam."""
    promotion = "SELALU SIMPAN LINK ALTERNATIF KAMI UNTUK MENDAPATKAN AKSES YANG MUDAH DAN CEPAT"
    ordinary = "Selalu simpan catatan kuliah kami untuk mendapatkan nilai yang baik"
    pages = [segment_text(text) for text in (promotion, ordinary)]
    grams = set().union(*(page_grams(page.segments) for page in pages))
    models = load_models()
    reads_all_clean = replace(models, page_text=LinearModel(-8.0, (), dict.fromkeys(grams, KNOWN_WEIGHT)))
    assert reads_all_clean.page_text.known_share(grams) == 1.0
    assert judge(pages[0], reads_all_clean).label == "gambling"
    assert judge(pages[1], reads_all_clean).label == "clean"
