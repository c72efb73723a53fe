"""Template debris: the short lines every page template adds around the content."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spamsift.core.sentence import ends_as_clause


@cache
def _template_line() -> re.Pattern[str]:
    lines = (resources.files("spamsift.data") / "boilerplate.txt").read_text(encoding="utf-8").splitlines()
    patterns = [line for line in lines if line.strip() and not line.startswith("#")]
    return re.compile(r"\W*(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\W*")


def is_template_line(text: str) -> bool:
    """True for a line made only of a template phrase ("5 Min Read", "Share this Article"). The phrases are written
    in lower case and the line is read lower-cased: matching without case made every letter compared cost a case
    fold, and took three times as long. (A dotted capital I lower-cases to two characters, i and a dot above, where
    the match without case read it as an i: "by İsmail Yılmaz" stays a byline.)"""
    return len(text) <= 120 and _template_line().fullmatch(text.replace("İ", "i").lower()) is not None


def is_fragment(text: str, words: int) -> bool:
    """A line too short to carry content by itself: at most three words and no sentence end."""
    return words <= 3 and not ends_as_clause(text)
