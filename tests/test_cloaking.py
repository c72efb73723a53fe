"""Cloaking seen in one fetch: scripts that test for bots or search visitors and then redirect, write or hide
content, plainly or obfuscated, and refreshes to gambling domains. Written for this test from the techniques of
hacked-site kits; the genuine pages of the shared data carry none (checked in benchmarks/quality.py)."""

import base64
import re

import pytest

import spamsift
from spamsift.core.cloaking import cloaking_evidence, decoded

ARTICLE = ("<h1>Library extends its opening hours</h1><p>The central library will stay open until nine in the evening "
           "from next month, the council said on Friday.</p><p>Students had asked for longer hours during the exam "
           "season, when the reading rooms are full by noon.</p>")


def page(script: str = "", head: str = "") -> str:
    return f"<html><head>{head}</head><body>{ARTICLE}<script>{script}</script></body></html>"


def pack(source: str) -> str:
    """``source`` as Dean Edwards' packer writes it (radix 36, fewer than 36 words)."""
    words = list(dict.fromkeys(re.findall(r"\b\w+\b", source)))
    assert len(words) < 36
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    payload = re.sub(r"\b\w+\b", lambda m: digits[words.index(m.group())], source).replace("'", "\\'")
    return ("eval(function(p,a,c,k,e,d){e=function(c){return c.toString(36)};if(!''.replace(/^/,String)){while(c--)"
            "{d[c.toString(a)]=k[c]||c.toString(a)}k=[function(e){return d[e]}];e=function(){return'\\\\w+'};c=1};"
            "while(c--){if(k[c]){p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c])}}return p}"
            f"('{payload}',36,{len(words)},'{'|'.join(words)}'.split('|'),0,{{}}))")


def char_codes(text: str) -> str:
    return "String.fromCharCode(" + ",".join(str(ord(ch)) for ch in text) + ")"


def hex_escaped(text: str) -> str:
    return '"' + "".join(f"\\x{ord(ch):02x}" for ch in text) + '"'


CLOAKING = {
    "bots tested, humans redirected": page(
        'if (!/googlebot|bingbot|yandex/i.test(navigator.userAgent)) { window.location.href = '
        '"https://slotgacor-hoki.xyz/"; }'),
    "search visitors redirected": page(
        'var r = document.referrer; if (r.indexOf("google.") > -1 || r.indexOf("bing.") > -1) '
        '{ location.replace("https://dewatogel-resmi.xyz/daftar"); }'),
    "links written for bots only": page(
        'if (navigator.userAgent.match(/Googlebot/i)) { document.write(\'<a href="https://maxwin88.xyz/">slot '
        'gacor</a>\'); }'),
    "content hidden from humans": page(
        'if (!/googlebot|bingbot/i.test(navigator.userAgent)) { document.getElementById("seo").style.display = '
        '"none"; }'),
    "meta refresh to a gambling domain": page(head='<meta http-equiv="refresh" content="0;url=https://www.bet365.com/">'),
    "script redirect to a gambling domain": page(
        'setTimeout(function () { window.location.href = "https://www.bet365.com/"; }, 100);'),
    "string concatenation": page(
        "var b = 'goo' + 'gle' + 'bot'; if (navigator.userAgent.toLowerCase().indexOf(b) == -1) "
        "{ window.location = 'https://' + 'slot' + 'gacor77.xyz/'; }"),
    "atob": page(
        f'if (navigator.userAgent.indexOf(atob("{base64.b64encode(b"Googlebot").decode()}")) < 0) '
        f'{{ top.location.href = atob("{base64.b64encode(b"https://dewatogel.xyz/").decode()}"); }}'),
    "String.fromCharCode": page(
        f'var s = {char_codes("google")}; if (document.referrer.indexOf(s) != -1) '
        f'{{ window.location.replace({char_codes("https://maxwin-88.xyz/")}); }}'),
    "escaped characters": page(
        f'var u = {hex_escaped("https://slotgacor.xyz/")}; if (/bot|spider|crawl/i.test(navigator.userAgent) '
        '== false) { location.href = u; }'),
    "packed eval": page(pack(
        'if(document.referrer.indexOf("google")>-1){window.location.replace("https://slot88.xyz/")}')),
    "base64 target in a variable": page(
        f'var t = "{base64.b64encode(b"https://play-slot-zone.com/x").decode()}"; var ua = navigator.userAgent; '
        'if (!/bot|crawl|spider/i.test(ua)) { window.location.replace(atob(t)); }'),
}


@pytest.mark.parametrize("name", sorted(CLOAKING))
def test_cloaking_is_caught_with_its_evidence(name):
    report = spamsift.check(html=CLOAKING[name], url="https://perpustakaan.example.go.id/berita")
    assert report.is_spam, (report.score, report.reasons)
    assert any(reason.startswith("cloaking: ") for reason in report.reasons), report.reasons


@pytest.mark.parametrize("script", [
    # a phone redirect: tests the user agent, not for bots
    'if (/Android|iPhone/i.test(navigator.userAgent)) { window.location.href = "https://m.example.org/"; }',
    # analytics read the referrer and send it; nothing redirects
    'var ref = document.referrer; if (ref.indexOf("google") > -1) { ga("set", "campaignSource", "google"); }',
    # a paywall sending search visitors to a page of its own
    'if (/google/.test(document.referrer) && state) { window.location.href = "/assinatura?from=search"; }',
    # a link that opens with rel=noreferrer
    'button.onclick = function () { window.open("https://gemini.google.com/app", "_blank", "noopener,noreferrer"); };',
    # skipping analytics for bots
    'if (/bot|crawler|spider/i.test(navigator.userAgent)) { return; } track();',
])
def test_genuine_scripts_are_not_cloaking(script):
    assert cloaking_evidence([script], None, "example.org").logit < 0


def test_a_packed_script_is_unpacked_in_place():
    source = 'if(document.referrer.indexOf("google")>-1){window.location.replace("https://slot88.xyz/")}'
    reading = decoded(pack(source))
    assert source in reading.text and reading.ways == ["packed eval"]
