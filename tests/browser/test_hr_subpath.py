"""The built site copied unchanged under a sub-path of an intranet server, in Chromium: does the
checker start and answer there (eligibility page, embed page, staff-list check), with every
request staying under that path?"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from published_server import SITE_PATH

from tests.browser.helpers import PEOPLE, assert_answers_as_the_engine
from tests.browser.hr_helpers import assert_staff_list_counts_as_the_engine


def assert_stayed_under_the_prefix(recorder: Any, sub_path_url: str) -> None:
    site = urlsplit(sub_path_url)
    for _method, url, _body in recorder.requests:
        if url.startswith(("blob:", "data:")):
            continue
        parts = urlsplit(url)
        assert parts.netloc == site.netloc, url
        assert parts.path.startswith(SITE_PATH), f"{url} is outside {SITE_PATH}"


@pytest.mark.parametrize("path", ["eligibility/", "zh/eligibility/", "embed/", "zh/embed/"])
def test_the_checker_starts_and_answers_under_a_sub_path(
    recorded_page: tuple[Any, Any], sub_path_url: str, path: str
) -> None:
    page, recorder = recorded_page
    lang = "zh" if path.startswith("zh/") else "en"
    assert_answers_as_the_engine(page, sub_path_url + path, PEOPLE["eligible"], lang)
    assert_stayed_under_the_prefix(recorder, sub_path_url)
    assert recorder.violations == []


def test_the_staff_list_check_works_under_a_sub_path(
    recorded_page: tuple[Any, Any], sub_path_url: str
) -> None:
    page, recorder = recorded_page
    assert_staff_list_counts_as_the_engine(page, sub_path_url + "hr/")
    assert_stayed_under_the_prefix(recorder, sub_path_url)
    assert recorder.violations == []
