"""A search result (title, snippet, URL) is judged as one by every interface: the title is read as the text's
first line, where the doorway family looks for a text's head."""

import json
import subprocess
import sys

import pytest

import spamsift
from spamsift.core.doorway import snippet_without_date
from spamsift.devdata import search_result

DOORWAY = ("PANDAWIN88 ⚡ Dinas Pendidikan Kota Blitar",
           "PANDAWIN88 merupakan laman resmi Dinas Pendidikan Kota Blitar yang melayani masyarakat.",
           "https://dispendik.blitarkota.go.id/?id=PANDAWIN88")
GENUINE = ("Penerimaan Peserta Didik Baru 2025 - Dinas Pendidikan Kota Blitar",
           "Jadwal dan syarat pendaftaran peserta didik baru jenjang SD dan SMP di Kota Blitar tahun ajaran 2025.",
           "https://dispendik.blitarkota.go.id/ppdb-2025")


def run_cli(*args, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "spamsift", *args], input=stdin, capture_output=True, timeout=300)


def test_a_title_beside_a_snippet_is_read_as_the_texts_head():
    title, snippet, url = DOORWAY
    report = spamsift.check(text=snippet, title=title, url=url)
    assert report.label == "gambling"
    assert any("title and description both open with: PANDAWIN88" in reason for reason in report.reasons)
    assert report.text.splitlines()[0] == title
    as_one_text = spamsift.check(text=search_result(title, snippet, url), url=url)
    assert (report.label, report.score) == (as_one_text.label, as_one_text.score)


def test_a_genuine_search_result_with_its_title_is_clean():
    title, snippet, url = GENUINE
    assert spamsift.check(text=snippet, title=title, url=url).label == "clean"


@pytest.mark.parametrize("date", ["12 Jan 2025 — ", "Mar 5, 2025 · ", "3 hari yang lalu — ", "2 days ago — "])
def test_a_search_engines_date_before_the_snippet_does_not_hide_its_opening(date):
    """A search engine writes the page's date or age before its snippet: a doorway's description still opens with
    its keyword after it, at the site's home address too, and a genuine result stays clean."""
    title, snippet, _url = DOORWAY
    home = "https://dispendik.blitarkota.go.id/"
    title = title.replace("PANDAWIN88", "QQPALACE")
    snippet = date + snippet.replace("PANDAWIN88", "QQPALACE")
    report = spamsift.check(text=snippet, title=title, url=home)
    assert report.label == "gambling", (report.score, report.reasons)
    assert any("title and description both open with: QQPALACE" in reason for reason in report.reasons)
    title, snippet, url = GENUINE
    assert spamsift.check(text=date + snippet, title=title, url=url).label == "clean"


def test_a_snippets_opening_words_are_kept_when_they_are_no_date():
    assert snippet_without_date("Jakarta — Gubernur DKI meresmikan ...") == "Jakarta — Gubernur DKI meresmikan ..."
    assert snippet_without_date("08/11/2024 — Dinas Pendidikan ...") == "Dinas Pendidikan ..."


def test_a_title_written_over_lines_stays_one_line_and_a_title_alone_is_judged():
    title, _snippet, url = DOORWAY
    report = spamsift.check(title=title.replace(" ⚡ ", "\n⚡\n"), url=url)
    assert report.text == title


def test_a_title_beside_html_is_refused():
    with pytest.raises(ValueError, match="title goes with text"):
        spamsift.check(html="<title>A</title><p>b</p>", title="A")


def test_batch_records_of_search_results_with_errors_in_place():
    title, snippet, url = DOORWAY
    records = [{"id": "doorway", "title": title, "snippet": snippet, "url": url},
               {"id": "genuine", "title": GENUINE[0], "text": GENUINE[1], "url": GENUINE[2]},
               {"id": "title-only", "title": title, "url": url},
               {"id": "both", "text": "a", "snippet": "b"},
               {"id": "bad-title", "text": "a", "title": 3}]
    lines = b"".join(json.dumps(record).encode() + b"\n" for record in records)
    result = run_cli("run", "-", "-o", "-", "-w", "1", stdin=lines)
    assert result.returncode == 1, result.stderr
    out = {r["id"]: r for r in map(json.loads, result.stdout.decode().splitlines())}
    assert list(out) == [r["id"] for r in records]
    assert out["doorway"]["label"] == "gambling" and out["title-only"]["label"] == "gambling"
    assert [len(out[i]["blocks"]) for i in ("doorway", "genuine", "title-only")] == [2, 2, 1]
    assert out["genuine"]["label"] == "clean"
    assert out["both"]["error"] == "record has both text and snippet"
    assert "must be strings" in out["bad-title"]["error"]
    assert "5 records" in result.stderr.decode()


def test_run_to_standard_output_cannot_resume():
    result = run_cli("run", "-", "-o", "-", "--resume", stdin=b'{"id": 1, "text": "a"}\n')
    assert result.returncode == 2 and "standard output" in result.stderr.decode()


def test_check_takes_a_search_results_title_and_url_for_its_snippet():
    title, snippet, url = DOORWAY
    result = run_cli("check", "-", "--json", "--title", title, "--url", url, stdin=snippet.encode())
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["label"] == "gambling" and report["url"] == url
    assert run_cli("check", "-", "--title", GENUINE[0], "--url", GENUINE[2],
                   stdin=GENUINE[1].encode()).returncode == 0


def test_parquet_search_results_read_their_title_column(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    source, out = tmp_path / "results.parquet", tmp_path / "out.jsonl"
    pq.write_table(pa.table({"id": ["doorway", "genuine"], "heading": [DOORWAY[0], GENUINE[0]],
                             "snippet": [DOORWAY[1], GENUINE[1]], "url": [DOORWAY[2], GENUINE[2]]}), source)
    result = run_cli("run", str(source), "-o", str(out), "-w", "1", "--text-column", "snippet",
                     "--title-column", "heading")
    assert result.returncode == 1, result.stderr
    judged = {r["id"]: (r["label"], len(r["blocks"])) for r in map(json.loads, out.read_text().splitlines())}
    assert judged == {"doorway": ("gambling", 2), "genuine": ("clean", 2)}
