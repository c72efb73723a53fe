"""Outputs of a batch run: JSON Lines (``.jsonl``, ``.jsonl.gz``) or Parquet, one file or one per input
(when the output is a directory), written as results arrive, and recoverable after a crash.

Recovery (``--resume``) keeps every complete record already written, drops a record cut in half by the crash,
and tells the run which inputs are done by their ``(source, record)`` provenance. Parquet cannot be appended
to or read without its footer, so it is written through a JSON Lines journal that becomes the Parquet file
when the run ends.
"""

from __future__ import annotations

import gzip
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

ALWAYS_KEPT = ("id", "status", "source", "record")
"""Fields written whatever ``--fields`` says: without them a record cannot be told apart or resumed."""
PARQUET_BATCH = 512


def record_key(record: dict[str, Any]) -> tuple[str, int]:
    return record["source"], record["record"]


def _parquet_schema():
    import pyarrow as pa

    block = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("kind", pa.string()), ("score", pa.float64()),
                       ("reasons", pa.list_(pa.string())), ("locator", pa.string()), ("hidden", pa.bool_())])
    return pa.schema([
        ("id", pa.string()), ("status", pa.string()), ("error", pa.string()), ("label", pa.string()),
        ("score", pa.float64()), ("clean_text", pa.string()), ("blocks", pa.list_(block)), ("url", pa.string()),
        ("terms", pa.map_(pa.string(), pa.int64())), ("source", pa.string()), ("record", pa.int64()),
        ("line", pa.int64()), ("offset", pa.int64()), ("warc_record_id", pa.string()), ("warc_type", pa.string()),
    ])


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Every complete record of an output file (JSON Lines, gzip or not, or Parquet); a torn tail is ignored."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH):
            for row in batch.to_pylist():
                if row.get("terms") is not None:
                    row["terms"] = dict(row["terms"])
                yield row
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        try:
            for raw in fh:
                if raw.endswith(b"\n"):
                    try:
                        yield json.loads(raw)
                    except ValueError:
                        continue
        except (EOFError, OSError, gzip.BadGzipFile):
            return


class JsonlFile:
    """Appends records to a JSON Lines file, gzip-compressed when its name ends in ``.gz``."""

    def __init__(self, path: Path, fields: tuple[str, ...] | None, compress: bool | None = None) -> None:
        self.path, self.fields = path, fields
        raw = open(path, "ab")  # noqa: SIM115 - closed in close()
        compress = path.suffix == ".gz" if compress is None else compress
        self._out: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="ab") if compress else raw
        self._raw = raw

    def write(self, record: dict[str, Any]) -> None:
        if self.fields is not None:
            record = {k: v for k, v in record.items() if k in self.fields or k in ALWAYS_KEPT}
        self._out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")

    def flush(self) -> None:
        self._out.flush()
        if self._out is not self._raw:
            self._raw.flush()

    def close(self) -> None:
        self._out.close()
        self._raw.close()


def _rewrite_complete(path: Path, done: set[tuple[str, int]], recovered: Counter[str]) -> None:
    """Keep only the complete records of a possibly torn output file (a gzip member cut short cannot be
    appended to), noting their keys in ``done`` and their labels in ``recovered``."""
    temporary = path.with_name(path.name + ".recovering")
    writer = JsonlFile(temporary, None, compress=path.suffix == ".gz")
    for record in read_records(path):
        key = record_key(record)
        if key not in done:
            done.add(key)
            recovered[record.get("label") or record["status"]] += 1
            writer.write(record)
    writer.close()
    os.replace(temporary, path)


class OutputFile:
    """One output file of either format; Parquet goes through a journal next to it."""

    def __init__(self, path: Path, fields: tuple[str, ...] | None, resume: bool, done: set[tuple[str, int]],
                 recovered: Counter[str]) -> None:
        self.path = path
        self.parquet = path.suffix == ".parquet"
        self.journal = path.with_name(path.name + ".journal.jsonl") if self.parquet else path
        if resume:
            if self.parquet and path.exists() and not self.journal.exists():
                self._journal_from_parquet()
            if self.journal.exists():
                _rewrite_complete(self.journal, done, recovered)
        else:
            self.journal.unlink(missing_ok=True)
            path.unlink(missing_ok=True)
        self.writer = JsonlFile(self.journal, fields)

    def _journal_from_parquet(self) -> None:
        writer = JsonlFile(self.journal, None)
        for record in read_records(self.path):
            writer.write({k: v for k, v in record.items() if v is not None})
        writer.close()

    def write(self, record: dict[str, Any]) -> None:
        self.writer.write(record)

    def close(self) -> None:
        self.writer.close()
        if self.parquet:
            self._journal_to_parquet()

    def _journal_to_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _parquet_schema()
        names = set(schema.names)
        temporary = self.path.with_name(self.path.name + ".writing")
        with pq.ParquetWriter(temporary, schema) as writer:
            batch: list[dict[str, Any]] = []
            for record in read_records(self.journal):
                batch.append({k: v for k, v in record.items() if k in names})
                if len(batch) >= PARQUET_BATCH:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        os.replace(temporary, self.path)
        self.journal.unlink()


class Sink:
    """Where a run's records go: one file, or a directory with one file per input (``part-00000.jsonl.gz``...)."""

    def __init__(self, output: Path, fields: tuple[str, ...] | None = None, resume: bool = False,
                 partition_format: str = "jsonl.gz") -> None:
        self.output, self.fields, self.resume = output, fields, resume
        self.partitioned = output.is_dir() or str(output).endswith(os.sep)
        self.partition_format = partition_format
        self.done: set[tuple[str, int]] = set()
        """Inputs already in the output, found by ``resume``."""
        self.recovered: Counter[str] = Counter()
        """Labels (or statuses, for records that are not ok) of the records found by ``resume``."""
        self._files: dict[int, OutputFile] = {}
        if self.partitioned:
            output.mkdir(parents=True, exist_ok=True)
            for path in sorted(output.glob("part-*")):
                if not resume or path.name.endswith((".recovering", ".writing")):
                    path.unlink()
                else:
                    self._file(int(path.name.split("-")[1].split(".")[0]))
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            self._files[0] = OutputFile(output, fields, resume, self.done, self.recovered)

    def _file(self, shard: int) -> OutputFile:
        if shard not in self._files:
            path = self.output / f"part-{shard:05d}.{self.partition_format}"
            self._files[shard] = OutputFile(path, self.fields, self.resume, self.done, self.recovered)
        return self._files[shard]

    def write(self, shard: int, record: dict[str, Any]) -> None:
        self._file(shard if self.partitioned else 0).write(record)

    def close(self) -> None:
        for output_file in self._files.values():
            output_file.close()
