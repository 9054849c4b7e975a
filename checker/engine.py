"""The four rules, the window they leave, the status on a date, and the notes.

Rules (numbers from `rules.toml`, each the value in force on the application date; sources
there too, the readings in `messages.toml`):

- `programme_open`: application date ≥ 2018-08-20 (article: "From August 20th").
- `permit_held_two_weeks`: application date ≥ permit issue date + 14 days
  (article: "Receive a work permit ... for two weeks").
- `passport_valid`: application date ≤ passport expiry date, the expiry day included
  (article: "original passport within the validity period").
- `permit_valid_over_90_days`: permit expiry − application date > 90 days, strictly
  (article: "work permit validated for more than 90 days"). The stricter of the two
  readings, so nobody is told a day too late.

Window: earliest = max(programme opening, issue + 14 days);
latest = min(passport expiry, permit expiry − 91 days). Status on the application date:
`no_window` if earliest > latest, else `not_yet` / `eligible` / `too_late`.

Notes (never change the status): first the working-day notes for a first or last day still
ahead that is not a working day in mainland China (and, for a day past the calendar's
years, that only weekends were counted); then `category_confirm` for a B, C or unknown
permit category (the sources describe the card for class A talent; class A gets no category
note, and the headline already says what to confirm), and `policy_currency` always.

Limitations: the engine decides nothing the sources do not say (for instance whether class
B or C permit holders qualify); it only tells the user to confirm.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any, Literal, NamedTuple

from checker.acting import act_by, days_to_act
from checker.dates import today_in_hangzhou, year_error
from checker.errors import InvalidInput, PermitExpiresBeforeIssue, UnknownCategory, check_lang
from checker.messages import render
from checker.notes import notes_for, working_day_notes
from checker.result import CheckResult, RuleResult, Status
from checker.rules import RuleData, RuleValues, load_rules
from checker.working_days import first_working_day_on_or_after, last_working_day_on_or_before

__all__ = [
    "CONFIRMING_HEADLINES",
    "HEADLINES",
    "RULES",
    "CheckInput",
    "Limit",
    "RuleStatement",
    "Window",
    "answer",
    "assess",
    "check",
    "closed_by",
    "days_left",
    "headline",
    "headline_ids",
    "normalise_category",
    "permit_order_error",
    "validate",
    "window",
    "working_days",
]

DATE_FIELDS = ("permit_issued", "permit_expires", "passport_expires", "on")
FIELD_ORDER = (*DATE_FIELDS, "category", "lang")

End = Literal["earliest", "latest"]


class PersonDates(NamedTuple):
    """The dates a rule's limit is worked out from."""

    permit_issued: date
    permit_expires: date
    passport_expires: date


class RuleWords(NamedTuple):
    """The catalogue's message ids for one rule, written whole so a search finds them."""

    title: str
    reading: str
    passed: str
    failed: str
    # Failed when its last day came before the work permit was issued: "the last day with
    # enough left" would name a day before the permit existed.
    never: str | None = None


class RuleStatement(NamedTuple):
    """One rule, stated once: the end of the window it sets and the day it sets it to.

    A rule that sets `earliest` passes on its day and after; one that sets `latest` passes
    on its day and before. Pass or fail is derived from that day, never stated again. Both
    are worked out from the rule's own values in force on the application date.
    """

    id: str
    sets: End
    for_everyone: bool  # its day is the same for everybody (nothing for a reader to check)
    limit: Callable[[PersonDates, RuleValues], date]
    days: Callable[[RuleValues], int]  # the {days} in its sentences (0 where there is none)
    words: RuleWords
    # A rule that sets `latest`: what the headline says of it once the window is closed,
    # from its day, the day the reader wants to apply and its values (see `headline`).
    closed: Callable[[date, date, RuleValues], dict[str, object]] | None = None


@functools.cache  # a batch adds the same few spans to every row's dates
def _days(count: int) -> timedelta:
    """A span of `count` days."""
    return timedelta(days=count)


def _no_days(values: RuleValues) -> int:
    return 0


