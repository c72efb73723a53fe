"""``spamsift run`` over crawl formats: WARC, WET, Parquet, page files; compressed; hostile; resumable."""

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import time
import zlib

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard
from conftest import DATA

import spamsift
from spamsift.batch.sinks import partition_files, read_records
from spamsift.devdata import gzip_member, iter_crawl_pages, warc_record

PAGES = 12


@pytest.fixture(scope="module")
def crawl_pages():
    """Real genuine pages, spam composed into about a third of them: (url, html, has spam)."""
    return list(itertools.islice(iter_crawl_pages(DATA, seed=3, spam_share=0.35), PAGES))


@pytest.fixture(scope="module")
def crawl_warc(tmp_path_factory, crawl_pages):
    """A crawl-style WARC: per page a request and a response record, one gzip member each, and a warcinfo."""
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    members = [gzip_member(warc_record("", b"software: spamsift tests\r\n", record_type="warcinfo"))]
    for url, html, _ in crawl_pages:
        members.append(gzip_member(warc_record(url, b"", record_type="request")))
        members.append(gzip_member(warc_record(url, html.encode("utf-8"))))
    path.write_bytes(b"".join(members))
    return path


def run_cli(*args, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "spamsift", "run", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def records_of(path) -> list[dict]:
    if path.is_dir():
        return [r for part in partition_files(path) for r in read_records(part)]
    return list(read_records(path))


def test_warc_every_response_record_with_its_url_and_the_verdict_of_check(crawl_warc, crawl_pages, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run_cli(crawl_warc, "-o", out, "--workers", "2")
    assert result.returncode == 1, result.stderr
    records = records_of(out)
    assert len(records) == 1 + 2 * PAGES  # warcinfo, requests and responses: every record reported
    responses = [r for r in records if r.get("warc_type") == "response"]
    assert sorted(r["url"] for r in responses) == sorted(url for url, _, _ in crawl_pages)
    assert all(r["status"] == "skipped" for r in records if r.get("warc_type") != "response")
    by_url = {r["url"]: r for r in responses}
    for url, html, _ in crawl_pages:
        record, report = by_url[url], spamsift.check(html=html, url=url)
        assert record["status"] == "ok" and record["source"] == str(crawl_warc)
        assert record["warc_record_id"].startswith("<urn:uuid:") and isinstance(record["offset"], int)
        assert (record["label"], record["score"], record["clean_text"]) == \
            (report.label, round(report.score, 4), report.clean_text)
        assert record["blocks"] == [b.to_dict(with_text=False) for b in report.blocks]
    spam_urls = {url for url, _, spam in crawl_pages if spam}
    assert spam_urls and {r["url"] for r in responses if r["label"] != "clean"} >= spam_urls - {
        r["url"] for r in responses if r["score"] < 0.5}


def test_wet_conversion_records_are_judged_as_text(tmp_path, seed_text):
    wet = tmp_path / "crawl.warc.wet.gz"
    wet.write_bytes(gzip_member(warc_record("", b"x", record_type="warcinfo"))
                    + gzip_member(warc_record("https://x.go.id/berita", seed_text.encode(), record_type="conversion"))
                    + gzip_member(warc_record("https://x.go.id/cuaca", b"Hujan ringan diperkirakan turun sore ini di "
                                              b"sebagian besar wilayah kota.", record_type="conversion")))
    out = tmp_path / "out.jsonl.gz"
    assert run_cli(wet, "-o", out, "--workers", "1").returncode == 1
    by_url = {r.get("url"): r for r in records_of(out)}
    seed = by_url["https://x.go.id/berita"]
    assert seed["label"] == "gambling" and sum(b["kind"] == "spam" for b in seed["blocks"]) == 27
    assert seed["terms"]["dapurtoto"] == 9
    assert by_url["https://x.go.id/cuaca"]["status"] == "ok"


def test_zstd_warc_is_read(tmp_path, crawl_pages):
    url, html, _ = crawl_pages[0]
    path = tmp_path / "crawl.warc.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(warc_record(url, html.encode())))
    out = tmp_path / "out.jsonl"
    run_cli(path, "-o", out, "--workers", "1")
    [record] = records_of(out)
    assert record["url"] == url and record["status"] == "ok"


def test_parquet_in_with_other_column_names_and_parquet_out_with_fields(tmp_path, seed_text):
    source = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"doc_id": ["a", "b", "c"], "content": [seed_text, "A quiet day in the city.", None],
                             "link": ["https://a.example/", None, None]}), source)
    out = tmp_path / "out.parquet"
    result = run_cli(source, "-o", out, "--id-column", "doc_id", "--text-column", "content", "--url-column", "link",
                     "--fields", "id,label,score,clean_text", "--workers", "1")
    assert result.returncode == 1, result.stderr
    table = pq.read_table(out)
    rows = {row["id"]: row for row in table.to_pylist()}
    assert rows["a"]["label"] == "gambling" and "Aleppo" in rows["a"]["clean_text"]
    assert rows["b"]["label"] == "clean"
    assert rows["c"]["status"] == "error" and "neither text nor html" not in (rows["c"]["label"] or "")
    assert rows["a"]["blocks"] is None or rows["a"]["blocks"] == []  # not among --fields
    assert [row["record"] for row in table.to_pylist()] == [1, 2, 3]


