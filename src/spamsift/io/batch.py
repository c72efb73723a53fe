"""The batch contract: JSON Lines of pages in, one JSON verdict per input record out.

Input records are ``{"id", "text" | "html", "url"?}``. Every input line yields exactly one output
record, in any order, ``status`` ``"ok"`` or ``"error"`` with the reason; a line that is not JSON or
a record without ``id`` gets the id ``"line:N"``. One bad record never stops the run.
"""

from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any

from spamsift.api import check
from spamsift.io.decode import InputError

MAX_LINE_BYTES = 64 * 1024 * 1024
"""A longer input line is reported as an error instead of being parsed."""


@dataclass(slots=True)
class Summary:
    records: int = 0
    errors: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def spam_found(self) -> bool:
        return any(n for label, n in self.labels.items() if label != "clean")

    def line(self) -> str:
        labels = ", ".join(f"{label} {n}" for label, n in sorted(self.labels.items()))
        rate = self.records / self.seconds if self.seconds else 0.0
        return f"{self.records} records ({labels or 'none judged'}), {self.errors} errors, {rate:.1f} docs/s"


def open_lines(path: Path) -> IO[bytes]:
    """Open a JSONL file, gzip-compressed or not (judged by its magic bytes), or ``-`` for stdin."""
    if str(path) == "-":
        return sys.stdin.buffer
    raw = open(path, "rb")  # noqa: SIM115 - handed to the caller, who closes it
    if raw.peek(2)[:2] == b"\x1f\x8b":
        return gzip.open(raw)  # type: ignore[return-value]
    return raw


def iter_input_lines(paths: Iterable[Path]) -> Iterator[tuple[str, int, bytes | Exception]]:
    """(source, line number, raw line or the error that cut the file short), for every line of every input."""
    for path in paths:
        number = 0
        with open_lines(path) as lines:
            try:
                for number, raw in enumerate(lines, start=1):
                    if raw.strip():
                        yield str(path), number, raw
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                yield str(path), number + 1, exc


def error_record(record_id: str, why: str, line: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": record_id, "status": "error", "error": why, "label": None, "score": None,
                           "clean_text": None, "blocks": []}
    if line is not None:
        out["line"] = line
    return out


def judge_line(item: tuple[str, int, bytes | Exception]) -> dict[str, Any]:
    """One input line to one output record; never raises."""
    _source, number, raw = item
    fallback_id = f"line:{number}"
    if isinstance(raw, Exception):
        return error_record(fallback_id, f"input cut short: {raw}", number)
    if len(raw) > MAX_LINE_BYTES:
        return error_record(fallback_id, f"line longer than {MAX_LINE_BYTES:,} bytes", number)
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return error_record(fallback_id, f"not JSON: {exc}", number)
    return judge_record(record, number)


def judge_record(record: Any, number: int | None = None) -> dict[str, Any]:
    """One input record (a decoded JSON value) to one output record; never raises. ``number`` is its line
    or position, used as ``"line:N"`` when it has no id."""
    fallback_id = f"line:{number}"
    if not isinstance(record, dict):
        return error_record(fallback_id, "record is not a JSON object", number)
    record_id = record.get("id")
    if record_id is None or record_id == "":
        return error_record(fallback_id, "record has no id", number)
    record_id = str(record_id)
    text, html, url = record.get("text"), record.get("html"), record.get("url")
    if (text is None) == (html is None):
        why = "record has both text and html" if text is not None else "record has neither text nor html"
        return error_record(record_id, why, number)
    if not isinstance(text if text is not None else html, str) or (url is not None and not isinstance(url, str)):
        return error_record(record_id, "text, html and url must be strings", number)
    try:
        report = check(text=text, html=html, url=url)
    except (InputError, ValueError) as exc:
        return error_record(record_id, str(exc), number)
    except Exception as exc:  # a bug must cost one record, not the run
        return error_record(record_id, f"internal error: {type(exc).__name__}: {exc}", number)
    return {"id": record_id, "status": "ok", "error": None, "label": report.label, "score": round(report.score, 4),
            "clean_text": report.clean_text, "blocks": [b.to_dict(with_text=False) for b in report.blocks]}


CHUNK_RECORDS = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 4


def _judge_chunk(chunk: list[tuple[str, int, bytes | Exception]]) -> list[dict[str, Any]]:
    return [judge_line(item) for item in chunk]


def judge_in_processes(lines: Iterator[tuple[str, int, bytes | Exception]], workers: int) -> Iterator[dict[str, Any]]:
    """Judge lines in ``workers`` processes, keeping only a few chunks in flight so that memory stays bounded
    however long the input (``Pool.imap`` would read the whole input ahead)."""
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: set[Future[list[dict[str, Any]]]] = set()
        while chunk := list(islice(lines, CHUNK_RECORDS)):
            pending.add(pool.submit(_judge_chunk, chunk))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        for future in as_completed(pending):
            yield from future.result()


def run_batch(inputs: list[Path], output: Path, workers: int = 1, progress: bool = False) -> Summary:
    """Judge every record of ``inputs`` into ``output`` (JSONL, gzip when it ends in .gz), streaming."""
    for path in inputs:
        if str(path) != "-" and not path.is_file():
            raise FileNotFoundError(f"no such input file: {path}")
    summary = Summary()
    started = time.perf_counter()
    out: IO[str]
    if output.suffix == ".gz":
        out = io.TextIOWrapper(gzip.open(output, "wb"), encoding="utf-8")  # noqa: SIM115 - closed below
    else:
        out = open(output, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    lines = iter_input_lines(inputs)
    results = judge_in_processes(lines, workers) if workers > 1 else map(judge_line, lines)
    bar = _progress() if progress else None
    try:
        for record in results:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            summary.records += 1
            if record["status"] == "ok":
                summary.labels[record["label"]] += 1
            else:
                summary.errors += 1
            if bar is not None:
                bar.update(bar.task_ids[0], advance=1)
    finally:
        out.close()
        if bar is not None:
            bar.stop()
    summary.seconds = time.perf_counter() - started
    return summary


def _progress():
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.completed} records"), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    bar.add_task("records", total=None)
    bar.start()
    return bar
