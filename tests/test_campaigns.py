"""Campaigns recovered from a composed crawl: six planted operations (two real doorway templates, a footer link farm,
a hidden link block, a stuffed keyword block and a cloaking redirect; disjoint brands and link targets; shared
generic anchors and a shared link shortener) on 150 victim hosts, beside 160 genuine hosts, run through
`spamsift run` on a WARC and grouped by `spamsift report --json`."""

import json
import subprocess
import sys
from collections import Counter

import pytest
from conftest import DATA
from hypothesis import given
from hypothesis import strategies as st

from spamsift.batch.campaigns import CampaignGrouper
from spamsift.core._minhash import min_hashes
from spamsift.core.campaign import _PERMUTATIONS, minhash, minhash_bands
from spamsift.devdata import campaign_crawl, gzip_member, warc_record


@pytest.fixture(scope="module")
def crawl():
    return campaign_crawl(DATA, seed=3)


@pytest.fixture(scope="module")
def report(crawl, tmp_path_factory):
    folder = tmp_path_factory.mktemp("campaigns")
    warc = folder / "crawl.warc.gz"
    with open(warc, "wb") as fh:
        for page in crawl:
            fh.write(gzip_member(warc_record(page.url, page.html.encode())))
    out = folder / "out.jsonl"
    run = subprocess.run([sys.executable, "-m", "spamsift", "run", str(warc), "-o", str(out), "--workers", "2"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 1, run.stderr
    html = folder / "report.html"
    summary = subprocess.run([sys.executable, "-m", "spamsift", "report", str(out), "--json", "--html", str(html)],
                             capture_output=True, text=True, timeout=600)
    assert summary.returncode == 0, summary.stderr
    return {**json.loads(summary.stdout), "html report": html.read_text(encoding="utf-8")}


def host(url: str) -> str:
    return url.split("/")[2].removeprefix("www.")


def test_the_crawl_holds_300_hosts_and_six_campaigns(crawl):
    hosts = {host(page.url): page.campaign for page in crawl}
    assert len(hosts) >= 300
    assert len({campaign for campaign in hosts.values() if campaign}) == 6


def test_campaigns_are_recovered_pure_and_whole(crawl, report):
    truth = {host(page.url): page.campaign for page in crawl}
    campaigns = report["campaigns"]
    assert len(campaigns) >= 6
    for campaign in campaigns:
        members = Counter(truth[h] for h in campaign["hosts"])
        assert None not in members, f"genuine hosts in {campaign['id']}: {members}"
        assert members.most_common(1)[0][1] / len(campaign["hosts"]) >= 0.95, members
        assert campaign["pages"] and campaign["keys"] and campaign["first_seen"]
    for name, size in Counter(c for c in truth.values() if c).items():
        best = max(sum(1 for h in campaign["hosts"] if truth[h] == name) for campaign in campaigns)
        assert best / size >= 0.9, name


def test_a_trace_most_spam_hosts_share_ties_nothing():
    grouper = CampaignGrouper()
    for number in range(40):
        grouper.add({"status": "ok", "label": "gambling", "id": str(number), "url": f"https://h{number}.example/",
                     "campaign": {"targets": ["bit.ly"], "brands": [f"brand{number}"]}})
    assert grouper.campaigns() == []


def test_near_duplicate_spam_blocks_share_a_minhash_key_and_unrelated_texts_do_not():
    text = ("situs slot gacor hari ini dengan rtp tertinggi daftar sekarang dan klaim bonus new member seratus "
            "persen di link alternatif resmi kami yang aman dan terpercaya untuk semua pemain setia deposit pulsa "
            "tanpa potongan proses withdraw cepat hanya lima menit saja")
    words = text.split(" ")
    keys = set(minhash_bands(minhash(words)))
    variants = [" ".join(words[:i] + ["RAJA88"] + words[i + 1:]) for i in range(len(words))]  # a word swapped
    shared = sum(bool(keys & set(minhash_bands(minhash(variant.split(" "))))) for variant in variants)
    assert shared / len(variants) >= 0.9
    unrelated = ["Resep kue lapis legit yang lembut dan wangi untuk hari raya bersama keluarga",
                 "The council approved the new budget for public transport on Monday after a long debate"]
    assert not any(keys & set(minhash_bands(minhash(text.lower().split(" ")))) for text in unrelated)


@given(st.lists(st.one_of(st.integers(0, 2**64 - 1), st.sampled_from([0, 2**61 - 2, 2**61 - 1, 2**61, 2**64 - 1])),
                min_size=1, max_size=50))
def test_the_compiled_minhash_takes_the_same_minimums_as_python_integers(hashes):
    assert min_hashes(hashes, _PERMUTATIONS) == [min((a * h + b) % (2**61 - 1) for h in hashes)
                                                 for a, b in _PERMUTATIONS]


def test_the_html_report_draws_campaign_hosts_and_their_targets(report):
    html = report["html report"]
    graph = html[html.index("<figcaption>Campaigns: hosts and the targets"):]
    graph = graph[:graph.index("</figure>")]
    assert graph.count("<line ") >= 6 and "<script" not in html
    host, target = next(c for c in report["campaigns"] if c["links"])["links"][0]
    assert host in graph and target in graph


def test_parquet_output_keeps_the_campaign_traces(crawl, tmp_path):
    from spamsift.batch.sinks import read_records

    warc = tmp_path / "crawl.warc.gz"
    with open(warc, "wb") as fh:
        for page in [page for page in crawl if page.campaign][:20]:
            fh.write(gzip_member(warc_record(page.url, page.html.encode())))
    out = tmp_path / "out.parquet"
    run = subprocess.run([sys.executable, "-m", "spamsift", "run", str(warc), "-o", str(out), "--workers", "1"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 1, run.stderr
    records = [r for r in read_records(out) if r.get("label") not in (None, "clean")]
    assert records and all(isinstance(r["campaign"], dict) and r["campaign"] for r in records)
    assert all(isinstance(values, list) for r in records for values in r["campaign"].values())
    assert all(r["warc_date"] for r in records)
