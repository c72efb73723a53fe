"""One input record to one output record: the single code path every engine runs (inline, processes, Ray).

Output records follow the batch contract, ``{"id", "status", "error", "label", "score", "clean_text",
"blocks"}``, plus ``url`` and ``terms`` when known and the record's provenance: ``source`` and ``record``
(its 1-based position there), and for WARC input ``offset`` and ``warc_record_id``. ``status`` is ``ok``,
``error`` (with why) or ``skipped`` (a record that is not a page, such as a WARC request record).
"""

from __future__ import annotations

import json
from typing import Any

from spamsift.api import check
from spamsift.batch.sources import Item
from spamsift.io.decode import InputError, decode_bytes

CONTENT_FIELDS = ("text", "snippet", "html")
"""What a record is judged by, one of them: a text, a search result's snippet (a text too, with its ``title``)
or an HTML page. A ``title`` beside a text or a snippet is read as its first line; an HTML page has its own."""


def error_record(record_id: str, why: str, line: int | None = None, status: str = "error") -> dict[str, Any]:
    out: dict[str, Any] = {"id": record_id, "status": status, "error": why, "label": None, "score": None,
                           "clean_text": None, "blocks": []}
    if line is not None:
        out["line"] = line
    return out


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
    given = [field for field in CONTENT_FIELDS if record.get(field) is not None]
    title, url = record.get("title"), record.get("url")
    if len(given) > 1:
        return error_record(record_id, f"record has both {given[0]} and {given[1]}", number)
    if not given and title is None:
        return error_record(record_id, "record has no text, snippet, html or title", number)
    content = record[given[0]] if given else None
    if any(value is not None and not isinstance(value, str) for value in (content, title, url)):
        return error_record(record_id, "text, snippet, html, title and url must be strings", number)
    is_html = given == ["html"]
    try:
        report = check(text=None if is_html else content, html=content if is_html else None, url=url,
                       title=None if is_html else title)
    except (InputError, ValueError) as exc:
        return error_record(record_id, str(exc), number)
    except Exception as exc:  # a bug must cost one record, not the run
        return error_record(record_id, f"internal error: {type(exc).__name__}: {exc}", number)
    out = {"id": record_id, "status": "ok", "error": None, "label": report.label, "score": round(report.score, 4),
           "clean_text": report.clean_text, "blocks": [b.to_dict(with_text=False) for b in report.blocks],
           "terms": report.terms, "campaign": report.campaign}
    if url is not None:
        out["url"] = url
    return out


def _judge_line(raw: bytes, number: int) -> dict[str, Any]:
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return error_record(f"line:{number}", f"not JSON: {exc}", number)
    return judge_record(record, number)


def _judge_body(item: Item) -> dict[str, Any]:
    record = dict(item.record or {})
    try:
        decoded = decode_bytes(item.body or b"")
    except InputError as exc:
        return error_record(str(record.get("id")), str(exc))
    record["html" if decoded.is_html else "text"] = decoded.text
    return judge_record(record)


def judge_item(item: Item) -> dict[str, Any]:
    """Judge one item; never raises."""
    record = item.record or {}
    if item.problem is not None:
        out = error_record(str(record.get("id") or f"line:{item.number}"), item.problem,
                           status="skipped" if item.skipped else "error")
    elif item.line is not None:
        out = _judge_line(item.line, item.number)
    elif item.body is not None:
        out = _judge_body(item)
    else:
        out = judge_record(record)
    if "url" not in out and isinstance(record.get("url"), str):
        out["url"] = record["url"]
    out["source"] = item.source
    out["record"] = item.number
    out.update(item.provenance)
    return out
