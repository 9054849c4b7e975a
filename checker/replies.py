"""The shapes of the engine's JSON replies to the page (`checker.web`), declared once here.

The page's JSDoc typedefs (`docs/assets/checker/shared/types.js`) declare the same shapes for
the page's checked JavaScript; a test holds the two to the same keys (names and whether each
may be left out), and the engine's real replies to these shapes. Python is the source of
truth: a new field is added here first, then to the typedef the test names.

No `from __future__ import annotations`: the test reads the annotations at run time.
"""

from typing import Literal, NotRequired, TypedDict


class FieldError(TypedDict):
    field: str
    message: str


class Note(TypedDict):
    id: str
    message: str


class RuleOutcome(TypedDict):
    id: str
    passed: bool
    date: str
    sets: str
    message: str


class CheckResult(TypedDict):
    """`checker.result.CheckResult.to_dict()`: `python -m checker check --json` prints it."""

    status: str
    on: str
    earliest: str
    latest: str
    rules: list[RuleOutcome]
    notes: list[Note]
    rules_version: str
    confirm: list[str]
    days_left: int | None
    earliest_working_day: str | None
    latest_working_day: str | None
    act_by: str | None
    days_to_act: int | None


class SourceAbout(TypedDict):
    title: str
    url: str
    published: str | None
    written_in: Literal["en", "zh"] | None
    written_in_label: str | None


class RuleAbout(TypedDict):
    id: str
    sets: str
    for_everyone: bool
    title: str
    wording: str
    reading: str
    source: SourceAbout


class RulesReply(TypedDict):
    """rules_json's reply."""

    rules: list[RuleAbout]
    rules_version: str
    last_verified: str
    days_left_shown_within: int
    written: dict[str, str]


class SheetReply(TypedDict):
    headline: str
    written: dict[str, str]


class Reading(TypedDict):
    field: str
    text: str
    read_as: str
    order: str
    message: str


class CalendarState(TypedDict):
    state: Literal["ready", "none_ahead", "no_window"]
    message: NotRequired[str]


class Answer(TypedDict):
    """answer_json's reply for a valid form (check_json's is the first six keys)."""

    ok: Literal[True]
    result: CheckResult
    headline: str
    written: dict[str, str]
    documents: dict[str, str]
    readings: NotRequired[list[Reading]]
    ics: str
    calendar: CalendarState
    rules: RulesReply
    sheets: dict[str, SheetReply]


class Refusal(TypedDict):
    ok: Literal[False]
    errors: list[FieldError]
    encoding_refused: NotRequired[str]
    encoding_refused_details: NotRequired[dict[str, str]]


class BatchPart(TypedDict):
    """batch_json's reply for a list, or the part of it asked for."""

    ok: Literal[True]
    columns: list[str]
    rows: list[list[str]]
    counts: dict[str, int]
    on: str
    input_columns: list[str]
    added_columns: list[str]
    statuses: list[str]
    read_columns: list[str]
    days_left_shown_within: int
    written: dict[str, str]
    csv: str
    encoding: str
    total: int
    act_by: list[str]
    days_to_act: list[int | None]
    why: list[str]
    date_orders: dict[str, str]
    date_order_refused: dict[str, str]
    date_order_sentences: list[str]


# What the page's typedefs are called: the same names.
REPLIES: tuple[type, ...] = (
    FieldError,
    Note,
    RuleOutcome,
    CheckResult,
    SourceAbout,
    RuleAbout,
    RulesReply,
    SheetReply,
    Reading,
    CalendarState,
    Answer,
    Refusal,
    BatchPart,
)