RULES: tuple[RuleStatement, ...] = (
    RuleStatement(
        id="programme_open",
        sets="earliest",
        for_everyone=True,
        limit=lambda person, values: values.day("opens_on"),
        days=_no_days,
        words=RuleWords(
            title="rule.programme_open.title",
            reading="rule.programme_open.reading",
            passed="rule.programme_open.passed",
            failed="rule.programme_open.failed",
        ),
    ),
    RuleStatement(
        id="permit_held_two_weeks",
        sets="earliest",
        for_everyone=False,
        limit=lambda person, values: (
            person.permit_issued + _days(values.days("min_days_since_permit_issued"))
        ),
        days=lambda values: values.days("min_days_since_permit_issued"),
        words=RuleWords(
            title="rule.permit_held_two_weeks.title",
            reading="rule.permit_held_two_weeks.reading",
            passed="rule.permit_held_two_weeks.passed",
            failed="rule.permit_held_two_weeks.failed",
        ),
    ),
    RuleStatement(
        id="passport_valid",
        sets="latest",
        for_everyone=False,
        limit=lambda person, values: person.passport_expires,
        days=_no_days,
        closed=lambda day, apply_on, values: {"passport_until": day},
        words=RuleWords(
            title="rule.passport_valid.title",
            reading="rule.passport_valid.reading",
            passed="rule.passport_valid.passed",
            failed="rule.passport_valid.failed",
        ),
    ),
    RuleStatement(
        id="permit_valid_over_90_days",
        sets="latest",
        for_everyone=False,
        # More than N days must remain, so the last passing day is expiry - (N + 1).
        limit=lambda person, values: (
            person.permit_expires - _days(values.days("min_days_remaining_exclusive") + 1)
        ),
        days=lambda values: values.days("min_days_remaining_exclusive"),
        # The expiry that lets a reader apply on `apply_on`: the inverse of the limit.
        closed=lambda day, apply_on, values: {
            "permit_last_day": day,
            "days": values.days("min_days_remaining_exclusive"),
            "permit_needed": apply_on + _days(values.days("min_days_remaining_exclusive") + 1),
            "permit_expires": day + _days(values.days("min_days_remaining_exclusive") + 1),
        },
        words=RuleWords(
            title="rule.permit_valid_over_90_days.title",
            reading="rule.permit_valid_over_90_days.reading",
            passed="rule.permit_valid_over_90_days.passed",
            failed="rule.permit_valid_over_90_days.failed",
            never="rule.permit_valid_over_90_days.never",
        ),
    ),
)

# The headline for each status and, past the window's close, the rules that closed it: the
# ids of every rule that sets `latest` and whose day fell before the day asked about, in
# `RULES` order, joined by "+" (`headline.too_late.passport_valid`, ...). A new closing rule
# brings its own headlines in messages.toml; nothing here names a rule.
ClosedBy = str  # e.g. "passport_valid+permit_valid_over_90_days"


def headline_ids(
    statements: tuple[RuleStatement, ...],
) -> dict[tuple[Status, ClosedBy | None], str]:
    """Each status's headline and, for a closed or empty window, one for every non-empty
    set of the closing rules among `statements`."""
    closing = [rule.id for rule in statements if rule.sets == "latest"]
    sets_of_closing = [
        "+".join(rule_id for bit, rule_id in enumerate(closing) if chosen >> bit & 1)
        for chosen in range(1, 1 << len(closing))
    ]
    return {
        (Status.ELIGIBLE, None): "headline.eligible",
        (Status.NOT_YET, None): "headline.not_yet",
        **{
            (status, closed_by): f"headline.{status}.{closed_by}"
            for status in (Status.TOO_LATE, Status.NO_WINDOW)
            for closed_by in sets_of_closing
        },
    }


def closed_by(limits: Iterable[Limit], day: date) -> ClosedBy:
    """The closing rules whose day falls before `day`, as `HEADLINES` keys them."""
    return "+".join(
        [limit.rule.id for limit in limits if limit.rule.sets == "latest" and limit.day < day]
    )


HEADLINES = headline_ids(RULES)
# With something to confirm first, a window that is open or still to come is never a plain
# yes: the headline says what to confirm (for a named class, or for a reader who does not
# know theirs).
ConfirmFor = Literal["class", "unknown"]
CONFIRMING_HEADLINES: dict[tuple[Status, ConfirmFor], str] = {
    (Status.ELIGIBLE, "class"): "headline.eligible.confirm_class",
    (Status.ELIGIBLE, "unknown"): "headline.eligible.confirm_unknown",
    (Status.NOT_YET, "class"): "headline.not_yet.confirm_class",
    (Status.NOT_YET, "unknown"): "headline.not_yet.confirm_unknown",
}


