"""Helpers for the offline tests: the guide's pages, a first visit that leaves the service
worker in control, and a copy of the site whose next build can be simulated."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import Any

from tests.site.guide_pages import GUIDE_PAGES, built_path

RUNTIME_CACHE = "checker-runtime"
HOLD_LIMIT = 600  # looks (every 0.1 s) for the held request before giving up

# What the page's origin keeps: its service worker's scope (or null) and each cache's entries.
KEPT = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  const caches_ = {};
  for (const name of await caches.keys()) {
    caches_[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
  }
  return { registered: registration === undefined ? null : registration.scope, caches: caches_ };
}"""


def kept(page: Any) -> dict[str, Any]:
    """{"registered": the service worker's scope or None, "caches": {name: [url, ...]}}."""
    return dict(page.evaluate(KEPT))


def hold_requests(page: Any, pattern: str) -> list[Any]:
    """Routes of requests matching `pattern`, held (neither answered nor failed) until the
    test continues them."""
    held: list[Any] = []
    page.route(pattern, lambda route: held.append(route))
    return held


def until_held(page: Any, held: list[Any]) -> None:
    """Until a request of `held` has been asked for (looked at every 0.1 s)."""
    for _ in range(HOLD_LIMIT):
        if held:
            return
        page.wait_for_timeout(100)
    raise AssertionError("the held request was never asked for")


def guide_pages(lang: str) -> list[str]:
    """Every page of the guide in `lang` (site-relative folder addresses, "" for home)."""
    return [("zh/" if lang == "zh" else "") + built_path(page) for page in GUIDE_PAGES]


def wait_until_offline_ready(page: Any) -> None:
    """Until the service worker is active and controls the page (its precache is in)."""
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null", timeout=60_000, polling=100
    )
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


# Resolves once the cache named `name` holds at least `count` entries (checked as it fills).
CACHE_FILLED = """async ([name, count]) => {
  for (;;) {
    const keys = await (await caches.open(name)).keys();
    if (keys.length >= count) return keys.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}"""


def runtime_dir(site_dir: Path) -> Path:
    """The checker's runtime in the built site (assets/pyodide/<version>/)."""
    return next((site_dir / "assets" / "pyodide").iterdir())


def runtime_file_count(site_dir: Path) -> int:
    """How many files the checker's runtime has (its precompressed copies not counted)."""
    return len([p for p in runtime_dir(site_dir).iterdir() if p.suffix not in {".br", ".gz"}])


def wait_until_runtime_kept(page: Any, site_dir: Path) -> None:
    """Until the runtime cache holds every file of the checker's runtime."""
    page.evaluate(CACHE_FILLED, [RUNTIME_CACHE, runtime_file_count(site_dir)])


def expected_heading(site_dir: Path, path: str) -> str:
    """The page's <h1> as built (read from the file, not typed here)."""
    text = (site_dir / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    assert found, path
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).replace("¶", "").strip()


def copy_of_site(site_dir: Path, target: Path) -> Path:
    """A copy of the built site (to serve, then change as a new build would)."""
    shutil.copytree(site_dir, target, ignore=shutil.ignore_patterns("pyodide"))
    return target


def publish_new_build(site: Path, page_path: str = "index.html") -> None:
    """Change `page_path` and its revision in sw.js, as a rebuild with a change to that page
    does (the precompressed copies of both go: the server then sends the files themselves)."""
    page = site / page_path
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- new build -->\n", encoding="utf-8")
    worker = site / "sw.js"
    text = worker.read_text(encoding="utf-8")
    entry = re.compile(r'(url:"' + re.escape(page_path) + r'",revision:")([0-9a-f]+)(")')
    changed, count = entry.subn(
        lambda found: found.group(1) + found.group(2)[::-1] + found.group(3), text
    )
    assert count == 1, f"sw.js lists {page_path} {count} times"
    assert changed != text
    worker.write_text(changed, encoding="utf-8")
    for path in (page, worker):
        for suffix in (".br", ".gz"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
