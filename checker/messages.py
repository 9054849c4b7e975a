"""The message catalogue: every sentence the checker returns, in English and Chinese.

`messages.toml` maps each message id to its `en` and `zh` template. `render()` fills a
template; date parameters are written the way each language writes them
(`format_date`: "2 March 2027" / "2027年3月2日"). This module is the bottom of the
package's words: it imports nothing else from `checker`.
"""

from __future__ import annotations

import functools
import tomllib
from datetime import date
from importlib import resources

__all__ = ["LANGS", "catalogue", "field_label", "format_date", "render"]

LANGS = ("en", "zh")

_MONTHS_EN = (
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


@functools.cache
def catalogue() -> dict[str, dict[str, str]]:
    """`{message_id: {"en": template, "zh": template}}`, read once per process."""
    text = resources.files("checker").joinpath("messages.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    return {
        message_id: {lang: str(entry[lang]) for lang in LANGS} for message_id, entry in raw.items()
    }


def format_date(value: date, lang: str) -> str:
    """A date as a reader writes it: `2 March 2027` (en) or `2027年3月2日` (zh)."""
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def render(message_id: str, lang: str, **params: object) -> str:
    """The sentence `message_id` in `lang`, with `params` filled in (dates written per lang)."""
    template = catalogue()[message_id][lang if lang in LANGS else "en"]
    if not params:
        return template
    values = {
        key: format_date(value, lang) if isinstance(value, date) else value
        for key, value in params.items()
    }
    return template.format_map(values)


def field_label(field: str, lang: str) -> str:
    """The field's name as the user sees it (`Passport expiry date`, `护照有效期截止日期`)."""
    entry = catalogue().get(f"field.{field}")
    if entry is None:
        return field
    return entry[lang if lang in LANGS else "en"]
