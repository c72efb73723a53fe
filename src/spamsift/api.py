"""The Python API: one function, :func:`check`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spamsift.core.model import load_models
from spamsift.core.report import Report
from spamsift.core.segment import segment_text, titled_text
from spamsift.core.verdict import judge
from spamsift.html.parse import HostileMarkup, drop_scripts, markup_text, parse_html

if TYPE_CHECKING:
    from spamsift.io.fetch import Fetched

MAX_INPUT_CHARS = 5_000_000
"""Longer inputs are cut here (and the report says so): a page larger than this is not a page."""


def _fit_html(html: str) -> tuple[str, str]:
    """An HTML page within the limit, and what was done to it. Pages over it are mostly inline scripts
    (framework state, bundles), so those go first; what is still too long loses its middle, not its end,
    because injected spam sits at the top and at the bottom of a body."""
    html = drop_scripts(html)
    over = f"page over {MAX_INPUT_CHARS:,} characters"
    if len(html) <= MAX_INPUT_CHARS:
        return html, f"{over}: scripts and styles dropped"
    half = MAX_INPUT_CHARS // 2
    return html[:half] + html[-half:], f"{over}: scripts, styles and its middle dropped"


def check(text: str | None = None, html: str | None = None, url: str | None = None, *, title: str | None = None,
          allow_private: bool = False) -> Report:
    """Judge one page: give exactly one of ``text`` or ``html``, with ``url`` as context; or ``url`` alone,
    which is then fetched (private, loopback and link-local addresses refused unless ``allow_private``).

    ``title`` is the title of a text that does not carry it: a search result is
    ``check(text=snippet, title=title, url=url)``, and a title alone is judged as a text. An HTML page has its own.
    """
    if text is not None and html is not None:
        raise ValueError("give text or html, not both")
    if title is not None:
        if html is not None:
            raise ValueError("title goes with text: an HTML page's title is read from its markup")
        if not isinstance(title, str) or not isinstance(text if text is not None else "", str):
            raise TypeError("text and title must be str")
        text = titled_text(title, text or "")
    if text is None and html is None:
        if url is None:
            raise ValueError("give text, html or url")
        from spamsift.io.fetch import fetch_page

        return check_fetched(fetch_page(url, allow_private=allow_private))
    content = text if text is not None else html
    if not isinstance(content, str):
        raise TypeError(f"text and html must be str, not {type(content).__name__}")
    notes = []
    if len(content) > MAX_INPUT_CHARS:
        if text is not None:
            content = content[:MAX_INPUT_CHARS]
            notes.append(f"input cut at {MAX_INPUT_CHARS:,} characters")
        else:
            content, note = _fit_html(content)
            notes.append(note)
    models = load_models()
    if text is not None:
        page = segment_text(content, url)
    else:
        try:
            page = parse_html(content, url, models.layout)
        except HostileMarkup as hostile:
            page = segment_text(markup_text(content), url)
            notes.append(f"{hostile}: read as text")
    page.notes.extend(notes)
    return judge(page, models)


def check_fetched(fetched: Fetched) -> Report:
    """Judge a fetched page as what its bytes turned out to be (HTML or text), in the context of its final URL."""
    if fetched.is_html:
        return check(html=fetched.text, url=fetched.url)
    return check(text=fetched.text, url=fetched.url)
