"""A datatrove pipeline step: judge every Document with :func:`spamsift.check`.

    from spamsift.integrations.datatrove import SpamsiftFilter
    pipeline = [JsonlReader("in/"), SpamsiftFilter(replace_text=True), JsonlWriter("out/")]

Each document's metadata gets ``spamsift_label``, ``spamsift_score``, ``spamsift_spam_blocks`` and
``spamsift_reasons``. With ``replace_text`` its text becomes the clean text, unless that would remove more than
``max_removed_share`` of it: a page that is mostly spam and template is dropped instead of being kept as a
fragment (the reason is ``spamsift_removed_too_much``). Without ``replace_text`` nothing is dropped unless
``drop_spam`` asks for it.
"""

from __future__ import annotations

from datatrove.data import Document
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter

from spamsift.api import check
from spamsift.io.decode import InputError, looks_like_html


class SpamsiftFilter(BaseFilter):
    name = "🎰 spamsift"

    def __init__(self, replace_text: bool = False, max_removed_share: float = 0.5, drop_spam: bool = False,
                 content: str = "auto", exclusion_writer: DiskWriter | None = None) -> None:
        """``content`` says what ``Document.text`` holds: ``"text"``, ``"html"`` or ``"auto"`` (by its markup)."""
        super().__init__(exclusion_writer)
        if content not in ("auto", "text", "html"):
            raise ValueError(f"content must be auto, text or html, not {content!r}")
        self.replace_text, self.max_removed_share = replace_text, max_removed_share
        self.drop_spam, self.content = drop_spam, content

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        is_html = self.content == "html" or (self.content == "auto" and looks_like_html(doc.text))
        url = doc.metadata.get("url")
        try:
            report = check(html=doc.text, url=url) if is_html else check(text=doc.text, url=url)
        except (InputError, ValueError) as exc:
            doc.metadata["spamsift_error"] = str(exc)
            self.stat_update("spamsift_error")
            return True
        doc.metadata.update(spamsift_label=report.label, spamsift_score=round(report.score, 4),
                            spamsift_spam_blocks=len(report.spam_blocks), spamsift_reasons=report.reasons)
        self.stat_update(f"spamsift_{report.label}")
        if self.drop_spam and report.is_spam:
            return False, "spamsift_spam"
        if self.replace_text:
            judged_chars = sum(len(block.text) for block in report.blocks) or 1
            kept_chars = sum(len(block.text) for block in report.blocks if block.kind == "content")
            if not kept_chars or 1 - kept_chars / judged_chars > self.max_removed_share:
                return False, "spamsift_removed_too_much"
            doc.text = report.clean_text
        return True
