"""Where a sentence or a clause ends, read alike by the models' features and the verdict's rules."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spamsift.core.sentence import ends_as_clause, ends_as_sentence

PIECES = st.sampled_from(["a", "字", ".", "!", "…", "。", "？", "।", ":", "；", "”", ")", "」", "'", "\n", " ", "x"])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
def test_an_ending_is_read_as_its_pattern_reads_it(text):
    closings = r"[\"'”’»)\]」』】》]*\s*\Z"
    assert ends_as_sentence(text) == bool(re.search(r"[.!?…。？！।؟۔]" + closings, text.rstrip()))
    assert ends_as_clause(text) == bool(re.search(r"[.!?…。？！।؟۔:;：；]" + closings, text.rstrip()))


@pytest.mark.parametrize(("text", "sentence", "clause"), [
    ("Daftar sekarang dan dapatkan bonus.", True, True),
    ("Dia bilang, “main di sini pasti menang.”", True, True),
    ("该网站以百家乐为名吸引会员充值？", True, True),
    ("Slot Gacor (Maxwin)", False, False),
    ("Bahan-bahan:", False, True),
    ("5 Min Read", False, False),
])
def test_a_mark_inside_closing_quotes_ends_a_sentence_and_a_closing_alone_does_not(text, sentence, clause):
    assert (ends_as_sentence(text), ends_as_clause(text)) == (sentence, clause)
