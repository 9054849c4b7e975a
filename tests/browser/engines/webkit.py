"""The smoke set in WebKit (the engine of every iPhone browser, WeChat's included): Debian's
WebKitGTK MiniBrowser under a private Xvfb display, driven by Selenium through Debian's
WebKitWebDriver (its path given, so Selenium downloads nothing), in one browser session.

`run_steps` takes the same steps as tests/browser/engines/firefox_smoke.mjs and returns results of
the same shape. WebDriver classic has no hook before a page's own scripts run, so WebKit's
results carry no `errors` (Firefox's do).

The offline step: MiniBrowser (WebKitGTK 2.50) has service workers and Cache Storage on
127.0.0.1 (a secure context) under automation, so the case runs here as in Firefox: one visit
to the checker, until the service worker controls the page and has kept the runtime, then the
server is stopped (stoppable_site.stop) and the pages are opened again."""

from __future__ import annotations

import os
import subprocess
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.browser.engines import stoppable_site

WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB = "/usr/bin/Xvfb"
START_TIMEOUT_S = 60

SET_VALUES = """
const [selector, values] = arguments;
const form = document.querySelector(selector);
for (const [name, value] of Object.entries(values)) {
  const field = form.elements[name];
  field.value = value;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.dispatchEvent(new Event("change", { bubbles: true }));
}
"""
ANSWER_SEEN = """
const done = arguments[arguments.length - 1];
// Once any scroll the page asked for is over: the same scroll position two frames running.
let last = null;
const still = (then) => requestAnimationFrame(() => {
  if (window.scrollY === last) return then();
  last = window.scrollY;
  still(then);
});
still(() => {
  const answer = document.querySelector("[data-checker] [data-checker-answer]");
  const headline = answer.querySelector("[data-headline]");
  const box = headline.getBoundingClientRect();
  const bar = document.querySelector(".md-header"); // none on the embed page
  const header = bar ? bar.getBoundingClientRect().bottom : 0;
  done({
    status: answer.dataset.status,
    earliest: answer.dataset.earliest,
    latest: answer.dataset.latest,
    focused: document.activeElement === headline,
    at_top: box.top >= header - 1 && box.top <= window.innerHeight / 3,
    scrolled_to_end:
      window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
    headline_top: Math.round(box.top),
    scroll_y: Math.round(window.scrollY),
  });
});
"""
BATCH_DONE = """
const results = document.querySelector("[data-batch] [data-batch-results]");
const summary = results && results.querySelector("[data-batch-summary]");
return Boolean(results && !results.hidden && summary.textContent.includes(arguments[0]));
"""
# The choice is shown pressed once the list checked with it is shown, every row placed.
CHOSEN = """
const choice = document.querySelector(arguments[0]);
const table = document.querySelector("[data-batch] [data-batch-results] table");
return choice.getAttribute("aria-pressed") === "true" && !table.hasAttribute("aria-busy");
"""
BATCH_COUNTS = """
return Object.fromEntries(
  [...document.querySelectorAll("[data-batch] [data-count]")].map((item) =>
    [item.dataset.count, Number(item.querySelector("strong").textContent)]));
"""

# Resolves once the cache `arguments[0]` holds `arguments[1]` entries (looked at as it fills).
CACHE_FILLED = """
const [name, count, done] = arguments;
const look = () => caches.open(name).then((cache) => cache.keys()).then((keys) => {
  if (keys.length >= count) return done(keys.length);
  setTimeout(look, 100);
});
look();
"""
# The page's <h1> (without its permalink) and whether a service worker answers for the page.
PAGE_SEEN = """
const heading = document.querySelector("h1");
return {
  heading: heading ? heading.textContent.replace("\u00b6", "").trim() : null,
  controlled: Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
};
"""


def missing() -> list[str]:
    """What of Debian's packages is not installed (`make test` installs them)."""
    return [path for path in (WEBKIT_DRIVER, MINIBROWSER, XVFB) if not os.path.exists(path)]


