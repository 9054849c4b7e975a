"""How the checker's encoding detection does on random staff lists (issue 22, item 1): prints
a table, asserts nothing.

For each source encoding it generates `--lists` random staff lists of realistic names
(seeded: the same figures every run), of 1 and of 10 names, and reads each with
`decode_staff_list` as the command line and the page do (`--encoding auto`). Each list is:

- **right**: read as the text that was written;
- **refused**: refused with the sentence that names `--encoding` (right for an encoding the
  checker does not read, a false refusal for one it does);
- **WRONG**: read into other text with no refusal: garbled names with exit 0, the worst.

Names: Chinese (common surnames and given-name characters), Korean (Hangul surnames and
given syllables), Japanese (kanji only, and with kana), Western with accents, Vietnamese.
Encodings: GB18030, UTF-8, EUC-KR, EUC-JP, Shift-JIS, Windows-1252, Windows-1258 (tones as
combining marks, as Windows writes them); and lists with one row in another encoding.

Usage: python tools/bench_encodings.py [--lists 2000] [--sizes 1,10] [--seed 22] [--examples 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.errors import EncodingUndecided, UnusableFile
from checker.text_encoding import decode_staff_list

HEADER = "name,permit_issued,permit_expires,passport_expires\r\n"
DATES = ",2026-11-12,2028-11-11,2030-01-01\r\n"


def words(text: str) -> list[str]:
    return text.split()


CHINESE_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤"
)
CHINESE_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "令狐", "慕容", "皇甫")
# One name in twenty has a surname outside the common ones (no detector can list them all).
CHINESE_RARE_SURNAMES = "岳佘阙巫漆冼芮靳雍隗蒯仇粟揭滕裘"
CHINESE_GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲芬燕春菊凤洁梅琳云雪荣鹏辉斌"
    "波宇浩凯健俊帆帅旭宁亮飞鑫峰龙海林建国志文斌晨子涵梓轩一诺欣怡雨婷佳琪思远博瑞嘉晓东"
    "丹慧颖倩婧雯琦璐瑶蕾薇妍彤"
)
KOREAN_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지"
    "엄변채원천방공현함염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용"
)
KOREAN_RARE_SURNAMES = "독편궁빈사제갈"  # one name in fifty
KOREAN_GIVEN = (
    "민준서연지훈수아하은현우진영성호재동원희정혜경미숙자순철석상태용기승윤주예나유다소채시"
    "도건찬율빈규범혁환한선화옥남일광병종명식근택섭구열인길보람별솔아름가온슬기"
)
JAPANESE_SURNAMES = words(
    "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 "
    "松本 井上 木村 林 斎藤 清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 "
    "小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 "
    "藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 "
    "森田 上田 原 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 "
    "丸山 今井 河野 藤本 村田 武田 上野 杉山 増田 小山 大塚 平野 菅原 久保 松井 "
    "千葉 岩崎 桜井 木下 野口 松尾 菊地 野村 新井"
)
# One name in twenty has a surname outside the common ones.
JAPANESE_RARE_SURNAMES = words("鬼塚 柚木 乙部 蛭田 鶴見 栗林 榊原 嶋田 蒔田 楠本 原 南")
JAPANESE_GIVEN_KANJI = words(
    "太郎 一郎 健 翔 大輔 拓也 直樹 和也 誠 浩 花子 美咲 陽子 恵 愛 優子 裕子 "
    "真由美 智子 由美 明美 大翔 蓮 悠真 湊 陽菜 結衣 葵 凛 健太 翔太 大樹 涼 "
    "亮 隆 博 修 学 茂 勇気 彩 舞 香織 麻衣 千尋 奈々 理恵 直美 久美子 幸子 "
    "洋子 京子 秀樹 正人 光 勝"
)
JAPANESE_GIVEN_KANA = words(
    "さくら ゆい はなこ ひなた あおい ゆうき まこと かおり みどり あやか ゆうこ "
    "ひろし たけし イチロー ケンジ ユウタ アキラ ハルカ ミサキ ナオミ エリカ ジュン"
)
JAPANESE_KANA_SURNAMES = words("スズキ タナカ ヤマダ サトウ")
WESTERN_FIRST = words(
    "Renée José François Zoë Noël Søren Åsa Björn Jürgen Iñaki Hélène Jérôme Øyvind João Inês "
    "Gonçalo Mónica Ángel Chloé Anaïs Maël Léa Zoé André Andrés Benoît Cécile Dörte Günter "
    "Jörg Kåre Lærke Márta Nicolò Raphaël Séverine Thérèse Anna John Maria Peter Paul Laura "
    "David Sarah Marco Elena Thomas"
)
WESTERN_LAST = words(
    "Müller Dupont Núñez Gonçalves Simões Pérez García Rodríguez Martínez López Hernández "
    "Gómez Díaz Sánchez Jiménez Muñoz Álvarez Ibáñez Brontë Fernández Lefèvre Girard Mercier "
    "Bäcker Schröder Günther Jäger Köhler Krüger Wößner Öztürk Ødegård Sørensen Ångström "
    "Lindqvist Åberg Ruiz Smith Rossi Bianchi Schmidt Weber Dubois Moreau Silva Santos"
)
VIETNAMESE_SURNAMES = words(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Lâm"
)
VIETNAMESE_MIDDLE = words("Văn Thị Hữu Đức Minh Quang Thanh Ngọc Xuân Thu Hoài Công")
VIETNAMESE_GIVEN = words(
    "Anh Bảo Dũng Hùng Hạnh Hương Lan Linh Long Mai Nam Phương Quân Tuấn Thảo Trang Trung "
    "Việt Yến Đức Hải Hiếu Khánh Phúc Thắng Sơn Tâm Thủy Vân Hà Hoa Huy Khoa Lộc Nhung Tú"
)


def chinese_name(rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.03:
        surname = rng.choice(CHINESE_COMPOUND_SURNAMES)
    elif draw < 0.08:
        surname = rng.choice(CHINESE_RARE_SURNAMES)
    else:
        surname = rng.choice(CHINESE_SURNAMES)
    return surname + "".join(rng.choices(CHINESE_GIVEN, k=rng.choice((1, 2, 2))))


# Every common character (GB2312's first level, 3,755): far more than given names use, so
# the refusals of these lists bound from above the lists refused for an unusual given name.
GB2312_LEVEL_1 = "".join(
    bytes((lead, trail)).decode("gb18030")
    for lead in range(0xB0, 0xD8)
    for trail in range(0xA1, 0xFF)
    if (lead, trail) not in {(0xD7, t) for t in range(0xFA, 0xFF)}
)


def chinese_name_any_characters(rng: random.Random) -> str:
    surname = rng.choice(CHINESE_SURNAMES)
    return surname + "".join(rng.choices(GB2312_LEVEL_1, k=rng.choice((1, 2, 2))))


RUSSIAN_FIRST = words(
    "Иван Мария Елена Ольга Алексей Дмитрий Сергей Анна Наталья Татьяна Андрей Юлия Павел "
    "Элина Тимур Екатерина Светлана Николай Ирина Михаил Айгүл Нурлан Эмиль Лев Вера"
)
RUSSIAN_LAST = words(
    "Иванов Петрова Смирнов Кузнецова Попов Соколова Лебедев Козлова Новиков Морозова "
    "Волков Павлова Сәрсенбаева Ахметов Ким Цой Шевченко Бондаренко Ткаченко"
)


def russian_name(rng: random.Random) -> str:
    return rng.choice(RUSSIAN_FIRST) + " " + rng.choice(RUSSIAN_LAST)


def korean_name(rng: random.Random) -> str:
    given = "".join(rng.choices(KOREAN_GIVEN, k=rng.choice((1, 2, 2, 2, 2))))
    surnames = KOREAN_RARE_SURNAMES if rng.random() < 0.02 else KOREAN_SURNAMES
    return rng.choice(surnames) + given


def japanese_kanji_name(rng: random.Random) -> str:
    space = rng.choice(("", " ", "\u3000"))
    surnames = JAPANESE_RARE_SURNAMES if rng.random() < 0.05 else JAPANESE_SURNAMES
    return rng.choice(surnames) + space + rng.choice(JAPANESE_GIVEN_KANJI)


def japanese_kana_name(rng: random.Random) -> str:
    given = rng.choice(JAPANESE_GIVEN_KANA)
    if given[0] >= "\u30a0" and rng.random() < 0.5:
        return rng.choice(JAPANESE_KANA_SURNAMES) + " " + given
    return rng.choice(JAPANESE_SURNAMES) + rng.choice(("", " ")) + given


def western_name(rng: random.Random) -> str:
    return rng.choice(WESTERN_FIRST) + " " + rng.choice(WESTERN_LAST)


def vietnamese_name(rng: random.Random) -> str:
    parts = [rng.choice(VIETNAMESE_SURNAMES), rng.choice(VIETNAMESE_MIDDLE)]
    return " ".join([*parts, rng.choice(VIETNAMESE_GIVEN)])


TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Text as Windows Vietnamese writes it: letters it has whole, tones as combining marks
    after them (ặ = ă and a dot below)."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(part for part in parts if part in TONES)
            letter = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
            out += (letter + tones).encode("cp1258")
    return out


def encoded(text: str, encoding: str) -> bytes:
    return windows_1258(text) if encoding == "cp1258" else text.encode(encoding)


def read_back(text: str, encoding: str) -> str:
    """What a right reading gives: the text, or for Windows-1258 its decomposed tones."""
    return encoded(text, encoding).decode(encoding)


Names = Callable[[random.Random], str]


@dataclass(frozen=True)
class Source:
    """A kind of staff list: its names, its encoding, and (optionally) one row in another."""

    label: str
    names: Names
    encoding: str
    supported: bool  # the checker promises to read it
    odd_row: tuple[Names, str] | None = None  # one row of these names in this encoding


SOURCES = (
    Source("Chinese GB18030", chinese_name, "gb18030", True),
    Source("Chinese UTF-8", chinese_name, "utf-8", True),
    Source("Chinese, any char GB18030", chinese_name_any_characters, "gb18030", True),
    Source("Russian UTF-8", russian_name, "utf-8", True),
    Source("Western cp1252", western_name, "cp1252", True),
    Source("Western UTF-8", western_name, "utf-8", True),
    Source("Korean UTF-8", korean_name, "utf-8", True),
    Source("Japanese UTF-8", japanese_kana_name, "utf-8", True),
    Source("Vietnamese UTF-8", vietnamese_name, "utf-8", True),
    Source("Korean EUC-KR", korean_name, "euc_kr", False),
    Source("Japanese kanji EUC-JP", japanese_kanji_name, "euc_jp", False),
    Source("Japanese kana EUC-JP", japanese_kana_name, "euc_jp", False),
    Source("Japanese kanji Shift-JIS", japanese_kanji_name, "shift_jis", False),
    Source("Japanese kana Shift-JIS", japanese_kana_name, "shift_jis", False),
    Source("Vietnamese cp1258", vietnamese_name, "cp1258", False),
    Source("GB18030 + 1 Korean row", chinese_name, "gb18030", False, (korean_name, "euc_kr")),
    Source("GB18030 + 1 cp1252 row", chinese_name, "gb18030", False, (western_name, "cp1252")),
    Source("cp1252 + 1 GB18030 row", western_name, "cp1252", False, (chinese_name, "gb18030")),
    Source("UTF-8 + 1 GB18030 row", chinese_name, "utf-8", False, (chinese_name, "gb18030")),
)


@dataclass
class Tally:
    right: int = 0
    refused: int = 0
    wrong: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


def staff_list(source: Source, rng: random.Random, size: int) -> tuple[bytes, str | None]:
    """A list's bytes, and the text a right reading gives (None: no reading is right)."""
    names = [source.names(rng) for _ in range(size)]
    text = HEADER + "".join(name + DATES for name in names)
    data = encoded(text, source.encoding)
    if source.odd_row is None:
        return data, read_back(text, source.encoding)
    odd_names, odd_encoding = source.odd_row
    at = rng.randrange(size + 1)
    odd_name = odd_names(rng)
    odd = encoded(odd_name + DATES, odd_encoding)
    lines = data.split(b"\r\n")
    lines.insert(at + 1, odd.removesuffix(b"\r\n"))
    names.insert(at, odd_name)
    text = HEADER + "".join(name + DATES for name in names)
    data = b"\r\n".join(lines)
    # When the list's own rows are all ASCII (Marco Smith), or the odd row is written the
    # same way in the list's encoding, the file is in one encoding after all.
    for encoding in (source.encoding, odd_encoding):
        try:
            if encoded(text, encoding) == data:
                return data, read_back(text, encoding)
        except UnicodeEncodeError:
            pass
    return data, None


