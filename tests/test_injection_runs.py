"""Injections come in runs: the lines stuffed beside a spam line are judged with it."""

import spamsift

ARTICLE = [
    "The city council voted on Tuesday to extend the opening hours of the central library until nine in the evening.",
    "Council members said the change follows a survey in which residents asked for more evening study space.",
    "The library will hire four additional staff members, funded from the culture budget for the next two years.",
    "Local students welcomed the decision, saying the reading rooms fill up quickly during the exam season.",
]
PROMOTION = "Daftar sekarang di MEGATOTO88 situs slot gacor maxwin hari ini, bonus new member 100%!"
LOBBY_LINE = "Free spins every Friday at KINGDOM99 for all members with roulette, baccarat and blackjack tables"
"""A landing page's line that promotes, longer than a keyword run's lines, and that the models read as only
somewhat suspicious: they learned Indonesian promotions."""


def _with(*lines: str) -> list[spamsift.Block]:
    return spamsift.check(text="\n\n".join([*ARTICLE[:2], *lines, *ARTICLE[2:]])).blocks


def test_a_long_line_that_promotes_beside_an_injected_promotion_joins_its_run():
    blocks = _with(PROMOTION, LOBBY_LINE)
    assert [block.kind for block in blocks[2:4]] == ["spam", "spam"]
    assert blocks[3].score < 0.5
    assert blocks[3].reasons[0] == "inside a run of spam lines"
    assert all(block.kind == "content" for block in blocks[:2] + blocks[4:])


def test_the_same_line_without_the_injection_is_content():
    blocks = _with(LOBBY_LINE)
    assert [block.kind for block in blocks] == ["content"] * 5


def test_a_long_line_that_names_gambling_only_as_everyday_words_do_stays_the_pages_beside_a_run():
    """*resmi* (official) and *bandar* (a port, Bandar Lampung) are the vocabulary's gambling topic words too."""
    welcome = "Selamat Datang di Situs Resmi Pengadilan Negeri Bandar Lampung Kelas IA"
    text = "\n".join(["dapurtoto", "situs togel terpercaya", "RTP SLOT MAXWIN hari ini", welcome, *ARTICLE])
    blocks = spamsift.check(text=text).blocks
    assert [block.kind for block in blocks[:4]] == ["spam", "spam", "spam", "content"]


def test_an_articles_sentence_the_models_read_as_genuine_does_not_join_a_run_beside_it():
    sentence = "Our poker room hosts tournaments every weekend with guaranteed prize pools for all members"
    blocks = _with(PROMOTION, sentence)
    assert [block.kind for block in blocks[2:4]] == ["spam", "content"]


MARKET_HOURS = "Senin s/d Minggu 00:45 WIB | Selasa s/d Minggu 13:30 WIB | Kamis 18:00 WIB | Jumat 21:00 WIB"
"""A landing page's line of draw times: it names nothing the vocabulary knows, and it is no sentence."""


def test_a_line_that_is_no_sentence_between_two_spam_lines_is_part_of_their_run():
    blocks = _with(PROMOTION, MARKET_HOURS, PROMOTION.replace("MEGATOTO88", "RAJAHOKI77"))
    assert [block.kind for block in blocks[2:5]] == ["spam", "spam", "spam"]
    assert blocks[3].score < 0.5 and blocks[3].reasons[0] == "inside a run of spam lines"
    assert all(block.kind == "content" for block in blocks[:2] + blocks[5:])


def test_the_same_line_beside_one_spam_line_or_none_is_not_made_spam():
    assert [block.kind for block in _with(PROMOTION, MARKET_HOURS)[2:4]] == ["spam", "content"]
    assert [block.kind for block in _with(MARKET_HOURS)] == ["content"] * 5


def test_an_articles_sentence_between_two_spliced_promotions_stays_the_articles():
    text = "\n\n".join([ARTICLE[0], PROMOTION, ARTICLE[1], PROMOTION.replace("MEGATOTO88", "RAJAHOKI77"), *ARTICLE[2:]])
    blocks = spamsift.check(text=text).blocks
    assert [block.kind for block in blocks] == ["content", "spam", "content", "spam", "content", "content"]


def test_an_articles_heading_between_two_spliced_promotions_stays_the_articles():
    heading = "Longer evening hours for the central library"
    text = "\n\n".join([ARTICLE[0], PROMOTION, heading, PROMOTION.replace("MEGATOTO88", "RAJAHOKI77"), *ARTICLE[1:]])
    blocks = spamsift.check(text=text).blocks
    assert blocks[2].text == heading and blocks[2].kind == "content"
