"""Inputs of a batch run, read lazily as a stream of :class:`Item`: JSON Lines, WARC, WET, Parquet, and
directories or globs of page files; gzip or zstd compressed, detected by content first and extension second.

Reading stays light (no decoding, no JSON parsing) because it runs in the one process that feeds every
worker. Whatever cannot be read becomes an :class:`Item` with a problem, so that the output reports it.
"""

from __future__ import annotations

import glob
import gzip
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import zstandard

MAX_LINE_BYTES = 64 * 1024 * 1024
"""A longer JSON line is reported as an error instead of being parsed."""
MAX_RECORD_BYTES = 10 * 1024 * 1024
"""A larger WARC record or page file is reported as an error and not read (the fetch cap of ``check``)."""
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".html.gz", ".htm.gz", ".txt.gz")
_GZIP, _ZSTD = b"\x1f\x8b", b"\x28\xb5\x2f\xfd"


@dataclass(frozen=True, slots=True)
class Columns:
    """Column names of Parquet inputs."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"
    title: str = "title"
    """Read when the file has it: a text's title (a search result's, beside its snippet)."""


@dataclass(slots=True)
class Item:
    """One input record, as read; judged by :func:`spamsift.batch.judge.judge_item` in a worker."""

    shard: int
    """Index of the input argument it came from (one output partition per shard)."""
    source: str
    number: int
    """1-based position in its source: line, row or WARC record."""
    line: bytes | None = None
    """A JSON Lines record, not yet parsed."""
    record: dict[str, Any] | None = None
    """A record already in the batch contract's shape (``id``, ``text`` or ``html``, ``url``)."""
    body: bytes | None = None
    """Page bytes to decode, with ``record`` holding its id and url."""
    provenance: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    skipped: bool = False
    """A problem that is not an error: a record that is not a page (a WARC request record, an image)."""

    @property
    def size(self) -> int:
        return len(self.line or b"") + len(self.body or b"") + sum(
            len(v) for v in (self.record or {}).values() if isinstance(v, str))


def open_binary(path: str) -> IO[bytes]:
    """Open a file for reading, undoing gzip or zstd compression found by its magic bytes; ``-`` is stdin."""
    raw: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 - caller closes
    peek = raw.peek(4)[:4] if hasattr(raw, "peek") else b""
    if peek[:2] == _GZIP:
        return gzip.open(raw)  # type: ignore[return-value]
    if peek == _ZSTD:
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    return raw


def input_kind(path: str) -> str:
    """``files`` (a directory or glob), ``parquet``, ``warc`` (WARC and WET), ``jsonl`` or ``page``.
    Standard input (``-``) is JSON Lines."""
    if path == "-":
        return "jsonl"
    if Path(path).is_dir() or glob.has_magic(path):
        return "files"
    with open(path, "rb") as fh:
        if fh.read(4) == b"PAR1":
            return "parquet"
    with open_binary(path) as fh:
        start = fh.peek(16)[:16] if hasattr(fh, "peek") else b""
    if start.startswith(b"WARC/"):
        return "warc"
    stripped = start.lstrip()
    name = path.lower().removesuffix(".gz").removesuffix(".zst")
    if stripped.startswith(b"{") or name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".warc", ".wet")):
        return "warc"
    return "page"


def iter_items(inputs: list[str], columns: Columns) -> Iterator[Item]:
    """Every record of every input, in order; unreadable inputs and regions as problem items."""
    for shard, path in enumerate(inputs):
        number = 0
        try:
            kind = input_kind(path)
            records = _parquet(shard, path, columns) if kind == "parquet" else _READERS[kind](shard, path)
            for item in records:
                number = item.number
                yield item
        except Exception as exc:  # a broken input (a corrupt Parquet footer, say) costs its rest, not the run
            yield Item(shard, path, number + 1, problem=f"cannot read {'the rest of ' if number else ''}this input: "
                                                       f"{type(exc).__name__}: {exc}")


def _jsonl(shard: int, path: str) -> Iterator[Item]:
    number = 0
    with open_binary(path) as lines:
        try:
            for number, raw in enumerate(lines, start=1):
                if len(raw) > MAX_LINE_BYTES:
                    yield Item(shard, path, number, provenance={"line": number},
                               problem=f"line longer than {MAX_LINE_BYTES:,} bytes")
                elif raw.strip():
                    yield Item(shard, path, number, line=raw, provenance={"line": number})
        except (OSError, EOFError, zstandard.ZstdError) as exc:
            yield Item(shard, path, number + 1, provenance={"line": number + 1}, problem=f"input cut short: {exc}")


def _files(shard: int, pattern: str) -> Iterator[Item]:
    """Page files: a directory (searched recursively), a glob, or one file."""
    if Path(pattern).is_dir():
        root = Path(pattern)
        paths = sorted(p for p in root.rglob("*") if p.is_file() and p.name.lower().endswith(PAGE_SUFFIXES))
    elif glob.has_magic(pattern):
        root = Path(".")
        paths = sorted(Path(p) for p in glob.glob(pattern, recursive=True) if Path(p).is_file())
    else:
        root, paths = Path(pattern).parent, [Path(pattern)]
    for number, path in enumerate(paths, start=1):
        name = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        item = Item(shard, str(path), number, record={"id": name})
        try:
            if path.stat().st_size > MAX_RECORD_BYTES:
                item.problem = f"file larger than {MAX_RECORD_BYTES:,} bytes"
            else:
                item.body = path.read_bytes()
        except OSError as exc:
            item.problem = f"cannot read file: {exc}"
        yield item


