"""Disguised spellings read as the plain words they imitate."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spamsift.core._chars import CodePoints
from spamsift.core.normalize import (
    _COMBINING_MARKS,
    _CYRILLIC_OR_GREEK,
    _FANCY_LETTERS,
    _HAN,
    _LEET_HINT,
    _LEET_WORD,
    _MIXED_SCRIPT_WORD,
    _PICTOGRAPH_IN_NAME,
    _PICTOGRAPHS,
    _SPACED_HINT,
    _SPACED_LETTERS,
    _TABLE,
    _TABLE_CHARS,
    _collapse,
    _from_table,
    _read_latin,
    _read_leet,
    _sub_lines,
    deleet,
    normalize,
    obfuscation_ratio,
    rare_han,
)
from spamsift.core.vocabulary import (
    _LETTER_TWO_DIGITS,
    NUMBERED_NAME,
    _brand_patterns,
    find_brands,
    find_numbered_names,
)


@pytest.mark.parametrize(("disguised", "plain"), [
    ("AЕR𝐎𝟴𝟴", "aero88"),                 # Cyrillic Е, bold maths O and digits
    ("ＪＡＪＡＮＴＯＧＥＬ", "jajantogel"),    # full-width
    ("DEP🅞SIT", "deposit"),               # negative circled letter
    ("ⓢⓛⓞⓣ", "slot"),                     # circled letters
    ("ᴀʟᴇxɪs", "alexis"),                  # small capitals
    ("sl\u200bot ga\u200dcor", "slot gacor"),  # zero-width characters
    ("s l o t  g a c o r", "slot gacor"),  # spaced letters
    ("S.L.O.T", "slot"),                   # separators
    ("𝘼~𝙀~𝙍~𝙊~8~8", "aero88"),            # tildes, with the brand's digits
    ("B E R K A H 9 9", "berkah99"),       # spaced letters, then digits
    ("S U K S E S 303", "sukses303"),      # spaced letters, then the brand's number whole
    ("B E R K A H99", "berkah99"),         # the last letter glued to the number
    ("ALEXIS⭐17⭐", "alexis17⭐"),          # a pictograph between the name and its number
    ("【P】【U】【L】【A】【U】【7】【7】【7】", "pulau777"),  # a letter in each bracket
    ("[̲̅S][̲̅L][̲̅O][̲̅T]", "slot"),         # brackets and combining over- and underlines
    ("K̲U̲S̲U̲M̲A̲T̲O̲T̲O̲", "kusumatoto"),      # combining underlines
    ("𝗗𝗢𝗥𝗔𝟳𝟳menyediakan", "dora77 menyediakan"),  # a styled name pasted before the sentence, no space between
    ("𝐀ero88", "aero88"),                  # one styled capital inside a name is no name of its own
])
def test_disguises_are_undone(disguised, plain):
    assert normalize(disguised) == plain


def test_leetspeak_is_read_as_letters_only_inside_words():
    assert deleet(normalize("sl0t g4c0r 2025")) == "slot gacor 2025"


def test_numbers_beside_words_stay_numbers():
    """A digit stands for a letter only next to one: identifiers and file names keep their numbers."""
    assert deleet("report_2016 85_bmb j@ckpot") == "report_2016 85_bmb jackpot"


def test_newlines_survive_so_lines_can_be_split_again():
    text = "a\nАЕRО88\r\n\u2028x"
    assert normalize(text).count("\n") == text.count("\n")


def test_other_scripts_keep_their_letters():
    assert normalize("Привет мир") == "привет мир"
    assert obfuscation_ratio("Привет мир") == 0.0
    assert obfuscation_ratio("plain english") == 0.0
    assert obfuscation_ratio("𝐌𝐄𝐆𝐀𝐁𝐄𝐓𝟗𝟗") > 0.5
    assert obfuscation_ratio("ⓘ") == 0.0  # an info icon, not a disguised word


def test_a_name_spelled_with_pictographs_is_a_disguise_and_repeated_emoji_are_not():
    assert obfuscation_ratio("Penasaran deh sama ⭐✝⚜✏☦⬅☕17, kayaknya seru.") > 0.1
    assert obfuscation_ratio("Awalnya ragu sama ⭐▶4⃣✌㊗✏⚪️17, eh taunya nagih.") > 0.1  # keycap digit inside
    assert obfuscation_ratio("keren 🔥🔥🔥100 bang") == 0.0
    assert obfuscation_ratio("rating ⭐⭐⭐⭐⭐5") == 0.0
    assert obfuscation_ratio("wkwk 😂🤣😭 2024") == 0.0


def test_chinese_written_in_rare_look_alike_characters_is_a_disguise_and_everyday_han_text_is_not():
    assert obfuscation_ratio("炷冊凂曊鎹埰唫，181818渞洊100鎹100①俻蓅渁，迣鎅柸朂佳投炷岼珆") > 0.3  # 注册...送彩金
    assert obfuscation_ratio("我該如何設定我的代理伺服器？打開瀏覽器，在工具下有個選項。") == 0.0  # traditional
    assert obfuscation_ratio("重庆时时彩的开奖结果每十分钟公布一次，彩民可以在官网查询。") == 0.0  # simplified
    assert obfuscation_ratio("東京都は来年度の予算案を発表し、子育て支援に重点を置いた。") == 0.0  # Japanese kanji
    assert obfuscation_ratio("佢哋嗰啲嘢咪冇咗囉，唔使理佢喇") == 0.0  # written Cantonese
    assert rare_han().count_in("㗎㩒佢") == 0  # Cantonese's characters in the extension block too
    assert obfuscation_ratio("關關雎鳩，在河之洲。窈窕淑女，君子好逑。參差荇菜，左右流之。") == 0.0  # classical
    assert obfuscation_ratio("看昵称，看昵称，看昵称") == 0.0  # a chat's 昵 is rare, but a third is no disguise
    assert obfuscation_ratio("鑫淼犇") == 0.0  # a name of rare characters is too short to be a disguised text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0x20, 0x3000), st.integers(0, 40)), min_size=1, max_size=8),
       st.lists(st.integers(0x20, 0x3040), max_size=40))
def test_a_set_of_code_points_holds_what_its_runs_hold_though_they_overlap(runs, code_points):
    runs = [(first, first + length) for first, length in runs]
    characters = CodePoints(runs)
    text = "".join(map(chr, code_points))
    assert characters.count_in(text) == sum(any(a <= ord(c) <= b for a, b in runs) for c in text)
    assert characters.count_in(text) == len(characters.pattern.findall(text))


def test_numbers_and_ordinary_brackets_are_left_alone():
    assert normalize("halaman 1 2 3 4") == "halaman 1 2 3 4"
    assert normalize("I N D O 2024") == "indo 2024"  # a year is not a brand's number
    assert normalize("keren🔥100") == "keren🔥100"  # praise, not a name with its number
    assert normalize("f(x) = (a + b)") == "f(x) = (a + b)"
    assert normalize("Weizsäcker, café") == "weizsäcker, café"


PIECES = st.sampled_from(["s", "l", "o", "t", "a", "é", "sl0t", "g4c0r", "a_1", "@", "$", "2024", "88", "303",
                          "aero", "user", "dapurtoto", "megabet", "sorbet", "zeus", " ", "  ", "\t", "\n", ".",
                          "-", "_", "*", "·", "|", "~", "x1", "s l o t", "g-a-c-o-r"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_patterns_read_only_on_hinted_lines_find_what_they_find_on_the_whole_text(text):
    """Spaced letters, leetspeak, numbered names and brand names are read only on the lines holding a hint of them
    (for speed): the same as reading the whole text."""
    lowered = text.lower()
    assert _sub_lines(_SPACED_LETTERS, _collapse, lowered, _SPACED_HINT) == _SPACED_LETTERS.sub(_collapse, lowered)
    assert _sub_lines(_LEET_WORD, _read_leet, lowered, _LEET_HINT) == _LEET_WORD.sub(_read_leet, lowered)
    assert ([(m.start(), m.group()) for m in find_numbered_names(lowered)]
            == [(m.start(), m.group()) for m in NUMBERED_NAME.finditer(lowered)])
    brands = _brand_patterns().brand
    assert ([(m.start(), m.group()) for m in find_brands(lowered)]
            == [(m.start(), m.group()) for m in brands.finditer(lowered)])


SCRIPT_PIECES = st.sampled_from(["ALEXIS", "⭐", "\ufe0f", "17", "🔥", "ABC", "x", " ", "\n", "AЕRO88", "Москва", "α",
                                 "ß", "ᴀ", "\u200b", "Ⓐ", "é", "_", "\u0301", "𝐎", "Ｚ", "ʙ", "\u20e3", "’", "\xad",
                                 "注册", "炷冊", "㐀", "\u9fff", "\u4e00"])
SCRIPT_TEXTS = st.lists(SCRIPT_PIECES, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(SCRIPT_TEXTS)
def test_look_alikes_and_names_spelled_with_pictographs_are_read_on_hinted_lines_as_on_the_whole_text(text):
    assert _sub_lines(_PICTOGRAPH_IN_NAME, "", text, _PICTOGRAPHS.pattern) == _PICTOGRAPH_IN_NAME.sub("", text)
    assert (_sub_lines(_MIXED_SCRIPT_WORD, _read_latin, text, _CYRILLIC_OR_GREEK.pattern)
            == _MIXED_SCRIPT_WORD.sub(_read_latin, text))
    assert _TABLE_CHARS.pattern.sub(_from_table, text) == text.translate(_TABLE)
    for characters in (_PICTOGRAPHS, _CYRILLIC_OR_GREEK, _TABLE_CHARS, _COMBINING_MARKS, _FANCY_LETTERS, _HAN,
                       rare_han()):
        assert characters.found_in(text) == bool(characters.pattern.search(text))
        assert characters.count_in(text) == len(characters.pattern.findall(text))


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_a_letter_next_to_a_digit_is_found_from_either_side(text):
    lowered = text.lower()
    assert bool(_LEET_HINT.search(lowered)) == bool(re.search(r"[a-z][0-9@$]|[0-9@$][a-z]", lowered))


HINT_PATTERNS = [
    (_SPACED_HINT, re.compile(r"[ \t.\-_*·•|~][^\W\d_][ \t.\-_*·•|~]{1,3}[^\W\d_][ \t.\-_*·•|~]")),
    (_LEET_HINT, re.compile(r"[0-9@$](?:(?<=[a-z].)|[a-z])")),
    (_LETTER_TWO_DIGITS, re.compile(r"\d\d(?:(?<=[a-z]\d\d)|(?<=[a-z][-_]\d\d))")),
]


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, SCRIPT_TEXTS, st.text(max_size=40)), st.integers(min_value=0, max_value=45))
def test_compiled_hints_find_what_their_patterns_find(text, pos):
    for hint, pattern in HINT_PATTERNS:
        found, expected = hint.search(text, pos), pattern.search(text, pos)
        assert (found.start(), found.end()) == expected.span() if expected else found is None
