"""Throughput of spamsift on one core, against the usual tools, on the same documents in one run.

    python benchmarks/speed.py [--data ../shared/data] [--docs 300] [--pages 300] [--rounds 3]

Text: the ground-truth texts of clean/wcxb-dev (genuine pages of seven kinds), judged by
``spamsift.check(text=...)`` against datatrove's FineWeb filter stack (Gopher repetition, Gopher
quality, C4, FineWeb quality) run as a pipeline, each document stopping at its first rejection.

HTML: the raw pages of clean/scrapinghub and clean/wcxb-dev, judged by ``spamsift.check(html=...)``
against ``trafilatura.extract``; then the pages of multilingual/ the same way, its gambling pages and its genuine
ones apart: smaller pages in eleven languages, and on the gambling ones a spam page's reasons and campaign traces
are made too.

Each tool is warmed up on one document first. Rates are per second of this process's CPU time, which is what
"one core" means here: on a shared machine wall-clock time also measures the neighbours (it is printed too).
Both tools run in this one process, taking turns on the same documents for a few rounds; each tool's best
round counts (as ``timeit`` reports the best of its repeats: the least disturbed run is the closest to the
code's own cost), and every round's ratio is printed so the spread is seen. A last pass has the tools take turns
every ten documents, so that a disturbance of some seconds weighs on both alike; its ratio is printed too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import time
from collections.abc import Callable
from pathlib import Path

import spamsift
from spamsift.devdata import clean_pages, multilingual_pages


def rate(items: list[str], work: Callable[[str], object]) -> tuple[float, float]:
    """Documents per second of this process's CPU time (the ratio's basis) and of wall-clock time."""
    wall, cpu = time.perf_counter(), time.process_time()
    for item in items:
        work(item)
    return len(items) / (time.process_time() - cpu), len(items) / (time.perf_counter() - wall)


def compare(items: list[str], ours: tuple[str, Callable[[str], object]], theirs: tuple[str, Callable[[str], object]],
            rounds: int) -> None:
    """Both tools in turn for ``rounds`` rounds; prints each tool's best round and the ratio of the bests."""
    best: dict[str, tuple[float, float]] = {}
    ratios = []
    for _, work in (ours, theirs):
        work(items[0])  # warm-up
    for _ in range(rounds):
        measured = {name: rate(items, work) for name, work in (ours, theirs)}
        ratios.append(measured[ours[0]][0] / measured[theirs[0]][0])
        for name, rates in measured.items():
            best[name] = max(best.get(name, rates), rates)
    for name, (per_cpu_second, per_wall_second) in best.items():
        print(f"  {name:<34} {per_cpu_second:8.1f} docs/s of CPU time  ({per_wall_second:.1f} docs/s wall-clock)"
              f"  best of {rounds}")
    print(f"  ratio {ours[0]} / {theirs[0]}: {best[ours[0]][0] / best[theirs[0]][0]:.1f}x  "
          f"(rounds: {', '.join(f'{r:.1f}x' for r in ratios)})")


def compare_in_turns(items: list[str], ours: tuple[str, Callable[[str], object]],
                     theirs: tuple[str, Callable[[str], object]], turn: int = 10) -> None:
    """One pass over the documents, the tools taking turns every ``turn`` documents; prints the ratio of their
    CPU times."""
    spent = {ours[0]: 0.0, theirs[0]: 0.0}
    for start in range(0, len(items), turn):
        for name, work in (ours, theirs):
            cpu = time.process_time()
            for item in items[start:start + turn]:
                work(item)
            spent[name] += time.process_time() - cpu
    print(f"  ratio taking turns every {turn} documents: {spent[theirs[0]] / spent[ours[0]]:.1f}x")


def datatrove_stack() -> Callable[[str], object]:
    from datatrove.data import Document
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    filters = [GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(), FineWebQualityFilter()]

    def run(text: str) -> bool:
        document = Document(text=text, id="doc")
        for step in filters:
            verdict = step.filter(document)
            if verdict is not True and not (isinstance(verdict, tuple) and verdict[0]):
                return False
        return True

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d')} {platform.processor() or platform.machine()} python {platform.python_version()}"
          ", one core")

    with gzip.open(args.data / "clean/wcxb-dev/ground-truth.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = [t for t in (json.loads(line)["main_content"] for line in fh) if t][: args.docs]
    print(f"text: {len(texts)} documents, {sum(map(len, texts)) / len(texts):.0f} characters on average")
    text_tools = (("spamsift check(text=...)", lambda t: spamsift.check(text=t)),
                  ("datatrove FineWeb filter stack", datatrove_stack()))
    compare(texts, *text_tools, args.rounds)
    compare_in_turns(texts, *text_tools)

    import trafilatura

    pages = [page.html() for page in clean_pages(args.data)][:: max(1, 1678 // args.pages)][: args.pages]
    print(f"html: {len(pages)} pages, {sum(map(len, pages)) / len(pages) / 1024:.0f} KiB on average")
    html_tools = (("spamsift check(html=...)", lambda h: spamsift.check(html=h)),
                  ("trafilatura.extract", trafilatura.extract))
    compare(pages, *html_tools, args.rounds)
    compare_in_turns(pages, *html_tools)

    multilingual = multilingual_pages(args.data)
    for kind, gambling in (("gambling", True), ("genuine", False)):
        pages = [page.html() for page in multilingual if page.gambling == gambling]
        print(f"html, multilingual {kind}: {len(pages)} pages, {sum(map(len, pages)) / len(pages) / 1024:.0f} KiB on "
              "average")
        compare(pages, *html_tools, args.rounds)


if __name__ == "__main__":
    main()
