"""Undo the disguises spammers put on words before anything is matched or learned.

Gambling promoters write `AЕR𝐎𝟴𝟴` (Cyrillic Е, bold maths letters), `s l o t  g a c o r`,
`s.l.o.t` or `sl0t g4c0r` precisely so that keyword filters miss them. Every matcher and the
model see the text through :func:`normalize`, which maps all of these to plain lower-case
Latin. The original text is never changed: offsets and clean text always refer to the input.

:func:`normalize` keeps digits (brand names such as ``aero88`` need them); :func:`deleet`
additionally reads digits inside words as letters (``g4c0r`` -> ``gacor``) for vocabulary
matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import Protocol

from spamsift.core._chars import CodePoints, Found, LeetHint, SpacedLettersHint

# Characters that NFKC leaves alone but that read as Latin letters.
_SCRIPT_LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "ɡ": "g", "һ": "h", "ո": "n", "ս": "u", "ү": "y", "ӏ": "l",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "γ": "y", "ω": "w",
}
_LATIN_LOOKALIKES = {
    # Latin small capitals and other look-alikes
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r",
    "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "ı": "i", "ł": "l",
    "ø": "o", "đ": "d", "ß": "ss",
}


def _lookalike_table(lookalikes: dict[str, str]) -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in lookalikes.items()}
    for lower, latin in lookalikes.items():
        upper = lower.upper()
        if len(upper) == 1 and upper != lower and not upper.isascii():  # "ı".upper() is a plain "I"
            table.setdefault(ord(upper), latin)
    return table


def _build_table() -> dict[int, str | None]:
    table = _lookalike_table(_LATIN_LOOKALIKES)
    letters = "abcdefghijklmnopqrstuvwxyz"
    # Enclosed letters that have no compatibility decomposition: negative circled,
    # negative squared and regional-indicator letters.
    for base in (0x1F150, 0x1F170, 0x1F1E6):
        for i, letter in enumerate(letters):
            table[base + i] = letter
    # Invisible characters used to split words: zero-width space/joiners, marks, BOM, soft hyphen.
    for cp in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0xFEFF, 0xAD,
               0x34F, 0x180E):
        table[cp] = None
    # Variation selectors decorate emoji and letters alike.
    for cp in range(0xFE00, 0xFE10):
        table[cp] = None
    return table


_TABLE = _build_table()


_TABLE_CHARS = CodePoints.of(_TABLE)
# Cyrillic and Greek letters are read as Latin only inside a word that also has Latin letters,
# so that Russian or Greek text keeps its own letters.
_SCRIPT_TABLE = _lookalike_table(_SCRIPT_LOOKALIKES)

_SINGLE = r"[^\W\d_]"
_SINGLE_OR_DIGIT = r"[^\W_]"
# Four or more single letters split by spaces or separators: "s l o t", "s.l.o.t", "g-a-c-o-r", "A~E~R~O~8~8".
# Digits may follow the letters ("B E R K A H 9 9"), and so may the brand's number written whole
# ("S U K S E S 303", "B E R K A H99"), but a run must start with a letter, so that spaced numbers stay numbers.
_SEPARATOR = r"(?:[ \t]?[.\-_*·•|~][ \t]?|[ \t])"
_SPACED_LETTERS = re.compile(rf"(?<![\w.]){_SINGLE}(?:{_SEPARATOR}{_SINGLE}){{2,}}(?:{_SEPARATOR}{_SINGLE_OR_DIGIT})+"
                             rf"(?:[ \t]{_SINGLE}?\d{{2,3}})?(?![\w])")
_SEPARATOR_CHAR = r"[ \t.\-_*·•|~]"
_SPACED_HINT = SpacedLettersHint()
"""What every run of spaced letters holds: its second and third letters, each between separators (see
:func:`hinted_lines`). The run's own pattern is tried at every character of a text (its look-behind keeps ``re``
from skipping ahead)."""
_BLANKS = re.compile(r"[ \t\u00a0]{2,}|\t")
_SEPARATORS = re.compile(_SEPARATOR_CHAR)
# Three or more letters each in its own brackets: "【P】【U】【L】【A】【U】", "[S][L][O][T]".
_BRACKETED_LETTERS = re.compile(r"(?:[\[【〔(（〖]\w[\]】〕)）〗]){3,}")
_BRACKETS = re.compile(r"[\[【〔(（〖\]】〕)）〗]")
_BRACKET_PAIR = re.compile(r"\]\[|】【|\)\(|）（|〕〔|〗〖")
"""What every run of bracketed letters holds: one pattern, which ``re`` reads by skipping to the closing brackets,
where looking for each pair took six passes over a text."""
# Combining marks that NFKC could not fold into a letter: underlines, overlines, strokes and enclosing
# circles or keycaps drawn over each letter ("K̲U̲S̲U̲M̲A̲").
_COMBINING_MARKS = CodePoints([(0x300, 0x36F), (0x1AB0, 0x1AFF), (0x20D0, 0x20FF)])
# Words where a digit or symbol stands for a letter, next to one: "sl0t", "g4c0r", "j@ckpot"; not "2016_report".
_LEET_WORD = re.compile(r"\b(?=[\w@$]*?(?:[0-9@$][a-z]|[a-z][0-9@$]))[\w@$]+")
_LEET_HINT = LeetHint()
"""What every leetspeak word holds, a letter next to a digit or symbol, either side (see :func:`hinted_lines`)."""
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
                       "@": "a", "$": "s"})


# Latin words with a Cyrillic or Greek letter inside: "AЕRO88" with a Cyrillic Е.
_CYRILLIC_OR_GREEK = CodePoints([(0x370, 0x4FF)])
_MIXED_SCRIPT_WORD = re.compile(rf"\b(?=\w*[A-Za-z])(?=\w*{_CYRILLIC_OR_GREEK.character_class})\w+")


_SURROGATES = CodePoints([(0xD800, 0xDFFF)])
"""Halves of a character that a text can hold alone (JSON's ``"\\ud800"``) though they are no text: read as U+FFFD,
which the vocabulary's matcher (it reads UTF-8) can read."""

_PICTOGRAPHS = CodePoints([(0x2190, 0x2BFF), (0x3200, 0x32FF), (0x1F000, 0x1FAFF)])
_PICTOGRAPH = _PICTOGRAPHS.character_class
# Pictographs between a name in capitals and its number: "ALEXIS⭐17⭐" is "alexis17" (but "keren🔥100" is
# praise, not a name).
_PICTOGRAPH_IN_NAME = re.compile(rf"(?<=[A-Z]{{3}})(?:{_PICTOGRAPH}[\ufe0f\u200d]*)+(?=\d)")


def _read_latin(match: re.Match[str]) -> str:
    return match.group().translate(_SCRIPT_TABLE)


def _collapse(match: re.Match[str]) -> str:
    return _SEPARATORS.sub("", match.group())


class Hint(Protocol):
    """What :func:`hinted_lines` reads of a hint: a ``re.Pattern``, or a compiled hint of ``_chars.pyx``."""

    def search(self, text: str, pos: int = 0, /) -> re.Match[str] | Found | None: ...


def line_around(text: str, at: int) -> tuple[int, int]:
    """The start and end of the line of ``text`` that holds the character before ``at``, or ``at`` itself."""
    line_end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if line_end < 0 else line_end


def hinted_lines(text: str, hint: Hint) -> Iterator[tuple[int, int]]:
    """The start and end of each line of ``text`` where ``hint`` is found, in order. A pattern whose matches never
    cross a line need only be read on those lines when ``hint`` finds what every match holds faster than the
    pattern: a pattern ``re`` can skip ahead with (a look-behind or a word boundary at its start makes it try every
    character of a page), or a compiled one (``_chars.pyx``)."""
    done = 0
    while (found := hint.search(text, done)) is not None:
        line_start, done = line_around(text, found.end())
        yield line_start, done


def _sub_lines(pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], text: str,
               hint: Hint) -> str:
    """``pattern.sub(replacement, text)``, read only on the lines where ``hint`` is found (see :func:`hinted_lines`)."""
    pieces = []
    done = 0
    for line_start, line_end in hinted_lines(text, hint):
        pieces += (text[done:line_start], pattern.sub(replacement, text[line_start:line_end]))
        done = line_end
    return "".join(pieces) + text[done:] if pieces else text


