"""Search spam other than gambling (pharmacy, counterfeits, loans, paid followers) is labelled ``spam`` and
located by its vocabulary; a page that informs about the same subjects names them bare and is not spam.

These texts were written for this test; the models never saw them.
"""

import pytest

import spamsift
from spamsift.core.verdict import judge_url

ARTICLE = (
    "<h1>Library extends its opening hours</h1>"
    "<p>The central library will stay open until nine in the evening from next month, the council said on Friday.</p>"
    "<p>Students had asked for longer hours during the exam season, when the reading rooms are full by noon.</p>"
    "<p>The extra evenings will be staffed by volunteers and paid for from the cultural budget.</p>"
)


@pytest.mark.parametrize("injection", [
    '<div style="display:none"><a href="https://pills.example/">buy cialis online cheap</a> '
    '<a href="https://pills.example/v">order viagra without prescription</a> '
    '<a href="https://pills.example/t">tramadol overnight delivery</a></div>',
    "<ul><li>Louis Vuitton replica bags sale</li><li>Buy TikTok followers instantly</li>"
    "<li>Payday loans online with no credit check</li></ul>",
])
def test_a_search_spam_injection_is_labelled_spam_and_located(injection):
    report = spamsift.check(html=f"<html><body>{ARTICLE}{injection}</body></html>")
    assert report.label == "spam", (report.score, [(b.text, b.score) for b in report.blocks])
    assert report.spam_blocks and all(block.kind == "content" for block in report.blocks[:4])
    assert all(any(r.startswith("spam terms: ") for r in block.reasons) for block in report.spam_blocks)
    assert "library will stay open" in report.clean_text and "replica" not in report.clean_text


@pytest.mark.parametrize("text", [
    "Erectile dysfunction: treatment options\n"
    "Sildenafil (Viagra) and tadalafil (Cialis) are prescription medicines that help blood flow to the penis.\n"
    "They should not be taken with nitrates, and side effects include headache, flushing and indigestion.\n"
    "Talk to your doctor before you buy any medicine online: many websites sell fake pills.",
    "Is it safe to buy Viagra online?\n"
    "Many websites sell it without prescription, and doctors warn that the pills may be counterfeit.\n"
    "Look for a registered pharmacy and ask your GP first.\n"
    "Report suspicious sellers to the regulator.",
    "Payday loans\n"
    "A payday loan is a short-term loan, usually for $500 or less, that is due on your next payday.\n"
    "Many states cap the fees lenders may charge, and some ban payday loans altogether.\n"
    "If you are struggling to repay, a credit union may offer a cheaper small-dollar loan.",
])
def test_a_page_about_the_same_subjects_is_clean(text):
    report = spamsift.check(text=text)
    assert report.label == "clean", (report.score, [(b.text, b.score) for b in report.blocks])
    assert not report.spam_blocks


def test_a_lone_search_spam_comment_is_spam_though_the_page_text_model_knows_gambling_only():
    report = spamsift.check(text="Order viagra without prescription, generic cialis with overnight delivery")
    assert report.label == "spam", report.score
    assert [block.kind for block in report.blocks] == ["spam"]


def test_a_pharmacy_hack_of_the_title_or_the_url_is_spam():
    report = spamsift.check(html="<html><head><title>Buy Viagra Online Without Prescription - Department of Physics"
                                 f"</title></head><body>{ARTICLE}</body></html>")
    assert report.label == "spam", report.score
    assert any(reason.startswith("spam in title: spam terms: buy viagra") for reason in report.reasons)
    assert judge_url("https://physics.example.edu/?p=buy-viagra-online-without-prescription")[0] >= 0.5
    assert judge_url("https://physics.example.edu/admissions/graduate-programmes")[0] < 0.5


@pytest.mark.parametrize("text", [
    "专业车队卡接回U，承接一道二道料，点位高，欢迎料主来谈 @example_team",
    "出股民粉、宝妈粉、交友粉，劫持量大，价格美丽",
    "长期收盾卡收公户，一手车队无中间商，验付可谈",
])
def test_a_chinese_black_market_advertisement_is_spam(text):
    """Laundering gambling money through rented bank cards, selling hijacked traffic: the jargon exists for the
    trade alone, as "buy viagra" does."""
    report = spamsift.check(text=text)
    assert report.is_spam and report.spam_blocks, (report.score, [(b.text, b.score, b.reasons) for b in report.blocks])


@pytest.mark.parametrize("text", [
    "这款手机的安兔兔跑分突破两百万，比上一代提升了三成。",  # 跑分: a benchmark score
    "体育粉丝们在广场上庆祝球队夺冠，一直到深夜。",  # 体育粉 of 体育粉丝
    "洗米之后浸泡半小时，再加入切好的菠菜和鸡蛋。",  # washing rice, spinach
    "警方破获一个利用跑分平台为赌博网站洗钱的团伙，抓获犯罪嫌疑人十二名。",  # a police report
    "本站广告位招租\n联系邮箱：ads@example.com",  # a genuine site's empty ad slot
    "路由器根据IP报头中的协议号把数据包交给传输层。",  # a protocol number
    "U盾卡驱动在 Chrome 下无法识别，插上后没有反应",  # a bank's security key
    "有人在群里收银行卡，千万不要卖",  # a warning
])
def test_the_jargons_everyday_and_news_meanings_are_clean(text):
    report = spamsift.check(text=text)
    assert report.label == "clean", (report.score, [(b.text, b.score, b.reasons) for b in report.blocks])


@pytest.mark.parametrize("text", [
    "长期收银行卡，一类卡二类卡都要，高价回收，飞机 @cardbuyer",
    "Obat kuat asli tahan lama, pesan sekarang via WhatsApp 0812-3456-7890",
])
def test_a_subject_of_other_spam_advertised_with_a_contact_is_spam_not_gambling(text):
    report = spamsift.check(text=text)
    assert report.label == "spam", (report.score, [(b.text, b.score, b.reasons) for b in report.blocks])
    reasons = [reason for block in report.spam_blocks for reason in block.reasons]
    assert any(reason.startswith("spam advertised with a contact") for reason in reasons), reasons


def test_a_loan_promising_no_credit_check_is_spam_and_a_warning_against_it_is_clean():
    """The claim is the promotion, whatever words stand between it and "pinjol"; the regulator's warning names it
    beside a reporting word."""
    promotion = spamsift.check(text="Pinjol legal cepat cair tanpa BI checking\n"
                                    "Limit 20 juta langsung cair ke rekening")
    assert promotion.label == "spam", (promotion.score, promotion.reasons)
    warning = spamsift.check(text="OJK mengingatkan: pinjol ilegal menawarkan pinjaman tanpa BI checking dan bunga "
                                  "mencekik. Masyarakat diminta melapor.")
    assert warning.label == "clean", (warning.score, warning.reasons)
