"""Which encoding a staff list is in, decided on evidence, never guessed.

Excel saves a CSV in one of these, and the checker reads each of them:

- UTF-8, with a byte-order mark ("CSV UTF-8") or without one;
- UTF-16 with a byte-order mark ("Unicode text");
- the legacy code page of the Windows it runs on: GB18030/GBK on Chinese Windows,
  Windows-1252 on Western Windows.

A byte-order mark settles it; so does valid UTF-8 whose every word reads as a word of one
script, unless every word also reads as common Chinese characters in GB18030 (肖一一 is
"Фһһ" in UTF-8, Элина five characters in GB18030): such a file is refused, naming both
encodings. (Legacy text is seldom valid UTF-8, and then it reads as nonsense: GB18030 谢梅 is
UTF-8 "л÷", EUC-KR 천철 is "õö"; such a file is decided as a legacy one, and GB18030 is
then taken only if it has no rare character.) Otherwise both legacy families usually
decode the same bytes without error, one of them into nonsense: Windows-1252 names read as
GB18030 turn into rare Chinese characters glued to Latin letters (`Ren閑 Dupont`), or one
common character inside a Latin word (`Ib狁ez`), and Chinese names read as Windows-1252
turn into runs of symbols and accented letters (`ÀîÃ÷`). So each line is scored in each
family by the share of its non-ASCII characters that look like real text of that family,
and a family is chosen only when every line reads plausibly in it and not every line does
in the other.

Other legacy encodings decode without error too, and are looked for by what they are, and
by the names they give (`checker.common_names`: a line's first word is its name):

- Korean (EUC-KR) reads as common Chinese characters (김민준 → 辫刮霖): a file whose every
  non-ASCII word reads as Korean name syllables in EUC-KR is refused, unless every line
  starts with a Chinese surname and is not a Korean name (邓飞 is Hangul 됩령 in EUC-KR,
  but no Korean name). A line whose name is a Korean one is refused among Chinese lines
  when its GB18030 reading starts with no Chinese surname, or has given-name characters
  that Chinese given names seldom have (`CHINESE_GIVEN_NAME_CHARACTERS`): 마 모 문 주 진 홍
  are 付 葛 巩 林 柳 全, so 마민준 is 付刮霖, but 付磊 (마굉) is a Chinese name; a file whose
  every name is such a line is refused as Korean. A known limit: a Korean name whose
  reading is a usual Chinese name (진소자 = 柳家磊) is read as Chinese; and a long Chinese
  list with a 林 or 付 whose given name is unusual and reads as Korean is refused;
- Japanese Shift-JIS reads as rare GBK characters (田中 → 揷拞): a file that reads as
  Japanese in Shift-JIS and has a rare character in GB18030, or a line whose Chinese
  characters are all rare ones and that reads as Japanese, is refused; Japanese kana
  (EUC-JP, and Big5 often) are never taken for Chinese; kanji-only EUC-JP reads as common
  Chinese characters (田中 → 拍面) and is refused when a line starts with a common Japanese
  surname in it, or when names mostly of the kanji of Japanese names (原真由美 → 付叁洪) are
  at least a quarter as many as the names that start with a Chinese surname in GB18030,
  or when no line's name reads as a Chinese one (鶴見 浩 = 尼斧 估: no Chinese surname and
  no usual given name; a one-name Chinese list of that kind is refused with it);
- Vietnamese (Windows-1258) writes tones as combining marks after a vowel, which
  Windows-1252 shows as `Þ`, `Ì`, `ò`... (Trần → TrâÌn), and ă, ơ, đ where Windows-1252
  has ã, õ, ð (Văn → Vãn, Đức → Ðức): a line with such a mark after a vowel, ã or õ before
  a consonant, or ð starting a word is not Western text; and GB18030 reads the same marks
  as characters glued to Latin letters or rare ones (Hồ → H籼, Đức → 旋靋): not Chinese.

When neither family reads every line, when both do, when some lines are UTF-8 and others are
not, or when one line is in another encoding than the rest (a list pasted together from two
files), the file is refused with `EncodingUndecided`, whose sentence names `--encoding`: a
wrong guess would put garbled names into HR's records without anyone noticing.

The evidence is gathered line by line from the file's bytes in chunks (`decide_encoding`), so
that a file of any size is decided in bounded memory; `decode_staff_list` does it for bytes
in memory.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, pairwise
from typing import Literal

from checker.common_names import (
    CHINESE_COMPOUND_SURNAMES,
    CHINESE_GIVEN_NAME_CHARACTERS,
    CHINESE_SURNAMES,
    JAPANESE_NAME_KANJI,
    JAPANESE_SURNAMES,
    KOREAN_GIVEN_SYLLABLES,
    KOREAN_SURNAMES,
)
from checker.errors import EncodingUndecided, UnusableFile

__all__ = [
    "ENCODING_CHOICES",
    "DecodedText",
    "decide_encoding",
    "decode_staff_list",
    "decoded_chunks",
]

AUTO = "auto"
ENCODING_CHOICES = (AUTO, "utf-8", "utf-16", "gb18030", "cp1252")

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# A line is plausible when at least this share of its non-ASCII characters looks like real
# text of its family (a rare name character may fall outside the usual ranges).
_PLAUSIBLE_SHARE = 0.9
# Windows-1252 letters used in Western European names, and its typographic punctuation.
_LATIN_LETTERS = frozenset(
    chr(code) for code in range(0xC0, 0x100) if chr(code) not in "×÷"
) | frozenset("ŠšŒœŽžŸ")
_LATIN_PUNCTUATION = frozenset("‘’“”–—…€\u00a0")
# The Latin letters with marks that GB2312 has: pinyin with its tones (Lü, Lǚ).
_PINYIN_LETTERS = frozenset("āáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹɑɡ")
# The most accented letters a Western word has in a row (two: "Noël" has one, "Zoë" one).
_LATIN_RUN = 2
# The tone marks Windows-1258 writes as combining characters after a vowel.
_VIETNAMESE_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aeiouyAEIOUY")
# The letters that follow ã or õ in Portuguese (João, Guimarães, Simões, irmãs).
_PORTUGUESE_AFTER_TILDE = frozenset("oeOEsS")
# Korean names: Hangul syllables whose first consonant is plain (not ㄲ ㄸ ㅃ ㅆ ㅉ) and
# whose last is none or one of ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ (김민준, 이서연, 박지훈). Chinese read as
# EUC-KR gives verb endings and tense consonants as often (李雷 → 쟀잉).
_TENSE_INITIALS = frozenset((1, 4, 8, 10, 13))  # ㄲ ㄸ ㅃ ㅆ ㅉ
_NAME_FINALS = frozenset((0, 1, 4, 8, 16, 17, 21))  # none ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ
_KOREAN_NAME_SHARE = 0.9
# Files are read in chunks of this many bytes (a file of any size, in bounded memory).
CHUNK_BYTES = 1 << 20
# Distinct stretches of text whose verdicts are kept (a list repeats names and titles).
_REMEMBERED = 100_000

# The stretches of bytes a character's plausibility depends on: runs of letters, GB18030
# trail bytes and non-ASCII bytes (a digit, space, comma, quote or line break ends one, and
# none of them is ever inside a GB18030 character, so a stretch never cuts one).
_STRETCH = re.compile(rb"[\x40-\x7e\x80-\xff]+")

Chunks = Callable[[], Iterable[bytes]]


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The file's text and the encoding it was read in (`utf-8-sig` = UTF-8 with a BOM)."""

    text: str
    encoding: str


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _is_ideograph(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


def _is_kana(char: str) -> bool:
    return "\u3040" <= char <= "\u30ff" or "\u31f0" <= char <= "\u31ff"


def _is_gb2312(char: str) -> bool:
    """Whether GB18030 writes `char` in GB2312's two-byte range (the common characters and
    symbols; GBK's extension and GB18030's four-byte forms are the rare ones)."""
    encoded = char.encode("gb18030")
    return len(encoded) == 2 and encoded[0] >= 0xA1 and encoded[1] >= 0xA1


def _chinese_looks_real(text: str, at: int) -> bool:
    """A character of a GB18030 reading: Chinese, CJK punctuation, or pinyin/Latin in GBK."""
    char = text[at]
    if _is_kana(char):
        return False  # Japanese (EUC-JP) or Big5 read as GB18030
    if _is_ideograph(char):
        # Mojibake of an accented Latin letter and the ASCII letter after it becomes one
        # rare ideograph glued to Latin letters, and of two accented letters one common
        # ideograph inside a Latin word (Ibáñez → Ib狁ez); real Chinese names stand apart.
        neighbours = text[max(at - 1, 0) : at] + text[at + 1 : at + 2]
        glued = [_is_ascii_letter(near) for near in neighbours]
        if _is_gb2312(char):
            return not (len(glued) == 2 and all(glued))
        return not any(glued)
    if "\u3000" <= char <= "\u303f" or "\uff01" <= char <= "\uff5e" or char in "·“”‘’—…":
        return True
    if char in _PINYIN_LETTERS:
        return True
    if "\ue000" <= char <= "\uf8ff":
        return False  # GB18030's user-defined area: no Chinese text has it (Big5 does)
    encoded = char.encode("gb18030")  # GB2312's symbols (①, №, ℃, Greek, Cyrillic...)
    return len(encoded) == 2 and 0xA1 <= encoded[0] <= 0xA9 and encoded[1] >= 0xA1


def _word_around(text: str, at: int) -> str:
    start = end = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _latin_looks_real(text: str, at: int) -> bool:
    """A character of a Windows-1252 reading: an accented letter inside a Latin word."""
    char = text[at]
    if char in _LATIN_PUNCTUATION:
        return True
    if char not in _LATIN_LETTERS:
        return False
    word = _word_around(text, at)
    run = longest = 0
    for letter in word:
        run = run + 1 if not letter.isascii() else 0
        longest = max(longest, run)
    return any(_is_ascii_letter(letter) for letter in word) and longest <= _LATIN_RUN


def _has_vietnamese_tones(stretch: bytes) -> bool:
    """Whether Windows-1258 reads `stretch` as Vietnamese: a tone mark right after a vowel
    (Trần), ă or ơ before a consonant (Văn, Sơn: Windows-1252's ã and õ come before o, e or
    s in Portuguese, João, Simões), or đ starting a word (Đức: ð never starts an Icelandic
    word)."""
    try:
        text = stretch.decode("cp1258")
    except UnicodeDecodeError:
        return False
    for at, (before, char) in enumerate(pairwise(f" {text}")):
        if char in _VIETNAMESE_TONES and unicodedata.normalize("NFD", before)[:1] in _VOWELS:
            return True
        after = text[at + 1 : at + 2]
        if char in "ăĂơƠ" and _is_ascii_letter(after) and after not in _PORTUGUESE_AFTER_TILDE:
            return True
        if char in "đĐ" and not before.isalpha() and after.isalpha():
            return True
    return False


def _share(text: str, looks_real: Callable[[str, int], bool]) -> tuple[int, int]:
    """How many of `text`'s non-ASCII characters there are, and how many look real."""
    checked = accepted = 0
    for at, char in enumerate(text):
        if not char.isascii():
            checked += 1
            accepted += looks_real(text, at)
    return checked, accepted


def _korean_syllables(text: str) -> tuple[int, int] | None:
    """Hangul syllables in `text` and how many are name syllables; None if some non-ASCII
    character is not a Hangul syllable."""
    if _glued_to_latin(text):
        return None
    syllables = names = 0
    for char in text:
        if char.isascii():
            continue
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            return None
        syllables += 1
        initial, final = code // 588, code % 28
        names += initial not in _TENSE_INITIALS and final in _NAME_FINALS
    return syllables, names


def _reads_as_japanese(text: str) -> bool:
    """Whether every non-ASCII character is a kanji, a kana or CJK punctuation (no
    half-width katakana, which Chinese read as Shift-JIS is full of)."""
    return not _glued_to_latin(text) and all(
        char.isascii()
        or _is_ideograph(char)
        or _is_kana(char)
        or "\u3000" <= char <= "\u303f"
        or "\uff01" <= char <= "\uff5e"
        for char in text
    )


def _glued_to_latin(text: str) -> bool:
    """Whether a non-ASCII character stands right beside an ASCII letter (as mojibake of an
    accented Latin letter does: `Ren閑`)."""
    return any(
        (not first.isascii() and _is_ascii_letter(second))
        or (_is_ascii_letter(first) and not second.isascii())
        for first, second in pairwise(text)
    )


# --- Valid UTF-8 that reads as names -------------------------------------------------------
# GB18030, EUC-KR and EUC-JP write a character as two bytes, and a pair whose second byte is
# 0x80-0xBF is also valid UTF-8, for one character up to U+07FF: accented Latin letters,
# IPA, Greek, Cyrillic, symbols (谢梅 = D0BB C3B7 = "л÷", 천철 in EUC-KR = "õö"). So UTF-8
# is taken only when every word reads as a word of one script.
_UTF8_PUNCTUATION = frozenset("\u00a0«»·")  # the Latin-1 marks a name or title has
_CASED_SCRIPTS = frozenset(("greek", "cyrillic", "armenian"))
_GREEK_TONOS = frozenset("άέήίόύώ")
# Cyrillic letters of names beyond Russian's (Ukrainian's are in U+0400-U+045F): Kazakh's.
_CYRILLIC_MORE = frozenset("ҒғҚқҢңӨөҮүҰұҺһӘә")


def _script(char: str) -> str:
    """The script a letter (or combining mark) belongs to, roughly; "odd" for letters no
    name has (IPA, modifier letters, ª º µ)."""
    code = ord(char)
    if char.isascii():
        return "ascii"
    if 0xC0 <= code <= 0x24F or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x250 <= code <= 0x2FF or code < 0xC0:
        return "odd"
    if 0x300 <= code <= 0x362:
        return "mark"  # the accents Windows-1258 and decomposed text write after a letter
    if (0x386 <= code <= 0x3CE and char not in "ΐΰ") or 0x1F00 <= code <= 0x1FFF:
        return "greek"
    if 0x400 <= code <= 0x45F or char in _CYRILLIC_MORE:
        return "cyrillic"
    if 0x363 <= code <= 0x52F:
        return "odd"  # archaic Greek and Cyrillic, medieval marks
    if (
        _is_ideograph(char)
        or _is_kana(char)
        or 0x1100 <= code <= 0x11FF
        or 0x3130 <= code <= 0x318F
        or 0xAC00 <= code <= 0xD7AF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
    ):
        return "cjk"
    return unicodedata.name(char, "odd").split(" ", 1)[0].lower()


def _word_reads_as_a_word(word: str) -> bool:
    """A word (letters and marks) of one script: Latin with an ASCII letter in it (or a
    Vietnamese letter: Đỗ), CJK with or without ASCII, or another alphabet alone (three
    letters or more in Greek, Cyrillic or Armenian, in lower, upper or title case), with
    accents only on Latin letters."""
    scripts = {_script(char) for char in word}
    if "odd" in scripts or unicodedata.category(word[0]).startswith("M"):
        return False
    if "mark" in scripts and not scripts <= {"ascii", "latin", "mark"}:
        return False
    foreign = scripts - {"ascii", "mark"}
    if not foreign:
        return True
    if len(foreign) > 1:
        return False
    script = foreign.pop()
    if script == "latin":
        return "ascii" in scripts or any(char >= "\u1e00" or char in "Đđ" for char in word)
    if script == "cjk":
        return True
    if "ascii" in scripts or len(word) < 2:
        return False
    if script in _CASED_SCRIPTS:
        title = word[0].isupper() and word[1:].islower()
        if (
            script == "greek"
            and not word.isupper()
            and sum(map(_GREEK_TONOS.__contains__, word)) != 1
        ):
            return False  # a Greek word in lower case has one accent (Γιώργος); ΤΟΣ has none
        return len(word) >= 3 and (word.islower() or word.isupper() or title)
    return True


def _reads_as_unicode_names(text: str) -> bool:
    """Whether `text` (decoded as UTF-8) reads as real text: every word of one script, and
    no symbol that only mojibake has (÷ § ¡ ˼ ...)."""
    word = ""
    for char in f"{text} ":
        if char.isalpha() or (word and unicodedata.category(char).startswith("M")):
            word += char
            continue
        if word and not word.isascii() and not _word_reads_as_a_word(word):
            return False
        word = ""
        if char.isascii() or char in _UTF8_PUNCTUATION:
            continue
        if ord(char) < 0x800 or unicodedata.category(char) in ("Co", "Cn", "Cs", "Cc"):
            return False
    return True


def _refuse_names_of_another_language(evidence: _Evidence, *, valid_utf8: bool) -> None:
    """Refuse a file that reads as Chinese in GB18030 but whose names say otherwise."""
    if valid_utf8 and evidence.rare:
        raise EncodingUndecided("encoding_undecided")
    # Kanji-only EUC-JP reads as common Chinese characters: a Japanese surname says so, and
    # so do names mostly of Japanese name kanji (原明美 = 付叁洪, 蛭田 明美) that are not
    # outnumbered four to one by Chinese names (a Chinese name reads as such a Japanese name
    # about one time in a thousand).
    # A list with no Chinese name at all, every name kanji in EUC-JP, is a Japanese one of
    # uncommon kanji (鶴見 浩 = 尼斧 估): refused, though a short Chinese list of uncommon
    # surnames is refused with it.
    japanese_names = evidence.japanese_name_cells
    if evidence.kanji and (
        evidence.japanese_row
        or (japanese_names and 4 * japanese_names >= evidence.chinese_names)
        or (evidence.rows and evidence.unnamed_kanji_rows == evidence.rows)
    ):
        raise _foreign("EUC-JP / Big5")
    if evidence.korean_like_rows and evidence.korean_like_rows == evidence.rows:
        raise _foreign("EUC-KR")  # every name a Korean one, read as uncommon Chinese names
    for row in (evidence.japanese_row, evidence.korean_row):
        if row is not None:  # one row in EUC-JP or EUC-KR among Chinese ones
            raise EncodingUndecided("encoding_mixed_rows", line=row)
    # Windows-1258 tones read as GB18030 glue characters to Latin letters (Hồ → H籼) or
    # take the next letter into a rare one (Đức → 旋靋).
    if evidence.vietnamese_mojibake:
        raise _foreign("Windows-1258")


def _first_cell_reads_as_a_japanese_name(line: bytes) -> bool:
    """Whether the line's first cell with non-ASCII bytes reads in EUC-JP as a Japanese
    name: two to five kanji, three in four or more of them kanji of Japanese names, and no
    ASCII letter or digit (not 员工12, not 2026年5月)."""
    cell = next(cell for cell in re.split(rb"[,\t]", line) if not cell.isascii())
    text = _decode(cell.strip(b' "'), "euc_jp")
    if text is None or any(char.isascii() and char.isalnum() for char in text):
        return False
    kanji = [char for char in text if _is_ideograph(char)]
    known = sum(char in JAPANESE_NAME_KANJI for char in kanji)
    return 2 <= len(kanji) <= 5 and 4 * known >= 3 * len(kanji)


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True, slots=True)
class _Verdict:
    """What one stretch of bytes reads as, in each encoding that matters."""

    chinese: tuple[int, int] | None  # (non-ASCII characters, real-looking) in GB18030
    latin: tuple[int, int] | None  # the same in Windows-1252
    rare_only: bool  # two or more ideographs in GB18030, none of them a common one
    rare: bool  # a rare ideograph in GB18030 (one outside GB2312)
    kana: bool  # Japanese kana in GB18030 (EUC-JP)
    vietnamese: bool  # a tone mark after a vowel in Windows-1258
    korean: tuple[int, int] | None  # (Hangul syllables, name syllables) in EUC-KR
    japanese: bool  # reads as Japanese in Shift-JIS (Microsoft's cp932)
    utf8: bool  # valid UTF-8 that reads as real names
    chinese_name: bool  # GB18030: common characters starting with a Chinese surname
    usual_given_name: bool  # GB18030: a common character, then usual given-name ones
    korean_name: bool  # EUC-KR: a Korean surname and common given-name syllables
    korean_given: int  # EUC-KR: any syllable, then this many common given-name syllables
    japanese_name: bool  # EUC-JP: kanji starting with a Japanese surname
    kanji: bool  # EUC-JP: kanji (or CJK punctuation) only
    vietnamese_mojibake: bool  # Vietnamese tones that GB18030 reads as odd characters