def normalize(text: str) -> str:
    """Lower-case plain-Latin reading of ``text``; newlines are kept where they were.

    The result has exactly as many ``\\n`` as the input, so a multi-line text can be
    normalized once and split again into the same lines.
    """
    if not text.isascii():
        if _SURROGATES.found_in(text):
            text = _SURROGATES.pattern.sub("\ufffd", text)
        if _STYLED_CAPITALS.found_in(text):
            text = _STYLED_NAME_END.sub(" ", text)
        text = unicodedata.normalize("NFKC", text)
        if _TABLE_CHARS.found_in(text):  # rare characters: translating only them beat translating their lines
            text = _TABLE_CHARS.pattern.sub(_from_table, text)
        if _COMBINING_MARKS.found_in(text):
            text = _COMBINING_MARKS.pattern.sub("", text)
        if _CYRILLIC_OR_GREEK.found_in(text):
            text = _sub_lines(_MIXED_SCRIPT_WORD, _read_latin, text, _CYRILLIC_OR_GREEK.pattern)
        if _PICTOGRAPHS.found_in(text):  # the pattern's look-behind is tried at every character
            text = _sub_lines(_PICTOGRAPH_IN_NAME, "", text, _PICTOGRAPHS.pattern)
    text = text.lower()
    if " " in text or "." in text or "-" in text or "~" in text:
        text = _sub_lines(_SPACED_LETTERS, _collapse, text, _SPACED_HINT)
    if _BRACKET_PAIR.search(text):
        text = _BRACKETED_LETTERS.sub(lambda m: _BRACKETS.sub("", m.group()), text)
    if "  " in text or "\t" in text or "\xa0" in text:
        text = _BLANKS.sub(" ", text)
    return text