def test_directory_and_glob_of_page_files(tmp_path, seed_text, crawl_pages):
    pages = tmp_path / "site"
    (pages / "berita").mkdir(parents=True)
    (pages / "berita" / "aleppo.txt").write_text(seed_text)
    (pages / "index.html").write_text(crawl_pages[1][1])
    (pages / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (pages / "empty.html").write_text("")
    out = tmp_path / "out.jsonl"
    assert run_cli(pages, "-o", out, "--workers", "1").returncode == 1
    by_id = {r["id"]: r for r in records_of(out)}
    assert set(by_id) == {"berita/aleppo.txt", "index.html", "empty.html"}
    assert by_id["berita/aleppo.txt"]["label"] == "gambling"
    assert by_id["empty.html"]["status"] == "error" and "empty" in by_id["empty.html"]["error"]
    out2 = tmp_path / "out2.jsonl"
    run_cli(str(pages / "**" / "*.txt"), "-o", out2, "--workers", "1")
    assert [r["label"] for r in records_of(out2)] == ["gambling"]


def test_directory_output_has_one_partition_per_input(tmp_path, crawl_warc, seed_text):
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(json.dumps({"id": "seed", "text": seed_text}) + "\n")
    out = tmp_path / "out"
    out.mkdir()
    run_cli(crawl_warc, jsonl, "-o", out, "--workers", "2")
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl.gz", "part-00001.jsonl.gz"]
    assert [r["id"] for r in read_records(out / "part-00001.jsonl.gz")] == ["seed"]


def _bomb_member(uri: str, size: int) -> bytes:
    """A gzip member of a response record whose payload inflates to ``size`` zero bytes."""
    head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\n\r\n").encode()
    warc_head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb-{size}>\r\n"
                 f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
                 f"Content-Length: {len(head) + size}\r\n\r\n").encode()
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    parts = [compressor.compress(warc_head + head)]
    zeros = b"\0" * (1 << 20)
    for _ in range(size >> 20):
        parts.append(compressor.compress(zeros))
    parts.append(compressor.compress(b"\r\n\r\n"))
    parts.append(compressor.flush())
    return b"".join(parts)