def outcome(data: bytes, right: str | None, tally: Tally, examples: int) -> None:
    try:
        decoded = decode_staff_list(data)
    except EncodingUndecided as error:
        tally.refused += 1
        looks_like = error.params.get("looks_like")
        tally.reasons[error.reason + (f" {looks_like}" if looks_like else "")] += 1
        return
    except UnusableFile as error:
        tally.refused += 1
        tally.reasons[error.reason] += 1
        return
    if decoded.text == right:
        tally.right += 1
        return
    tally.wrong += 1
    if len(tally.examples) < examples:
        name = decoded.text.split("\n")[1:3]
        tally.examples.append(f"{decoded.encoding}: {' / '.join(name)!r}"[:120])


def percent(count: int, total: int) -> str:
    return f"{count:>5} {100 * count / total:6.2f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lists", type=int, default=2000, help="lists per source and size")
    parser.add_argument("--sizes", default="1,10", help="names per list, comma-separated")
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--examples", type=int, default=3, help="WRONG readings shown per row")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{args.lists} lists per row, seed {args.seed}; refused = the --encoding sentence")
    print(f"{'source':<26} {'names':>5}  {'right':>12}  {'refused':>12}  {'WRONG':>12}  reasons")
    total_wrong = false_refusals = supported_lists = 0
    for source in SOURCES:
        for size in sizes:
            rng = random.Random(f"{args.seed}/{source.label}/{size}")
            tally = Tally()
            for _ in range(args.lists):
                data, right = staff_list(source, rng, size)
                outcome(data, right, tally, args.examples)
            reasons = ", ".join(f"{reason} {count}" for reason, count in tally.reasons.items())
            print(
                f"{source.label:<26} {size:>5}  {percent(tally.right, args.lists)}  "
                f"{percent(tally.refused, args.lists)}  {percent(tally.wrong, args.lists)}  "
                f"{reasons}"
            )
            for example in tally.examples:
                print(f"{'':<34}WRONG {example}")
            total_wrong += tally.wrong
            if source.supported:
                false_refusals += tally.refused
                supported_lists += args.lists
    print(f"WRONG (garbled, exit 0) in all: {total_wrong}")
    print(f"false refusals of lists in a supported encoding: {false_refusals} of {supported_lists}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
