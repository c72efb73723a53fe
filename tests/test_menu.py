"""Menus: an operator's navigation lists the gambling products it sells side by side, in every language; prose names
the same products in sentences. The texts were written for this test; the models never saw them."""

import pytest

import spamsift
from spamsift.core.features import collect_evidence
from spamsift.core.page import Segment


def menus(*texts: str) -> list[tuple[str, ...]]:
    return [ev.menu for ev in collect_evidence([Segment(0, len(t), t) for t in texts]) if ev.menu]


MENUS = {
    "OCR of an Indonesian landing page": ("BERANDA SLOTS LIVE CASINO SPORTS TEMBAK IKAN SABUNGAYAM TOGEL PROMOSI",),
    "OCR of a menu with dropdown carets": ("HOTGAMES SLOTSv LIVE CASINOY TOGELY OLAHRAGAW CRASH GAME ARCADEW",),
    "English navigation, one item a block": ("Home", "Slots", "Live Casino", "Poker", "Sports", "Promotions"),
    "Korean": ("홈 | 카지노 | 슬롯 | 스포츠 | 미니게임",),
    "Chinese, written without spaces": ("首页真人视讯体育电竞彩票棋牌",),
    "Thai": ("หน้าแรก สล็อต คาสิโน บาคาร่า กีฬา ยิงปลา",),
    "Vietnamese": ("Trang chủ | Thể thao | Casino | Nổ hũ | Bắn cá | Đá gà",),
    "a game lobby's providers, with a badge and one the list does not know": ("즐겨찾기", "에볼루션", "신규",
                                                                             "프라그마틱", "하바네로", "GFG", "넷엔트"),
}


@pytest.mark.parametrize("name", sorted(MENUS))
def test_a_run_of_gambling_products_is_a_menu(name):
    assert menus(*MENUS[name])


@pytest.mark.parametrize("texts", [
    ("The resort has a casino, a poker room, a sports bar and an arcade.",),
    ("Sports", "Arcade", "Fishing", "Lottery results"),  # products anyone lists: no gambling-only one
    ("Casino", "Hotel rooms and suites", "Dining", "Poker"),  # two gambling products apart
    ("Las Vegas offers slots, roulette, blackjack and poker on every corner.",),
    ("We left the casino and played poker at home while the sports channel showed an arcade tournament",),
    ("Home Sportsv Scores Watch Shop Morev",),  # a sports site's menu, OCR'd with its dropdown carets
    ("Action", "Arcade", "Card Games", "Casino", "Poker", "Puzzle", "Sports", "Strategy"),  # a games site's genres
])
def test_prose_and_menus_of_other_sites_are_not_gambling_menus(texts):
    assert not menus(*texts)


def test_a_gambling_menu_makes_an_operators_page_and_says_so():
    html = ("<html><body><nav>" + "".join(f"<a href='/{item}'>{item}</a> " for item in
                                          ("Home", "Slots", "Live Casino", "Poker", "Sports", "Fishing"))
            + "</nav><p>Join today and play with thousands of members from all over the country.</p></body></html>")
    report = spamsift.check(html=html)
    assert report.label == "gambling", report.reasons
    assert any("a menu of gambling products: " in reason for reason in report.reasons)


def test_a_gambling_menu_on_a_page_that_reports_is_not_an_operators():
    report = spamsift.check(html="<html><body><ul><li>Slots</li><li>Casino</li><li>Poker</li><li>Sports</li></ul>"
                                 "<p>Problem gambling? Call the national helpline for free, confidential advice."
                                 "</p></body></html>")
    assert not any("a menu of gambling products" in reason for reason in report.reasons)


def test_a_product_with_a_dropdown_caret_is_a_menu_item_and_nothing_more():
    (evidence,) = collect_evidence([Segment(0, 40, "Watch SporTV and Casinov live tonight")])
    assert not evidence.terms


def test_a_game_sites_genre_menu_is_not_an_operators_page():
    """A games catalogue lists Casino and Poker among its genres, beside genres no betting site sells."""
    nav = "".join(f"<li><a href='/genre/{genre}'>{genre}</a></li>" for genre in
                  ("Action", "Arcade", "Card Games", "Casino", "Poker", "Puzzle", "Sports", "Strategy"))
    html = (f"<html><body><nav><ul>{nav}</ul></nav><article><h1>Monument Valley 3 review</h1>"
            "<p>The third game in the series keeps the impossible architecture and adds a sailing boat.</p>"
            "<p>Puzzles are gentle, and the soundtrack is as calm as ever.</p></article></body></html>")
    report = spamsift.check(html=html)
    assert report.label == "clean", (report.score, report.reasons)
