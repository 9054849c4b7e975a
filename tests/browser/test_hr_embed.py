"""The embed page inside an intranet page on another origin, in Chromium: does the host page,
using the snippet the HR page documents, get the frame's height, and every answer only when
it names its own origin; is a malformed origin a warning, not an error; and do the URL
options (language, hiding parts) work?"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from caddy_site import caddy_site
from nginx_site import nginx_site
from published_server import SITE_PATH, free_port, running

from checker.web import check_json
from tests.browser.helpers import PEOPLE, START_TIMEOUT_MS, axe_violations, person_values
from tests.browser.hr_helpers import documented_snippet, host_site

FRAME = "#citizen-card"
DOCUMENTED_EMBED = "https://intranet.example/citizen-card/embed/"
DOCUMENTED_ORIGIN = "https://portal.intranet.example"
DOCUMENTED_SRC = f"{DOCUMENTED_EMBED}?hide=actions&origin={DOCUMENTED_ORIGIN}"
HOST = "{host}"  # in an embed path: the host page's own origin


@dataclass
class Console:
    """The warnings the host page and its frame wrote to the console, and their uncaught
    errors."""

    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def record(self, message: Any) -> None:
        if message.type == "warning":
            self.warnings.append(message.text)


CONSOLES: dict[int, Console] = {}  # by id() of the host page


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def open_host(
    browser: Any, site_dir: Path, site_url: str
) -> Iterator[Callable[[str], tuple[Any, Any]]]:
    """Open the host page (on its own server) with the documented snippet pointing at
    `site_url + embed_path` ({host} in it: the host page's origin); returns the host page and
    the embed frame, engine ready. The page's console and uncaught errors are recorded."""
    closers: list[Callable[[], None]] = []

    def make(embed_path: str) -> tuple[Any, Any]:
        snippet = documented_snippet(site_dir)
        assert DOCUMENTED_SRC in snippet

        def pointed(host_url: str) -> str:
            src = site_url + embed_path.replace(HOST, origin(host_url))
            return snippet.replace(DOCUMENTED_SRC, src)

        server = host_site(pointed)
        host_url = server.__enter__()
        closers.append(lambda: server.__exit__(None, None, None))
        context = browser.new_context(viewport={"width": 1000, "height": 700})
        closers.append(context.close)
        page = context.new_page()
        console = CONSOLES[id(page)] = Console()
        page.on("console", console.record)
        page.on("pageerror", lambda error: console.errors.append(str(error)))
        page.goto(host_url)
        frame = page.wait_for_selector(FRAME).content_frame()
        frame.wait_for_selector('[data-checker][data-state="ready"]', timeout=START_TIMEOUT_MS)
        return page, frame

    yield make
    for close in reversed(closers):
        close()


def messages(page: Any, kind: str) -> list[dict[str, Any]]:
    return [
        message
        for message in page.evaluate("window.__messages")
        if isinstance(message["data"], dict) and message["data"].get("type") == kind
    ]


def wait_for_message(page: Any, kind: str, count: int = 1) -> dict[str, Any]:
    page.wait_for_function(
        """([kind, count]) => window.__messages.filter(
             (m) => m.data && m.data.type === kind).length >= count""",
        arg=[kind, count],
        timeout=START_TIMEOUT_MS,
    )
    return messages(page, kind)[count - 1]


# A mark the test asks the frame to post after its own answer's messages: messages from one
# frame reach the host in the order they were posted, so once the host has the mark, any
# result the frame sent for that answer has arrived too (or was never sent).
ANSWERED_MARK = "test:answer-handled"
MARK_AFTER_ANSWERS = f"""() => document.addEventListener("checker:answer",
  () => window.parent.postMessage({{ type: "{ANSWERED_MARK}" }}, "*"))"""


def answer_fully_handled(page: Any, frame: Any, values: dict[str, str]) -> None:
    """Answer in the frame and wait until the host has every message the frame sent for it."""
    frame.evaluate(MARK_AFTER_ANSWERS)  # after the embed's own listener, so it runs after it
    answer_in_frame(frame, values)
    wait_for_message(page, ANSWERED_MARK)


def frame_height(page: Any) -> int:
    return int(page.evaluate(f"document.querySelector('{FRAME}').getBoundingClientRect().height"))


def has_no_vertical_scrollbar(frame: Any) -> bool:
    return bool(
        frame.evaluate(
            "document.documentElement.scrollHeight <= document.documentElement.clientHeight + 1"
        )
    )


def settle_height(page: Any, frame: Any) -> int:
    """Wait until the last resize message is the frame's own height; return it."""
    page.wait_for_function(
        f"""() => {{
          const sizes = window.__messages.filter((m) => m.data.type === "citizen-card:resize");
          const frame = document.querySelector("{FRAME}");
          return sizes.length && Math.round(frame.getBoundingClientRect().height)
                 === sizes[sizes.length - 1].data.height;
        }}"""
    )
    return frame_height(page)


def answer_in_frame(frame: Any, values: dict[str, str]) -> None:
    for name, value in values.items():
        field = frame.locator(f"[data-checker] [name={name}]")
        if name == "category":
            field.select_option(value)
        else:
            field.fill(value)
    frame.click("[data-checker] button[type=submit]")
    frame.wait_for_selector("[data-checker] [data-checker-answer][data-status]", state="attached")


# --- messages to the host -----------------------------------------------------------------


def test_the_host_on_another_origin_sizes_the_frame_to_its_content_on_load(
    open_host: Callable[[str], tuple[Any, Any]], site_url: str
) -> None:
    page, frame = open_host("embed/?origin={host}")
    assert origin(page.url) != origin(site_url), "the host is cross-origin"
    first = wait_for_message(page, "citizen-card:resize")
    assert first["origin"] == origin(site_url)
    assert first["data"]["height"] > 200
    height = settle_height(page, frame)
    assert height != 640, "the snippet's starting height was replaced"
    assert has_no_vertical_scrollbar(frame)


def test_each_answer_reaches_the_host_that_names_its_origin_and_the_frame_grows(
    open_host: Callable[[str], tuple[Any, Any]], site_url: str
) -> None:
    page, frame = open_host("embed/?origin={host}")
    before = settle_height(page, frame)
    person = PEOPLE["eligible"]
    answer_in_frame(frame, person_values(person))
    message = wait_for_message(page, "citizen-card:result")
    assert message["origin"] == origin(site_url)
    request = json.dumps({**person_values(person), "lang": "en"})
    assert message["data"]["result"] == json.loads(check_json(request))["result"]
    page.wait_for_function(
        f"document.querySelector('{FRAME}').getBoundingClientRect().height > {before}"
    )
    settle_height(page, frame)
    assert has_no_vertical_scrollbar(frame)

    second = PEOPLE["not_yet"]
    answer_in_frame(frame, person_values(second))
    message = wait_for_message(page, "citizen-card:result", 2)
    assert message["data"]["result"]["status"] == "not_yet", "one message per answer"


def test_invalid_input_reaches_the_host_with_the_engines_errors(
    open_host: Callable[[str], tuple[Any, Any]],
) -> None:
    page, frame = open_host("embed/?origin={host}")
    values = {"permit_issued": "2026-11-12", "permit_expires": "2026-11-01", "on": "2026-11-26"}
    answer_in_frame(frame, values)
    message = wait_for_message(page, "citizen-card:result")
    engine = json.loads(check_json(json.dumps({**values, "passport_expires": "", "lang": "en"})))
    assert message["data"]["result"] == {"status": "invalid", "errors": engine["errors"]}


def test_without_an_origin_the_host_gets_the_height_and_never_the_readers_answer(
    open_host: Callable[[str], tuple[Any, Any]],
) -> None:
    page, frame = open_host("embed/")
    settle_height(page, frame)
    answer_fully_handled(page, frame, person_values(PEOPLE["eligible"]))
    page.wait_for_function(
        """() => window.__messages.filter(
                   (m) => m.data.type === "citizen-card:resize").length > 1"""
    )
    assert messages(page, "citizen-card:result") == []
    for message in page.evaluate("window.__messages"):
        if message["data"]["type"] != ANSWERED_MARK:
            assert set(message["data"]) == {"type", "height"}, "only the height, no dates"


@pytest.mark.parametrize(
    "value", ["intranet.example", "https://intranet.example/path", "javascript:alert(1)", "%%%"]
)
def test_a_malformed_origin_is_a_console_warning_and_sends_no_answer(
    open_host: Callable[[str], tuple[Any, Any]], value: str
) -> None:
    page, frame = open_host(f"embed/?origin={value}")
    answer_fully_handled(page, frame, person_values(PEOPLE["eligible"]))
    assert messages(page, "citizen-card:result") == []
    assert messages(page, "citizen-card:resize"), "the frame is still sized"
    console = CONSOLES[id(page)]
    assert console.errors == [], "no uncaught error"
    assert any("origin" in text for text in console.warnings), console.warnings


def test_with_an_origin_option_nothing_is_sent_to_a_host_at_another_origin(
    open_host: Callable[[str], tuple[Any, Any]],
) -> None:
    page, frame = open_host("embed/?origin=https://intranet.example")
    answer_fully_handled(page, frame, person_values(PEOPLE["eligible"]))
    assert messages(page, "citizen-card:result") == []
    assert messages(page, "citizen-card:resize") == []


# --- the page and its options -------------------------------------------------------------


def test_the_embed_page_is_the_checker_alone(
    open_host: Callable[[str], tuple[Any, Any]],
) -> None:
    _page, frame = open_host("embed/")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search"):
        assert frame.locator(chrome).count() == 0, chrome
    for name in ("permit_issued", "permit_expires", "passport_expires", "on"):
        assert frame.locator(f"[data-checker] input[type=date][name={name}]").is_visible()
    assert frame.locator("[data-checker] [name=category]").is_visible()


@pytest.mark.parametrize(
    "embed_path", ["embed/?lang=zh&hide=actions&origin={host}", "zh/embed/?origin={host}"]
)
def test_the_chinese_checker_answers_in_chinese(
    open_host: Callable[[str], tuple[Any, Any]], embed_path: str
) -> None:
    page, frame = open_host(embed_path)
    assert urlsplit(frame.url).path.endswith("/zh/embed/")
    assert frame.evaluate("document.documentElement.lang").startswith("zh")
    person = PEOPLE["not_yet"]
    answer_in_frame(frame, person_values(person))
    reply = json.loads(check_json(json.dumps({**person_values(person), "lang": "zh"})))
    headline = frame.locator("[data-checker] .checker__headline").inner_text()
    assert headline == reply["headline"]
    message = wait_for_message(page, "citizen-card:result")
    assert message["data"]["result"] == reply["result"]
    if "hide=actions" in embed_path:
        assert "hide=actions" in frame.url, "the other options survive the language switch"


def test_the_checklist_and_actions_can_be_hidden(
    open_host: Callable[[str], tuple[Any, Any]],
) -> None:
    _page, frame = open_host("embed/?hide=checklist,actions")
    answer_in_frame(frame, person_values(PEOPLE["eligible"]))
    answer = frame.locator("[data-checker] [data-checker-answer]")
    assert answer.locator(".checker__headline").is_visible()
    assert answer.locator("svg[role=img]").is_visible(), "the dates stay"
    assert answer.locator(".checker__checklist").is_hidden()
    assert answer.locator(".checker__actions").is_hidden()


def test_without_options_the_checklist_and_actions_are_shown(
    open_host: Callable[[str], tuple[Any, Any]],
) -> None:
    _page, frame = open_host("embed/")
    answer_in_frame(frame, person_values(PEOPLE["eligible"]))
    answer = frame.locator("[data-checker] [data-checker-answer]")
    assert answer.locator(".checker__checklist").is_visible()
    assert answer.locator(".checker__actions").is_visible()


@pytest.mark.parametrize("path", ["embed/", "zh/embed/"])
def test_the_answered_embed_page_has_no_accessibility_violations(
    browser: Any, site_url: str, path: str
) -> None:
    # axe is injected as a script, which the site's own policy rightly refuses: bypass it here.
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        page.wait_for_selector('[data-checker][data-state="ready"]', timeout=START_TIMEOUT_MS)
        answer_in_frame(page.main_frame, person_values(PEOPLE["eligible"]))
        assert axe_violations(page) == []
    finally:
        context.close()


# --- the answer on the host's screen -------------------------------------------------------

HOST_SCREENS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}
COUNT_FRAME_RESIZES = """() => {
  window.__resizedTo = 0;
  window.addEventListener("resize", () => { window.__resizedTo = window.innerHeight; });
}"""


