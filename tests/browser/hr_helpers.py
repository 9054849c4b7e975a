"""Helpers for the HR browser tests: the staff lists they check, the batch UI's contract,
a host page on another origin, and iCalendar text to compare."""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from serve import serve_in_background

from checker import check_batch
from tests.browser.helpers import START_TIMEOUT_MS

BATCH = "[data-batch]"
BATCH_READY = '[data-batch][data-state="ready"]'
RESULT_ROWS = "[data-batch] [data-batch-results] tbody tr"
HR_PAGES = {"en": "hr/", "zh": "zh/hr/"}
EMBED_PAGES = {"en": "embed/", "zh": "zh/embed/"}
STATUS_ORDER = ("eligible", "not_yet", "too_late", "no_window", "invalid")

# The day the staff lists are checked for (fixed, so every status occurs).
CHECK_DAY = date(2026, 11, 26)

# A staff list as Chinese Excel saves it: GB18030, Chinese names, columns the checker does
# not read (kept), the read columns in a different order, every status, a bad row and an
# empty line at the end.
STAFF_ROWS = [
    ["姓名", "工号", "passport_expires", "部门", "permit_issued", "permit_expires", "category"],
    ["李明", "1001", "2030-01-01", "研发部", "2026-11-12", "2028-11-11", "A"],
    ["王芳", "1002", "2030-01-01", "市场部", "2026/11/20", "2028/11/19", "B"],
    ["Anna Müller", "1003", "2026-10-01", "财务部", "2025-01-05", "2029-01-05", "C"],
    ["赵磊", "1004", "2030-01-01", "研发部", "2026-11-12", "2027-02-01", ""],
    ["陈静", "1005", "2030-01-01", "人事部", "2026-13-01", "2028-11-11", "A"],  # no 13th month
    ["孙伟, Jr.", "1006", "2031-06-30", "研发部", "2026年3月1日", "2029年3月1日", "a"],
]


def staff_csv(rows: list[list[str]] = STAFF_ROWS, encoding: str = "gb18030") -> bytes:
    """The rows as CSV bytes (quoted where needed), with a trailing empty line."""
    lines = []
    for row in rows:
        cells = [f'"{cell}"' if "," in cell or '"' in cell else cell for cell in row]
        lines.append(",".join(cells))
    return ("\r\n".join(lines) + "\r\n\r\n").encode(encoding)


LONG_LIST_HEADER = [
    "name",
    "staff_no",
    "permit_issued",
    "permit_expires",
    "passport_expires",
    "category",
]


def long_list(rows: int) -> bytes:
    """A staff list of `rows` rows (made here; never stored): every status but the invalid."""
    lines = [",".join(LONG_LIST_HEADER)]
    lines += [
        f"Staff {n},{n},2026-{1 + n % 12:02d}-{1 + n % 28:02d},2028-{1 + n % 12:02d}-15,"
        f"{2026 + n % 5}-06-30,{'ABC'[n % 3]}"
        for n in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def open_batch(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(BATCH_READY, timeout=START_TIMEOUT_MS)


def choose_file(page: Any, data: bytes, name: str = "staff.csv") -> None:
    page.set_input_files(
        f"{BATCH} input[type=file]", files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )


def wait_for_rows(page: Any, summary_text: str, timeout: int = START_TIMEOUT_MS) -> None:
    """Wait until the results for the file named in `summary_text` are shown, every row in
    the table (which is aria-busy while its rows are placed)."""
    page.wait_for_function(
        """(name) => {
          const results = document.querySelector("[data-batch] [data-batch-results]");
          const summary = results && results.querySelector("[data-batch-summary]");
          return results && !results.hidden && summary.textContent.includes(name) &&
            !results.querySelector("table").hasAttribute("aria-busy");
        }""",
        arg=summary_text,
        timeout=timeout,
        polling=100,
    )


def wait_for_every_row(page: Any) -> None:
    """Wait until the table holds every row again (after a filter or a new order)."""
    page.wait_for_selector(f"{BATCH} table:not([aria-busy])", state="attached")


def shown_rows(page: Any) -> list[dict[str, Any]]:
    """Each result row as the page shows it, in the table's order: status, row number, days
    left (the rules'), days to act and the day to act by, and what to confirm (its data
    attributes), hidden or not, the cells (a date as its datetime value; the status without
    its note to confirm) and those notes."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll("[data-batch] tbody tr")].map((tr) => ({
                 status: tr.dataset.status,
                 row: Number(tr.dataset.row),
                 days_left: tr.dataset.daysLeft,
                 days_to_act: tr.dataset.daysToAct,
                 act_by: tr.dataset.actBy,
                 confirm: tr.dataset.confirm,
                 hidden: tr.hidden,
                 cells: [...tr.cells].map((td) => {
                   const time = td.querySelector("time");
                   if (time) return time.getAttribute("datetime");
                   const text = td.cloneNode(true);
                   for (const note of text.querySelectorAll(".batch__confirm")) note.remove();
                   return text.textContent;
                 }),
                 notes: [...tr.querySelectorAll(".batch__confirm")].map((note) => note.textContent),
               }))"""
        )
    )


def in_file_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: row["row"])


def shown_counts(page: Any) -> dict[str, int]:
    return dict(
        page.evaluate(
            """() => Object.fromEntries(
                 [...document.querySelectorAll("[data-batch] [data-count]")].map((item) =>
                   [item.dataset.count, Number(item.querySelector("strong").textContent)]))"""
        )
    )


def assert_staff_list_counts_as_the_engine(page: Any, hr_url: str) -> None:
    """Check the usual staff list on the HR page at `hr_url`; its counts are the engine's."""
    open_batch(page, hr_url)
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    choose_file(page, staff_csv(), "staff.csv")
    wait_for_rows(page, "staff.csv")
    assert shown_counts(page) == check_batch(staff_csv(), on=CHECK_DAY).counts


def ics_lines(text: str) -> list[str]:
    """Unfolded content lines of an iCalendar text, without DTSTAMP (the time it was made)."""
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    return [line for line in unfolded.split("\r\n") if line and not line.startswith("DTSTAMP")]


def documented_snippet(site_dir: Path, lang: str = "en") -> str:
    """The copy-paste embed snippet exactly as the built HR page shows it."""
    page = (site_dir / HR_PAGES[lang] / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", page, re.S)
    snippets = [html.unescape(block) for block in blocks if "citizen-card:resize" in block]
    assert len(snippets) == 1, "the HR page shows one embed snippet"
    return snippets[0]


HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet</title></head>
<body>
<h1>Intranet: new staff</h1>
<script>
  window.__messages = [];
  window.addEventListener("message", (event) => {
    window.__messages.push({ origin: event.origin, data: event.data });
  });
</script>
__SNIPPET__
<p id="after">Below the frame.</p>
</body></html>
"""


@contextmanager
def host_site(snippet: str | Callable[[str], str]) -> Iterator[str]:
    """A host page on its own local server (another origin than the checker's site);
    `snippet` may be made from the host's own URL."""
    with tempfile.TemporaryDirectory(prefix="hr-host-") as folder:
        server, url = serve_in_background(Path(folder), secure=False)
        text = snippet(url) if callable(snippet) else snippet
        Path(folder, "index.html").write_text(
            HOST_PAGE.replace("__SNIPPET__", text), encoding="utf-8"
        )
        try:
            yield url
        finally:
            server.shutdown()
            server.server_close()