def deleet(normalized: str) -> str:
    """Read digits and symbols inside words as the letters they imitate (``g4c0r`` -> ``gacor``)."""
    return _sub_lines(_LEET_WORD, _read_leet, normalized, _LEET_HINT)


def _from_table(match: re.Match[str]) -> str:
    return match.group().translate(_TABLE)


def _read_leet(match: re.Match[str]) -> str:
    return match.group().translate(_LEET)


# Letters from maths alphanumerics, full-width forms, enclosed letters and small capitals: honest
# text almost never uses them, disguised promotions use little else.
_FANCY_RUNS = [(0x1D400, 0x1D7FF), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A), (0xFF10, 0xFF19), (0x24B6, 0x24E9),
               (0x1F130, 0x1F189), (0x1F1E6, 0x1F1FF), (0x1D00, 0x1D22), (0x299, 0x299), (0x29F, 0x29F),
               (0x280, 0x280), (0x26A, 0x26A), (0x262, 0x262)]
_FANCY_LETTERS = CodePoints(_FANCY_RUNS)
_STYLED_CAPITALS = CodePoints([(cp, cp) for first, last in _FANCY_RUNS for cp in range(first, last + 1)
                               if (plain := unicodedata.normalize("NFKC", chr(cp))).isupper() or plain.isdigit()])
"""The capitals and digits among the fancy letters ("𝗗", "Ａ", "𝟳")."""
_STYLED_NAME_END = re.compile(rf"(?<={_STYLED_CAPITALS.character_class}{{2}})(?=[a-z])")
"""Where a name pasted in styled capitals runs into the plain lower-case sentence after it ("𝗗𝗢𝗥𝗔𝟳𝟳menyediakan",
"𝗠𝗔𝗡𝗝𝗨𝗥𝗕𝗘𝗧cuma"): a word ends there, or the name is read as "dora77menyediakan", no brand nor numbered name.
52 spam comments of the two YouTube sets' train and test splits write a name so, no genuine one."""


# A name spelled with pictographs before its number: "⭐✝⚜✏☦⬅☕17" for a brand ending in 17 (keycap digits,
# variation selectors and joiners inside). Read on the raw text; a genuine comment repeats one emoji
# ("🔥🔥🔥100"), so only runs of at least MIN_DISGUISED_CHARACTERS distinct pictographs count.
_PICTOGRAPH_SPELLED = re.compile(rf"(?:{_PICTOGRAPH}[\ufe0f\u200d]*|\d\ufe0f?\u20e3){{3,}}\d{{2,3}}(?!\d)")


