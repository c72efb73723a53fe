"""``spamsift run``: read inputs, judge them on an engine, write the results, resumably."""

from __future__ import annotations

import glob
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spamsift.batch.engines import chunks_of, judge_locally, judge_on_ray
from spamsift.batch.sinks import Sink
from spamsift.batch.sources import Columns, iter_items


@dataclass(slots=True)
class Summary:
    records: int = 0
    errors: int = 0
    skipped: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    resumed: int = 0
    """Records found already done in the output by ``--resume``."""
    spam_resumed: bool = False
    seconds: float = 0.0

    @property
    def spam_found(self) -> bool:
        return self.spam_resumed or any(n for label, n in self.labels.items() if label != "clean")

    def line(self) -> str:
        labels = ", ".join(f"{label} {n}" for label, n in sorted(self.labels.items()))
        rate = (self.records - self.skipped) / self.seconds if self.seconds else 0.0
        resumed = f"; {self.resumed} already done" if self.resumed else ""
        return (f"{self.records} records ({labels or 'none judged'}), {self.errors} errors, {self.skipped} skipped"
                f"{resumed}, {rate:.1f} docs/s")


def check_inputs(inputs: list[str]) -> None:
    """Refuse to start on inputs that do not exist (a glob must match something)."""
    for path in inputs:
        if path == "-" or Path(path).exists():
            continue
        if glob.has_magic(path):
            if not glob.glob(path, recursive=True):
                raise FileNotFoundError(f"no files match {path}")
            continue
        raise FileNotFoundError(f"no such input: {path}")


def run_batch(inputs: list[str], output: Path, *, workers: int | None = None, engine: str = "local",
              address: str | None = None, resume: bool = False, fields: tuple[str, ...] | None = None,
              columns: Columns | None = None, partition_format: str = "jsonl.gz", progress: bool = False) -> Summary:
    """Judge every record of ``inputs`` into ``output``, streaming; see the README's batch section."""
    check_inputs(inputs)
    workers = workers or os.cpu_count() or 1
    sink = Sink(output, fields, resume, partition_format)
    summary = Summary(resumed=len(sink.done), spam_resumed=any(
        label in ("gambling", "spam") for label in sink.recovered))
    items = iter_items(inputs, columns or Columns())
    if sink.done:
        items = (item for item in items if (item.source, item.number) not in sink.done)
    chunks = chunks_of(items)
    encoding = sink.encoding
    results = judge_on_ray(chunks, encoding, address, workers) if engine == "ray" else \
        judge_locally(chunks, encoding, workers)
    started = time.perf_counter()
    bar = _progress() if progress else None
    try:
        for result in results:
            for shard, data in result.data.items():
                sink.write(shard, data)
            for status, label in result.outcomes:
                if status == "ok":
                    summary.labels[label] += 1
                elif status == "skipped":
                    summary.skipped += 1
                else:
                    summary.errors += 1
            summary.records += len(result.outcomes)
            if bar is not None:
                bar.update(bar.task_ids[0], advance=len(result.outcomes))
    finally:
        sink.close()
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
