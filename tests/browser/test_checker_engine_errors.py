"""The eligibility form after start-up: an answer the engine fails to work out is reported
as that error in the status line, never as a start-up failure, and the next press answers.
The error is made by a patched worker/python.js (the first answer raises in Python)."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import (
    ELIGIBILITY_PAGES,
    PEOPLE,
    ROOT_SELECTOR,
    fill_form,
    open_checker,
    person_values,
    submit_and_wait,
)

CALL = "    reply = web[fn].callKwargs(named);\n"
FIRST_ANSWER_RAISES = """
    if (fn === "answer_json" && !globalThis.answeredOnce) {
      globalThis.answeredOnce = true;
      pyodide.runPython("raise RuntimeError('a bug in the engine')");
    }
"""
STATUS = f"{ROOT_SELECTOR} [data-checker-status]"


def test_an_answer_the_engine_fails_is_that_error_and_the_next_press_answers(
    new_page: Any, site_url: str
) -> None:
    page = new_page(service_workers="block")

    def patched(route: Any) -> None:
        body = route.fetch().text()
        assert CALL in body, "worker/python.js no longer calls the engine as this test patches it"
        body = body.replace(CALL, FIRST_ANSWER_RAISES + CALL)
        route.fulfill(body=body, content_type="text/javascript")

    page.route("**/assets/checker/worker/python.js*", patched)
    open_checker(page, site_url + ELIGIBILITY_PAGES["en"])
    fill_form(page, person_values(next(iter(PEOPLE.values()))))
    page.click(f"{ROOT_SELECTOR} button[type=submit]")
    page.wait_for_function(
        "([selector, error]) => document.querySelector(selector).textContent.includes(error)",
        arg=[STATUS, "a bug in the engine"],
    )
    assert "Traceback" not in page.locator(STATUS).inner_text(), "the exception, not its traceback"
    assert page.locator(f'{ROOT_SELECTOR}[data-state="ready"]').count() == 1
    assert page.locator(f"{ROOT_SELECTOR} [data-checker-failed]").is_hidden()
    assert page.locator(f"{ROOT_SELECTOR} button[type=submit]").is_enabled()
    assert submit_and_wait(page)["status"]
