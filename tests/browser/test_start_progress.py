"""What a reader sees while the checker's engine starts, in every widget (the checker, the
embed, the staff-list check) and both languages: a progress bar with the megabytes done and
to go while the runtime downloads, then the step by name while Python starts (a bar without
a value, never one stuck at 100 %), and nothing once the checker is ready."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import START_TIMEOUT_MS

WIDGETS = {
    ("checker", "en"): ("eligibility/", "[data-checker]"),
    ("checker", "zh"): ("zh/eligibility/", "[data-checker]"),
    ("embed", "en"): ("embed/", "[data-checker]"),
    ("embed", "zh"): ("zh/embed/", "[data-checker]"),
    ("staff list", "en"): ("hr/", "[data-batch]"),
    ("staff list", "zh"): ("zh/hr/", "[data-batch]"),
}
DOWNLOADING = {
    "en": ("Downloading the checker:", "MB to go"),
    "zh": ("正在下载核对工具", "还剩"),
}
STARTING_PYTHON = {"en": "Starting Python", "zh": "正在启动 Python"}

# Every change to the progress element, as the reader would have seen it.
RECORD_PROGRESS = """
window.__progress = [];
new MutationObserver(() => {
  const element = document.querySelector("[data-checker-progress]");
  if (!element) return;
  const bar = element.querySelector("progress");
  const last = window.__progress.at(-1);
  const seen = {
    hidden: element.hidden,
    value: bar.hasAttribute("value") ? bar.value : null,
    max: bar.max,
    text: element.querySelector("[data-progress-text]").textContent,
  };
  if (JSON.stringify(seen) !== JSON.stringify(last)) window.__progress.push(seen);
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
"""


@pytest.mark.parametrize(("widget", "lang"), list(WIDGETS))
def test_the_download_shows_megabytes_then_python_starting_then_ready(
    page: Any, site_url: str, widget: str, lang: str
) -> None:
    """On this machine the whole runtime can arrive before a heavy page has shown anything,
    so the standard library is held back until the page shows the download under way (a
    slower line does as much)."""
    path, root = WIDGETS[widget, lang]
    starts, to_go = DOWNLOADING[lang]
    held: list[Any] = []
    page.route("**/python_stdlib_fast.zip", lambda route: held.append(route))
    page.add_init_script(RECORD_PROGRESS)
    page.goto(site_url + path)
    page.wait_for_selector(f"{root} [data-progress-text]:has-text('{to_go}')", timeout=10_000)
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_selector(f'{root}[data-state="ready"]', timeout=START_TIMEOUT_MS)
    seen = page.evaluate("window.__progress")
    shown = [state for state in seen if not state["hidden"]]
    downloading = [s for s in shown if s["text"].startswith(starts) and to_go in s["text"]]
    assert downloading, f"no download progress was shown: {seen}"
    assert all(s["value"] is not None and s["value"] < s["max"] for s in downloading)
    assert not [s for s in shown if s["value"] is not None and s["value"] >= s["max"]]
    python = [s for s in shown if s["text"].startswith(STARTING_PYTHON[lang])]
    assert python, f"Python's start was not named: {seen}"
    assert all(s["value"] is None for s in python)  # busy, not a full bar
    assert shown[-1]["value"] is None  # the last thing shown before ready is not 100 %
    assert seen[-1]["hidden"]
    assert page.locator(f"{root} [data-checker-progress]").is_hidden()


# Each write to the progress element (its text, its attributes and its bar's), with the
# animation frame it was made in: a frame counter runs from the first frame, and the
# observer reads it as each write lands.
RECORD_WRITES = """
window.__frame = 0;
const tick = () => { window.__frame += 1; requestAnimationFrame(tick); };
requestAnimationFrame(tick);
window.__writes = [];
new MutationObserver((records) => {
  for (const record of records) {
    const target = record.target;
    if (document.readyState === "loading") continue; // the parser, not the page's scripts
    if (!(target instanceof Element) || !target.closest("[data-checker-progress]")) continue;
    const attribute = record.type === "attributes";
    const what = attribute ? `${target.localName} ${record.attributeName}` : "text";
    const before = attribute
      ? record.oldValue
      : Array.from(record.removedNodes, (node) => node.textContent).join("");
    const after = attribute
      ? target.getAttribute(record.attributeName)
      : Array.from(record.addedNodes, (node) => node.textContent).join("");
    window.__writes.push({ frame: window.__frame, what, before, after });
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
"""


def test_the_progress_is_drawn_at_most_once_a_frame_and_only_what_changed(
    page: Any, site_url: str
) -> None:
    """The worker reports each file's bytes every 100 ms and each step; each write makes the
    browser restyle and lay out the page again, on the cores Python starts on."""
    page.add_init_script(RECORD_WRITES)
    page.goto(site_url + "eligibility/")
    page.wait_for_selector('[data-checker][data-state="ready"]', timeout=START_TIMEOUT_MS)
    writes = page.evaluate("window.__writes")
    assert [w for w in writes if w["what"] == "text"], f"the progress was never shown: {writes}"
    assert [w for w in writes if w["before"] == w["after"]] == [], writes
    per_frame = [(w["frame"], w["what"]) for w in writes]
    assert len(per_frame) == len(set(per_frame)), writes