def test_corrupt_truncated_and_hostile_warc_records_are_reported_and_the_run_finishes(tmp_path, crawl_pages):
    good = [gzip_member(warc_record(url, html.encode())) for url, html, _ in crawl_pages[:4]]
    corrupt = bytearray(gzip_member(warc_record("https://corrupt.example/", b"<p>lost</p>")))
    corrupt[30:60] = b"\xff" * 30
    image = gzip_member(warc_record("https://x.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"))
    binary_html = gzip_member(warc_record("https://x.example/bin", b"\x00\x01\x02" * 100))
    bomb = _bomb_member("https://bomb.example/", 120 << 20)  # a 120 MB record: over the cap, and a gzip bomb
    truncated = gzip_member(warc_record("https://cut.example/", crawl_pages[5][1].encode()))
    path = tmp_path / "hostile.warc.gz"
    path.write_bytes(good[0] + bytes(corrupt) + good[1] + image + bomb + binary_html + good[2] + good[3]
                     + truncated[: len(truncated) // 2])
    out = tmp_path / "out.jsonl"
    result = run_cli(path, "-o", out, "--workers", "2")
    assert result.returncode in (0, 1), result.stderr
    records = records_of(out)
    by_url = {r.get("url"): r for r in records}
    for url, _, _ in crawl_pages[:4]:
        assert by_url[url]["status"] == "ok"
    assert by_url["https://x.example/logo.png"]["status"] == "skipped"
    assert "image/png" in by_url["https://x.example/logo.png"]["error"]
    assert "larger than" in by_url["https://bomb.example/"]["error"]
    assert "binary" in by_url["https://x.example/bin"]["error"]
    assert "cut short" in by_url["https://cut.example/"]["error"]
    [unreadable] = [r for r in records if "unreadable WARC data" in (r["error"] or "")]
    assert "after offset 0" in unreadable["error"]  # the corrupt member after the first record
    assert len(records) == 4 + 4 + 1


def test_gzip_bomb_in_a_jsonl_input_line_is_an_error_not_a_crash(tmp_path):
    bomb = gzip.compress(b'{"id": "big", "text": "' + b"a" * (70 << 20) + b'"}\n')
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(bomb + gzip.compress(b'{"id": "small", "text": "A quiet day."}\n'))
    out = tmp_path / "out.jsonl"
    run_cli(path, "-o", out, "--workers", "1")
    by_id = {r["id"]: r for r in records_of(out)}
    assert by_id["small"]["status"] == "ok"
    assert by_id["line:1"]["status"] == "error" and "longer than" in by_id["line:1"]["error"]


def test_kill_9_then_resume_reports_every_record_exactly_once(tmp_path, seed_text):
    source = tmp_path / "docs.jsonl"
    texts = [seed_text, "Rainfall this week was above average across the northern provinces, forecasters said."]
    with open(source, "w") as fh:
        for i in range(600):
            fh.write(json.dumps({"id": f"doc-{i}", "text": texts[i % 2]}) + "\n")
        fh.write("not json\n")
    out = tmp_path / "out.jsonl.gz"
    process = subprocess.Popen([sys.executable, "-m", "spamsift", "run", str(source), "-o", str(out), "--workers", "2"],
                               start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    before = len(records_of(out))
    assert 0 < before < 601, "the run should have been killed part way"

    result = run_cli(source, "-o", out, "--resume", "--workers", "2")
    assert result.returncode == 1, result.stderr
    assert "already done" in result.stderr
    records = records_of(out)
    ids = [r["id"] for r in records]
    assert len(ids) == 601 and len(set(ids)) == 601
    assert {f"doc-{i}" for i in range(600)} | {"line:601"} == set(ids)
    assert sum(r["label"] == "gambling" for r in records) == 300


def test_a_corrupt_parquet_file_is_an_error_record_and_the_other_inputs_run(tmp_path, seed_text):
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1" + b"\x00" * 100)
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(json.dumps({"id": "seed", "text": seed_text}) + "\n")
    out = tmp_path / "out.jsonl"
    assert run_cli(broken, jsonl, "-o", out, "--workers", "1").returncode == 1
    records = records_of(out)
    assert [r["status"] for r in records] == ["error", "ok"]
    assert "cannot read this input" in records[0]["error"] and records[0]["source"] == str(broken)
