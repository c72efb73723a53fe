"""Load a running ``spamsift serve`` with concurrent ``POST /v1/check`` requests and print what it did.

    python benchmarks/load.py --url http://127.0.0.1:8000 --pid SERVER_PID --requests 2000 --concurrency 50

The request bodies are real pages: the seed and pages of ../shared/data/clean. Memory is the resident size of
the server and its worker processes, read after a warm-up and again at the end, so that growth shows a leak.
Prints one JSON object: requests, failures, seconds, requests/s, latency percentiles and memory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from pathlib import Path

import httpx
import psutil

from spamsift.devdata import clean_pages

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def request_bodies() -> list[dict[str, str]]:
    bodies = [{"text": (SHARED / "seed" / "000_9824f43910e82243.txt").read_text(encoding="utf-8")}]
    bodies += [{"html": page.html(), "url": page.url} for page in clean_pages(SHARED / "data")[:20]]
    return bodies


def tree_rss_mib(pid: int) -> float:
    process = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 2**20


async def hammer(url: str, bodies: list[dict[str, str]], requests: int, concurrency: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(i)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal failures
        while not queue.empty():
            i = queue.get_nowait()
            started = time.perf_counter()
            try:
                response = await client.post(f"{url}/v1/check", json=bodies[i % len(bodies)])
                ok = response.status_code == 200 and "label" in response.json()
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - started)
            failures += not ok

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--pid", type=int, required=True, help="process id of the server (its workers are found)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=200)
    args = parser.parse_args()

    bodies = request_bodies()
    asyncio.run(hammer(args.url, bodies, args.warmup, args.concurrency))
    rss_after_warmup = tree_rss_mib(args.pid)
    started = time.perf_counter()
    latencies, failures = asyncio.run(hammer(args.url, bodies, args.requests, args.concurrency))
    seconds = time.perf_counter() - started
    rss_at_end = tree_rss_mib(args.pid)
    latencies.sort()
    print(json.dumps({
        "requests": args.requests, "concurrency": args.concurrency, "failures": failures,
        "seconds": round(seconds, 2), "requests_per_second": round(args.requests / seconds, 1),
        "latency_ms": {"median": round(statistics.median(latencies) * 1000, 1),
                       "p95": round(latencies[int(len(latencies) * 0.95)] * 1000, 1),
                       "max": round(latencies[-1] * 1000, 1)},
        "server_rss_mib": {"after_warmup": round(rss_after_warmup, 1), "at_end": round(rss_at_end, 1)},
    }))


if __name__ == "__main__":
    main()
