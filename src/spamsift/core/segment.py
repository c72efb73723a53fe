"""Cut a plain text into line segments."""

from __future__ import annotations

import re

from spamsift.core.page import Page, Segment

_LINE = re.compile(r"[^\n]+")


def segment_text(text: str, url: str | None = None) -> Page:
    """One segment per non-blank line, with offsets into ``text`` that exclude surrounding spaces."""
    segments = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        segments.append(Segment(start, start + len(stripped), stripped))
    return Page(text=text, segments=segments, url=url)
