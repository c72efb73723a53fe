"""Operator pages: a gambling site's own pages name their offers a word or two per block, in menus and buttons, so
that no block is spam alone; across the page, two promotions, a cashier or the player's bets beside gambling terms
make it gambling, in any language. A bank's cashier, or a page reporting on an operator, is not.

These pages were written for this test; the models never saw them."""

import pytest

import spamsift
from spamsift.core.features import collect_evidence
from spamsift.core.operator import operator_evidence
from spamsift.core.page import Segment


def page(*blocks: str) -> str:
    return "<html><body>" + "".join(f"<div>{block}</div>" for block in blocks) + "</body></html>"


OPERATOR_PAGES = {
    "Korean sports betting site": page("홈", "스포츠베팅", "파워볼", "미니게임", "충전하기", "환전하기", "고객센터",
                                       "충전 신청 후 입금 계좌를 확인하세요", "로그아웃"),
    "Chinese casino cashier": page("首页", "真人视讯", "电子游戏", "捕鱼", "在线存款", "在线取款", "充值记录",
                                   "联系客服"),
    "English casino menu": page("Home", "Live Casino", "Sportsbook", "Promotions", "Free spins every Friday",
                                "Login", "Register"),
    "Chinese lottery bet history": page("会员中心", "投注记录", "彩票", "棋牌", "捕鱼", "下注金额", "实际投注",
                                        "返回"),
    "Vietnamese betting lobby": page("Trang chủ", "Tài xỉu", "Chẵn lẻ", "Xóc đĩa", "Đặt cược", "Tiền cược tối thiểu",
                                     "Liên hệ"),
}


@pytest.mark.parametrize("name", sorted(OPERATOR_PAGES))
def test_an_operators_page_is_gambling_by_what_it_names_across_its_blocks(name):
    report = spamsift.check(html=OPERATOR_PAGES[name])
    assert report.label == "gambling", (report.score, report.reasons)
    assert any(reason.startswith("gambling operator page: ") for reason in report.reasons)


def test_an_operators_offers_are_located_though_no_block_is_spam_alone():
    """The page is gambling by its blocks together; the blocks naming its offers (a promotion, a bet label, gambling
    named in a label of its menus) are its spam, and its cashier's and its plain blocks stay out of it."""
    report = spamsift.check(html=OPERATOR_PAGES["English casino menu"])
    located = {block.text: block.reasons[0] for block in report.spam_blocks}
    assert "Free spins every Friday" in located
    assert located["Free spins every Friday"].startswith("an offer of a gambling operator's page: ")
    assert "Login" not in located and "Home" not in located
    korean = {block.text for block in spamsift.check(html=OPERATOR_PAGES["Korean sports betting site"]).spam_blocks}
    assert {"스포츠베팅", "파워볼"} <= korean  # gambling named in a menu's labels
    cashier = {"충전하기", "환전하기", "충전 신청 후 입금 계좌를 확인하세요"}
    assert not korean & cashier  # the cashier's words are anyone's
    text = ("Satta Matka Kalyan Result Today\nGet the fastest Kalyan Matka result, Main Bazar chart and Milan Day "
            "jodi here.\nKalyan Open: 4 | Close: 7 | Jodi: 47")
    report = spamsift.check(text=text)
    assert report.label == "gambling"
    assert [block.kind for block in report.blocks] == ["spam", "spam", "content"]


@pytest.mark.parametrize("html", [
    page("Personal banking", "Open an account", "Deposit cheques with the app", "Withdraw cash at any ATM",
         "Savings rates", "Contact us"),
    page("Casino operator fined", "The regulator fined the operator of a live casino and sportsbook for failing "
         "to check the source of deposits.", "Players could not withdraw their winnings for weeks, the regulator "
         "said.", "The company said it would appeal."),
])
def test_a_banks_cashier_or_a_report_on_an_operator_is_not_an_operators_page(html):
    assert spamsift.check(html=html).label == "clean"


def test_a_reporting_word_anywhere_stops_the_operator_reading():
    texts = ["Live Casino", "Sportsbook", "Gambling helpline: call 0800"]
    evidence = operator_evidence(collect_evidence([Segment(0, len(t), t) for t in texts]))
    assert [symbol.name for symbol in evidence.symbols] == ["REPORTING"]
    assert evidence.logit < 0


@pytest.mark.parametrize("footer", ["Termos de Uso Política de Privacidade Jogo Responsável",
                                    "Privacy Policy | KYC | Terms and Conditions | Responsible Gambling",
                                    "Términos y condiciones | Juego responsable"])
