"""The message catalogue: every sentence the checker returns, in English and Chinese.

`messages.toml` maps each message id to its `en` and `zh` template. `render()` fills a
template; date parameters are written the way each language writes them
("2 March 2027" / "2027年3月2日").
"""

from __future__ import annotations

import functools
import tomllib
from datetime import date
from importlib import resources

from checker.dates import format_date
from checker.errors import UnknownLanguage

__all__ = ["LANGS", "catalogue", "check_lang", "field_label", "render"]

LANGS = ("en", "zh")


@functools.cache
def catalogue() -> dict[str, dict[str, str]]:
    """`{message_id: {"en": template, "zh": template}}`, read once per process."""
    text = resources.files("checker").joinpath("messages.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    return {
        message_id: {lang: str(entry[lang]) for lang in LANGS} for message_id, entry in raw.items()
    }


def check_lang(lang: str, *, field: str = "lang") -> str:
    """Return `lang` if the catalogue has it, else raise UnknownLanguage naming `field`."""
    if lang not in LANGS:
        raise UnknownLanguage(field, value=str(lang)[:20], choices=", ".join(LANGS))
    return lang


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