def _verdict(stretch: bytes) -> _Verdict:
    chinese_text = _decode(stretch, "gb18030")
    latin_text = _decode(stretch, "cp1252")
    korean_text = _decode(stretch, "euc_kr")
    japanese_text = _decode(stretch, "cp932")
    utf8_text = _decode(stretch, "utf-8")
    ideographs = [char for char in chinese_text or "" if _is_ideograph(char)]
    common = sum(map(_is_gb2312, ideographs))  # of them in GB2312
    utf8 = utf8_text is not None and _reads_as_unicode_names(utf8_text)
    kanji_text = _decode(stretch, "euc_jp")
    vietnamese = _has_vietnamese_tones(stretch)
    kanji = kanji_text is not None and all(
        char.isascii() or _is_ideograph(char) or "\u3000" <= char <= "\u303f" for char in kanji_text
    )
    return _Verdict(
        chinese=None if chinese_text is None else _share(chinese_text, _chinese_looks_real),
        latin=None if latin_text is None else _share(latin_text, _latin_looks_real),
        rare_only=len(ideographs) >= 2 and not common,
        rare=chinese_text is None or common < len(ideographs),
        kana=chinese_text is not None and any(map(_is_kana, chinese_text)),
        vietnamese=vietnamese,
        korean=None if korean_text is None else _korean_syllables(korean_text),
        japanese=japanese_text is not None and _reads_as_japanese(japanese_text),
        utf8=utf8,
        chinese_name=chinese_text is not None and _starts_chinese_name(chinese_text),
        usual_given_name=chinese_text is not None and _has_usual_given_name(chinese_text),
        korean_name=korean_text is not None and _is_korean_name(korean_text),
        korean_given=len(korean_text) - 1
        if korean_text and _is_korean_name(korean_text, any_surname=True)
        else 0,
        japanese_name=kanji
        and kanji_text is not None
        and any(kanji_text[:length] in JAPANESE_SURNAMES for length in (1, 2, 3)),
        kanji=kanji,
        vietnamese_mojibake=vietnamese
        and chinese_text is not None
        and (_glued_to_latin(chinese_text) or common < len(ideographs)),
    )


