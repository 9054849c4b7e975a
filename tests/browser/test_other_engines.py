"""The smoke set in the engines readers use besides Chromium: WebKit (every iPhone browser,
WeChat's included) and Firefox ESR. In each, one browser session: does the eligibility page
reach ready and answer in both languages, with the answer in view and focused; does the staff
list give the engine's counts; does the embed page answer, with no script error on the way? And
offline: after one visit to the checker, with the site's server gone, do the checker's page and a
Chinese page open from the service worker, and does the checker answer? (Both engines allow it:
their service workers run on 127.0.0.1, a secure context, under their drivers.)"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from checker import check_batch
from tests import ROOT
from tests.browser.engines import webkit
from tests.browser.engines.stoppable_site import stoppable_site
from tests.browser.helpers import ELIGIBILITY_PAGES, PEOPLE, expected_attributes, person_values
from tests.browser.hr_helpers import CHECK_DAY, staff_csv
from tests.browser.offline_helpers import RUNTIME_CACHE, expected_heading, runtime_file_count

FIREFOX_SMOKE = ROOT / "tests" / "browser" / "engines" / "firefox_smoke.mjs"
FIREFOX = "/usr/bin/firefox-esr"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
# Step name -> (page, person, language) for the checker's pages.
ANSWERS = {
    "eligibility_en": (ELIGIBILITY_PAGES["en"], "eligible", "en"),
    "eligibility_zh": (ELIGIBILITY_PAGES["zh"], "not_yet", "zh"),
    "embed": ("embed/", "too_late", "en"),
}
ENGINES = ("webkit", "firefox")
# Opened with the server gone: a Chinese page not visited before, then the checker's page.
OTHER_OFFLINE_PAGES = ("zh/glossary/",)
OFFLINE_PAGES = (*OTHER_OFFLINE_PAGES, ELIGIBILITY_PAGES["en"])
OFFLINE_PERSON = "eligible"
# A list whose dates never show their order (3/4/2026): read once the page is told day first.
UNDECIDED_LIST = (
    b"name,permit_issued,permit_expires,passport_expires,category\r\n"
    b"Ana,3/4/2026,3/5/2028,1/1/2030,A\r\nBen,2/11/2026,1/12/2028,1/1/2031,B\r\n"
)


def smoke_steps(site_url: str, staff_file: Path, undecided_file: Path) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = [
        {
            "name": name,
            "kind": "answer",
            "url": site_url + path,
            "values": person_values(PEOPLE[person]),
            "viewport": DESKTOP if name == "embed" else PHONE,
        }
        for name, (path, person, _lang) in ANSWERS.items()
    ]
    steps.append(
        {
            "name": "staff_list",
            "kind": "batch",
            "url": site_url + "hr/",
            "on": CHECK_DAY.isoformat(),
            "file": str(staff_file),
            "viewport": DESKTOP,
        }
    )
    steps.append(
        {
            "name": "staff_list_day_first",
            "kind": "batch",
            "url": site_url + "zh/hr/",
            "on": CHECK_DAY.isoformat(),
            "file": str(undecided_file),
            "date_order": "dmy",
            "viewport": PHONE,
        }
    )
    return steps


def offline_step(site_url: str, server_pid: int, site_dir: Path) -> dict[str, Any]:
    """The offline case, on a server of its own (`server_pid`) that the driver stops."""
    return {
        "name": "offline",
        "kind": "offline",
        "url": site_url + ELIGIBILITY_PAGES["en"],
        "pages": [site_url + path for path in OTHER_OFFLINE_PAGES],
        "values": person_values(PEOPLE[OFFLINE_PERSON]),
        "viewport": PHONE,
        "server_pid": server_pid,
        "runtime_cache": RUNTIME_CACHE,
        "runtime_files": runtime_file_count(site_dir),
    }


@pytest.fixture(scope="module")
def steps(site_url: str, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("staff")
    staff_file, undecided_file = folder / "staff.csv", folder / "day-first.csv"
    staff_file.write_bytes(staff_csv())
    undecided_file.write_bytes(UNDECIDED_LIST)
    return smoke_steps(site_url, staff_file, undecided_file)


def run_firefox(steps: list[dict[str, Any]], folder: Path) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None or not Path(FIREFOX).exists():
        pytest.fail("Firefox ESR and Node.js are needed: `make test` installs firefox-esr.")
    steps_file = folder / "steps.json"
    steps_file.write_text(json.dumps(steps), encoding="utf-8")
    done = subprocess.run(
        [node, str(FIREFOX_SMOKE), str(steps_file)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout))


@pytest.fixture(scope="module")
def engine_results(
    steps: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory, site_dir: Path
) -> dict[str, dict[str, Any]]:
    """Each engine's results for the whole smoke set (one session per engine), the offline
    case last, on a server of the engine's own."""
    if webkit.missing():
        pytest.fail(f"WebKit is needed ({webkit.missing()}): `make test` installs it.")
    runs = {}
    with stoppable_site(site_dir) as (url, pid):
        runs["webkit"] = webkit.run_steps([*steps, offline_step(url, pid, site_dir)])
    with stoppable_site(site_dir) as (url, pid):
        firefox_steps = [*steps, offline_step(url, pid, site_dir)]
        runs["firefox"] = run_firefox(firefox_steps, tmp_path_factory.mktemp("firefox"))
    for engine, run in runs.items():
        results = run["results"].items()
        ready = ", ".join(f"{name} {result['ready_ms']} ms" for name, result in results)
        print(f"\n{engine}: session {run['session_ms']} ms; ready: {ready}")
    return {engine: run["results"] for engine, run in runs.items()}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("step", list(ANSWERS))
