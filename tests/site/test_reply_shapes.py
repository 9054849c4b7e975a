"""One contract between the engine and the page: each reply's shape is declared once in
Python (`checker/replies.py`), the page's JSDoc typedefs (`shared/types.js`) name the same
keys, and the engine's real replies have those shapes. A field added on one side only, or
renamed, fails here."""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal, is_typeddict

import pytest

from checker.replies import REPLIES
from checker.web import answer_json, batch_json, check_json, rules_json
from tests import ROOT

TYPES_JS = ROOT / "docs" / "assets" / "checker" / "shared" / "types.js"


def _braced(text: str, start: int) -> tuple[str, int]:
    """The text inside the braces opening at `start`, and the index after them."""
    depth = 0
    for at in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        if depth == 0:
            return text[start + 1 : at], at + 1
    raise ValueError(f"unbalanced braces at {start}")


def _top_level_keys(body: str) -> dict[str, bool]:
    """An inline object type's keys (`{a: T, b?: T}`), each with whether it may be left out."""
    keys: dict[str, bool] = {}
    depth, part = 0, ""
    for char in body + ",":
        depth += {"{": 1, "(": 1, "[": 1, "<": 1, "}": -1, ")": -1, "]": -1, ">": -1}.get(char, 0)
        if char == "," and depth == 0:
            found = re.match(r"\s*(\w+)(\??)\s*:", part)
            if found:
                keys[found.group(1)] = found.group(2) == "?"
            part = ""
        else:
            part += char
    return keys


def js_typedefs() -> dict[str, dict[str, bool]]:
    """Every object typedef of types.js: its name, and its keys with whether each is optional."""
    text = TYPES_JS.read_text("utf-8")
    found: dict[str, dict[str, bool]] = {}
    for block in re.findall(r"/\*\*(.*?)\*/", text, re.S):
        block = re.sub(r"^\s*\* ?", "", block, flags=re.M)
        at = block.find("@typedef")
        if at == -1:
            continue
        type_text, end = _braced(block, block.index("{", at))
        name = re.match(r"\s*(\w+)", block[end:])
        assert name, block
        if type_text.strip() == "object":
            keys: dict[str, bool] = {}
            for prop in re.finditer(r"@property\s+", block):
                _, after = _braced(block, block.index("{", prop.end()))
                key = re.match(r"\s*(\[)?(\w+)", block[after:])
                assert key, block
                keys[key.group(2)] = key.group(1) is not None
            found[name.group(1)] = keys
        elif type_text.startswith("{") and type_text.rstrip().endswith("}"):
            found[name.group(1)] = _top_level_keys(type_text.strip()[1:-1])
    return found


def python_keys(shape: Any) -> dict[str, bool]:
    return {
        **{key: False for key in shape.__required_keys__},
        **{key: True for key in shape.__optional_keys__},
    }


@pytest.mark.parametrize("shape", REPLIES, ids=lambda shape: shape.__name__)
def test_the_pages_typedef_names_the_keys_python_declares(shape: Any) -> None:
    page = js_typedefs()
    assert shape.__name__ in page, f"types.js has no typedef {shape.__name__}"
    assert page[shape.__name__] == python_keys(shape), "same keys, same ones optional"


def test_the_parser_reads_both_kinds_of_typedef() -> None:
    page = js_typedefs()
    assert page["Refusal"]["encoding_refused"] is True
    assert page["Refusal"]["errors"] is False
    assert page["Answer"]["readings"] is True
    assert page["BatchPart"]["csv"] is False


# --- the engine's real replies have these shapes ------------------------------------------


def problems(value: Any, hint: Any, where: str = "reply") -> Iterator[str]:
    """Where `value` does not have the shape `hint` (a TypedDict, list, dict, union, ...)."""
    origin = typing.get_origin(hint)
    if is_typeddict(hint):
        if not isinstance(value, dict):
            yield f"{where}: not an object"
            return
        hints = typing.get_type_hints(hint)
        missing = hint.__required_keys__ - value.keys()
        unknown = value.keys() - hints.keys()
        yield from (f"{where}.{key}: missing" for key in sorted(missing))
        yield from (f"{where}.{key}: not declared" for key in sorted(unknown))
        for key in value.keys() & hints.keys():
            yield from problems(value[key], hints[key], f"{where}.{key}")
    elif origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if all(list(problems(value, option, where)) for option in options):
            yield f"{where}: {value!r} is none of {options}"
    elif origin is Literal:
        if value not in typing.get_args(hint):
            yield f"{where}: {value!r} not in {typing.get_args(hint)}"
    elif origin is list:
        if not isinstance(value, list):
            yield f"{where}: not a list"
            return
        for at, item in enumerate(value):
            yield from problems(item, typing.get_args(hint)[0], f"{where}[{at}]")
    elif origin is dict:
        if not isinstance(value, dict):
            yield f"{where}: not an object"
            return
        for key, item in value.items():
            yield from problems(item, typing.get_args(hint)[1], f"{where}[{key!r}]")
    elif hint is type(None):
        if value is not None:
            yield f"{where}: {value!r} is not null"
    elif hint is int:
        if not isinstance(value, int) or isinstance(value, bool):
            yield f"{where}: {value!r} is not a number"
    elif not isinstance(value, hint):
        yield f"{where}: {value!r} is not {hint.__name__}"


SHAPES = {shape.__name__: shape for shape in REPLIES}
FORM = {
    "permit_issued": "2026-11-12",
    "permit_expires": "2028-11-11",
    "passport_expires": "2030-01-01",
    "on": "2026-11-26",
    "category": "B",
}
STAFF = (
    "name,permit_issued,permit_expires,passport_expires,category\n"
    "Ana,2026-11-12,2028-11-11,2030-01-01,A\nBo,2026-13-01,2028-11-11,2030-01-01,\n"
    "Cy,1/15/2026,2027-02-01,2030-01-01,C\n"
).encode()
REPLIES_SEEN = {
    "an eligible answer": ("Answer", lambda: answer_json(json.dumps({**FORM, "lang": "zh"}))),
    "a no-window answer": (
        "Answer",
        lambda: answer_json(json.dumps({**FORM, "permit_expires": "2027-01-01"})),
    ),
    "an answer with a date read day first": (
        "Answer",
        lambda: answer_json(json.dumps({**FORM, "on": "26/11/2026"})),
    ),
    "errors": ("Refusal", lambda: answer_json(json.dumps({**FORM, "permit_issued": "x"}))),
    "a staff list": ("BatchPart", lambda: batch_json(STAFF, "2026-11-26", "en", "auto")),
    "a list in another encoding": (
        "Refusal",
        lambda: batch_json("name,permit_issued\n김민준,x\n".encode("euc-kr"), "", "en", "auto"),
    ),
    "the rules": ("RulesReply", lambda: rules_json("zh")),
}


@pytest.mark.parametrize("case", list(REPLIES_SEEN))
def test_the_engines_replies_have_the_declared_shapes(case: str) -> None:
    name, make = REPLIES_SEEN[case]
    reply = json.loads(make())
    assert list(problems(reply, SHAPES[name])) == []


def test_check_json_is_the_answer_without_what_answer_json_adds() -> None:
    reply = json.loads(check_json(json.dumps(FORM)))
    answer = SHAPES["Answer"]
    assert set(reply) == {"ok", "result", "headline", "written", "documents"}
    assert list(problems(reply["result"], typing.get_type_hints(answer)["result"])) == []
