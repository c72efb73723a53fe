import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed/000_9824f43910e82243.txt"
SEED_LABELS = SHARED / "seed/000_9824f43910e82243.labels.tsv"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_labels() -> list[tuple[int, str, str]]:
    rows = []
    for line in SEED_LABELS.read_text(encoding="utf-8").splitlines()[1:]:
        number, label, text = (line.split("\t") + [""])[:3]
        rows.append((int(number), label, text))
    return rows


@contextmanager
def running_server(*options: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """A real ``spamsift serve`` process on a free loopback port: (base URL, process)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "spamsift", "serve", "--port", str(port), *options])
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"spamsift serve did not start (exit status {process.poll()})")
            time.sleep(0.2)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def server() -> Iterator[tuple[str, subprocess.Popen]]:
    with running_server("--processes", "2") as running:
        yield running