def test_an_operators_responsible_gambling_link_is_no_report(footer):
    """Every licensed operator links a responsible-gambling page from its footer: the link names gambling as a
    subject, and the cashier beside the casino's offers still reads as an operator's page."""
    html = page("Cassino Online", "Bônus de boas-vindas", "Depositar", "Sacar", "Apostas esportivas", footer)
    report = spamsift.check(html=html)
    assert report.label == "gambling", (report.score, report.reasons)
    assert any(reason.startswith("gambling operator page: ") for reason in report.reasons)


def test_a_regulators_page_on_responsible_gambling_still_reports():
    """A regulator or a helpline writing on responsible gambling names problem gambling or the commission too."""
    html = page("Responsible gambling", "Online casinos must let players set deposit limits and withdraw their "
                "winnings at any time, the Gambling Commission said.", "Problem gambling support is free.")
    assert spamsift.check(html=html).label == "clean"


def test_the_players_bets_beside_two_gambling_terms_read_as_an_operators_page():
    """A lottery's bet button beside its draw numbers and its betting time left."""
    texts = ["确认投注", "开奖号码", "第 3650 期剩余投注时间:"]
    evidence = operator_evidence(collect_evidence([Segment(0, len(t), t) for t in texts]))
    assert [symbol.name for symbol in evidence.symbols] == ["BETS_PLACED"]
    assert evidence.fired


def test_a_bet_labels_own_gambling_word_is_no_term_beside_it():
    """"베팅" inside "베팅하기" and "投注" inside "有效投注" are the labels themselves: one gambling term more does not
    make them an operator's page."""
    for texts in (["베팅하기", "베팅금액", "카지노"], ["有效投注", "彩金", "会员等级"]):
        evidence = operator_evidence(collect_evidence([Segment(0, len(t), t) for t in texts]))
        assert "BETS_PLACED" not in [symbol.name for symbol in evidence.symbols]


def test_a_cashier_beside_a_bet_history_reads_as_an_operators_page():
    """A bank or a wallet shows deposits and withdrawals, never a bet history: beside a cashier, the player's bets
    as the interface labels them are enough."""
    texts = ["充值", "取款", "投注记录", "会员中心"]
    evidence = operator_evidence(collect_evidence([Segment(0, len(t), t) for t in texts]))
    assert [symbol.name for symbol in evidence.symbols] == ["CASHIER", "CASHIER_BESIDE_GAMBLING"]
    assert evidence.fired


@pytest.mark.parametrize("html", [
    page("Punter wins on a 12-leg accumulator", "His bet slip, posted online, showed a 50p stake on football.",
         "The bookmaker paid out within the hour."),
    page("世界杯带火体育彩票",
         "世界杯期间，体育彩票销售火爆。一位彩民向记者展示了他的投注记录，单场投注金额达到两千元。",
         "专家提醒，购买彩票应量力而行。竞彩足球的赔率每天都会调整，彩民可在实体店查询。"),
    page("월드컵 앞두고 스포츠토토 판매 급증", "스포츠토토 발매가 시작되자 구매자들이 베팅내역을 SNS에 공유하고 있다.",
         "한 구매자는 배당률이 높은 경기에 베팅금액을 늘렸다고 말했다. 프로토 발매는 경기 시작 10분 전 마감된다."),
    page("Ứng dụng ví điện tử", "Lịch sử giao dịch", "Nạp tiền", "Rút tiền",
         "Tiền cược tối thiểu của trò chơi đố vui: 10 điểm thưởng", "Liên hệ"),
])
def test_bets_named_in_the_news_or_a_quiz_games_stake_in_a_wallet_are_not_an_operators_page(html):
    """A bet history is an operator's in its interface's labels (tabs, columns, buttons); news on lotteries and
    betting names one in its sentences, beside as many gambling terms."""
    assert spamsift.check(html=html).label == "clean"


def test_a_block_on_software_speaks_for_one_whole_message_but_not_for_a_page():
    """An issue's title names the game its body debugs; on a page, a promotion spliced beside a manual keeps its
    weight."""
    texts = ["Free spins and slot demo", "The counter keeps its value from localStorage after a reload"]
    evidence = collect_evidence([Segment(0, len(t), t) for t in texts], one_message=True)
    assert [symbol.name for symbol in operator_evidence(evidence, one_message=True).symbols] == ["SOFTWARE"]
    assert operator_evidence(evidence).fired
