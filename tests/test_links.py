"""Links to known gambling domains are evidence in any language, compared by registered domain; the shipped list
holds the domains the permissive lists name themselves, never an institution's or a platform's."""

import pytest

import spamsift
from spamsift.core.features import collect_evidence
from spamsift.core.links import gambling_domains, mirrored_names, registered_domain
from spamsift.core.page import Segment

ARTICLE = ("<h1>Harvest festival this weekend</h1><p>The village square will host the harvest festival on Saturday, "
           "with a market, a parade and music until late in the evening.</p><p>Parking is free at the school, and "
           "buses run every twenty minutes from the station.</p>")


def test_registered_domains_keep_platform_sites_whole():
    assert registered_domain("www.slot.example.co.id") == "example.co.id"
    assert registered_domain("someone.github.io") == "someone.github.io"
    assert registered_domain("co.id") is None


def test_the_list_holds_operators_and_no_institution_or_platform():
    domains = gambling_domains()
    assert len(domains) > 50_000 and "bet365.com" in domains
    assert not {"whatsapp.com", "tumblr.com", "medium.com", "wordpress.com", "google.com", "github.io"} & domains
    assert not any(domain.endswith((".go.id", ".ac.id", ".sch.id", ".edu", ".gov")) for domain in domains)


def test_a_hidden_link_to_a_gambling_domain_makes_the_page_spam():
    html = (f'<html><body>{ARTICLE}<div style="display:none"><a href="https://www.bet365.com/">harvest</a>'
            "</div></body></html>")
    report = spamsift.check(html=html)
    assert report.is_spam
    assert any(r.startswith("gambling links: ") and "bet365.com" in r for r in report.reasons)


def test_one_visible_link_to_a_bookmaker_is_not_enough():
    html = f'<html><body>{ARTICLE}<p>Sponsored by <a href="https://www.bet365.com/">our partner</a>.</p></body></html>'
    assert not spamsift.check(html=html).is_spam


def test_a_name_the_lists_mirror_under_several_domains_is_a_brand_wherever_it_is_written():
    names = mirrored_names()
    assert {"hi88", "789club", "f8bet", "1xbet"} <= names
    assert not {"x500", "stake", "vulkan", "man", "mb66"} & names  # one letter, words alone, one domain
    text = "F8BET - Link đăng nhập F8BET không bị chặn, thử 789club hoặc mb66"
    [evidence] = collect_evidence([Segment(0, len(text), text)])
    assert evidence.brands == ["f8bet", "f8bet", "789club"]


@pytest.mark.parametrize("text", [
    "F8BET - Link đăng nhập F8BET không bị chặn",
    "789club - Cổng game đổi thưởng số 1 Việt Nam\n\nTải 789club iOS Android nhận code 50K.",
    "Hi88 - Đăng nhập Hi88 chính thức | Link vào Hi88 mới nhất 2025",
])
def test_an_advertisement_for_a_mirrored_brand_is_gambling(text):
    """Vietnamese bookmakers are short names of letters and digits that no ending gives away."""
    assert spamsift.check(text=text).label == "gambling"
