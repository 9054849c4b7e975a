"""Which encoding a staff list is in, decided on evidence, never guessed.

Excel saves a CSV in one of these, and the checker reads each of them:

- UTF-8, with a byte-order mark ("CSV UTF-8") or without one;
- UTF-16 with a byte-order mark ("Unicode text");
- the legacy code page of the Windows it runs on: GB18030/GBK on Chinese Windows,
  Windows-1252 on Western Windows.

A byte-order mark settles it; so does text that is valid UTF-8 (legacy text with accents or
Chinese almost never is). Otherwise both legacy families usually decode the same bytes
without error, one of them into nonsense: Windows-1252 names read as GB18030 turn into
Chinese characters glued to Latin letters (`Ren閑 Dupont`), and Chinese names read as
Windows-1252 turn into runs of symbols and accented letters (`Íõ·¼`). So each decoding
is scored by the share of its non-ASCII characters that look like real text of that family,
and a family wins only when it reads plausibly and the other does not. When neither does,
when both do, or when some lines are UTF-8 and others are not (a list pasted together from
two files), the file is refused with `EncodingUndecided`, whose sentence names `--encoding`:
a wrong guess would put garbled names into HR's records without anyone noticing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from checker.errors import EncodingUndecided, UnusableFile

__all__ = ["ENCODING_CHOICES", "DecodedText", "decode_staff_list"]

AUTO = "auto"
ENCODING_CHOICES = (AUTO, "utf-8", "utf-16", "gb18030", "cp1252")

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# A decoding is plausible when at least this share of its non-ASCII characters looks like
# real text of its family (a rare name character may fall outside the usual ranges).
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


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The file's text and the encoding it was read in (`utf-8-sig` = UTF-8 with a BOM)."""

    text: str
    encoding: str


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _is_cjk_ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _chinese_looks_real(text: str, at: int) -> bool:
    """A character of a GB18030 reading: Chinese, CJK punctuation, or pinyin/Latin in GBK."""
    char = text[at]
    if _is_cjk_ideograph(char):
        # Mojibake of an accented Latin letter and the ASCII letter after it becomes one
        # ideograph glued to Latin letters; real Chinese names stand apart from them.
        neighbours = text[max(at - 1, 0) : at] + text[at + 1 : at + 2]
        return not any(_is_ascii_letter(near) for near in neighbours)
    if "\u3000" <= char <= "\u303f" or "\uff01" <= char <= "\uff5e" or char in "·“”‘’—…":
        return True
    return char in _PINYIN_LETTERS


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


# The stretches of text that a character's plausibility depends on: runs of letters and
# non-ASCII characters (a digit, space, comma or quote ends one). Each distinct stretch is
# scored once, however often it occurs (a staff list repeats names, words and titles).
_STRETCH = re.compile(r"[A-Za-z\u0080-\U0010ffff]+")


def _plausible_share(text: str, looks_real: Callable[[str, int], bool]) -> float:
    """The share of `text`'s non-ASCII characters that `looks_real` accepts (1 if none).

    `looks_real` looks no further than the stretch a character stands in, so the share is
    counted stretch by stretch, each distinct one once.
    """
    stretches = Counter(found for found in _STRETCH.findall(text) if not found.isascii())
    checked = accepted = 0
    for stretch, times in stretches.items():
        for at, char in enumerate(stretch):
            if not char.isascii():
                checked += times
                accepted += times if looks_real(stretch, at) else 0
    return accepted / checked if checked else 1.0


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _has_utf8_lines(data: bytes) -> bool:
    """Whether some lines are non-ASCII UTF-8 text that reads as real names."""
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        text = _decode(line, "utf-8")
        if text is None:
            continue
        chinese = _plausible_share(text, _chinese_looks_real) >= _PLAUSIBLE_SHARE
        if chinese or _plausible_share(text, _latin_looks_real) >= _PLAUSIBLE_SHARE:
            return True
    return False


def _decide_legacy(data: bytes) -> DecodedText:
    """GB18030 or Windows-1252, by which one reads as real text; refuse when unsure."""
    if _has_utf8_lines(data):
        raise EncodingUndecided("encoding_mixed")
    readings = {
        "gb18030": (_decode(data, "gb18030"), _chinese_looks_real),
        "cp1252": (_decode(data, "cp1252"), _latin_looks_real),
    }
    plausible = [
        DecodedText(text, encoding)
        for encoding, (text, looks_real) in readings.items()
        if text is not None and _plausible_share(text, looks_real) >= _PLAUSIBLE_SHARE
    ]
    if len(plausible) != 1:
        raise EncodingUndecided("encoding_undecided")
    return plausible[0]


def _auto(data: bytes) -> DecodedText:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode(data, encoding)
            if text is None:
                raise EncodingUndecided("encoding_mixed")
            return DecodedText(text, encoding)
    if b"\x00" in data:
        raise UnusableFile("not_text")
    text = _decode(data, "utf-8")
    if text is not None:
        return DecodedText(text, "utf-8")
    return _decide_legacy(data)


def decode_staff_list(data: bytes, encoding: str = AUTO) -> DecodedText:
    """The file's text: in `encoding` if given, else in the encoding its bytes show.

    Raises `EncodingUndecided` (a `UnusableFile`, field "file", naming `--encoding`) when
    the bytes do not settle it or are not valid in the given encoding; `UnusableFile`
    ("not_text") for a file that is not text at all.
    """
    if encoding not in ENCODING_CHOICES:
        raise EncodingUndecided("encoding_wrong", encoding=encoding[:20])
    if encoding == AUTO:
        decoded = _auto(data)
    else:
        codec = "utf-8-sig" if encoding == "utf-8" else encoding
        text = _decode(data, codec)
        if text is None:
            raise EncodingUndecided("encoding_wrong", encoding=encoding)
        decoded = DecodedText(text, encoding)
    if "\x00" in decoded.text:
        raise UnusableFile("not_text")
    return decoded
