"""The datatrove step in a real datatrove pipeline: reader -> spamsift -> writer, on the local executor."""

import gzip
import json

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from spamsift.integrations.datatrove import SpamsiftFilter

QUIET = "Rainfall this week was above average across the northern provinces, forecasters said on Monday."
ALL_SPAM = "\n".join(["slot gacor hari ini", "situs togel terpercaya", "dapurtoto link alternatif", "RTP slot maxwin"])


def _run(tmp_path, step, seed_text) -> dict[str, dict]:
    source = tmp_path / "in"
    source.mkdir(exist_ok=True)
    docs = [{"id": "seed", "text": seed_text, "metadata": {"url": "https://x.go.id/berita"}},
            {"id": "quiet", "text": QUIET}, {"id": "all-spam", "text": ALL_SPAM},
            {"id": "page", "text": f"<html><body><article><p>{QUIET}</p></article></body></html>"}]
    (source / "docs.jsonl").write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    out = tmp_path / f"out-{step.replace_text}"
    LocalPipelineExecutor([JsonlReader(str(source)), step, JsonlWriter(str(out))], tasks=1,
                          logging_dir=str(tmp_path / f"logs-{step.replace_text}")).run()
    written = {}
    for path in out.glob("*.jsonl.gz"):
        with gzip.open(path, "rt") as fh:
            written.update((d["id"], d) for d in map(json.loads, fh))
    return written


def test_annotates_metadata_and_keeps_every_document(tmp_path, seed_text):
    docs = _run(tmp_path, SpamsiftFilter(), seed_text)
    assert set(docs) == {"seed", "quiet", "all-spam", "page"}
    assert docs["seed"]["metadata"]["spamsift_label"] == "gambling"
    assert docs["seed"]["metadata"]["spamsift_spam_blocks"] == 27
    assert docs["seed"]["text"] == seed_text
    assert docs["quiet"]["metadata"]["spamsift_label"] == "clean"
    assert docs["page"]["metadata"]["spamsift_label"] == "clean"


def test_replaces_text_with_clean_text_and_drops_what_would_be_mostly_removed(tmp_path, seed_text):
    docs = _run(tmp_path, SpamsiftFilter(replace_text=True, max_removed_share=0.5), seed_text)
    assert set(docs) == {"seed", "quiet", "page"}  # all-spam would lose everything: dropped
    assert "dapurtoto" not in docs["seed"]["text"] and "Aleppo Falls to Rebels" in docs["seed"]["text"]
    assert "Share this Article" not in docs["seed"]["text"]
    assert docs["page"]["text"] == QUIET
