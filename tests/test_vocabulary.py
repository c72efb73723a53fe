"""Vocabulary terms and brand names are found at word boundaries in the normalized text."""

from spamsift.core.normalize import deleet, normalize
from spamsift.core.vocabulary import (
    NUMBERED_NAME,
    find_brands,
    find_numbered_names,
    find_terms,
    is_numbered_brand,
)


def terms(text: str) -> set[str]:
    return {hit.term.text for hit in find_terms(deleet(normalize(text)))}


def test_terms_in_several_languages():
    assert {"slot gacor", "maxwin"} <= terms("Situs SLOT GACOR hari ini pasti MAXWIN")
    assert "online casino" in terms("Best online casino with free spins")
    assert "สล็อต" in terms("เว็บสล็อตแตกง่าย")
    assert "博彩" in terms("最好的博彩网站")


def test_terms_of_several_words_are_found_written_without_spaces():
    assert "slot gacor" in terms("#slotgacor #maxwin")
    assert "situs judi" in terms("kunjungi situsjudi.com sekarang")
    assert "live casino" in terms("SLOTS LIVECASINO SPORTSBOOK")
    assert not terms("slotgacorku")  # inside a longer word it is no term


def test_disguised_terms_are_found():
    assert "slot gacor" in terms("s l o t  g a c o r")
    assert "gacor" in terms("g4c0r abis")
    assert "deposit pulsa" in terms("DEP🅞SIT PULSA")


def test_terms_inside_other_words_do_not_match():
    assert "gacor" not in terms("menggacorkan")
    assert terms("timeslot scheduling") == set()


def test_brand_names_and_numbered_names():
    text = normalize("main di AЕR𝐎𝟴𝟴 dan dapurtoto, megabet, zeus303, bukan alphabet")
    assert [match.group() for match in find_brands(text)] == ["dapurtoto", "megabet", "zeus303"]
    assert NUMBERED_NAME.findall(text) == ["aero88", "zeus303"]
    assert [match.group() for match in find_brands(normalize("daftar di dewa-toto atau raja_4d"))] == [
        "dewa-toto", "raja_4d"]


def test_a_part_of_a_hyphenated_compound_is_no_brand():
    text = normalize("npm i react-slot-machine vue-toto-list, but daftar di dewa-toto, dewa-slot.com, indobet-logo")
    assert [match.group() for match in find_brands(text)] == ["dewa-toto", "dewa-slot", "indobet"]


def test_a_runtimes_or_a_systems_name_with_its_version_is_no_numbered_name():
    text = normalize("tested on node18, python311, gcc13 and macos14; main di aero88 atau win88")
    assert [match.group() for match in find_numbered_names(text)] == ["aero88", "win88"]


def test_a_numbered_brand_is_named_by_a_number_gambling_brands_take():
    text = normalize("HOKI168, sakura188, MEGA888 and aero88; but hut77, hut79, pon21, user123 and kkn125")
    assert [match.group() for match in find_numbered_names(text) if is_numbered_brand(match.group())] == [
        "hoki168", "sakura188", "mega888", "aero88"]


def test_a_brand_may_carry_digits_after_a_suffix_of_letters():
    text = normalize("ANEKATOTO2, cintapoker88, dewacasino, dominoqq; Accessories1385 and abc30312 are counts")
    assert [match.group() for match in find_brands(text)] == ["anekatoto2", "cintapoker88", "dewacasino", "dominoqq"]


def test_words_of_other_languages_that_end_like_a_brand_are_not_brands():
    text = normalize("Lemon sorbet, Brian Nisbet, atlet menyabet medali, selskabet, Abendgebet, fietsslot, Cinema4D, "
                     "rekabet, strippoker, tidsepoker, Stadtcasino, condomino, sorbet2, but unibet, sportingbet and "
                     "videopoker are")
    assert [match.group() for match in find_brands(text)] == ["unibet", "sportingbet", "videopoker"]


def test_two_letters_make_a_brand_before_an_ending_but_bet():
    text = normalize("main di ugslot, jdtoto dan rotogel; ribet ke Tebet, Tibet")
    assert [match.group() for match in find_brands(text)] == ["ugslot", "jdtoto", "rotogel"]


def test_a_brand_written_with_digits_for_letters_is_a_brand():
    from spamsift.core.features import collect_evidence
    from spamsift.core.page import Segment

    text = "Good ending 🔥𝐊𝗨𝗦𝗨𝗠𝗔𝗧𝟎𝗧𝟎💥, tamat"
    assert collect_evidence([Segment(0, len(text), text)])[0].brands == ["kusumatoto"]