def headline_on_host(page: Any, frame: Any) -> dict[str, float]:
    """The headline's top and bottom on the host's screen, and the screen's height."""
    inside = frame.evaluate(
        """() => {
          const headline = document.querySelector("[data-checker] [data-headline]");
          const box = headline.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom };
        }"""
    )
    frame_top = page.evaluate(f"document.querySelector('{FRAME}').getBoundingClientRect().top")
    return {
        "top": frame_top + inside["top"],
        "bottom": frame_top + inside["bottom"],
        "screen": page.evaluate("window.innerHeight"),
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("screen", list(HOST_SCREENS))
def test_in_a_host_that_resizes_the_frame_the_headline_ends_on_the_hosts_screen(
    browser: Any, site_dir: Path, site_url: str, screen: str, lang: str
) -> None:
    """The snippet's own listener grows the frame after the answer: the headline is scrolled
    into view after that resize, not before it (which left it below the host's screen)."""
    snippet = documented_snippet(site_dir)
    embed = "embed/" if lang == "en" else "zh/embed/"
    with host_site(
        lambda host: snippet.replace(DOCUMENTED_SRC, f"{site_url}{embed}?origin={origin(host)}")
    ) as host_url:
        context = browser.new_context(viewport=HOST_SCREENS[screen])
        try:
            page = context.new_page()
            page.goto(host_url)
            frame = page.wait_for_selector(FRAME).content_frame()
            frame.wait_for_selector('[data-checker][data-state="ready"]', timeout=START_TIMEOUT_MS)
            settle_height(page, frame)
            short = frame_height(page)
            frame.evaluate(COUNT_FRAME_RESIZES)
            answer_in_frame(frame, person_values(PEOPLE["eligible"]))
            wait_for_message(page, "citizen-card:result")
            grown = settle_height(page, frame)
            assert grown > short, "the host grew the frame for the answer"
            frame.wait_for_function("(height) => window.__resizedTo === height", arg=grown)
            shown = headline_on_host(page, frame)
            assert shown["top"] >= 0, shown
            assert shown["bottom"] <= shown["screen"], shown
        finally:
            context.close()


# --- as published: behind each server the HR guide documents, with its real headers --------


def _local_site(site_dir: Path, frame_ancestors: tuple[str, ...]) -> Any:
    """`make serve` as it runs: tools/serve.py with --frame-ancestors (FRAME_ANCESTORS=)."""

    @contextlib.contextmanager
    def served() -> Iterator[str]:
        port = free_port()
        command = [sys.executable, "tools/serve.py", "--root", str(site_dir), "--port", str(port)]
        command += ["--prefix", SITE_PATH, "--frame-ancestors", " ".join(frame_ancestors)]
        with tempfile.TemporaryDirectory(prefix="serve-") as folder:
            log = Path(folder, "serve.log")
            with running("make serve", command, port=port, log=log, output=log) as url:
                yield url

    return served()


def _published_site(server: str, site_dir: Path, frame_ancestors: tuple[str, ...]) -> Any:
    if server == "make serve":
        return _local_site(site_dir, frame_ancestors)
    site = {"nginx": nginx_site, "caddy": caddy_site}[server]
    return site(site_dir, frame_ancestors=frame_ancestors)


def _open_published_embed(
    browser: Any, site_dir: Path, server: str, *, allow_host: bool
) -> tuple[Any, Any, Callable[[], None]]:
    """The documented snippet on a host page at another origin, framing the embed behind
    `server`, whose frame-ancestors setting names the host's origin when `allow_host`."""
    stack = contextlib.ExitStack()
    snippet = documented_snippet(site_dir)

    def pointed(host_url: str) -> str:
        allowed = (origin(host_url),) if allow_host else ()
        site_url = stack.enter_context(_published_site(server, site_dir, allowed))
        src = f"{site_url}embed/?origin={origin(host_url)}"
        return snippet.replace(DOCUMENTED_SRC, src)

    host_url = stack.enter_context(host_site(pointed))
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    stack.callback(context.close)
    page = context.new_page()
    page.goto(host_url)
    frame = page.wait_for_selector(FRAME).content_frame()
    return page, frame, stack.close


@pytest.mark.parametrize("server", ["make serve", "nginx", "caddy"])
def test_the_embed_as_published_loads_and_answers_in_a_host_the_setting_names(
    browser: Any, site_dir: Path, server: str
) -> None:
    page, frame, close = _open_published_embed(browser, site_dir, server, allow_host=True)
    try:
        frame.wait_for_selector('[data-checker][data-state="ready"]', timeout=START_TIMEOUT_MS)
        answer_in_frame(frame, person_values(PEOPLE["eligible"]))
        message = wait_for_message(page, "citizen-card:result")
        assert message["data"]["result"]["status"] == "eligible"
    finally:
        close()


@pytest.mark.parametrize("server", ["make serve", "nginx", "caddy"])
def test_a_host_the_setting_does_not_name_gets_no_checker(
    browser: Any, site_dir: Path, server: str
) -> None:
    _page, frame, close = _open_published_embed(browser, site_dir, server, allow_host=False)
    try:
        frame.wait_for_load_state()
        assert frame.url.startswith("chrome-error://"), "the browser refused the frame"
    finally:
        close()
