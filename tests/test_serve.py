"""The JSON API of ``spamsift serve``, against a real uvicorn server on loopback."""

import json
import subprocess
import sys

import httpx
import pytest
from conftest import ROOT, running_server


@pytest.fixture(scope="module")
def api(server):
    url, _process = server
    with httpx.Client(base_url=url, timeout=60) as client:
        yield client


def test_check_text_returns_the_report_of_check(api, seed_text):
    response = api.post("/v1/check", json={"text": seed_text})
    assert response.status_code == 200
    report = response.json()
    assert report["label"] == "gambling"
    assert sum(block["kind"] == "spam" for block in report["blocks"]) == 27
    assert "Aleppo" in report["clean_text"] and "dapurtoto" not in report["clean_text"]
    assert all("text" in block for block in report["blocks"])


def test_check_html_gives_locators(api):
    html = ("<html><head><title>Dinas Pendidikan</title></head><body><main><p>Jadwal penerimaan siswa baru tahun "
            "ini dibuka pada bulan Juni untuk semua sekolah negeri di kabupaten.</p></main>"
            "<div style='display:none'><a href='https://x.example/'>slot gacor maxwin</a> "
            "<a href='https://y.example/'>togel hk</a></div></body></html>")
    report = api.post("/v1/check", json={"html": html, "url": "https://disdik.example.go.id/"}).json()
    assert report["label"] == "gambling"
    spam = [block for block in report["blocks"] if block["kind"] == "spam"]
    assert spam and all(block["hidden"] and block["locator"].startswith("html") for block in spam)


def test_batch_reports_every_record_in_order_with_errors(api):
    records = [{"id": "a", "text": "slot gacor maxwin hari ini"}, {"text": "no id"}, {"id": "c"},
               {"id": "d", "html": "<p>A short note about the weather in Bandung this week.</p>"}]
    response = api.post("/v1/check/batch", json={"records": records})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["a", "line:2", "c", "d"]
    assert [r["status"] for r in results] == ["ok", "error", "error", "ok"]
    assert results[0]["label"] == "gambling" and results[3]["label"] == "clean"
    assert "no id" in results[1]["error"] and "no text, snippet, html or title" in results[2]["error"]


def test_batch_over_the_record_limit_is_refused(api):
    response = api.post("/v1/check/batch", json={"records": [{"id": i, "text": "x"} for i in range(101)]})
    assert response.status_code == 422
    assert "100" in response.json()["error"]


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8000/"])
def test_url_fetch_refuses_loopback_and_link_local(api, url):
    response = api.post("/v1/check", json={"url": url})
    assert response.status_code == 422
    assert "refused" in response.json()["error"]


@pytest.mark.parametrize(("body", "why"), [
    (b"not json", "not valid JSON"),
    (b'{"text": "a", "html": "<p>b</p>"}', "not both"),
    (b"{}", "give text, html or url"),
    (b'{"text": 42}', "text"),
    (b"[1, 2]", "body"),
])
def test_bad_requests_get_a_clear_json_error(api, body, why):
    response = api.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert why in response.json()["error"]
    assert "Traceback" not in response.text


def test_body_over_the_cap_is_413(api):
    response = api.post("/v1/check", content=b'{"text": "' + b"a" * (9 * 1024 * 1024) + b'"}',
                        headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


def test_health_docs_and_openapi(api):
    assert api.get("/healthz").json()["status"] == "ok"
    assert api.get("/docs").status_code == 200
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/v1/check", "/v1/check/batch", "/healthz"} <= set(paths)


def test_web_page_needs_no_external_assets(api):
    page = api.get("/").text
    assert "<textarea" in page and 'name="viewport"' in page
    assert "http://" not in page and "https://" not in page.replace("https://example.go.id/berita", "")


def test_a_check_over_the_time_limit_is_504():
    slow_page = "\n".join(f"slot gacor {i} maxwin situs togel terpercaya" for i in range(60_000))
    with running_server("--processes", "1", "--timeout", "0.2") as (url, _process):
        response = httpx.post(f"{url}/v1/check", json={"text": slow_page}, timeout=60)
        assert response.status_code == 504
        assert "longer than" in response.json()["error"]
        assert httpx.get(f"{url}/healthz").status_code == 200


def test_load_2000_requests_at_concurrency_50_without_failures_or_memory_growth(server):
    url, process = server
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks/load.py"), "--url", url, "--pid", str(process.pid),
                             "--requests", "2000", "--concurrency", "50"],
                            capture_output=True, text=True, timeout=900, check=True)
    figures = json.loads(result.stdout)
    print(figures)
    assert figures["failures"] == 0
    assert figures["requests_per_second"] > 0
    memory = figures["server_rss_mib"]
    assert memory["at_end"] < memory["after_warmup"] * 1.15 + 20


def test_check_reads_a_search_results_title_beside_its_snippet(api):
    body = {"title": "PANDAWIN88 ⚡ Dinas Pendidikan Kota Blitar",
            "text": "PANDAWIN88 merupakan laman resmi Dinas Pendidikan Kota Blitar yang melayani masyarakat.",
            "url": "https://dispendik.blitarkota.go.id/?id=PANDAWIN88"}
    report = api.post("/v1/check", json=body).json()
    assert report["label"] == "gambling"
    assert report["blocks"][0]["text"] == body["title"] and any("?id=" in reason for reason in report["reasons"])
    refused = api.post("/v1/check", json={"title": "A", "html": "<p>b</p>"})
    assert refused.status_code == 422 and "title goes with text" in refused.json()["error"]
