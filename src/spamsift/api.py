"""The Python API: one function, :func:`check`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spamsift.core.model import load_models
from spamsift.core.report import Report
from spamsift.core.segment import segment_text
from spamsift.core.verdict import judge
from spamsift.html.parse import parse_html

if TYPE_CHECKING:
    from spamsift.io.fetch import Fetched

MAX_INPUT_CHARS = 5_000_000
"""Longer inputs are cut here (and the report says so): a page larger than this is not a page."""


def check(text: str | None = None, html: str | None = None, url: str | None = None, *,
          allow_private: bool = False) -> Report:
    """Judge one page: give exactly one of ``text`` or ``html``, with ``url`` as context; or ``url`` alone,
    which is then fetched (private, loopback and link-local addresses refused unless ``allow_private``).
    """
    if text is not None and html is not None:
        raise ValueError("give text or html, not both")
    if text is None and html is None:
        if url is None:
            raise ValueError("give text, html or url")
        from spamsift.io.fetch import fetch_page

        return check_fetched(fetch_page(url, allow_private=allow_private))
    content = text if text is not None else html
    if not isinstance(content, str):
        raise TypeError(f"text and html must be str, not {type(content).__name__}")
    truncated = len(content) > MAX_INPUT_CHARS
    if truncated:
        content = content[:MAX_INPUT_CHARS]
    models = load_models()
    page = segment_text(content, url) if text is not None else parse_html(content, url, models.layout)
    report = judge(page, models)
    if truncated:
        report.reasons.append(f"input cut at {MAX_INPUT_CHARS:,} characters")
    return report


def check_fetched(fetched: Fetched) -> Report:
    """Judge a fetched page as what its bytes turned out to be (HTML or text), in the context of its final URL."""
    if fetched.is_html:
        return check(html=fetched.text, url=fetched.url)
    return check(text=fetched.text, url=fetched.url)
