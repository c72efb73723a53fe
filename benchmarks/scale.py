"""Throughput of ``spamsift run`` on a crawl WARC with 1 and 2 workers and on the Ray engine, and peak memory
on a large WARC.

    python benchmarks/scale.py [--data ../shared/data] [--pages 600] [--repeat 3] [--large-gb 1.0] [--skip-ray]

The WARC holds the genuine pages of ../shared/data/clean (about 290 KB of HTML each), spam composed into 30%
of them, one gzip member per record as in Common Crawl. Each run is the ``spamsift run`` command, timed end
to end (start-up and model loading included), ``--repeat`` times; the fastest run counts, because on a shared
machine the slower runs measure the neighbours. Peak memory is the largest resident size of the whole process
tree (the run and its workers), sampled every 0.1 s, while it judges a WARC of ``--large-gb`` GB of HTML.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from spamsift.devdata import gzip_member, iter_crawl_pages, warc_record

ROOT = Path(__file__).resolve().parents[1]


def write_warc(path: Path, data: Path, pages: int | None = None, gigabytes: float | None = None) -> tuple[int, int]:
    """Write ``pages`` pages, or pages until ``gigabytes`` of HTML, cycling through the genuine pages with fresh
    URLs on each pass; returns (pages, HTML bytes)."""
    count = size = 0
    with open(path, "wb") as out:
        for lap in itertools.count():
            for url, html, _ in iter_crawl_pages(data, seed=lap, spam_share=0.3):
                body = html.encode("utf-8")
                out.write(gzip_member(warc_record(f"{url}#{lap}" if lap else url, body)))
                count, size = count + 1, size + len(body)
                if (pages and count >= pages) or (gigabytes and size >= gigabytes * 1e9):
                    return count, size


def timed_command(command: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """(seconds, peak resident MiB of the process tree) of one command, sampled every 0.1 s."""
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode not in ok:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr.decode()[-2000:]}")
    return seconds, peak


def timed_run(warc: Path, out: Path, *options: str) -> tuple[float, float]:
    """(seconds, peak resident MiB of the process tree) of one ``spamsift run``."""
    return timed_command([sys.executable, "-m", "spamsift", "run", str(warc), "-o", str(out), *options])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--large-gb", type=float, default=1.0)
    parser.add_argument("--skip-ray", action="store_true")
    args = parser.parse_args()

    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"{time.strftime('%Y-%m-%d')}, {machine}")
    with tempfile.TemporaryDirectory(prefix="spamsift-scale-") as tmp:
        work = Path(tmp)
        warc = work / "crawl.warc.gz"
        pages, size = write_warc(warc, args.data, pages=args.pages)
        print(f"throughput: {pages} pages, {size / 1e6:.0f} MB of HTML, {warc.stat().st_size / 1e6:.0f} MB WARC")
        runs = [("local, 1 worker", ("--workers", "1")), ("local, 2 workers", ("--workers", "2"))]
        if not args.skip_ray:
            runs.append(("ray, local cluster of 2 CPUs", ("--engine", "ray", "--workers", "2")))
        rates = {}
        for name, options in runs:
            timings = [timed_run(warc, work / "out.jsonl.gz", *options) for _ in range(args.repeat)]
            seconds, peak = min(timings)
            rates[name] = pages / seconds
            every = ", ".join(f"{s:.1f}" for s, _ in timings)
            print(f"  {name:<30} {seconds:7.1f} s  {rates[name]:6.1f} pages/s  peak memory {peak:6.0f} MiB"
                  f"  (runs: {every} s)")
        print(f"  2 workers / 1 worker: {rates['local, 2 workers'] / rates['local, 1 worker']:.2f}x")

        if args.large_gb:
            large = work / "large.warc.gz"
            pages, size = write_warc(large, args.data, gigabytes=args.large_gb)
            print(f"memory: {pages} pages, {size / 1e9:.2f} GB of HTML, {large.stat().st_size / 1e6:.0f} MB WARC")
            seconds, peak = timed_run(large, work / "large.jsonl.gz", "--workers", "2")
            print(f"  local, 2 workers: {seconds:.0f} s, {pages / seconds:.1f} pages/s, peak memory {peak:.0f} MiB "
                  "(run and workers together)")


if __name__ == "__main__":
    main()
