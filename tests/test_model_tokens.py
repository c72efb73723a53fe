"""The segment model's tokens, and the compiled table that weighs them without spelling them out."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spamsift.core._tokens import BlockTokens, TokenWeights, count_words, weighted_sum
from spamsift.core.model import KNOWN_WEIGHT, LinearModel, load_models
from spamsift.core.normalize import normalize

WORDS = st.sampled_from(["slot", "gacor", "sl0t", "g4c0r", "dapurtoto", "2024", "_", "x9", "ab", "٣٤", "²³",
                         "ⅷ", "é", "漢字", "maxwin88", "über", "a_b", "12a", "-", ".", "  ", "\u0301"])
TEXTS = st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=25).map(" ".join)


def test_a_text_has_its_words_pairs_word_ends_and_deleeted_mixed_words():
    tokens = BlockTokens("rtp sl0t gacor 2024 hari ini di dapurtoto")
    assert tokens.words == 8
    assert tokens.mixed == ("slot",)
    assert tokens.spelled() == [
        "rtp", "sl0t", "gacor", "hari", "ini", "dapurtoto",
        "rtp sl0t", "sl0t gacor", "gacor hari", "hari ini", "ini dapurtoto",
        "dapu~", "~toto",
        "slot",
    ]


def test_a_word_inside_an_unread_span_is_counted_but_gives_no_token():
    tokens = BlockTokens("gagal deposit via ovo", ((6, 13),))
    assert tokens.words == 4
    assert tokens.spelled() == ["gagal", "via", "ovo", "gagal via", "via ovo"]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_words_are_what_re_reads_as_words(text):
    view = normalize(text)
    words = re.findall(r"\w+", view)
    tokens = BlockTokens(view)
    assert tokens.words == len(words) == count_words(view)
    assert count_words(text) == len(re.findall(r"\w+", text))
    assert len(tokens.mixed) == len(re.findall(r"\b(?=\w*\d)(?=\w*[^\W\d_])\w+", view))
    kept = [w for w in words if len(w) >= 3 and not w.isdigit()]
    assert tokens.spelled()[:len(kept)] == kept


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_table_weighs_a_text_as_the_weights_of_its_distinct_spelled_tokens(text):
    model = load_models().segment
    tokens = BlockTokens(normalize(text))
    spelled = set(tokens.spelled())
    expected = sum(model.tokens[t] for t in spelled if t in model.tokens)
    assert model.table.total(tokens) == pytest.approx(expected, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, max_size=3))
def test_the_known_share_of_blocks_is_that_of_their_distinct_spelled_tokens(texts):
    model = load_models().segment
    blocks = [BlockTokens(normalize(text)) for text in texts]
    spelled = {token for tokens in blocks for token in tokens.spelled()}
    assert model.known_share_of_blocks(blocks) == (model.known_share(spelled) if spelled else None)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_tokens_a_block_is_read_by_are_its_spelled_tokens_above_the_weight(text):
    model = load_models().segment
    tokens = BlockTokens(normalize(text))
    weights = model.tokens
    expected = {token: weights[token] for token in set(tokens.spelled()) if weights.get(token, 0.0) > 0.3}
    assert model.table.weighed_above(tokens, 0.3) == expected


def test_a_token_repeated_in_a_block_counts_once_and_again_in_the_next_block():
    table = TokenWeights({"slot": 1.5, "~gacor": 0.0, "slot gacor": 2.0})
    assert table.total(BlockTokens("slot slot slot")) == 1.5
    assert table.total(BlockTokens("slot gacor slot gacor")) == 1.5 + 2.0
    assert table.total(BlockTokens("nothing here")) == 0.0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), max_size=20), st.lists(st.one_of(st.floats(-1e6, 1e6), st.integers(-99, 99)),
                                                               max_size=20))
def test_the_dense_part_of_a_logit_is_summed_in_order_like_sum(weights, values):
    from operator import mul

    assert weighted_sum(tuple(weights), values) == sum(map(mul, weights, values))


def test_the_logits_of_a_pages_blocks_are_each_blocks_logit():
    from spamsift.core.features import collect_evidence
    from spamsift.core.page import Segment

    texts = ["Situs slot gacor hari ini maxwin", "dapurtoto", "The council met on Tuesday to discuss the budget.",
             "sl0t g4c0r", ""]
    evidence = collect_evidence([Segment(0, len(text), text) for text in texts])
    model = load_models().segment
    assert model.block_logits(evidence) == [model.logit(ev.dense, ev.tokens) for ev in evidence]


def test_a_text_gets_the_same_score_to_the_last_digit_in_every_process():
    """String hashes are salted per process, so a set of tokens comes in another order in each; the sums over them
    must not depend on it (a short text is read by the page-text model over such a set, an HTML page's blocks by
    the layout model)."""
    import subprocess
    import sys

    script = ("import spamsift; print(repr(spamsift.check(text='Mantap kak, videonya sangat membantu. Saya juga suka "
              "main di situs yang kakak sebut, semoga sukses selalu ya').score)); "
              "from spamsift.html.parse import parse_html; from spamsift.core.model import load_models; "
              "page = parse_html('<nav class=\"menu top\"><a href=\"/\">Home</a></nav><article class=\"post body\">"
              "<p>The council met on Tuesday.</p><p>It voted for new bicycle lanes.</p></article>', "
              "layout=load_models().layout); print([repr(s.content_prior) for s in page.segments])")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4")}
    assert len(outputs) == 1 and "0." in outputs.pop()


def test_a_token_weighing_less_than_the_known_weight_is_not_known_to_the_model():
    """A token of a tiny weight says nothing: counted as known, one such token brought in by the training's random
    draws could decide whether the segment model reads a foreign line at all."""
    block = BlockTokens(normalize("jogo do tigrinho"))
    spelled = sorted(block.spelled())
    weights = {spelled[0]: 1.0, spelled[1]: -KNOWN_WEIGHT / 2}
    model = LinearModel.from_dict({"bias": 0.0, "dense": [], "tokens": weights}, reads_blocks=True)
    assert model.known_share(set(spelled)) == 1 / len(spelled)
    assert model.known_share_of_blocks([block]) == 1 / len(spelled)
