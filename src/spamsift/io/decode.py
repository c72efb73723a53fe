"""Bytes to text: compression, byte-order marks, declared and detected charsets, HTML or not."""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass

from charset_normalizer import from_bytes

MAX_DECODED_BYTES = 100 * 1024 * 1024
"""Inflated inputs are cut here, so a gzip bomb cannot exhaust memory."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]|<div[\s>]|<p[\s>]|<table[\s>]",
    re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class InputError(ValueError):
    """The input cannot be read as a page; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    is_html: bool
    encoding: str


def gunzip_capped(data: bytes, limit: int = MAX_DECODED_BYTES) -> bytes:
    """Inflate gzip data, refusing to produce more than ``limit`` bytes."""
    inflater = zlib.decompressobj(wbits=47)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data: {exc}") from None
    if len(out) > limit:
        raise InputError(f"gzip data inflates beyond {limit:,} bytes")
    return out


def looks_like_html(text: str) -> bool:
    return _HTML_START.search(text[:4096]) is not None


def _charset(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            codecs.lookup(name)
            return name
        except LookupError:
            pass
    best = from_bytes(data[:262144]).best()
    return best.encoding if best else "utf-8"


def decode_bytes(data: bytes) -> Decoded:
    """Decode a page given as bytes; raises :class:`InputError` for what is not a page."""
    if data[:2] == b"\x1f\x8b":
        data = gunzip_capped(data)
    if not data.strip():
        raise InputError("empty input")
    encoding = _charset(data)
    if "\x00" in data[:8192].decode("latin-1") and not encoding.startswith(("utf-16", "utf-32")):
        raise InputError("binary data, not a text or HTML page")
    text = data.decode(encoding, errors="replace")
    return Decoded(text, looks_like_html(text), encoding)