MIN_DISGUISED_CHARACTERS = 3
"""Fewer odd characters than this are a symbol (an "ⓘ" info icon), not a disguised word."""


_CANTONESE = ("佢哋嘅咗冇啲嚟喺嘢咁乜唔啱噉咪囉喎嗰呢嘞噃咩㗎吖啩嚿畀俾攞睇嘥諗揾搵咋"
              "喇啦瞓攰冧撳掹㩒踎氹嗱啫咧吓嚡喐餸靚嬲咯哂晒噏嗌揸揼啋嘆嗮冚啖噚乸孖嘍閂")
"""The characters of written Cantonese (pronouns, particles, everyday verbs: 佢哋, 嘅, 咗, 冇, 睇), which the
national standards of simplified and traditional Chinese leave out: a Hong Kong forum's comments are Chinese
written in them, not a disguise."""


def _common_han() -> Iterator[int]:
    """The Han characters of everyday Chinese: the first level of GB 2312 (3,755 simplified characters), the
    frequent characters of Big5 (5,401 traditional ones), read from Python's own codecs, and written Cantonese's."""
    yield from map(ord, _CANTONESE)
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            yield from _decoded(bytes((high, low)), "gb2312")
    for code in range(0xA440, 0xC67F):
        high, low = divmod(code, 256)
        if 0x40 <= low <= 0x7E or 0xA1 <= low <= 0xFE:
            yield from _decoded(bytes((high, low)), "big5")


def _decoded(pair: bytes, codec: str) -> Iterator[int]:
    try:
        yield ord(pair.decode(codec))
    except (UnicodeDecodeError, TypeError):  # a hole in the table, or a pair read as two characters
        return


_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
_HAN = CodePoints(list(_HAN_RANGES))


@cache
def rare_han() -> CodePoints:
    """Han characters outside everyday Chinese. Chinese advertisements evade keyword filters by writing each word
    with rare characters that look or sound like it ("炷冊鎹埰唫" for "注册送彩金", register and get a bonus): Chinese
    and Japanese prose have under a seventh of their characters so, such a disguise most of them. Built on the first
    text with enough Han characters to ask (a few hundredths of a second), not when spamsift is imported."""
    return CodePoints.of({code_point for first, last in _HAN_RANGES for code_point in range(first, last + 1)}
                         - set(_common_han()))


SUBSTITUTED_HAN_SHARE = 0.4
"""The share of a text's Han characters, rare ones, from which it is written in substitutes (of 10,044 chats of a
Chinese Telegram set none reaches it; the highest, 0.33, is "看昵称" repeated)."""
MIN_SUBSTITUTED_HAN = 8
"""Fewer Han characters than this are a name, not a disguised text."""


def obfuscation_ratio(text: str) -> float:
    """Share of characters that only a disguise would use; 0.0 for plain text in any one script."""
    if text.isascii() or not text:
        return 0.0
    odd = _FANCY_LETTERS.count_in(text)
    if _CYRILLIC_OR_GREEK.found_in(text):  # one quick look spares the word-by-word pattern on most texts
        odd += 3 * len(_MIXED_SCRIPT_WORD.findall(text))
    if _PICTOGRAPHS.found_in(text):
        for spelled in _PICTOGRAPH_SPELLED.findall(text):
            pictographs = set(_PICTOGRAPHS.pattern.findall(spelled))
            if len(pictographs) >= MIN_DISGUISED_CHARACTERS:
                odd += len(pictographs)
    han = _HAN.count_in(text)
    if han >= MIN_SUBSTITUTED_HAN:
        rare = rare_han().count_in(text)
        if rare >= SUBSTITUTED_HAN_SHARE * han:
            odd += rare
    if odd < MIN_DISGUISED_CHARACTERS:
        return 0.0
    return min(1.0, odd / len(text))


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The case-folded runs of letters and digits of ``text``: the words the page-wide evidence families compare
    (a doorway's keyword against its head and URL, a campaign's spam text)."""
    return _WORD.findall(text.casefold())
