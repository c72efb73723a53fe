"""Inputs larger than any page: read up to the limits in bounded time and memory, and the report says where."""

import time

import spamsift
from spamsift.core.page import MAX_BLOCKS
from spamsift.core.segment import segment_text
from spamsift.core.verdict import WHOLE_TEXT_CHARS, page_grams


def test_a_page_of_more_blocks_than_any_page_is_read_up_to_the_limit_in_bounded_time():
    """120,000 sibling paragraphs: each block's siblings were summed again for every block (over a minute);
    now the page is read up to MAX_BLOCKS and the report says so."""
    started = time.perf_counter()
    html = "<html><body>" + "<p>ab</p>" * 120_000 + "<p>situs togel terpercaya</p></body></html>"
    report = spamsift.check(html=html)
    assert time.perf_counter() - started < 30
    assert len(report.blocks) == MAX_BLOCKS
    assert f"only the first {MAX_BLOCKS:,} blocks read" in report.reasons
    assert all(report.text[b.start:b.end] == b.text for b in report.blocks[-3:])


def test_a_text_of_more_lines_than_any_page_is_read_up_to_the_limit_with_offsets_into_it():
    text = "ab\n" * 150_000
    report = spamsift.check(text=text)
    assert len(report.blocks) == MAX_BLOCKS
    assert f"only the first {MAX_BLOCKS:,} lines read" in report.reasons
    last = report.blocks[-1]
    assert text[last.start:last.end] == last.text == "ab"
    assert last.start == 3 * (MAX_BLOCKS - 1)


def test_a_short_page_of_millions_of_characters_is_read_whole_only_up_to_the_limit():
    """One line of three million characters of distinct words: its character n-grams took most of a gigabyte.
    The page-text model now reads its first WHOLE_TEXT_CHARS, and the line is still judged as a block."""
    text = " ".join(f"w{i:07d}x" for i in range(300_000)) + " situs togel terpercaya slot gacor maxwin"
    head = segment_text(text[:WHOLE_TEXT_CHARS]).segments
    assert page_grams(segment_text(text).segments) == page_grams(head)
    report = spamsift.check(text=text)
    assert [block.end for block in report.blocks] == [len(text)]
    assert "togel" in str(report.blocks[0].reasons)