def test_the_checker_answers_as_the_engine_does_with_the_answer_in_view(
    engine_results: dict[str, dict[str, Any]], engine: str, step: str
) -> None:
    _path, person, lang = ANSWERS[step]
    shown = engine_results[engine][step]
    answer = {name: shown[name] for name in ("status", "earliest", "latest")}
    assert answer == expected_attributes(PEOPLE[person].expected(lang))
    assert shown["focused"], "the headline takes the focus"
    assert shown["at_top"] or shown["scrolled_to_end"], (
        f"the headline below the header, at the top: {shown}"
    )
    assert shown.get("errors", []) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_the_staff_list_gives_the_engines_counts(
    engine_results: dict[str, dict[str, Any]], engine: str
) -> None:
    shown = engine_results[engine]["staff_list"]
    counts = {name: value for name, value in shown.items() if name not in ("errors", "ready_ms")}
    assert counts == check_batch(staff_csv(), on=CHECK_DAY).counts
    assert shown.get("errors", []) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_a_list_of_undecided_dates_is_read_day_first_once_the_reader_says_so(
    engine_results: dict[str, dict[str, Any]], engine: str
) -> None:
    shown = engine_results[engine]["staff_list_day_first"]
    counts = {name: value for name, value in shown.items() if name not in ("errors", "ready_ms")}
    assert counts == check_batch(UNDECIDED_LIST, on=CHECK_DAY, date_order="dmy").counts
    assert counts["invalid"] == 0, "every date read, day first"
    assert check_batch(UNDECIDED_LIST, on=CHECK_DAY).counts["invalid"] == 2, "not guessed"
    assert shown.get("errors", []) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_after_one_visit_the_checker_and_a_chinese_page_open_and_answer_with_the_server_gone(
    engine_results: dict[str, dict[str, Any]], engine: str, site_dir: Path
) -> None:
    shown = engine_results[engine]["offline"]
    opened = [(page["heading"], page["controlled"]) for page in shown["opened"]]
    assert opened == [(expected_heading(site_dir, path), True) for path in OFFLINE_PAGES]
    answer = {name: shown[name] for name in ("status", "earliest", "latest")}
    assert answer == expected_attributes(PEOPLE[OFFLINE_PERSON].expected("en"))
    assert shown.get("errors", []) == []
