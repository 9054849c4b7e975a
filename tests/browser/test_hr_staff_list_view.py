"""The results view of a long staff list, in Chromium against the built site: are the rows
painted where they are the moment HR scrolls to them, do the filters and counts hold over
every row, and is the list still a table to a screen reader?"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest

from checker import check_batch
from tests.browser.helpers import settled
from tests.browser.hr_helpers import (
    BATCH,
    CHECK_DAY,
    HR_PAGES,
    STATUS_ORDER,
    choose_file,
    long_list,
    open_batch,
    shown_counts,
    wait_for_every_row,
    wait_for_rows,
)

LONG = 10_000
LONG_TIMEOUT_MS = 300_000


@pytest.fixture(scope="module")
def long_page(browser: Any, site_url: str) -> Iterator[Any]:
    """The English HR page at 1366x768 with a list of LONG rows checked for CHECK_DAY."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    open_batch(page, site_url + HR_PAGES["en"])
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    choose_file(page, long_list(LONG), "long.csv")
    wait_for_rows(page, "long.csv", timeout=LONG_TIMEOUT_MS)
    yield page
    context.close()


def pixels(page: Any, png: bytes, box: dict[str, float]) -> dict[str, Any]:
    """The screenshot's pixels in `box` (CSS pixels of the viewport): how many are dark, and
    all of them (to compare two screenshots there)."""
    return dict(
        page.evaluate(
            """async ([png, box]) => {
              const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
              const image = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
              const canvas = new OffscreenCanvas(image.width, image.height);
              const context = canvas.getContext("2d");
              context.drawImage(image, 0, 0);
              const scale = image.width / innerWidth;
              const { data } = context.getImageData(
                Math.round(box.x * scale), Math.round(box.y * scale),
                Math.max(1, Math.round(box.width * scale)),
                Math.max(1, Math.round(box.height * scale)));
              let dark = 0;
              for (let at = 0; at < data.length; at += 4) {
                if (data[at] + data[at + 1] + data[at + 2] < 3 * 128) dark += 1;
              }
              return { dark, all: Array.from(data).join() };
            }""",
            [base64.b64encode(png).decode(), box],
        )
    )


@pytest.mark.parametrize("where", ["middle", "end"])
def test_rows_scrolled_to_are_painted_at_once_where_they_are(long_page: Any, where: str) -> None:
    page = long_page
    # The site's header settles once the page is scrolled into the results.
    page.evaluate("document.querySelector('[data-batch] table').scrollIntoView()")
    settled(page)
    at = LONG // 2 if where == "middle" else LONG - 1
    # Scrolled to the row and photographed at once, with no frame to spare.
    shot = page.evaluate(
        """(at) => {
          const tr = document.querySelectorAll("[data-batch] tbody tr")[at];
          tr.scrollIntoView({ block: "center" });
          return tr.dataset.row;
        }""",
        at,
    )
    png = page.screenshot()
    row = page.locator(f'{BATCH} tr[data-row="{shot}"]')
    box = row.bounding_box()
    assert box is not None
    assert box["y"] >= 0, f"row {shot} is above the screen: {box}"
    assert box["y"] + box["height"] <= 768, f"row {shot} is below the screen: {box}"
    name = page.evaluate(
        """(row) => {
          const tr = document.querySelector(`[data-batch] tr[data-row="${row}"]`);
          const cell = tr.querySelector(".batch__who").getBoundingClientRect();
          const found = document.elementFromPoint(cell.x + 4, cell.y + cell.height / 2);
          return found && found.closest("tr") === tr ? found.textContent : null;
        }""",
        shot,
    )
    assert name == f"Staff {int(shot) - 1}", "the row's name is where the row is"
    assert pixels(page, png, box)["dark"] > 200, f"row {shot} was painted blank"
    # Below the site's header and the table's column names (and the site's "back to top"
    # button, which fades in when the page scrolls up).
    table_area = {"x": 0, "y": 120, "width": 1366, "height": 768 - 120}
    first = pixels(page, png, table_area)
    assert first["dark"] > 2_000, "the table area was painted blank"
    settled(page, frames=10)  # ten frames drawn after the first, any transition over
    later = pixels(page, page.screenshot(), table_area)
    assert later["all"] == first["all"], "the rows moved or appeared after the first frame"


def visible_rows(page: Any) -> list[dict[str, Any]]:
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll("[data-batch] tbody tr")]
                 .filter((tr) => !tr.hidden)
                 .map((tr) => ({ status: tr.dataset.status, days: tr.dataset.daysLeft }))"""
        )
    )


def test_every_filter_holds_over_every_row_of_a_long_list(long_page: Any) -> None:
    page = long_page
    expected = check_batch(long_list(LONG), on=CHECK_DAY)
    total = f"{BATCH} tbody tr"
    for status in [*STATUS_ORDER, "soon"]:
        button = page.locator(f'{BATCH} button[data-filter="{status}"]')
        if button.is_disabled():
            assert status == "soon" or expected.counts[status] == 0
            continue
        button.click()
        wait_for_every_row(page)
        assert button.get_attribute("aria-pressed") == "true"
        shown = visible_rows(page)
        assert page.locator(total).count() == LONG, "a filtered-out row is hidden, not removed"
        if status == "soon":
            assert len(shown) == int(button.locator("strong").inner_text())
            assert all(0 <= int(row["days"]) <= 30 for row in shown)
        else:
            assert len(shown) == expected.counts[status]
            assert {row["status"] for row in shown} == {status}
        assert shown_counts(page) == expected.counts, "the counts are the whole list's"
        rowcount = page.get_attribute(f"{BATCH} table", "aria-rowcount")
        assert rowcount == str(len(shown) + 1), "the table's row count is the rows shown"
        button.click()
        wait_for_every_row(page)
        assert button.get_attribute("aria-pressed") == "false"
        assert len(visible_rows(page)) == LONG


def test_a_long_list_is_still_a_table_to_a_screen_reader(long_page: Any) -> None:
    """The rows come in row groups, and a group away from the screen is not laid out, so not
    in the accessibility tree: the browser exposes a table with its column headers and the
    rows on screen as rows of cells, and the table says how many rows it has and each row
    where it is (aria-rowcount, aria-rowindex: the header row is the first)."""
    page = long_page
    caption = page.inner_text(f"{BATCH} table caption")
    cdp = page.context.new_cdp_session(page)
    try:
        tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {node["nodeId"]: node for node in tree}

    def role(node: dict[str, Any]) -> str:
        return str(node.get("role", {}).get("value"))

    def rows_under(node: dict[str, Any]) -> list[dict[str, Any]]:
        found = []
        for child in filter(None, map(by_id.get, node.get("childIds", []))):
            found += [child] if role(child) == "row" else rows_under(child)
        return found

    tables = [
        node
        for node in tree
        if role(node) == "table" and node.get("name", {}).get("value") == caption
    ]
    assert len(tables) == 1, "the staff list is one table, named by its caption"
    header, *rows = rows_under(tables[0])
    assert {role(by_id[cell]) for cell in header["childIds"]} == {"columnheader"}
    assert len(rows) >= 100, "at least the first group of rows is there"
    assert all({role(by_id[cell]) for cell in row["childIds"]} == {"cell"} for row in rows)
    assert page.get_attribute(f"{BATCH} table", "aria-rowcount") == str(LONG + 1)
    indexes = page.evaluate(
        """() => [...document.querySelectorAll("[data-batch] tr:not([hidden])")]
             .map((tr) => Number(tr.getAttribute("aria-rowindex")))"""
    )
    assert indexes == list(range(1, LONG + 2))