class Limit(NamedTuple):
    """One rule's day: the first day it passes (sets `earliest`) or the last (sets `latest`)."""

    rule: RuleStatement
    day: date

    def passes_on(self, on: date) -> bool:
        return on >= self.day if self.rule.sets == "earliest" else on <= self.day


_POSITION = {rule.id: position for position, rule in enumerate(RULES)}
_OPENING = tuple(position for position, rule in enumerate(RULES) if rule.sets == "earliest")
_CLOSING = tuple(position for position, rule in enumerate(RULES) if rule.sets == "latest")


class Window(NamedTuple):
    """The days on which every rule passes, and each rule's limit that makes it.

    `days` holds each rule's day in `RULES` order; `earliest` is the latest of the opening
    days, `latest` the earliest of the closing ones (worked out once, by `of`: a batch asks
    for them many times per row).
    """

    days: tuple[date, ...]
    earliest: date
    latest: date

    @classmethod
    def of(cls, days: tuple[date, ...]) -> Window:
        """The window these days (one per rule, in `RULES` order) leave."""
        earliest = max([days[position] for position in _OPENING])
        latest = min([days[position] for position in _CLOSING])
        return cls(days, earliest, latest)

    @property
    def limits(self) -> tuple[Limit, ...]:
        """Each rule with its day."""
        return tuple([Limit(rule, day) for rule, day in zip(RULES, self.days, strict=True)])

    @property
    def is_empty(self) -> bool:
        return self.earliest > self.latest

    def closed_by(self, day: date) -> ClosedBy:
        """The rules whose closing day falls before `day` (see `HEADLINES`), in `RULES` order.

        Only asked of a window that is closed on `day` or empty, so at least one has.
        """
        return closed_by(self.limits, day)

    def day_of(self, rule_id: str) -> date:
        """The day of the rule `rule_id` (its limit)."""
        return self.days[_POSITION[rule_id]]


def window(
    permit_issued: date, permit_expires: date, passport_expires: date, rules: RuleData, on: date
) -> Window:
    """The window the four rules leave for these dates, by their values in force on `on`."""
    person = PersonDates(permit_issued, permit_expires, passport_expires)
    in_force = rules.values_on(on)
    return Window.of(
        tuple([rule.limit(person, values) for rule, values in zip(RULES, in_force, strict=True)])
    )


def assess(
    permit_issued: date, permit_expires: date, passport_expires: date, on: date
) -> tuple[Window, Status]:
    """The window and the status on `on`, without the sentences (fast path for batches).

    The dates must already be valid (see `validate`).
    """
    found = window(permit_issued, permit_expires, passport_expires, load_rules(), on)
    if found.is_empty:
        return found, Status.NO_WINDOW
    if on < found.earliest:
        return found, Status.NOT_YET
    if on > found.latest:
        return found, Status.TOO_LATE
    return found, Status.ELIGIBLE


def headline(found: Window, status: Status, on: date, lang: str, category: str) -> str:
    """One plain sentence saying what the status means and what to do.

    With a category to confirm, an open or coming window is never a plain yes; a closed or
    empty one says what to renew or extend, and until when the permit must run.
    """
    rules = load_rules()
    if status is Status.ELIGIBLE or status is Status.NOT_YET:
        message_id = HEADLINES[status, None]
        if rules.category.to_confirm(category):
            confirm_for: ConfirmFor = (
                "unknown" if category == rules.category.default_category else "class"
            )
            message_id = CONFIRMING_HEADLINES[status, confirm_for]
        return render(
            message_id,
            lang,
            on=on,
            earliest=found.earliest,
            latest=found.latest,
            category=category,
        )
    # Closed (too late) or empty (no window): which rules closed it, and what each says to
    # renew or extend (every closing rule's words are given: a headline uses those it names).
    apply_on = on if status is Status.TOO_LATE else found.earliest
    said: dict[str, object] = {"on": on, "earliest": found.earliest, "latest": found.latest}
    in_force = rules.values_on(on)
    for limit, values in zip(found.limits, in_force, strict=True):
        if limit.rule.closed is not None:
            said.update(limit.rule.closed(limit.day, apply_on, values))
    message_id = HEADLINES[status, found.closed_by(apply_on)]
    if message_id == PERMIT_NO_WINDOW and _permit_never_had_enough(found, in_force):
        # "The last day with more than 90 days left" would be before the permit existed.
        message_id = "headline.no_window.permit_too_short"
    return render(message_id, lang, **said)


