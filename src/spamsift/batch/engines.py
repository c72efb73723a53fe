"""Engines: where chunks of items are judged. All run :func:`judge_chunk`, which calls
:func:`spamsift.batch.judge.judge_item` on every item, so every engine decides every page the same way; they
differ only in where that function runs.

Each keeps a bounded number of chunks in flight, so that memory stays flat however large the input
(``Pool.imap`` and a naive ``ray.get`` over all tasks would read the whole input ahead).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from spamsift.batch.judge import judge_item
from spamsift.batch.sinks import Encoding, encode
from spamsift.batch.sources import Item

CHUNK_RECORDS = 16
CHUNK_BYTES = 2 * 1024 * 1024
CHUNKS_IN_FLIGHT_PER_WORKER = 3


@dataclass(slots=True)
class ChunkResult:
    outcomes: list[tuple[str, str | None]]
    """Per record: its status and label, for the run's summary."""
    data: dict[int, bytes]
    """Per input shard: the chunk's records of that shard, encoded for the sink."""


def chunks_of(items: Iterable[Item]) -> Iterator[list[Item]]:
    """Group items into chunks of at most :data:`CHUNK_RECORDS` records or :data:`CHUNK_BYTES` bytes."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += item.size
        if len(chunk) >= CHUNK_RECORDS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def judge_chunk(chunk: list[Item], encoding: Encoding) -> ChunkResult:
    by_shard: dict[int, list[dict[str, Any]]] = {}
    outcomes = []
    for item in chunk:
        record = judge_item(item)
        by_shard.setdefault(item.shard, []).append(record)
        outcomes.append((record["status"], record["label"]))
    return ChunkResult(outcomes, {shard: encode(records, encoding) for shard, records in by_shard.items()})


def judge_locally(chunks: Iterator[list[Item]], encoding: Encoding, workers: int) -> Iterator[ChunkResult]:
    """In this process (``workers == 1``) or in a pool of ``workers`` processes."""
    if workers == 1:
        yield from (judge_chunk(chunk, encoding) for chunk in chunks)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: set[Future[ChunkResult]] = set()
        for chunk in chunks:
            pending.add(pool.submit(judge_chunk, chunk, encoding))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        for future in pending:
            yield future.result()


def judge_on_ray(chunks: Iterator[list[Item]], encoding: Encoding, address: str | None,
                 workers: int) -> Iterator[ChunkResult]:
    """As Ray tasks: on the cluster at ``address``, or on a local one of ``workers`` CPUs started for this run."""
    try:
        import ray
    except ImportError:
        raise RuntimeError("the Ray engine needs Ray: pip install 'spamsift[ray]'") from None
    started_here = not ray.is_initialized()
    if started_here:
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": "ERROR"}
        try:
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(address="local", num_cpus=workers, **options)
        except (ConnectionError, ValueError, RuntimeError) as exc:
            raise RuntimeError(f"cannot reach or start Ray{f' at {address}' if address else ''}: {exc}") from None
    try:
        task = ray.remote(judge_chunk).options(max_retries=3)
        in_flight = max(2, int(ray.cluster_resources().get("CPU", 1))) * CHUNKS_IN_FLIGHT_PER_WORKER
        pending: list[Any] = []
        for chunk in chunks:
            pending.append(task.remote(chunk, encoding))
            if len(pending) >= in_flight:
                done, pending = ray.wait(pending, num_returns=1)
                yield ray.get(done[0])
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            yield ray.get(done[0])
    finally:
        if started_here:
            ray.shutdown()
