"""Staff lists in the encodings Excel writes: read exactly, or refused with a sentence that
names `--encoding`; never a garbled name."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from checker import check_batch
from checker.errors import EncodingUndecided, UnusableFile
from checker.text_encoding import decode_staff_list
from checker.web import batch_json
from tests.engine.helpers import run_batch as run_cli_batch

ON = date(2026, 11, 26)
HEADER = "name,permit_issued,permit_expires,passport_expires\r\n"
DATES = ",2026-11-12,2028-11-11,2030-01-01\r\n"
WESTERN = ["Renée Dupont", "Anna Müller", "Zoë Smith", "José Ruiz", "François Noël"]
CHINESE = ["王芳", "李雷", "张伟", "欧阳娜娜", "陈 Chen"]


def staff_list(names: list[str]) -> str:
    return HEADER + "".join(name + DATES for name in names)


def names_read(data: bytes, encoding: str = "auto") -> list[str]:
    return [row[0] for row in check_batch(data, on=ON, encoding=encoding).rows]


class TestWesternExcel:
    def test_a_windows_1252_file_keeps_every_accent(self) -> None:
        data = staff_list(WESTERN).encode("cp1252")
        result = check_batch(data, on=ON)
        assert [row[0] for row in result.rows] == WESTERN
        assert result.encoding == "cp1252"

    @pytest.mark.parametrize("name", ["Renée", "Müller", "Zoë", "José"])
    def test_one_accented_name_alone_is_read_exactly(self, name: str) -> None:
        assert names_read(staff_list([name, "Smith"]).encode("cp1252")) == [name, "Smith"]

    def test_the_byte_after_the_accent_does_not_decide_it(self) -> None:
        # é before a letter (Renée), before a space (José Ruiz), before a comma (José)
        names = ["Renée", "José Ruiz", "José"]
        assert names_read(staff_list(names).encode("cp1252")) == names


class TestChineseExcel:
    def test_a_gb18030_file_is_still_read(self) -> None:
        data = staff_list(CHINESE).encode("gb18030")
        result = check_batch(data, on=ON)
        assert [row[0] for row in result.rows] == CHINESE
        assert result.encoding == "gb18030"

    def test_a_gbk_file_with_pinyin_and_western_names_is_read(self) -> None:
        names = ["王芳", "Anna Müller", "Lü Wei"]
        assert names_read(staff_list(names).encode("gbk")) == names


class TestByteOrderMarks:
    @pytest.mark.parametrize(
        ("encoding", "reported"),
        [("utf-8-sig", "utf-8-sig"), ("utf-16-le", "utf-16"), ("utf-16-be", "utf-16")],
    )
    def test_a_bom_settles_the_encoding(self, encoding: str, reported: str) -> None:
        bom = {"utf-8-sig": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
        names = [*WESTERN[:2], *CHINESE[:2]]
        result = check_batch(bom + staff_list(names).encode(encoding), on=ON)
        assert [row[0] for row in result.rows] == names
        assert result.columns[0] == "name"
        assert result.encoding == reported

    def test_utf_8_without_a_bom_is_utf_8(self) -> None:
        names = [*WESTERN, *CHINESE]
        assert names_read(staff_list(names).encode("utf-8")) == names


class TestFilesThatCannotBeToldApart:
    def test_a_utf_8_file_with_one_gbk_row_is_refused(self) -> None:
        data = staff_list(["Anna Müller", "王芳"]).encode("utf-8") + ("李雷" + DATES).encode("gbk")
        with pytest.raises(EncodingUndecided) as caught:
            check_batch(data, on=ON)
        assert "--encoding" in str(caught.value)
        assert caught.value.field == "file"

    def test_a_utf_8_file_with_one_windows_1252_row_is_refused(self) -> None:
        data = staff_list(["王芳", "Renée"]).encode("utf-8") + ("José" + DATES).encode("cp1252")
        with pytest.raises(EncodingUndecided):
            check_batch(data, on=ON)

    @pytest.mark.parametrize(
        "cell",
        [b"x\x81\x40y", b" \x92\x96 "],
        ids=["neither_reads_as_text", "both_read_as_text"],
    )
    def test_weak_evidence_is_refused_naming_the_flag(self, cell: bytes) -> None:
        data = HEADER.encode() + cell + DATES.encode()
        with pytest.raises(EncodingUndecided) as caught:
            check_batch(data, on=ON)
        assert "--encoding gb18030" in caught.value.message("en")
        assert "--encoding" in caught.value.message("zh")

    def test_it_is_a_value_error_and_an_unusable_file(self) -> None:
        assert issubclass(EncodingUndecided, UnusableFile)
        assert issubclass(EncodingUndecided, ValueError)


@pytest.mark.parametrize("name", [*WESTERN, "Ærøskøbing", "Œdipe", "Ørsted"])
def test_western_names_are_read_exactly(name: str) -> None:
    assert names_read(staff_list([name]).encode("cp1252")) == [name]


def test_a_name_with_three_accents_in_a_row_alone_is_refused_not_guessed() -> None:
    # "Ñúñ" could be one and a half Chinese characters as well: too weak to decide.
    with pytest.raises(EncodingUndecided):
        names_read(staff_list(["Ñúñez"]).encode("cp1252"))


@pytest.mark.parametrize("name", [*CHINESE, "诸葛亮", "司马懿", "令狐冲", "东方不败"])
def test_chinese_names_are_read_exactly(name: str) -> None:
    assert names_read(staff_list([name]).encode("gb18030")) == [name]


class TestAnEncodingGivenByTheReader:
    def test_it_overrides_the_evidence(self) -> None:
        data = staff_list(["Renée"]).encode("cp1252")
        assert decode_staff_list(data, "cp1252").encoding == "cp1252"
        assert names_read(data, "gb18030") != ["Renée"]  # the reader's word is taken

    def test_bytes_invalid_in_it_are_refused_naming_it(self) -> None:
        data = staff_list(["王芳"]).encode("gb18030")
        with pytest.raises(EncodingUndecided) as caught:
            check_batch(data, on=ON, encoding="utf-8")
        assert "utf-8" in str(caught.value)
        assert "--encoding" in str(caught.value)


class TestTheBrowsersSwitch:
    def test_the_reply_says_which_encoding_it_read(self) -> None:
        reply = json.loads(batch_json(staff_list(WESTERN).encode("cp1252"), "2026-11-26", "en"))
        assert reply["encoding"] == "cp1252"
        assert [row[0] for row in reply["rows"]] == WESTERN

    def test_the_reader_can_switch_it(self) -> None:
        data = staff_list(["Renée"]).encode("cp1252")
        reply = json.loads(batch_json(data, "2026-11-26", "en", "gb18030"))
        assert reply["encoding"] == "gb18030"

    def test_an_unknown_encoding_is_an_error_about_the_file(self) -> None:
        reply = json.loads(batch_json(b"a,b\n", "2026-11-26", "en", "ebcdic"))
        assert reply["ok"] is False
        assert reply["errors"][0]["field"] == "file"


def run_batch(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli_batch(str(path), *args)


class TestTheCommandLine:
    def test_it_reads_windows_1252_and_says_so(self, tmp_path: Path) -> None:
        path = tmp_path / "western.csv"
        path.write_bytes(staff_list(WESTERN).encode("cp1252"))
        completed = run_batch(path)
        assert completed.returncode == 0
        assert [line.split(",")[0] for line in completed.stdout.splitlines()[1:]] == WESTERN
        assert "Read the file as cp1252." in completed.stderr

    def test_an_undecided_file_exits_2_naming_the_flag(self, tmp_path: Path) -> None:
        path = tmp_path / "mixed.csv"
        path.write_bytes(staff_list(["王芳"]).encode("utf-8") + ("李雷" + DATES).encode("gbk"))
        completed = run_batch(path)
        assert completed.returncode == 2
        assert completed.stdout == ""
        assert "--encoding" in completed.stderr

    def test_the_flag_settles_it(self, tmp_path: Path) -> None:
        path = tmp_path / "chinese.csv"
        path.write_bytes(staff_list(CHINESE).encode("gb18030"))
        completed = run_batch(path, "--encoding", "gb18030")
        assert completed.returncode == 0
        assert "Read the file as gb18030." in completed.stderr
        assert completed.stdout.splitlines()[1].startswith("王芳,")

    def test_an_unknown_encoding_is_a_usage_error(self, tmp_path: Path) -> None:
        path = tmp_path / "x.csv"
        path.write_bytes(staff_list(["A"]).encode("utf-8"))
        completed = run_batch(path, "--encoding", "latin-9")
        assert completed.returncode == 2
        assert "--encoding" in completed.stderr
