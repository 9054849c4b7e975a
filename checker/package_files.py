"""The data files the checker ships beside its modules (its rules, its words, the working-day
calendar).

Each is written as TOML (`rules.toml`, `messages.toml`, `working_days.toml`) and read by
`read_data`. The wheel the browser installs carries each one's JSON form instead
(`json_form`, written by the site's build; `rules.json` …): in Pyodide, importing `tomllib`
and parsing the three files took 40-60 ms of every start (Node, one full core), and
`json.loads` of the same data about 2 ms. The TOML stays the one source: `json_form` reads it
back and refuses to write a form that does not give the same value.

They are read from the folder of this module, not through `importlib.resources`: the checker
is always installed unpacked (CPython's site-packages, the wheel Pyodide installs), and
`importlib.resources` brings in pathlib, tempfile, inspect and zipfile, which made importing
the engine in CPython (every run of the command line) about 25 ms slower.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from typing import Any

__all__ = ["DataFormError", "json_form", "read_data", "read_json_form", "read_text"]

_FOLDER = os.path.dirname(os.path.abspath(__file__))
# How the JSON form writes a TOML date (JSON has none): {"$date": "2026-11-26"}.
_DATE_KEY = "$date"


class DataFormError(ValueError):
    """A TOML data file holds a value its JSON form cannot carry (a build-time error)."""


def read_text(name: str) -> str:
    """The text (UTF-8) of the data file `name` beside the checker's modules."""
    with open(os.path.join(_FOLDER, name), encoding="utf-8") as file:
        return file.read()


def read_data(stem: str) -> dict[str, Any]:
    """The data file `stem` ("rules" for `rules.toml`) as `tomllib` reads it: from its JSON
    form `stem.json` where the build wrote one beside the modules, else from `stem.toml`."""
    json_path = os.path.join(_FOLDER, f"{stem}.json")
    if os.path.exists(json_path):
        return read_json_form(read_text(f"{stem}.json"))
    import tomllib  # only where the data is TOML (CPython); the browser's wheel has JSON

    return tomllib.loads(read_text(f"{stem}.toml"))


def json_form(toml_text: str) -> str:
    """The JSON form of a TOML data file, which `read_data` reads back to the same value.

    Raises `DataFormError` for a value JSON cannot carry as it is (a time or a date-time, a
    table whose only key is the date marker), so the build stops rather than ship other data.
    """
    import tomllib

    data = tomllib.loads(toml_text)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_json_value)
    if read_json_form(text) != data:
        raise DataFormError("the JSON form of a data file does not read back to the same data")
    return text


def _json_value(value: object) -> dict[str, str]:
    if isinstance(value, date) and not isinstance(value, datetime):
        return {_DATE_KEY: value.isoformat()}
    raise DataFormError(f"a data file holds a {type(value).__name__}, which has no JSON form")


def read_json_form(text: str) -> dict[str, Any]:
    """What `json_form` wrote, read back (its dates are dates again)."""
    data: dict[str, Any] = json.loads(text, object_hook=_typed)
    return data


def _typed(table: dict[str, Any]) -> Any:
    if len(table) == 1 and _DATE_KEY in table:
        return date.fromisoformat(table[_DATE_KEY])
    return table
