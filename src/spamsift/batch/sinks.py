"""Outputs of a batch run: JSON Lines (``.jsonl``, ``.jsonl.gz``) or Parquet, one file or one per input
(when the output is a directory), written as results arrive, and recoverable after a crash.

Recovery (``--resume``) keeps every complete record already written, drops a record cut in half by the crash,
and tells the run which inputs are done by their ``(source, record)`` provenance. Parquet cannot be appended
to or read without its footer, so it is written through a JSON Lines journal that becomes the Parquet file
when the run ends.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ALWAYS_KEPT = ("id", "status", "source", "record")
"""Fields written whatever ``--fields`` says: without them a record cannot be told apart or resumed."""
PARQUET_BATCH = 512
GZIP_LEVEL = 6


_UNFINISHED = (".recovering", ".writing")
"""Suffixes of files being rewritten when a run stopped; never part of the output."""


def partition_files(directory: Path) -> list[Path]:
    """The output files of a partitioned run, in shard order."""
    return sorted(p for p in directory.glob("part-*") if not p.name.endswith(_UNFINISHED))


def _batches(records: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(itertools.islice(records, size)):
        yield batch


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
        ("warc_date", pa.string()), ("campaign", pa.map_(pa.string(), pa.list_(pa.string()))),
    ])


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Every complete record of an output file (JSON Lines, gzip or not, or Parquet); a torn tail is ignored."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH):
            for row in batch.to_pylist():
                for mapped in ("terms", "campaign"):  # maps come back as lists of pairs
                    if row.get(mapped) is not None:
                        row[mapped] = dict(row[mapped])
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


@dataclass(frozen=True, slots=True)
class Encoding:
    """How records become bytes in the output: which fields, and whether gzip-compressed. Workers encode their
    own results (:func:`encode`), so that the one process that writes does little more than write."""

    fields: tuple[str, ...] | None = None
    compress: bool = False


def encode(records: list[dict[str, Any]], encoding: Encoding) -> bytes:
    """Records as JSON Lines; as one gzip member when compressed (a file of members is one gzip stream)."""
    fields = encoding.fields
    if fields is not None:
        records = [{k: v for k, v in r.items() if k in fields or k in ALWAYS_KEPT} for r in records]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0) if encoding.compress and data else data


def _rewrite_complete(path: Path, done: set[tuple[str, int]], recovered: Counter[str]) -> None:
    """Keep only the complete records of a possibly torn output file (a gzip member cut short cannot be
    appended to), noting their keys in ``done`` and their labels in ``recovered``."""
    temporary = path.with_name(path.name + ".recovering")
    encoding = Encoding(compress=path.suffix == ".gz")
    with open(temporary, "wb") as out:
        for batch in _batches(read_records(path), PARQUET_BATCH):
            kept = []
            for record in batch:
                key = record_key(record)
                if key not in done:
                    done.add(key)
                    recovered[record.get("label") or record["status"]] += 1
                    kept.append(record)
            out.write(encode(kept, encoding))
    os.replace(temporary, path)


class OutputFile:
    """One output file; Parquet goes through a JSON Lines journal next to it."""

    def __init__(self, path: Path, resume: bool, done: set[tuple[str, int]], recovered: Counter[str]) -> None:
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
        self._out = open(self.journal, "ab")  # noqa: SIM115 - closed in close()

    def _journal_from_parquet(self) -> None:
        with open(self.journal, "wb") as out:
            for batch in _batches(read_records(self.path), PARQUET_BATCH):
                out.write(encode([{k: v for k, v in r.items() if v is not None} for r in batch], Encoding()))

    def write(self, data: bytes) -> None:
        self._out.write(data)

    def close(self) -> None:
        self._out.close()
        if self.parquet:
            self._journal_to_parquet()

    def _journal_to_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _parquet_schema()
        names = set(schema.names)
        temporary = self.path.with_name(self.path.name + ".writing")
        with pq.ParquetWriter(temporary, schema) as writer:
            for batch in _batches(read_records(self.journal), PARQUET_BATCH):
                rows = [{k: v for k, v in record.items() if k in names} for record in batch]
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        os.replace(temporary, self.path)
        self.journal.unlink()


class StandardOutput:
    """``-o -``: JSON Lines on standard output, for a pipe; nothing there can be read back to resume."""

    def write(self, data: bytes) -> None:
        sys.stdout.buffer.write(data)

    def close(self) -> None:
        sys.stdout.buffer.flush()


class Sink:
    """Where a run's records go: one file, standard output (``-``), or a directory with one file per input
    (``part-00000.jsonl.gz``...)."""

    def __init__(self, output: Path, fields: tuple[str, ...] | None = None, resume: bool = False,
                 partition_format: str = "jsonl.gz") -> None:
        self.output, self.resume = output, resume
        to_stdout = str(output) == "-"
        if to_stdout and resume:
            raise RuntimeError("--resume needs an output file: standard output cannot be read back")
        self.partitioned = not to_stdout and (output.is_dir() or str(output).endswith(os.sep))
        self.partition_format = partition_format
        name = f"part.{partition_format}" if self.partitioned else output.name
        self.encoding = Encoding(fields, compress=name.endswith(".gz"))
        """How workers must encode records for this sink."""
        self.done: set[tuple[str, int]] = set()
        """Inputs already in the output, found by ``resume``."""
        self.recovered: Counter[str] = Counter()
        """Labels (or statuses, for records that are not ok) of the records found by ``resume``."""
        self._files: dict[int, OutputFile | StandardOutput] = {}
        if to_stdout:
            self._files[0] = StandardOutput()
        elif self.partitioned:
            output.mkdir(parents=True, exist_ok=True)
            for path in sorted(output.glob("part-*")):
                if not resume or path.name.endswith(_UNFINISHED):
                    path.unlink()
                else:
                    self._file(int(path.name.split("-")[1].split(".")[0]))
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            self._files[0] = OutputFile(output, resume, self.done, self.recovered)

    def _file(self, shard: int) -> OutputFile | StandardOutput:
        if shard not in self._files:
            path = self.output / f"part-{shard:05d}.{self.partition_format}"
            self._files[shard] = OutputFile(path, self.resume, self.done, self.recovered)
        return self._files[shard]

    def write(self, shard: int, data: bytes) -> None:
        """Append encoded records (see :func:`encode`) of one input shard."""
        self._file(shard if self.partitioned else 0).write(data)

    def close(self) -> None:
        for output_file in self._files.values():
            output_file.close()