def _starts_chinese_name(text: str) -> bool:
    """A Chinese name: common characters, the first a common surname (or two, 欧阳)."""
    return (
        bool(text)
        and all(_is_gb2312(char) for char in text if not char.isascii())
        and (text[0] in CHINESE_SURNAMES or text[:2] in CHINESE_COMPOUND_SURNAMES)
    )


def _has_usual_given_name(text: str) -> bool:
    """Common characters whose given name (after the surname: one character, or two, 欧阳)
    is one or two of the characters Chinese given names usually have (王芳, 岳明, 欧阳娜娜;
    not 葛蝴, 모빛 in EUC-KR, nor 尼斧挺丹, 鶴見 浩 in EUC-JP)."""
    surname = 2 if text[:2] in CHINESE_COMPOUND_SURNAMES else 1
    given = text[surname:].strip("\u3000")
    return (
        bool(text)
        and _is_ideograph(text[0])
        and all(map(_is_gb2312, text))
        and 1 <= len(given) <= 2
        and all(char in CHINESE_GIVEN_NAME_CHARACTERS for char in given)
    )


def _is_korean_name(text: str, *, any_surname: bool = False) -> bool:
    """A Korean name: a common surname (or, `any_surname`, any Hangul syllable) and one to
    three common given-name syllables."""
    return (
        2 <= len(text) <= 4
        and (text[0] in KOREAN_SURNAMES or (any_surname and "가" <= text[0] <= "힣"))
        and all(char in KOREAN_GIVEN_SYLLABLES for char in text[1:])
    )


