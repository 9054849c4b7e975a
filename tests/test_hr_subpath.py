"""The built site copied unchanged under a sub-path of an intranet server, in Chromium: does the
checker start and answer there (eligibility page, embed page, staff-list check), with every
request staying under that path?"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_helpers import (
    PEOPLE,
    expected_attributes,
    fill_form,
    open_checker,
    person_values,
    submit_and_wait,
)
from hr_helpers import (
    BATCH,
    CHECK_DAY,
    choose_file,
    open_batch,
    shown_counts,
    staff_csv,
    wait_for_rows,
)
from serve import serve_in_background

from checker import check_batch

pytestmark = pytest.mark.browser

PREFIX = "/intranet/citizen-card/"


@pytest.fixture(scope="module")
def subpath_url(site_dir: Path) -> Iterator[str]:
    """The built site served under PREFIX (nothing is served outside it)."""
    server, url = serve_in_background(site_dir, PREFIX)
    assert urlsplit(url).path == PREFIX
    yield url
    server.shutdown()
    server.server_close()


def assert_stayed_under_the_prefix(recorder: Any, subpath_url: str) -> None:
    site = urlsplit(subpath_url)
    for _method, url, _body in recorder.requests:
        if url.startswith(("blob:", "data:")):
            continue
        parts = urlsplit(url)
        assert parts.netloc == site.netloc, url
        assert parts.path.startswith(PREFIX), f"{url} is outside {PREFIX}"


@pytest.mark.parametrize("path", ["eligibility/", "zh/eligibility/", "embed/", "zh/embed/"])
def test_the_checker_starts_and_answers_under_a_sub_path(
    recorded_page: tuple[Any, Any], subpath_url: str, path: str
) -> None:
    page, recorder = recorded_page
    lang = "zh" if path.startswith("zh/") else "en"
    person = PEOPLE["eligible"]
    open_checker(page, subpath_url + path)
    fill_form(page, person_values(person))
    assert submit_and_wait(page) == expected_attributes(person.expected(lang))
    assert_stayed_under_the_prefix(recorder, subpath_url)
    assert recorder.violations == []


def test_the_staff_list_check_works_under_a_sub_path(
    recorded_page: tuple[Any, Any], subpath_url: str
) -> None:
    page, recorder = recorded_page
    open_batch(page, subpath_url + "hr/")
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    choose_file(page, staff_csv(), "staff.csv")
    wait_for_rows(page, "staff.csv")
    assert shown_counts(page) == check_batch(staff_csv(), on=CHECK_DAY).counts
    assert_stayed_under_the_prefix(recorder, subpath_url)
    assert recorder.violations == []
