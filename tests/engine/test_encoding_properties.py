"""Any staff list of names, in any encoding Excel may save it in: read with every name exactly
as written, or refused with the sentence that names `--encoding`; never read into other
names with exit 0 (issue 22, item 1)."""

from __future__ import annotations

import unicodedata

from bench_encodings import encoded
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.common_names import (
    CHINESE_SURNAMES,
    JAPANESE_SURNAMES,
    KOREAN_GIVEN_SYLLABLES,
    KOREAN_SURNAMES,
)
from checker.errors import EncodingUndecided
from checker.text_encoding import DecodedText, decode_staff_list

HEADER = "name,permit_issued,permit_expires,passport_expires\r\n"
DATES = ",2026-11-12,2028-11-11,2030-01-01\r\n"


def in_gb2312(char: str) -> bool:
    encoded = char.encode("gb18030")
    return len(encoded) == 2 and encoded[0] >= 0xB0 and encoded[1] >= 0xA1


# Any common character (GB2312's first level) as a given name, after a common surname.
COMMON_CHARACTERS = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(in_gb2312)
CHINESE = st.builds(
    lambda surname, given: surname + "".join(given),
    st.sampled_from(sorted(CHINESE_SURNAMES)),
    st.lists(COMMON_CHARACTERS, min_size=1, max_size=2),
)
KOREAN = st.builds(
    lambda surname, given: surname + "".join(given),
    st.sampled_from(sorted(KOREAN_SURNAMES)),
    st.lists(st.sampled_from(sorted(KOREAN_GIVEN_SYLLABLES)), min_size=1, max_size=2),
)
JAPANESE_GIVEN = ["太郎", "花子", "一郎", "美咲", "さくら", "ゆい", "イチロー", "健"]
JAPANESE = st.builds(
    lambda surname, space, given: surname + space + given,
    st.sampled_from(sorted(JAPANESE_SURNAMES)),
    st.sampled_from(["", " ", "\u3000"]),
    st.sampled_from(JAPANESE_GIVEN),
)
LATIN_1_LETTERS = [chr(code) for code in range(0xC0, 0x100) if chr(code) not in "×÷"]
WESTERN = st.builds(
    lambda first, accent, last: f"{first}{accent} {last}",
    st.sampled_from(["Ren", "Jos", "Zo", "No", "Fran", "Ana", "Bj", "S"]),
    st.sampled_from(LATIN_1_LETTERS),
    st.sampled_from(["Dupont", "Müller", "Núñez", "Smith", "Simões", "Ørsted"]),
)
VIETNAMESE = st.builds(
    lambda *parts: " ".join(parts),
    st.sampled_from(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Hồ"]),
    st.sampled_from(["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc"]),
    st.sampled_from(["Anh", "Dũng", "Hùng", "Hạnh", "Hương", "Tuấn", "Thắng", "Sơn"]),
)
# The names each encoding writes: the four the checker reads, and four it refuses.
EVERY_NAME = st.one_of(CHINESE, KOREAN, JAPANESE, WESTERN, VIETNAMESE)
ENCODINGS = {
    "utf-8": EVERY_NAME,
    "utf-16": EVERY_NAME,
    "gb18030": CHINESE,
    "cp1252": WESTERN,
    "euc_kr": KOREAN,
    "shift_jis": JAPANESE,
    "euc_jp": JAPANESE,
    "cp1258": VIETNAMESE,
}


@st.composite
def staff_lists(draw: st.DrawFn) -> tuple[str, bytes]:
    """A staff list's text, and its bytes in one encoding."""
    encoding = draw(st.sampled_from(sorted(ENCODINGS)))
    names = ENCODINGS[encoding]
    text = HEADER + "".join(name + DATES for name in draw(st.lists(names, min_size=1, max_size=6)))
    return text, encoded(text, encoding)


def reading_or_refusal(data: bytes) -> DecodedText | EncodingUndecided:
    try:
        return decode_staff_list(data)
    except EncodingUndecided as error:
        return error


@settings(max_examples=400)
@given(staff_lists())
def test_a_list_is_read_as_written_or_refused_naming_the_flag(
    staff_list: tuple[str, bytes],
) -> None:
    text, data = staff_list
    decoded = reading_or_refusal(data)
    if isinstance(decoded, EncodingUndecided):
        assert "--encoding" in decoded.message("en")
        assert "--encoding" in decoded.message("zh")
        return
    # Windows-1258 read right gives its letters back, its tones composed or not (Ngô)
    assert unicodedata.normalize("NFC", decoded.text) == unicodedata.normalize("NFC", text), (
        f"read as {decoded.encoding}: {decoded.text.splitlines()[1:]!r}"
    )