def _parquet(shard: int, path: str, columns: Columns) -> Iterator[Item]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    names = set(parquet.schema_arrow.names)
    wanted = [c for c in (columns.id, columns.text, columns.html, columns.url, columns.title) if c in names]
    if columns.text not in names and columns.html not in names:
        yield Item(shard, path, 1, problem=f"no column {columns.text!r} or {columns.html!r} "
                                           f"(columns: {', '.join(sorted(names))}; see --text-column/--html-column)")
        return
    number = 0
    for batch in parquet.iter_batches(batch_size=256, columns=wanted):
        for row in batch.to_pylist():
            number += 1
            record = {key: row.get(column) for key, column in (("id", columns.id), ("text", columns.text),
                                                              ("html", columns.html), ("url", columns.url),
                                                              ("title", columns.title))
                      if row.get(column) is not None}
            record.setdefault("id", f"row:{number}")
            yield Item(shard, path, number, record=record)


def _resync_marker(path: str) -> bytes:
    """What starts a record in this file: a gzip member, a zstd frame, or a ``WARC/1.`` line."""
    with open(path, "rb") as fh:
        head = fh.read(4)
    if head[:2] == _GZIP:
        return _GZIP + b"\x08"
    return _ZSTD if head == _ZSTD else b"WARC/1."


def _warc(shard: int, path: str) -> Iterator[Item]:
    """WARC and WET records with FastWARC. A corrupt region ends FastWARC's iteration (with an error, or
    silently when the file is cut short); it is reported as one error and reading starts again at the next
    record: the next gzip member, zstd frame or ``WARC/1.`` line."""
    marker = _resync_marker(path)
    number, start, in_bad_region = 0, 0, False
    while True:
        last_good = None
        why = "data cut short or not a WARC record"
        try:
            for offset, item in _warc_from(shard, path, start):
                number += 1
                last_good, item.number, in_bad_region = offset, number, False
                yield item
        except (OSError, ValueError) as exc:
            why = str(exc)
        after = last_good if last_good is not None else start
        next_start = _find(path, marker, after + 1)
        if next_start is None and why.startswith("data cut short"):
            return
        if not in_bad_region:
            number += 1
            yield Item(shard, path, number, record={"id": f"{path}@{after}"}, provenance={"offset": after},
                       problem=f"unreadable WARC data after offset {after}: {why}")
        in_bad_region = True
        if next_start is None:
            return
        start = next_start


def _find(path: str, marker: bytes, offset: int) -> int | None:
    """The offset of the next ``marker`` at or after ``offset``, read in blocks."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        tail = b""
        position = offset
        while block := fh.read(1 << 20):
            data = tail + block
            found = data.find(marker)
            if found >= 0:
                return position - len(tail) + found
            tail = data[-(len(marker) - 1):]
            position += len(block)
    return None


def _warc_from(shard: int, path: str, start: int) -> Iterator[tuple[int, Item]]:
    from fastwarc.warc import ArchiveIterator

    with open(path, "rb") as fh:
        fh.seek(start)
        for record in ArchiveIterator(fh, parse_http=True):
            offset = start + record.stream_pos
            record_id = record.record_id or f"{path}@{offset}"
            record_type = (record.headers.get("WARC-Type") or "unknown").lower()
            uri = record.headers.get("WARC-Target-URI")
            date = record.headers.get("WARC-Date")
            item = Item(shard, path, 0, record={"id": record_id, **({"url": uri} if uri else {})},
                        provenance={"offset": offset, "warc_record_id": record.record_id, "warc_type": record_type,
                                    **({"warc_date": date} if date else {})})
            if record_type not in ("response", "conversion"):
                item.problem, item.skipped = f"WARC {record_type} record, not a page", True
            elif record.content_length > MAX_RECORD_BYTES:
                item.problem = f"record larger than {MAX_RECORD_BYTES:,} bytes ({record.content_length:,})"
            elif record_type == "response" and not _is_html_type(record.http_content_type):
                item.problem, item.skipped = f"payload is {record.http_content_type or 'of no type'}, not HTML", True
            else:
                body = record.reader.read(MAX_RECORD_BYTES + 1)
                if len(body) > MAX_RECORD_BYTES:
                    item.problem = f"payload larger than {MAX_RECORD_BYTES:,} bytes"
                elif len(body) < record.content_length:
                    item.problem = f"record cut short: {len(body):,} of {record.content_length:,} bytes"
                elif record_type == "conversion":
                    item.record["text"] = body.decode("utf-8", errors="replace")  # type: ignore[index]
                else:
                    item.body = body
            yield offset, item


def _is_html_type(content_type: str | None) -> bool:
    return content_type is not None and ("html" in content_type.lower())


_READERS = {"jsonl": _jsonl, "warc": _warc, "files": _files, "page": _files}
