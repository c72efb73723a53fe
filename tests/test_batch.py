"""The batch contract: one output record per input line, errors included, whatever the input holds."""

import gzip
import json
import subprocess
import sys

from conftest import SEED

GOOD_TEXT = "Rainfall this week was above average across the northern provinces, forecasters said."


def write_input(path, lines: list[bytes]) -> None:
    path.write_bytes(b"\n".join(lines) + b"\n")


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "spamsift", "run", *args], capture_output=True, timeout=300)


def read_output(path) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def mixed_lines() -> list[bytes]:
    return [
        json.dumps({"id": "seed", "text": SEED.read_text()}).encode(),
        json.dumps({"id": "weather", "text": GOOD_TEXT}).encode(),
        json.dumps({"id": "page", "html": "<p>" + GOOD_TEXT + "</p>", "url": "https://example.org/w"}).encode(),
        b"this is not json",
        json.dumps({"text": "no id here"}).encode(),
        json.dumps({"id": "empty-record"}).encode(),
        json.dumps({"id": "both", "text": "a", "html": "<p>a</p>"}).encode(),
        json.dumps({"id": 7, "text": 12}).encode(),
        json.dumps([1, 2, 3]).encode(),
        b'{"id": "cut", "text": "situs togel terper',
    ]


def test_every_input_line_has_one_output_record(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(source, mixed_lines())
    result = run_cli(str(source), "--output", str(out), "--workers", "1")
    assert result.returncode == 1  # the seed is spam
    records = read_output(out)
    assert len(records) == len(mixed_lines())
    by_id = {r["id"]: r for r in records}
    assert by_id["seed"]["status"] == "ok" and by_id["seed"]["label"] == "gambling"
    assert by_id["weather"]["label"] == "clean" and by_id["page"]["label"] == "clean"
    assert sum(b["kind"] == "spam" for b in by_id["seed"]["blocks"]) == 27
    assert set(by_id["seed"]["blocks"][0]) == {"start", "end", "kind", "score", "reasons"}
    assert by_id["line:4"]["status"] == "error" and "not JSON" in by_id["line:4"]["error"]
    assert "no id" in by_id["line:5"]["error"]
    assert "no text, snippet, html or title" in by_id["empty-record"]["error"]
    assert "both text and html" in by_id["both"]["error"]
    assert "must be strings" in by_id["7"]["error"]
    assert "not a JSON object" in by_id["line:9"]["error"]
    assert by_id["line:10"]["status"] == "error"
    for record in records:
        assert set(record) >= {"id", "status", "error", "label", "score", "clean_text", "blocks"}
    assert "errors" in result.stderr.decode() and "docs/s" in result.stderr.decode()


def test_gzip_in_and_out_and_two_workers_agree_with_one(tmp_path):
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(gzip.compress(b"\n".join(mixed_lines()) + b"\n"))
    one, two = tmp_path / "one.jsonl.gz", tmp_path / "two.jsonl"
    assert run_cli(str(source), "-o", str(one), "-w", "1").returncode == 1
    assert run_cli(str(source), "-o", str(two), "-w", "2").returncode == 1
    first = sorted(read_output(one), key=lambda r: r["id"])
    second = sorted(read_output(two), key=lambda r: r["id"])
    assert first == second


def test_truncated_gzip_input_reports_the_break(tmp_path):
    source = tmp_path / "in.jsonl.gz"
    data = gzip.compress(b"\n".join(json.dumps({"id": str(i), "text": GOOD_TEXT}).encode() for i in range(200)))
    source.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out.jsonl"
    run_cli(str(source), "-o", str(out))
    records = read_output(out)
    errors = [r for r in records if r["status"] != "ok"]
    assert len(errors) == 1 and "cut short" in errors[0]["error"] and errors[0]["line"] == len(records)


def test_clean_run_exits_0_and_missing_input_exits_2(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(source, [json.dumps({"id": "w", "text": GOOD_TEXT}).encode()])
    assert run_cli(str(source), "-o", str(out)).returncode == 0
    missing = run_cli(str(tmp_path / "nope.jsonl"), "-o", str(out))
    assert missing.returncode == 2
    assert "no such input" in missing.stderr.decode()


def test_records_can_come_from_stdin(tmp_path):
    out = tmp_path / "out.jsonl"
    lines = b"\n".join(mixed_lines()[:2]) + b"\n"
    result = subprocess.run([sys.executable, "-m", "spamsift", "run", "-", "-o", str(out)], input=lines,
                            capture_output=True, timeout=300)
    assert result.returncode == 1
    assert sorted(r["id"] for r in read_output(out)) == ["seed", "weather"]
