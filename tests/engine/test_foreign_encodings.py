"""Staff lists in an encoding the checker does not read (Korean, Japanese, Vietnamese...), or
with one row in another encoding than the rest: refused with the sentence that names
`--encoding`, never read into garbled names (issue 22, item 1)."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pytest
from bench_encodings import windows_1258

from checker import check_batch
from checker.errors import EncodingUndecided
from checker.web import batch_json
from tests.engine.helpers import run_batch

ON = date(2026, 11, 26)
HEADER = "name,permit_issued,permit_expires,passport_expires\r\n"
DATES = ",2026-11-12,2028-11-11,2030-01-01\r\n"
KOREAN = ["김민준", "이서연", "박지훈", "최수아", "정하은"]
JAPANESE_WITH_KANA = ["山田 さくら", "田中 太郎", "スズキ イチロー"]
JAPANESE_KANJI_ONLY = ["田中太郎", "佐藤", "山田花子", "鈴木一郎"]
VIETNAMESE = ["Nguyễn Văn Đức", "Trần Thị Hạnh", "Phạm Minh Tuấn"]
TRADITIONAL = ["陳大文", "張偉明", "林志玲"]


def staff_list(names: list[str]) -> str:
    return HEADER + "".join(name + DATES for name in names)


def refusal(data: bytes) -> EncodingUndecided:
    with pytest.raises(EncodingUndecided) as caught:
        check_batch(data, on=ON)
    error = caught.value
    assert error.field == "file"
    assert "--encoding" in error.message("en")
    assert "--encoding" in error.message("zh")
    return error


FOREIGN_FILES = {
    "korean_euc_kr": staff_list(KOREAN).encode("euc_kr"),
    "one_korean_name": staff_list(KOREAN[:1]).encode("euc_kr"),
    "japanese_euc_jp": staff_list(JAPANESE_WITH_KANA).encode("euc_jp"),
    "japanese_shift_jis_kanji_only": staff_list(JAPANESE_KANJI_ONLY).encode("shift_jis"),
    "one_japanese_name_shift_jis": staff_list(["田中"]).encode("shift_jis"),
    "japanese_shift_jis_with_kana": staff_list(JAPANESE_WITH_KANA).encode("shift_jis"),
    "vietnamese_windows_1258": windows_1258(staff_list(VIETNAMESE)),
    "one_vietnamese_name": windows_1258(staff_list(VIETNAMESE[:1])),
    "traditional_chinese_big5": staff_list(TRADITIONAL).encode("big5"),
}


class TestAFileInAnotherEncoding:
    @pytest.mark.parametrize("data", FOREIGN_FILES.values(), ids=FOREIGN_FILES.keys())
    def test_it_is_refused_naming_the_flag(self, data: bytes) -> None:
        refusal(data)

    def test_korean_is_not_read_as_chinese(self) -> None:
        # 김민준 in EUC-KR is 辫刮霖 in GB18030: common characters, but not a name.
        error = refusal(staff_list(KOREAN).encode("euc_kr"))
        assert error.reason == "encoding_foreign"
        assert "EUC-KR" in error.message("en")

    def test_vietnamese_is_not_read_as_western(self) -> None:
        # Trần in Windows-1258 is TrâÌn in Windows-1252.
        error = refusal(windows_1258(staff_list(VIETNAMESE)))
        assert "Windows-1258" in error.message("en")
        assert "Windows-1258" in error.message("zh")

    def test_shift_jis_kanji_is_not_read_as_rare_chinese(self) -> None:
        error = refusal(staff_list(JAPANESE_KANJI_ONLY).encode("shift_jis"))
        assert "Shift-JIS" in error.message("en")


class TestOneRowInAnotherEncoding:
    def test_a_windows_1252_row_in_a_gb18030_list_is_refused_naming_its_line(self) -> None:
        data = staff_list(["王芳", "李雷"]).encode("gb18030")
        data += ("Renée Dupont" + DATES).encode("cp1252")  # Ren閑 Dupont in GB18030
        error = refusal(data)
        assert error.reason == "encoding_mixed_rows"
        assert "line 4" in error.message("en")
        assert "第4行" in error.message("zh")

    def test_a_gb18030_row_in_a_windows_1252_list_is_refused(self) -> None:
        data = staff_list(["Renée Dupont", "José Ruiz", "Anna Müller"]).encode("cp1252")
        data += ("李明" + DATES).encode("gb18030")  # ÀîÃ÷ in Windows-1252
        assert "line 5" in refusal(data).message("en")

    def test_an_8_bit_row_in_a_utf_16_list_is_refused_naming_its_line(self) -> None:
        data = b"\xff\xfe" + staff_list(["王芳", "Renée"]).encode("utf-16-le")
        data += ("山田 さくら" + DATES).encode("euc_jp")  # decodes as UTF-16, into nonsense
        error = refusal(data)
        assert error.reason == "encoding_mixed_rows"
        assert "line 4" in error.message("en")

    def test_a_korean_row_in_a_windows_1252_list_is_refused(self) -> None:
        data = staff_list(["Renée Dupont", "Zoë Smith"]).encode("cp1252")
        data += (KOREAN[0] + DATES).encode("euc_kr")
        refusal(data)


def chinese_names(rng: random.Random, count: int) -> list[str]:
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭"
    given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲芬燕春菊凤洁梅琳云雪荣"
    return [
        rng.choice(surnames) + "".join(rng.choices(given, k=rng.choice((1, 2))))
        for _ in range(count)
    ]


class TestNoGoodListIsRefused:
    @pytest.mark.parametrize("seed", range(40))
    def test_chinese_lists_of_a_few_names_are_read_exactly(self, seed: int) -> None:
        names = chinese_names(random.Random(seed), 3 + seed % 5)
        result = check_batch(staff_list(names).encode("gb18030"), on=ON)
        assert result.encoding == "gb18030"
        assert [row[0] for row in result.rows] == names

    def test_a_chinese_excel_list_with_a_chinese_header_and_titles(self) -> None:
        text = "姓名,部门,permit_issued,permit_expires,passport_expires\r\n" + "".join(
            f"{name},{team},2026-11-12,2028-11-11,2030-01-01\r\n"
            for name, team in [
                ("王芳", "技术部"),
                ("李雷", "市场部（华东）"),
                ("陈 Chen", "财务部"),
            ]
        )
        result = check_batch(text.encode("gb18030"), on=ON)
        assert [row[:2] for row in result.rows] == [
            ["王芳", "技术部"],
            ["李雷", "市场部（华东）"],
            ["陈 Chen", "财务部"],
        ]

    def test_a_western_list_with_italian_and_portuguese_accents(self) -> None:
        names = ["Niccolò Rossi", "João Silva", "Mirò", "Renée Noël", "Ærøskøbing"]
        result = check_batch(staff_list(names).encode("cp1252"), on=ON)
        assert result.encoding == "cp1252"
        assert [row[0] for row in result.rows] == names

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
    def test_korean_japanese_and_vietnamese_names_in_unicode_are_read(self, encoding: str) -> None:
        names = [*KOREAN, *JAPANESE_WITH_KANA, *VIETNAMESE, *TRADITIONAL]
        result = check_batch(staff_list(names).encode(encoding), on=ON)
        assert [row[0] for row in result.rows] == names


class TestTheBrowserAndTheCommandLine:
    def test_the_browser_is_told_the_reason_for_its_switch(self) -> None:
        reply = json.loads(batch_json(FOREIGN_FILES["korean_euc_kr"], "2026-11-26", "en"))
        assert reply["ok"] is False
        assert reply["encoding_refused"] == "encoding_foreign"
        assert reply["encoding_refused_details"] == {"looks_like": "EUC-KR"}
        assert "--encoding" in reply["errors"][0]["message"]

    def test_the_browser_is_told_the_line_in_another_encoding(self) -> None:
        data = staff_list(["王芳", "李雷"]).encode("gb18030") + ("Renée" + DATES).encode("cp1252")
        reply = json.loads(batch_json(data, "2026-11-26", "zh"))
        assert reply["encoding_refused"] == "encoding_mixed_rows"
        assert reply["encoding_refused_details"] == {"line": "4"}

    def test_the_command_line_exits_2_with_nothing_on_stdout(self, tmp_path: Path) -> None:
        path = tmp_path / "korean.csv"
        path.write_bytes(FOREIGN_FILES["korean_euc_kr"])
        completed = run_batch(str(path))
        assert completed.returncode == 2
        assert completed.stdout == ""
        assert "--encoding" in completed.stderr
        assert "Traceback" not in completed.stderr


class TestLegacyBytesThatAreValidUtf8:
    """Some GB18030 and EUC-KR names are valid UTF-8 too, and read as nonsense in it: 谢梅
    (D0BB C3B7) is "л÷", 천철 in EUC-KR is "õö". Valid UTF-8 is taken as UTF-8 only when it
    reads as names."""

    def test_a_chinese_name_that_is_valid_utf_8_is_read_as_chinese(self) -> None:
        result = check_batch(staff_list(["谢梅"]).encode("gb18030"), on=ON)
        assert [row[0] for row in result.rows] == ["谢梅"]
        assert result.encoding == "gb18030"

    @pytest.mark.parametrize("name", ["石雪", "谢梅"])
    def test_a_gb18030_row_that_is_valid_utf_8_in_a_utf_8_list_is_refused(self, name: str) -> None:
        data = staff_list(["王芳", "Renée"]).encode("utf-8") + (name + DATES).encode("gb18030")
        refusal(data)

    def test_a_chinese_name_that_is_valid_utf_8_greek_is_read_as_chinese(self) -> None:
        # 韦伟伟 in GB18030 is "Τΰΰ" in UTF-8: Greek letters, but no Greek word
        names = ["韦伟伟", *chinese_names(random.Random(2), 5)]
        result = check_batch(staff_list(names).encode("gb18030"), on=ON)
        assert [row[0] for row in result.rows] == names

    @pytest.mark.parametrize("name", ["肖一一", "庄止"])
    def test_a_chinese_name_that_reads_as_a_cyrillic_or_greek_name_is_refused(
        self, name: str
    ) -> None:
        # 肖一一 (D0A4 D2BB D2BB) is "Фһһ" in UTF-8: a Cyrillic name, as Kazakh writes it;
        # 庄止 is Hebrew
        error = refusal(staff_list([name]).encode("gb18030"))
        assert error.reason == "encoding_utf8_or_gb18030"
        assert "--encoding gb18030" in error.message("en")

    def test_a_russian_name_that_reads_as_chinese_is_refused(self) -> None:
        # Элина (D0AD D0BB D0B8 D0BD D0B0) is five common characters in GB18030 too
        error = refusal(staff_list(["Элина"]).encode("utf-8"))
        assert error.reason == "encoding_utf8_or_gb18030"

    def test_a_russian_list_with_one_such_name_is_read(self) -> None:
        names = ["Элина", "Иван Петров", "Мария"]
        result = check_batch(staff_list(names).encode("utf-8"), on=ON)
        assert [row[0] for row in result.rows] == names

    def test_the_flag_settles_a_list_that_reads_both_ways(self) -> None:
        data = staff_list(["肖一一"]).encode("gb18030")
        result = check_batch(data, on=ON, encoding="gb18030")
        assert [row[0] for row in result.rows] == ["肖一一"]

    @pytest.mark.parametrize("name", ["천철", "황환", "탁화호"])
    def test_a_korean_name_that_is_valid_utf_8_is_refused(self, name: str) -> None:
        assert refusal(staff_list([name]).encode("euc_kr")).reason == "encoding_foreign"

    def test_names_in_other_alphabets_in_utf_8_are_read(self) -> None:
        names = ["Иван Петров", "Γιώργος Παπαδόπουλος", "Đỗ Đà", "Ștefan Țurcanu", "Lǚ Wei"]
        names += ["Айгүл Сәрсенбаева", "אבי כהן", "محمد علي", "Zoë·Noël"]
        result = check_batch(staff_list(names).encode("utf-8"), on=ON)
        assert [row[0] for row in result.rows] == names


class TestNamesTellTheEncoding:
    """Korean and kanji-only Japanese names in EUC-KR and EUC-JP read as common Chinese
    characters in GB18030; the surname tells them apart: a Chinese name starts with a Chinese
    surname, and its Korean or Japanese reading seldom starts with a Korean or Japanese one."""

    @pytest.mark.parametrize("name", ["邓飞", "雷俊", "邓萍", "黎建", "崔荣", "冯红", "廖海"])
    def test_a_chinese_name_that_reads_as_hangul_is_read_as_chinese(self, name: str) -> None:
        # 邓飞 in EUC-KR is 됩령: Hangul, but no Korean surname
        result = check_batch(staff_list([name]).encode("gb18030"), on=ON)
        assert [row[0] for row in result.rows] == [name]

    def test_a_chinese_lin_whose_given_name_is_not_korean_is_read(self) -> None:
        # 林 is 주 (a Korean surname) in EUC-KR, but 敏娜 reads as 츌컹, no Korean given name
        assert [
            row[0] for row in check_batch(staff_list(["林敏娜"]).encode("gb18030"), on=ON).rows
        ] == ["林敏娜"]

    @pytest.mark.parametrize("name", ["주민준", "김민준", "이서연"])
    def test_a_korean_name_alone_is_refused(self, name: str) -> None:
        # 주민준 in GB18030 is 林刮霖: a Chinese surname, but a Korean name all through
        assert "EUC-KR" in refusal(staff_list([name]).encode("euc_kr")).message("en")

    def test_one_korean_row_in_a_gb18030_list_is_refused_naming_its_line(self) -> None:
        data = staff_list(["王芳", "李雷", "张伟"]).encode("gb18030")
        data += ("박지훈" + DATES).encode("euc_kr")  # 缴鉴备-like: common characters
        error = refusal(data)
        assert "line 5" in error.message("en")

    def test_one_japanese_row_in_a_gb18030_list_is_refused_naming_its_line(self) -> None:
        # 田中 太郎 in EUC-JP is 拍面 吕虾; Lü (pinyin, in GB18030) reads as no kanji
        data = staff_list(["Lü Wei", "王芳"]).encode("gb18030") + ("田中 太郎" + DATES).encode(
            "euc_jp"
        )
        assert "line 4" in refusal(data).message("en")

    @pytest.mark.parametrize("names", [["田中太郎"], ["佐藤 花子"], JAPANESE_KANJI_ONLY])
    def test_kanji_only_euc_jp_is_refused(self, names: list[str]) -> None:
        # 田中太郎 in EUC-JP is 拍面吕虾 in GB18030: common characters, no Chinese name
        refusal(staff_list(names).encode("euc_jp"))

    @pytest.mark.parametrize("name", ["原田秀樹", "谷口 結衣", "清水\u3000愛", "太田 茂"])
    def test_a_japanese_name_that_starts_like_a_chinese_one_is_refused(self, name: str) -> None:
        # 原田秀樹 in EUC-JP is 付拍建践: 付 is a Chinese surname, 原田 a Japanese one
        refusal(staff_list([name]).encode("euc_jp"))

    @pytest.mark.parametrize("name", ["홍기선", "주유택", "문기용"])
    def test_a_korean_name_that_starts_like_a_chinese_one_alone_is_refused(self, name: str) -> None:
        # 홍기선 in EUC-KR is 全扁急: 全 is a Chinese surname, but 기선 a Korean given name
        refusal(staff_list([name]).encode("euc_kr"))

    @pytest.mark.parametrize("name", ["모빛", "빈윤용", "마민준"])
    def test_a_korean_name_whose_chinese_reading_is_no_usual_name_alone_is_refused(
        self, name: str
    ) -> None:
        # 모빛 is 葛蝴 in GB18030: 葛 is a Chinese surname, but 蝴 no given name's character
        assert "EUC-KR" in refusal(staff_list([name]).encode("euc_kr")).message("en")

    @pytest.mark.parametrize("name", ["마민준", "빈윤용", "진성호"])
    def test_one_such_korean_row_among_chinese_rows_is_refused_naming_its_line(
        self, name: str
    ) -> None:
        # 마민준 = 付刮霖; 빈윤용 = 后辣侩: 빈 is no common Korean surname, 后 no Chinese one
        data = staff_list(chinese_names(random.Random(3), 6)).encode("gb18030")
        data += (name + DATES).encode("euc_kr")
        assert "line 8" in refusal(data).message("en")

    def test_a_chinese_name_that_reads_as_a_short_korean_one_is_read_among_others(self) -> None:
        # 林公 is 주무 in EUC-KR: 주 a Korean surname, 무 a given-name syllable
        names = [*chinese_names(random.Random(4), 6), "林公"]
        assert [row[0] for row in check_batch(staff_list(names).encode("gb18030"), on=ON).rows] == (
            names
        )

    @pytest.mark.parametrize("name", ["鶴見 浩", "鶴見\u3000浩", "乙部 健"])
    def test_a_japanese_name_of_uncommon_kanji_alone_is_refused(self, name: str) -> None:
        # 鶴見 浩 in EUC-JP is 尼斧 估: common characters, but no Chinese name
        assert "EUC-JP" in refusal(staff_list([name]).encode("euc_jp")).message("en")

    @pytest.mark.parametrize("names", [["付磊", "林凯"], ["林林", "王芳"]])
    def test_chinese_names_whose_surname_is_korean_in_euc_kr_are_read(
        self, names: list[str]
    ) -> None:
        # 付 and 林 are 마 and 주 in EUC-KR, and 磊, 凯 Korean given-name syllables
        names = [*names, *chinese_names(random.Random(1), 8)]
        assert [row[0] for row in check_batch(staff_list(names).encode("gb18030"), on=ON).rows] == (
            names
        )

    @pytest.mark.parametrize("name", ["原真由美", "蛭田 明美", "原 京子"])
    def test_a_japanese_name_of_an_uncommon_surname_is_refused(self, name: str) -> None:
        # 原真由美 in EUC-JP is 付叁洪: 付 is a Chinese surname, but 原, 真, 由, 美 are kanji
        # of Japanese names
        refusal(staff_list([name]).encode("euc_jp"))

    @pytest.mark.parametrize("team", ["研发部", "市场部", "人事部", "行政", "运营", "设计"])
    def test_a_list_with_pinyin_names_and_chinese_teams_is_read(self, team: str) -> None:
        text = "name,team,permit_issued,permit_expires,passport_expires\r\n"
        text += f"Wang Fang,{team},2026-11-12,2028-11-11,2030-01-01\r\n"
        result = check_batch(text.encode("gb18030"), on=ON)
        assert result.encoding == "gb18030"
        assert result.rows[0][1] == team

    @pytest.mark.parametrize("name", ["闫婷", "闫梓怡", "闫璐"])
    def test_a_chinese_name_that_reads_as_kanji_in_shift_jis_is_read(self, name: str) -> None:
        # 闫婷 is valid Shift-JIS kanji, but only common characters in GB18030: Shift-JIS
        # read as GB18030 gives rare ones (田中 → 揷拞)
        assert [
            row[0] for row in check_batch(staff_list([name]).encode("gb18030"), on=ON).rows
        ] == [name]


class TestMojibakeOfLatinLetters:
    @pytest.mark.parametrize("name", ["Sarah Ibáñez", "John Wößner"])
    def test_a_windows_1252_row_whose_accents_read_as_a_common_character_is_refused(
        self, name: str
    ) -> None:
        # Ibáñez in GB18030 is Ib狁ez: a common character with Latin letters on both sides
        data = staff_list(["王芳", "李雷"]).encode("gb18030") + (name + DATES).encode("cp1252")
        refusal(data)

    def test_a_vietnamese_name_whose_tone_reads_as_a_common_character_is_refused(self) -> None:
        # Nguyễn in Windows-1258 is Nguy贽n in GB18030
        assert "Windows-1258" in refusal(windows_1258(staff_list(["Nguyễn Văn Nam"]))).message("en")
