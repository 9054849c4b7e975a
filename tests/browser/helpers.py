"""Helpers for the browser tests of the live checker: the form's contract, the people whose
dates the tests enter, and recorders for requests and security-policy violations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from checker import CheckResult, check
from tests import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

ROOT_SELECTOR = "[data-checker]"
ANSWER = "[data-checker] [data-checker-answer]"
ANSWERED = "[data-checker] [data-checker-answer][data-status]"
DATE_FIELDS = ("permit_issued", "permit_expires", "passport_expires", "on")
START_TIMEOUT_MS = 60_000

ELIGIBILITY_PAGES = {"en": "eligibility/", "zh": "zh/eligibility/"}


@dataclass(frozen=True)
class Person:
    """Dates a reader types into the form, and the question the test asks about them."""

    question: str
    permit_issued: date
    permit_expires: date
    passport_expires: date
    on: date
    category: str = "unknown"

    def expected(self, lang: str = "en") -> CheckResult:
        """What the engine itself answers (the browser must agree)."""
        return check(
            permit_issued=self.permit_issued,
            permit_expires=self.permit_expires,
            passport_expires=self.passport_expires,
            on=self.on,
            category=self.category,
            lang=lang,
        )

    def typed_dates(self) -> list[str]:
        """Every spelling of the entered dates that could leak into a URL."""
        dates = (self.permit_issued, self.permit_expires, self.passport_expires, self.on)
        return [text for day in dates for text in (day.isoformat(), day.strftime("%Y%m%d"))]


# One reader per status; the engine decides what the browser should say about them.
PEOPLE = {
    "eligible": Person(
        "My permit was issued exactly two weeks ago. Can I apply today?",
        date(2026, 11, 12), date(2028, 11, 11), date(2030, 1, 1), date(2026, 11, 26), "A",
    ),
    "not_yet": Person(
        "My permit is eight days old. Can I apply today?",
        date(2026, 11, 12), date(2028, 11, 11), date(2030, 1, 1), date(2026, 11, 20), "B",
    ),
    "too_late": Person(
        "My passport ran out a month ago. Can I still apply?",
        date(2026, 1, 5), date(2029, 1, 5), date(2027, 1, 1), date(2027, 2, 1), "C",
    ),
    "no_window": Person(
        "My permit runs out in under three months. Is there any day I can apply?",
        date(2026, 11, 12), date(2027, 2, 1), date(2030, 1, 1), date(2026, 11, 26),
    ),
}  # fmt: skip


def open_checker(page: Any, url: str, *, wait_ready: bool = True) -> None:
    page.goto(url)
    if wait_ready:
        page.wait_for_selector(f'{ROOT_SELECTOR}[data-state="ready"]', timeout=START_TIMEOUT_MS)


def fill_form(page: Any, values: dict[str, str]) -> None:
    for name, value in values.items():
        selector = f"{ROOT_SELECTOR} [name={name}]"
        if name == "category":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)


def person_values(person: Person) -> dict[str, str]:
    return {
        "permit_issued": person.permit_issued.isoformat(),
        "permit_expires": person.permit_expires.isoformat(),
        "passport_expires": person.passport_expires.isoformat(),
        "on": person.on.isoformat(),
        "category": person.category,
    }


def submit_and_wait(page: Any) -> dict[str, str]:
    page.click(f"{ROOT_SELECTOR} button[type=submit]")
    return wait_for_answer(page)


def assert_answers_as_the_engine(page: Any, url: str, person: Person, lang: str) -> None:
    """Open the checker at `url`, ask about `person`, and compare the answer with the engine's."""
    open_checker(page, url)
    fill_form(page, person_values(person))
    assert submit_and_wait(page) == expected_attributes(person.expected(lang))


def wait_for_answer(page: Any) -> dict[str, str]:
    page.wait_for_selector(ANSWERED, state="attached", timeout=START_TIMEOUT_MS)
    answer = page.locator(ANSWER)
    return {
        name: answer.get_attribute(f"data-{name}") or ""
        for name in ("status", "earliest", "latest")
    }


def expected_attributes(result: CheckResult) -> dict[str, str]:
    return {
        "status": str(result.status),
        "earliest": result.earliest.isoformat(),
        "latest": result.latest.isoformat(),
    }


@dataclass
class Recorder:
    """Every request the page (and its workers) made, and every CSP violation reported."""

    requests: list[tuple[str, str, str | None]] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def hosts(self) -> set[str]:
        return {urlsplit(url).netloc for _, url, _ in self.requests if urlsplit(url).netloc}

    def urls(self) -> list[str]:
        return [url for _, url, _ in self.requests]


CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def record(page: Any) -> Recorder:
    """Start recording requests and policy violations (console and DOM events) on `page`."""
    recorder = Recorder()
    page.on(
        "request",
        lambda request: recorder.requests.append((request.method, request.url, request.post_data)),
    )
    page.on(
        "console",
        lambda message: (
            recorder.violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(CSP_LISTENER)
    return recorder


def dom_violations(page: Any) -> list[str]:
    return list(page.evaluate("window.__cspViolations || []"))


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page at rest, one line each.

    The page's transitions are let finish first: a button the pointer came to rest on (a new
    answer's button drawn under it) fades to its hover colours in 125 ms, and axe measuring
    the contrast midway reported colours no reader sees for longer than that (seen once in
    CI, on the phone layout). axe is injected as a script, which the site's own policy
    rightly refuses: the page's context must be opened with `bypass_csp=True`."""
    settled(page)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{violation['id']}: {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


# Resolves once the page has drawn `count` more frames and its running animations and
# transitions (the theme's header, a smooth scroll) have finished: what a screenshot taken
# "a little later" would wait for, counted in the page's own frames rather than milliseconds.
SETTLED = """(count) => new Promise((resolve) => {
  const frames = (left, then) =>
    left ? requestAnimationFrame(() => frames(left - 1, then)) : then();
  frames(2, () =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {})))
      .then(() => frames(count, resolve)));
})"""


def settled(page: Any, frames: int = 2) -> None:
    """Wait until the page's animations have finished and it has drawn `frames` frames more."""
    page.evaluate(SETTLED, frames)


# Resolves once `selector` has the focus and the page's scroll position held still for a frame.
FOCUSED_AND_STILL = """(selector) => new Promise((resolve) => {
  let last = null;
  const step = () => {
    const focused = document.activeElement === document.querySelector(selector);
    if (focused && window.scrollY === last) return resolve(last);
    last = focused ? window.scrollY : null;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""


def wait_focused_and_still(page: Any, selector: str) -> None:
    """Wait until `selector` is focused and whatever scroll the page asked for has ended."""
    page.evaluate(FOCUSED_AND_STILL, selector)
