"""Cut a plain text into line segments."""

from __future__ import annotations

import re

from spamsift.core.page import MAX_BLOCKS, Page, Segment

_LINE = re.compile(r"[^\n]+")


def segment_text(text: str, url: str | None = None) -> Page:
    """One segment per non-blank line, up to MAX_BLOCKS, with offsets into ``text`` that exclude surrounding
    spaces."""
    segments = []
    notes = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        if len(segments) == MAX_BLOCKS:
            notes.append(f"only the first {MAX_BLOCKS:,} lines read")
            break
        start = match.start() + (len(line) - len(line.lstrip()))
        segments.append(Segment(start, start + len(stripped), stripped))
    return Page(text=text, segments=segments, url=url, notes=notes)


def titled_text(title: str, text: str = "") -> str:
    """A text whose title travels beside it (a search result's title and snippet, a record's title and text)
    written as a text's head is read: the title, on one line, first, and the text from the next line on (the
    doorway family reads a text's first line as its title and its second as its description)."""
    title = " ".join(title.split())
    return f"{title}\n{text}" if text.strip() else title