@dataclass
class _Reading:
    """The evidence for one legacy family over the whole file."""

    decodes: bool = True
    plausible_lines: int = 0
    first_implausible: int | None = None  # its line number, from 1

    def add(self, line_number: int, share: tuple[int, int] | None) -> None:
        if share is None:
            self.decodes = False
            return
        checked, accepted = share
        if accepted >= checked * _PLAUSIBLE_SHARE:
            self.plausible_lines += 1
        elif self.first_implausible is None:
            self.first_implausible = line_number

    @property
    def reads_every_line(self) -> bool:
        return self.decodes and self.first_implausible is None


@dataclass
class _Evidence:
    """Everything the file's non-ASCII lines say, gathered line by line."""

    lines: int = 0  # non-ASCII lines
    chinese: _Reading = field(default_factory=_Reading)
    latin: _Reading = field(default_factory=_Reading)
    utf8_lines: bool = False
    kana: bool = False
    rare: bool = False  # a rare ideograph in the GB18030 reading
    vietnamese: bool = False
    korean_syllables: int = 0
    korean_names: int = 0
    korean: bool = True  # every non-ASCII word reads as Hangul in EUC-KR
    chinese_names: int = 0  # lines whose first word is a Chinese name and not a Korean one
    japanese_name_cells: int = 0  # rows whose name reads as Japanese name kanji in EUC-JP
    korean_row: int | None = None  # the first line whose first word is a Korean name
    korean_like_rows: int = 0  # lines (after the header) whose first word may be one
    rows: int = 0  # non-ASCII lines after the header
    unnamed_kanji_rows: int = 0  # of them, rows whose name is kanji in EUC-JP and no Chinese name
    japanese_row: int | None = None  # the first line whose name starts with a Japanese surname
    kanji: bool = True  # every non-ASCII word reads as kanji in EUC-JP
    vietnamese_mojibake: bool = False  # Vietnamese tones read as odd Chinese characters
    japanese: bool = True  # every non-ASCII word reads as Japanese in Shift-JIS
    _verdicts: dict[bytes, _Verdict] = field(default_factory=dict)

    def verdict(self, stretch: bytes) -> _Verdict:
        found = self._verdicts.get(stretch)
        if found is None:
            if len(self._verdicts) >= _REMEMBERED:
                self._verdicts.clear()
            found = self._verdicts[stretch] = _verdict(stretch)
        return found

    def add_line(self, line_number: int, line: bytes) -> None:
        verdicts = [self.verdict(found) for found in _STRETCH.findall(line) if not found.isascii()]
        if not verdicts:
            return
        self.lines += 1
        self.chinese.add(line_number, _line_share(verdict.chinese for verdict in verdicts))
        latin = _line_share(verdict.latin for verdict in verdicts)
        vietnamese = any(verdict.vietnamese for verdict in verdicts)
        self.vietnamese |= vietnamese
        self.latin.add(line_number, (1, 0) if latin and vietnamese else latin)
        self.utf8_lines |= any(verdict.utf8 for verdict in verdicts)
        self.kana |= any(verdict.kana for verdict in verdicts)
        self.kanji &= all(verdict.kanji for verdict in verdicts)
        name = verdicts[0]  # the line's first word: its name, in a staff list
        chinese_name = name.chinese_name and not name.korean_name
        self.chinese_names += chinese_name
        if self.kanji and line_number > 1:  # (the header names no one)
            self.japanese_name_cells += _first_cell_reads_as_a_japanese_name(line)
        # A line's name is taken for a Korean one when it reads in EUC-KR as a Korean name
        # and in GB18030 as no Chinese one: with a Korean surname, when the reading starts with
        # no Chinese surname (김민준 = 辫刮霖) or has a given name of characters Chinese given
        # names seldom have (마 모 문 주 진 홍 are 付 葛 巩 林 柳 全: 모빛 = 葛蝴, while 付磊 =
        # 마굉 is Chinese); with an uncommon one (빈윤용 = 后辣侩), when the line starts with it,
        # its reading starts with no Chinese surname and has such a given name. Among Chinese
        # rows, a Chinese surname's reading takes two given-name syllables (주노 = 林畴 could
        # be either).
        starts_with_name = line.lstrip(b'"')[:1] >= b"\x80"
        unusual = not name.usual_given_name
        korean_surname = name.korean_name and (not name.chinese_name or unusual)
        other_surname = (
            name.korean_given > 0 and starts_with_name and not name.chinese_name and unusual
        )
        if line_number > 1:
            self.rows += 1
            self.korean_like_rows += korean_surname or other_surname
            if (korean_surname and (not name.chinese_name or name.korean_given >= 2)) or (
                other_surname
            ):
                self.korean_row = self.korean_row or line_number
            self.unnamed_kanji_rows += (
                starts_with_name and name.kanji and not name.chinese_name and unusual
            )
        if name.japanese_name and self.japanese_row is None:
            self.japanese_row = line_number
        self.vietnamese_mojibake |= any(verdict.vietnamese_mojibake for verdict in verdicts)
        self.rare |= any(verdict.rare for verdict in verdicts)
        self.japanese &= all(verdict.japanese for verdict in verdicts)
        if any(verdict.rare_only for verdict in verdicts) and all(
            verdict.japanese for verdict in verdicts
        ):
            self.chinese.add(line_number, (1, 0))  # a Shift-JIS line among Chinese ones
        syllables = names = 0
        for verdict in verdicts:
            if verdict.korean is None:
                self.korean = False
                syllables = -1
                break
            syllables += verdict.korean[0]
            names += verdict.korean[1]
        if syllables > 0:
            self.korean_syllables += syllables
            self.korean_names += names

    def reads_as_korean(self) -> bool:
        """Every non-ASCII word reads as Korean names in EUC-KR. (One Korean line among
        Chinese ones cannot be told apart: a Chinese line reads as Korean names about one
        time in twenty, so refusing on one line would refuse most long Chinese lists.)"""
        return (
            self.korean
            and self.korean_syllables > 0
            and self.korean_names >= self.korean_syllables * _KOREAN_NAME_SHARE
        )


