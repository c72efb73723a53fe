"""Each block's evidence: the dense features the segment model reads, built in compiled code."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from spamsift.core.features import DENSE_FEATURES, collect_evidence, unread_blanked
from spamsift.core.normalize import normalize
from spamsift.core.page import Segment

UPPER_SHARE, EMOJI, SHORT, REPEATED, DOMAIN_TEXT = (
    DENSE_FEATURES.index(name) for name in ("upper_share", "emoji", "short", "repeated", "domain_text"))
PIECES = st.sampled_from(["SLOT", "Gacor", "ÀÖ×ØÞß", "é", "☀", "⭐", "⬅", "🔥", "🫶", "\U0001FB00", "Ⅷ", "x", " ",
                          "88"])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=6)), min_size=1, max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_capitals_and_pictographs_are_counted_as_their_patterns_read_them(text):
    text = text.replace("\n", " ")
    [evidence] = collect_evidence([Segment(0, len(text), text)])
    assert evidence.dense[UPPER_SHARE] == len(re.findall("[A-ZÀ-ÖØ-Þ]", text)) / max(len(text), 1)
    pictograph = re.search("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]", text)
    assert evidence.dense[EMOJI] == (1.0 if pictograph else 0.0)


def test_a_block_has_its_words_repeats_and_terms():
    texts = ["Situs slot gacor hari ini", "Share", "Share", "A plain sentence about the weather today, nothing more."]
    evidence = collect_evidence([Segment(0, len(t), t) for t in texts])
    assert [ev.words for ev in evidence] == [5, 1, 1, 9]
    assert [ev.repeats for ev in evidence] == [1, 2, 2, 1]
    assert evidence[0].tiers["promo"] >= 1 and evidence[3].tiers["promo"] == 0
    assert [ev.dense[SHORT] for ev in evidence] == [1.0, 1.0, 1.0, 0.0]
    assert evidence[1].dense[REPEATED] > 0 == evidence[0].dense[REPEATED]


def test_the_word_models_read_no_token_of_a_cashier_word_but_its_word_counts():
    text = "Tombol withdraw tidak muncul setelah d3p0sit via OVO"
    [evidence] = collect_evidence([Segment(0, len(text), text)])
    assert evidence.tiers["withdraw"] == evidence.tiers["deposit"] == 1
    assert evidence.words == 8
    tokens = evidence.tokens.spelled()
    assert not any("withdraw" in token or "d3p0sit" in token or "deposit" in token for token in tokens)
    assert "tombol" in tokens and "setelah via" in tokens


def test_the_page_text_model_reads_a_text_with_its_cashier_words_blanked_out():
    blanked = unread_blanked("saldo masuk setelah deposit dan withdraw")
    assert blanked == " " * 5 + " masuk setelah " + " " * 7 + " dan " + " " * 8
    assert unread_blanked("充值送彩金") == "  送彩金"


DOMAIN_PIECES = st.sampled_from(["example", "ab", ".", ".com", ".co", ".id", ".idx", ".info", ".io", "_", "é", "x", " ",
                                 "-", "www.", "://", "http", "!", "\n", "2"])


@settings(max_examples=500, deadline=None)
@given(st.lists(DOMAIN_PIECES, max_size=12).map("".join))
def test_domain_names_in_text_are_found_as_their_pattern_finds_them(text):
    text = text.replace("\n", " ")
    [evidence] = collect_evidence([Segment(0, len(text), text)])
    domain = re.search(r"https?://|www\.|\b[a-z0-9-]{3,}+\.(?:com|net|org|xyz|site|online|top|vip|id|info|link|io)\b",
                       normalize(text))
    assert evidence.dense[DOMAIN_TEXT] == (1.0 if domain else 0.0)


def _advertised(texts: list[str], one_message: bool = False) -> list[list[str]]:
    evidence = collect_evidence([Segment(0, len(t), t) for t in texts], one_message=one_message)
    return [sorted(term.text for term in ev.terms if term.advertised) for ev in evidence]


def test_gambling_named_beside_a_contact_is_advertised_within_a_block():
    assert _advertised(["Casino tips every night, write to us on Telegram @tips_admin", "Casino results"]) == [
        ["casino"], []]


def test_a_channel_named_without_an_address_is_no_contact():
    assert _advertised(["Online casinos now advertise their bonuses through Telegram channels"]) == [[]]


def test_a_contact_advertises_the_whole_of_one_message_only():
    texts = ["Casino games every night", "Write to us on WhatsApp: wa.me/628123456"]
    assert _advertised(texts) == [[], []]
    assert _advertised(texts, one_message=True) == [["casino", "casino games"], []]


def test_a_block_that_reports_is_not_an_advertisement():
    assert _advertised(["Police arrested the admins of a Telegram channel t.me/casino_vip that promoted a casino"]) == [
        []]
