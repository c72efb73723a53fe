"""Random and mangled inputs never raise from check() and never lose a record in a batch."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import spamsift
from spamsift.batch.judge import judge_item
from spamsift.batch.sources import Item
from spamsift.io.decode import InputError, decode_bytes

SPAMMY = st.sampled_from(["slot gacor", "AЕR𝐎𝟴𝟴", "togel", "\u200b", "<div style='display:none'>", "</p>",
                          "\n", "<a href='http://x.xyz'>", "&gt;", "\x00", "\ud800", "<!--", "<script>",
                          # what the compiled walk reads: valueless and empty attributes, custom and void elements,
                          # hidden and declared bodies, a link whose host is malformed
                          "<a href>", "<p class id=''>", "<x-widget hidden>", "<br>", "<hr/>", "<noscript>",
                          "<span itemprop=articleBody style='display:none'>", "<a href='//[bad/'>", "<td>"])
MANGLED = st.lists(st.one_of(st.text(max_size=40), SPAMMY), max_size=30).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_report(report, text: str) -> None:
    assert report.label in ("gambling", "spam", "clean")
    assert 0.0 <= report.score <= 1.0
    for block in report.blocks:
        assert report.text[block.start:block.end] == block.text
        assert block.kind in ("spam", "boilerplate", "content")


@FAST
@given(MANGLED)
def test_check_text_never_raises(text):
    check_report(spamsift.check(text=text), text)


@FAST
@given(MANGLED)
def test_check_html_never_raises(html):
    check_report(spamsift.check(html=html), html)


@FAST
@given(st.binary(max_size=300))
def test_decoding_bytes_gives_text_or_a_clear_error(data):
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        assert str(exc)
    else:
        assert isinstance(decoded.text, str)


@FAST
@given(st.one_of(st.binary(max_size=200),
                 st.builds(lambda i, t: json.dumps({"id": i, "text": t}).encode(), st.text(max_size=10), MANGLED),
                 st.builds(lambda i, h: json.dumps({"id": i, "html": h}).encode(), st.integers(), MANGLED)))
def test_batch_line_always_yields_one_record(raw):
    record = judge_item(Item(0, "input.jsonl", 3, line=raw))
    assert record["status"] in ("ok", "error")
    assert record["id"]
    if record["status"] == "error":
        assert record["error"]
    json.dumps(record)
