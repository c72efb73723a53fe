"""The spamsift command as a user runs it: real files, real processes, exit statuses like clamscan's."""

import gzip
import json
import subprocess
import sys

from conftest import SEED

CLI = [sys.executable, "-m", "spamsift"]


def run(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=120)


def test_check_seed_prints_verdict_and_exits_1():
    result = run("check", str(SEED))
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "GAMBLING" in out and "dapurtoto" in out and "gambling terms" in out


def test_check_clean_text_exits_0(tmp_path):
    page = tmp_path / "clean.txt"
    page.write_text("The museum opens a new wing for modern sculpture next month.\n"
                    "Tickets are free for children under twelve and students with a valid card.\n")
    result = run("check", str(page))
    assert result.returncode == 0, result.stdout
    assert "CLEAN" in result.stdout.decode()


def test_check_json_from_stdin_gzip():
    result = run("check", "--json", "-", stdin=gzip.compress(SEED.read_bytes()))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["label"] == "gambling"
    assert sum(b["kind"] == "spam" for b in report["blocks"]) == 27


def test_clean_prints_only_the_article():
    result = run("clean", str(SEED))
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "Aleppo Falls to Rebels" in out and "togel" not in out and "5 Min Read" not in out


def test_bad_inputs_exit_2_with_a_clear_message(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    for path, message in ((empty, "empty input"), (binary, "binary data"), (tmp_path / "missing", "No such file")):
        result = run("check", str(path))
        assert result.returncode == 2
        assert message in result.stderr.decode()
        assert "Traceback" not in result.stderr.decode()


def test_latin1_html_with_meta_charset(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes('<html><head><meta charset="iso-8859-1"></head><body><p>Café crème à la française, '
                     'servi chaque matin dans notre salle.</p></body></html>'.encode("latin-1"))
    result = run("check", "--json", str(page))
    assert result.returncode == 0
    assert "Café crème" in json.loads(result.stdout)["clean_text"]


def test_text_with_a_utf16_byte_order_mark_is_read_by_it(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("Situs slot gacor maxwin hari ini, daftar sekarang di dapurtoto".encode("utf-16"))
    result = run("check", "--json", str(page))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["label"] == "gambling"
    assert report["blocks"][0]["text"].startswith("Situs slot gacor")


def test_huge_page_is_judged_within_bounds(tmp_path):
    page = tmp_path / "huge.txt"
    line = b"Ordinary words in an ordinary sentence about the weather and the sea.\n"
    page.write_bytes(line * (100 * 1024 * 1024 // len(line)))
    result = run("check", "--json", str(page))
    assert result.returncode == 0
    assert any("input cut at" in r for r in json.loads(result.stdout)["reasons"])
