"""What :func:`spamsift.check` returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["spam", "boilerplate", "content"]
Label = Literal["gambling", "spam", "clean"]


@dataclass(slots=True)
class Block:
    """A located piece of the page and the decision on it.

    ``start``/``end`` are offsets into :attr:`Report.text`; for text input that is the input itself.
    """

    start: int
    end: int
    kind: Kind
    score: float
    """Probability that this block is spam."""
    reasons: list[str]
    text: str
    locator: str | None = None
    """CSS path of the HTML element the block comes from."""
    hidden: bool = False

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "kind": self.kind,
                                "score": round(self.score, 4), "reasons": self.reasons}
        if self.locator is not None:
            data["locator"] = self.locator
        if self.hidden:
            data["hidden"] = True
        if with_text:
            data["text"] = self.text
        return data


@dataclass(slots=True)
class Report:
    label: Label
    score: float
    """Calibrated probability that the page carries spam."""
    blocks: list[Block]
    clean_text: str
    reasons: list[str]
    text: str = ""
    """The text the block offsets refer to: the input text, or the segmented text of an HTML page."""
    url: str | None = None
    title: str | None = None
    terms: dict[str, int] = field(default_factory=dict)
    """Gambling and spam terms and brand names found in the spam blocks, with their counts."""
    campaign: dict[str, list[str]] = field(default_factory=dict)
    """What the operation left on a spam page, for grouping pages into campaigns
    (:func:`spamsift.core.campaign.campaign_traces`); empty for a clean page."""

    @property
    def is_spam(self) -> bool:
        return self.label != "clean"

    @property
    def spam_blocks(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "spam"]

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "score": round(self.score, 4),
            "reasons": self.reasons,
            "clean_text": self.clean_text,
            "blocks": [block.to_dict(with_text) for block in self.blocks],
        }
        if self.url is not None:
            data["url"] = self.url
        if self.title is not None:
            data["title"] = self.title
        if self.terms:
            data["terms"] = self.terms
        if self.campaign:
            data["campaign"] = self.campaign
        return data
