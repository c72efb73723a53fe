"""``--engine ray`` on a real Ray cluster on loopback (a head and a worker node, as separate processes): the same
records as the local engine, record by record."""

import itertools
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import DATA

from spamsift.batch.sinks import read_records
from spamsift.devdata import gzip_member, iter_crawl_pages, warc_record

RAY = str(Path(sys.executable).parent / "ray")
# A home of its own: a stale ~/.ray/auth_token from another Ray session makes the nodes refuse each other.
ENV = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "HOME": tempfile.mkdtemp(prefix="spamsift-ray-home-")}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def ray_cluster():
    port = _free_port()
    address = f"127.0.0.1:{port}"
    subprocess.run([RAY, "start", "--head", "--node-ip-address", "127.0.0.1", "--port", str(port), "--num-cpus", "1",
                    "--include-dashboard", "false", "--disable-usage-stats"],
                   check=True, capture_output=True, env=ENV, timeout=120)
    try:
        subprocess.run([RAY, "start", "--address", address, "--node-ip-address", "127.0.0.1", "--num-cpus", "1"],
                       check=True, capture_output=True, env=ENV, timeout=120)
        yield address
    finally:
        subprocess.run([RAY, "stop", "--force"], capture_output=True, env=ENV, timeout=120)


def test_ray_engine_output_equals_the_local_engine(ray_cluster, tmp_path, seed_text):
    warc = tmp_path / "crawl.warc.gz"
    pages = list(itertools.islice(iter_crawl_pages(DATA, seed=5, spam_share=0.4), 10))
    warc.write_bytes(b"".join(gzip_member(warc_record(url, html.encode())) for url, html, _ in pages)
                     + gzip_member(warc_record("https://x.example/logo.png", b"\x89PNG", content_type="image/png")))
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text('{"id": "seed", "text": ' + __import__("json").dumps(seed_text) + "}\nnot json\n")

    def run(*options) -> dict:
        out = tmp_path / f"out-{len(options)}.jsonl"
        done = subprocess.run([sys.executable, "-m", "spamsift", "run", str(warc), str(jsonl), "-o", str(out),
                               *options], capture_output=True, text=True, env=ENV, timeout=600)
        assert done.returncode == 1, done.stderr
        return {(r["source"], r["record"]): r for r in read_records(out)}

    local = run("--workers", "2")
    on_ray = run("--engine", "ray", "--address", ray_cluster)
    assert len(local) == 10 + 1 + 2
    assert on_ray.keys() == local.keys()
    for key, record in local.items():
        assert on_ray[key] == record, key
