"""The message catalogue: every sentence the checker returns, in English and Chinese.

`messages.toml` maps each message id to its `en` and `zh` template. `render()` fills a
template; date parameters are written the way each language writes them, weekday first
(`format_date`: "Tuesday 2 March 2027" / "2027年3月2日（星期二）"). This module is the bottom of the
package's words: it imports nothing else from `checker`.
"""

from __future__ import annotations

import functools
from datetime import date

from checker.package_files import read_data

__all__ = [
    "LANGS",
    "MONTHS_EN",
    "WEEKDAYS_EN",
    "WEEKDAYS_ZH",
    "catalogue",
    "field_label",
    "format_date",
    "render",
]

LANGS = ("en", "zh")

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@functools.cache
def catalogue() -> dict[str, dict[str, str]]:
    """`{message_id: {"en": template, "zh": template}}`, read once per process."""
    raw = read_data("messages")
    return {
        message_id: {lang: str(entry[lang]) for lang in LANGS} for message_id, entry in raw.items()
    }


@functools.lru_cache(maxsize=8192)  # a staff list writes the same few thousand dates
def format_date(value: date, lang: str, *, weekday: bool = True) -> str:
    """A date as the answer writes it, with its weekday so a weekend or holiday shows:
    `Tuesday 2 March 2027` (en) or `2027年3月2日（星期二）` (zh).

    `weekday=False` gives the plain form (`2 March 2027`, `2027年3月2日`) for the guide's
    prose, where a date is a fact about the past rather than a day to go somewhere.
    """
    if lang == "zh":
        written = f"{value.year}年{value.month}月{value.day}日"
        return f"{written}（{WEEKDAYS_ZH[value.weekday()]}）" if weekday else written
    written = f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{WEEKDAYS_EN[value.weekday()]} {written}" if weekday else written


class _Written(dict[str, object]):
    """A template's parameters, each date written in `lang` only when the template uses it
    (a headline is given every date it might need; a batch renders one per row)."""

    def __init__(self, params: dict[str, object], lang: str) -> None:
        super().__init__(params)
        self.lang = lang

    def __getitem__(self, key: str) -> object:
        value = super().__getitem__(key)
        return format_date(value, self.lang) if isinstance(value, date) else value


def render(message_id: str, lang: str, **params: object) -> str:
    """The sentence `message_id` in `lang`, with `params` filled in (dates written per lang)."""
    lang = lang if lang in LANGS else "en"
    template = catalogue()[message_id][lang]
    if not params:
        return template
    return template.format_map(_Written(params, lang))


def field_label(field: str, lang: str) -> str:
    """The field's name as the user sees it (`Passport expiry date`, `护照有效期截止日期`)."""
    entry = catalogue().get(f"field.{field}")
    if entry is None:
        return field
    return entry[lang if lang in LANGS else "en"]


def written_in_label(written_in: str | None, lang: str) -> str | None:
    """What a page in `lang` writes after a source's title when the source is in another
    language (" (in Chinese)", "（英文）"); None when it is in the page's own or not known."""
    if written_in is None or written_in == lang:
        return None
    return render(f"source.written_in.{written_in}", lang)