def _line_share(shares: Iterable[tuple[int, int] | None]) -> tuple[int, int] | None:
    checked = accepted = 0
    for share in shares:
        if share is None:
            return None
        checked += share[0]
        accepted += share[1]
    return checked, accepted


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines (CR, LF or CRLF) of a file given in chunks, each whole."""
    rest = b""
    for chunk in chunks:
        data = rest + chunk
        cut = max(data.rfind(b"\n"), data.rfind(b"\r", 0, len(data) - 1)) + 1
        rest = data[cut:]
        if cut:
            yield from data[:cut].splitlines()
    if rest:
        yield rest


def _foreign(encoding: str) -> EncodingUndecided:
    return EncodingUndecided("encoding_foreign", looks_like=encoding)


def _decide_legacy(chunks: Chunks, *, valid_utf8: bool = False) -> str:
    """GB18030 or Windows-1252, by which one reads as real text; refuse when unsure.
    `valid_utf8`: the file is valid UTF-8 that does not read as names; GB18030 is then
    taken only with no rare character (UTF-8 read as GB18030 is full of them)."""
    evidence = _Evidence()
    for number, line in enumerate(_lines(chunks()), 1):
        if not line.isascii():
            evidence.add_line(number, line)
    if evidence.utf8_lines:
        raise EncodingUndecided("encoding_mixed")
    if evidence.lines and evidence.reads_as_korean() and evidence.chinese_names < evidence.lines:
        raise _foreign("EUC-KR")
    if evidence.lines and evidence.japanese and not evidence.kana and evidence.rare:
        raise _foreign("Shift-JIS")
    chinese, latin = evidence.chinese, evidence.latin
    if chinese.reads_every_line != latin.reads_every_line:
        if chinese.reads_every_line:
            _refuse_names_of_another_language(evidence, valid_utf8=valid_utf8)
            return "gb18030"
        return "cp1252"
    if chinese.reads_every_line:
        raise EncodingUndecided("encoding_undecided")
    if evidence.kana and chinese.decodes:
        raise _foreign("EUC-JP / Big5")
    if evidence.vietnamese and latin.decodes:
        raise _foreign("Windows-1258")
    for reading in (chinese, latin):
        # Most lines read as real text in one family and one (or a few) do not: a row from
        # another file, in another encoding.
        if reading.decodes and reading.first_implausible and reading.plausible_lines:
            raise EncodingUndecided("encoding_mixed_rows", line=reading.first_implausible)
    raise EncodingUndecided("encoding_undecided")


def _decodes(chunks: Iterable[bytes], codec: str) -> bool:
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        for chunk in chunks:
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _has_nul(chunks: Iterable[bytes], codec: str) -> bool:
    return any("\x00" in text for text in decoded_chunks(chunks, codec))


# Bytes of 8-bit text (ASCII: the CSV's commas, digits and line breaks) read as UTF-16 are
# characters whose two bytes are both such bytes (`2026` → `〲㘲`, CRLF → U+0A0D); Chinese
# in UTF-16 has a few such characters, never a long run of them.
_ASCII_BYTES = (0x09, 0x0A, 0x0D, *range(0x20, 0x7F))
_EIGHT_BIT_PAIR = "".join(
    f"\\u{high:02x}09\\u{high:02x}0a\\u{high:02x}0d\\u{high:02x}20-\\u{high:02x}7e"
    for high in _ASCII_BYTES
)
_EIGHT_BIT_RUN = 6
_EIGHT_BIT_AS_UTF16 = re.compile(f"[{_EIGHT_BIT_PAIR}]{{{_EIGHT_BIT_RUN}}}")


def _refuse_8_bit_lines(texts: Iterable[str]) -> None:
    """Refuse a UTF-16 file with a line of 8-bit text in it (a row pasted in from a CSV
    saved in another encoding): it decodes, into nonsense; the sentence names its line."""
    lines, tail = 1, ""
    for text in texts:
        joined = tail + text
        found = _EIGHT_BIT_AS_UTF16.search(joined)
        if found:
            line = lines + text.count("\n", 0, max(found.start() - len(tail), 0))
            raise EncodingUndecided("encoding_mixed_rows", line=line)
        tail = joined[-(_EIGHT_BIT_RUN - 1) :]
        lines += text.count("\n")


def _reads_as_common_chinese(stretch: bytes, text: str) -> bool:
    """Whether a stretch whose UTF-8 reading is `text` reads as common Chinese characters in
    GB18030 too: a GB2312 character whose lead byte is C2-DF and trail byte A1-BF is a valid
    two-byte UTF-8 character, Cyrillic, Greek, Hebrew or Arabic (肖一一 = D0A4 D2BB D2BB =
    "Фһһ"). (Chinese in UTF-8, three bytes a character, is never read so: its GB18030
    reading, pairs out of step with its characters, is nonsense.)"""
    if any(ord(char) >= 0x800 for char in text):
        return False
    chinese = _decode(stretch, "gb18030")
    return chinese is not None and all(_is_ideograph(char) and _is_gb2312(char) for char in chinese)


def _utf8_reading(chunks: Chunks) -> Literal["names", "either", "nonsense"]:
    """How a valid UTF-8 file's text reads: "names" when every stretch reads as real text in
    UTF-8; "either" when moreover every one reads as common Chinese in GB18030 (a short
    Chinese list can be valid UTF-8 Cyrillic, and a Russian one rarely reads as Chinese:
    neither reading can be preferred); "nonsense" otherwise."""
    seen: set[bytes] = set()
    rest = b""
    either = True
    for chunk in chain(chunks(), (b"\n",)):
        data = rest + chunk
        cut = data.rfind(b"\n") + 1  # no stretch runs over a line break
        rest = data[cut:]
        for stretch in _STRETCH.findall(data, 0, cut):
            if stretch.isascii() or stretch in seen:
                continue
            text = stretch.decode("utf-8")
            if not _reads_as_unicode_names(text):
                return "nonsense"
            either = either and _reads_as_common_chinese(stretch, text)
            if len(seen) >= _REMEMBERED:
                seen.clear()
            seen.add(stretch)
    return "either" if either and seen else "names"


def _auto(chunks: Chunks) -> tuple[str, str]:
    start = b""
    for chunk in chunks():
        start += chunk
        if len(start) >= 3:
            break
    for bom, codec in _BOMS:
        if start.startswith(bom):
            if not _decodes(chunks(), codec):
                raise EncodingUndecided("encoding_mixed")
            if codec == "utf-16":
                _refuse_8_bit_lines(decoded_chunks(chunks(), codec))
            return codec, codec
    if any(b"\x00" in chunk for chunk in chunks()):
        raise UnusableFile("not_text")
    valid_utf8 = _decodes(chunks(), "utf-8")
    if valid_utf8:
        reading = _utf8_reading(chunks)
        if reading == "names":
            return "utf-8", "utf-8"
        if reading == "either":
            raise EncodingUndecided("encoding_utf8_or_gb18030")
    codec = _decide_legacy(chunks, valid_utf8=valid_utf8)
    return codec, codec


def decide_encoding(chunks: Chunks, encoding: str = AUTO) -> tuple[str, str]:
    """The codec to read a file in, and the name to report: `encoding` if given, else the
    one its bytes show. `chunks()` gives the file's bytes, in chunks, each time it is called
    (it is called a few times, so that a file of any size is read in bounded memory).

    Raises `EncodingUndecided` (a `UnusableFile`, field "file", naming `--encoding`) when
    the bytes do not settle it or are not valid in the given encoding; `UnusableFile`
    ("not_text") for a file that is not text at all.
    """
    if encoding not in ENCODING_CHOICES:
        raise EncodingUndecided("encoding_wrong", encoding=encoding[:20])
    if encoding == AUTO:
        codec, reported = _auto(chunks)
    else:
        codec, reported = ("utf-8-sig" if encoding == "utf-8" else encoding), encoding
        if not _decodes(chunks(), codec):
            raise EncodingUndecided("encoding_wrong", encoding=encoding)
    if _has_nul(chunks(), codec):
        raise UnusableFile("not_text")
    return codec, reported


def decoded_chunks(chunks: Iterable[bytes], codec: str) -> Iterator[str]:
    """The text of a file given in chunks (already known to decode in `codec`)."""
    decoder = codecs.getincrementaldecoder(codec)()
    for chunk in chunks:
        text = decoder.decode(chunk)
        if text:
            yield text
    text = decoder.decode(b"", final=True)
    if text:
        yield text


def decode_staff_list(data: bytes, encoding: str = AUTO) -> DecodedText:
    """The file's text: in `encoding` if given, else in the encoding its bytes show (see
    `decide_encoding`)."""
    codec, reported = decide_encoding(lambda: (data,), encoding)
    return DecodedText(data.decode(codec), reported)
