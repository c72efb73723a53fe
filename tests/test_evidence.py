"""Each block's evidence: the dense features the segment model reads, built in compiled code."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from spamsift.core.features import DENSE_FEATURES, collect_evidence
from spamsift.core.page import Segment

UPPER_SHARE, EMOJI, SHORT, REPEATED = (DENSE_FEATURES.index(name)
                                       for name in ("upper_share", "emoji", "short", "repeated"))
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