# The no-window headline that names only the permit's remaining days, and the two rules it
# compares: a permit whose last day with enough left comes before the day it was issued
# never had enough, and is told so in other words.
PERMIT_NO_WINDOW = "headline.no_window.permit_valid_over_90_days"


def _permit_never_had_enough(found: Window, in_force: tuple[RuleValues, ...]) -> bool:
    held = in_force[_POSITION["permit_held_two_weeks"]]
    issued = found.day_of("permit_held_two_weeks") - _days(
        held.days("min_days_since_permit_issued")
    )
    return found.day_of("permit_valid_over_90_days") < issued


def to_confirm(status: Status, category: str, rules: RuleData) -> tuple[str, ...]:
    """What to confirm at a service outlet before going (`category` for a class B, C or
    unknown): nothing when no day to apply on is ahead (too late, no window)."""
    if status not in (Status.ELIGIBLE, Status.NOT_YET):
        return ()
    return rules.category.to_confirm(category)


def days_left(found: Window, status: Status, on: date) -> int | None:
    """Days from `on` to the window's last day when eligible (0 on the last day), else None."""
    return (found.latest - on).days if status is Status.ELIGIBLE else None


def working_days(found: Window) -> tuple[date, date] | tuple[None, None]:
    """The window's first working day on or after `earliest` and last on or before `latest`;
    `(None, None)` when there is no window."""
    if found.is_empty:
        return None, None
    return (
        first_working_day_on_or_after(found.earliest),
        last_working_day_on_or_before(found.latest),
    )


def normalise_category(category: str | None) -> str:
    """The category as `rules.toml` spells it (`a` -> `A`; empty -> the default).

    Raises UnknownCategory for anything else.
    """
    notes = load_rules().category
    cleaned = (category or "").strip()
    if not cleaned:
        return notes.default_category
    known = _categories_by_folded_name().get(cleaned.casefold())
    if known is None:
        raise UnknownCategory("category", value=cleaned[:20], choices=", ".join(notes.categories))
    return known


@functools.cache
def _categories_by_folded_name() -> dict[str, str]:
    """Each category as `rules.toml` spells it, by its case-folded name."""
    return {known.casefold(): known for known in load_rules().category.categories}


class CheckInput(NamedTuple):
    """A check's fields, read and valid: what `answer` works from (a tuple: a batch makes
    one per row)."""

    permit_issued: date
    permit_expires: date
    passport_expires: date
    on: date
    category: str
    lang: str

    def check(self) -> CheckResult:
        """The full answer for these fields."""
        return answer(self)


# A field as read: its value, or the error reading it gave (the text paths parse first).
Read = date | InvalidInput


def validate(
    *,
    permit_issued: Read,
    permit_expires: Read,
    passport_expires: Read,
    on: Read,
    category: str | None,
    lang: str | None,
) -> tuple[CheckInput | None, list[InvalidInput]]:
    """The one validation path (`check`, the form, every batch row): the valid input, or
    every problem in form order (errors met while reading, years out of range, a permit
    that expires before it was issued, an unknown category or language).

    An empty `category` means the default ("unknown"); an empty `lang`, English.
    """
    errors: list[InvalidInput] = []
    dates: dict[str, date] = {}
    rules = load_rules()
    read = (permit_issued, permit_expires, passport_expires, on)
    for name, value in zip(DATE_FIELDS, read, strict=True):
        if isinstance(value, InvalidInput):
            errors.append(value)
            continue
        day = value.date() if isinstance(value, datetime) else value
        if rules.accepts_year(day.year):  # the usual case, without an error object
            dates[name] = day
            continue
        out_of_range = year_error(day, field=name)
        if out_of_range is not None:
            errors.append(out_of_range)
    if "permit_issued" in dates and "permit_expires" in dates:
        order_error = permit_order_error(dates["permit_issued"], dates["permit_expires"])
        if order_error is not None:
            errors.append(order_error)
    checked_category = ""
    try:
        checked_category = normalise_category(category)
    except InvalidInput as error:
        errors.append(error)
    checked_lang = "en"
    try:
        checked_lang = check_lang((lang or "en").strip())
    except InvalidInput as error:
        errors.append(error)
    if errors:
        errors.sort(key=lambda error: FIELD_ORDER.index(error.field))
        return None, errors
    return (
        CheckInput(
            permit_issued=dates["permit_issued"],
            permit_expires=dates["permit_expires"],
            passport_expires=dates["passport_expires"],
            on=dates["on"],
            category=checked_category,
            lang=checked_lang,
        ),
        [],
    )


