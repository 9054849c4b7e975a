"""The built site copied unchanged under a sub-path of an intranet server, in Chromium: does the
checker start and answer there (eligibility page, embed page, staff-list check), with every
request staying under that path?"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_helpers import PEOPLE, assert_answers_as_the_engine
from hr_helpers import assert_staff_list_counts_as_the_engine
from serve import serve_in_background

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
    assert_answers_as_the_engine(page, subpath_url + path, PEOPLE["eligible"], lang)
    assert_stayed_under_the_prefix(recorder, subpath_url)
    assert recorder.violations == []


def test_the_staff_list_check_works_under_a_sub_path(
    recorded_page: tuple[Any, Any], subpath_url: str
) -> None:
    page, recorder = recorded_page
    assert_staff_list_counts_as_the_engine(page, subpath_url + "hr/")
    assert_stayed_under_the_prefix(recorder, subpath_url)
    assert recorder.violations == []