@contextmanager
def xvfb_display() -> Iterator[str]:
    """A private X display (Xvfb picks a free number and tells it through a pipe)."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def webkit_driver() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    with xvfb_display() as display:
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": display})
        with warnings.catch_warnings():
            # Selenium's own WebKitGTK driver still uses its deprecated connection argument.
            warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
            driver = webdriver.WebKitGTK(options=options, service=service)
        try:
            driver.set_script_timeout(START_TIMEOUT_S)
            yield driver
        finally:
            driver.quit()


def wait_for(driver: Any, script: str, *args: Any) -> None:
    """Selenium's explicit wait: until `script` returns true, asked again every 0.1 s."""
    from selenium.webdriver.support.wait import WebDriverWait

    message = f"WebKit: waited {START_TIMEOUT_S} s for {script.strip()[:80]}"
    WebDriverWait(driver, START_TIMEOUT_S, poll_frequency=0.1).until(
        lambda driver: driver.execute_script(script, *args), message
    )


def ready(driver: Any, selector: str) -> None:
    wait_for(driver, f"return Boolean(document.querySelector('{selector}[data-state=\"ready\"]'))")


def answer_step(driver: Any, step: dict[str, Any]) -> dict[str, Any]:
    driver.execute_script(SET_VALUES, "[data-checker] form", step["values"])
    driver.find_element("css selector", "[data-checker] button[type=submit]").click()
    wait_for(driver, "return Boolean(document.querySelector('[data-checker-answer][data-status]'))")
    return dict(driver.execute_async_script(ANSWER_SEEN))


def batch_step(driver: Any, step: dict[str, Any]) -> dict[str, Any]:
    driver.execute_script(SET_VALUES, "[data-batch] form", {"on": step["on"]})
    driver.find_element("css selector", "[data-batch] input[type=file]").send_keys(step["file"])
    wait_for(driver, BATCH_DONE, Path(step["file"]).name)
    if step.get("date_order"):  # the list's date order chosen, and the list checked again
        choice = f'[data-batch] button[data-date-order="{step["date_order"]}"]'
        driver.find_element("css selector", choice).click()
        wait_for(driver, CHOSEN, choice)
    return dict(driver.execute_script(BATCH_COUNTS))


def offline_step(driver: Any, step: dict[str, Any]) -> dict[str, Any]:
    """Once the first visit is kept, the server goes; each of step["pages"] is opened, then
    the checker's page (step["url"]) again, and the checker answers."""
    wait_for(driver, "return navigator.serviceWorker.controller !== null")
    driver.execute_async_script(CACHE_FILLED, step["runtime_cache"], step["runtime_files"])
    stoppable_site.stop(step["server_pid"], step["url"])
    opened = []
    for url in step["pages"]:
        driver.get(url)
        opened.append({"url": url, **driver.execute_script(PAGE_SEEN)})
    # The checker's page last (once its engine is ready: leaving while it starts is no error).
    driver.get(step["url"])
    ready(driver, "[data-checker]")
    opened.append({"url": step["url"], **driver.execute_script(PAGE_SEEN)})
    return {**answer_step(driver, step), "opened": opened}


STEP_RUNS = {"answer": answer_step, "batch": batch_step, "offline": offline_step}


def run_steps(steps: list[dict[str, Any]]) -> dict[str, Any]:
    """Each step in one WebKit session; the same shape as firefox_smoke.mjs prints."""
    started = time.monotonic()
    results: dict[str, Any] = {}
    with webkit_driver() as driver:
        for step in steps:
            width, height = step["viewport"]["width"], step["viewport"]["height"]
            driver.set_window_size(width, height)
            opened = time.monotonic()
            driver.get(step["url"])
            ready(driver, "[data-batch]" if step["kind"] == "batch" else "[data-checker]")
            ready_ms = round((time.monotonic() - opened) * 1000)
            results[step["name"]] = {**STEP_RUNS[step["kind"]](driver, step), "ready_ms": ready_ms}
    return {"results": results, "session_ms": round((time.monotonic() - started) * 1000)}
