"""Named evidence, as a rule engine keeps it (rspamd's symbols): each piece has a stable name, a weight and an
explanation, and a family of them reads as spam when their weights add up past the family's bias. The evidence
families that judge a page as a whole (:mod:`spamsift.core.doorway`, :mod:`spamsift.core.operator`) return them;
the verdict only adds them up."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Symbol:
    """One piece of evidence: a stable ``name``, its ``weight`` in the family's sum and what it saw."""

    name: str
    weight: float
    explanation: str


@dataclass(frozen=True, slots=True)
class FamilyEvidence:
    """What one family of evidence found on a page; ``bias`` is the sum from which it reads as spam."""

    symbols: tuple[Symbol, ...]
    bias: float

    @property
    def logit(self) -> float:
        return sum(symbol.weight for symbol in self.symbols) - self.bias

    @property
    def fired(self) -> bool:
        """Whether the family reads the page as spam: its weights reach its bias (probability 0.5)."""
        return self.logit >= 0

    def reasons(self) -> list[str]:
        return [symbol.explanation for symbol in self.symbols if symbol.weight > 0]