def permit_order_error(permit_issued: date, permit_expires: date) -> InvalidInput | None:
    """The error for a work permit that expires before it was issued (on permit_expires)."""
    if permit_expires < permit_issued:
        return PermitExpiresBeforeIssue(
            "permit_expires", expires=permit_expires, issued=permit_issued
        )
    return None


def _rule_results(found: Window, on: date, rules: RuleData, lang: str) -> tuple[RuleResult, ...]:
    results = []
    in_force = rules.values_on(on)
    for limit, values in zip(found.limits, in_force, strict=True):
        passed = limit.passes_on(on)
        words = limit.rule.words
        message_id = words.passed if passed else words.failed
        said: dict[str, object] = {"date": limit.day, "days": limit.rule.days(values)}
        if not passed and words.never and _permit_never_had_enough(found, in_force):
            message_id = words.never
            if limit.rule.closed is not None:
                said.update(limit.rule.closed(limit.day, on, values))
        message = render(message_id, lang, **said)
        results.append(
            RuleResult(
                id=limit.rule.id,
                passed=passed,
                date=limit.day,
                sets=limit.rule.sets,
                message=message,
            )
        )
    return tuple(results)


def check(
    *,
    permit_issued: date,
    permit_expires: date,
    passport_expires: date,
    on: date | None = None,
    category: str = "unknown",
    lang: str = "en",
) -> CheckResult:
    """Can this person apply on `on` (default: today in Hangzhou), and when can they?

    Raises an `InvalidInput` (a ValueError naming the field) for a year outside 1900-2200,
    a work permit that expires before it was issued, an unknown category or language;
    when several are wrong, the first in form order.
    """
    valid, errors = validate(
        permit_issued=permit_issued,
        permit_expires=permit_expires,
        passport_expires=passport_expires,
        on=today_in_hangzhou() if on is None else on,
        category=category,
        lang=lang,
    )
    if valid is None:
        raise errors[0]
    return answer(valid)


def answer(valid: CheckInput) -> CheckResult:
    """The full answer (every rule, the notes, the headline) for valid input."""
    rules = load_rules()
    on, category, lang = valid.on, valid.category, valid.lang
    found, status = assess(valid.permit_issued, valid.permit_expires, valid.passport_expires, on)
    earliest_working, latest_working = working_days(found)
    return CheckResult(
        status=status,
        on=on,
        earliest=found.earliest,
        latest=found.latest,
        rules=_rule_results(found, on, rules, lang),
        notes=(
            *working_day_notes(status, on, found.earliest, found.latest, lang),
            *notes_for(category, lang),
        ),
        rules_version=rules.rules_version,
        headline=headline(found, status, on, lang, category),
        category=category,
        lang=lang,
        confirm=to_confirm(status, category, rules),
        days_left=days_left(found, status, on),
        earliest_working_day=earliest_working,
        latest_working_day=latest_working,
        **_acting(found, status, on),
    )


def _acting(found: Window, status: Status, on: date) -> dict[str, Any]:
    """`act_by` and `days_to_act` for the answer (`checker.acting`), None without a window."""
    if found.is_empty:
        return {"act_by": None, "days_to_act": None}
    return {
        "act_by": act_by(found.earliest, found.latest, on),
        "days_to_act": days_to_act(status, on, found.earliest, found.latest),
    }
