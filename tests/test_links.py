"""Links to known gambling domains are evidence in any language, compared by registered domain; the shipped list
holds the domains the permissive lists name themselves, never an institution's or a platform's."""

import spamsift
from spamsift.core.links import gambling_domains, registered_domain

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
