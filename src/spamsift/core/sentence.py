"""Where a sentence or a clause ends: one reading for the segment model's ``sentence`` feature, the layout model's,
the verdict's keyword lines and full sentences, and the template debris's fragments."""

from __future__ import annotations

SENTENCE_MARKS = frozenset(".!?…。？！।؟۔")
"""The Latin marks and the ellipsis, the full-width marks of Chinese and Japanese, the Devanagari danda and the
Arabic-script question mark and full stop."""
CLAUSE_MARKS = SENTENCE_MARKS | frozenset(":;：；")
"""A sentence's marks and the colon and semicolon, with which a clause ends a line ("Ingredients:")."""
CLOSINGS = "\"'”’»)]」』】》"
"""Closing quotes and brackets, which a mark may stand inside ("... gratis.”"). One alone ends no sentence: a
keyword line ends so as well ("Slot Gacor (Maxwin)")."""


def _last_mark(text: str) -> str:
    return text.rstrip().rstrip(CLOSINGS)[-1:]


def ends_as_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence's mark, perhaps inside closing quotes or brackets."""
    return _last_mark(text) in SENTENCE_MARKS


def ends_as_clause(text: str) -> bool:
    """Whether ``text`` ends as a sentence or a clause does."""
    return _last_mark(text) in CLAUSE_MARKS
