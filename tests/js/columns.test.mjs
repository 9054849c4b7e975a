// The staff list's column table (docs/assets/checker/staff-list/columns.js), without a browser:
// one table gives the header, every row's cells, the widths and the line estimates.
import assert from "node:assert/strict";
import { test } from "node:test";

import { columnTable, gridTemplate, headerHtml, rowLines, rowWriter, textWidth } from "../../docs/assets/checker/staff-list/columns.js";
import { answers } from "../../docs/assets/checker/staff-list/model.js";

const WORDS = {
  col_status: "Status",
  col_days_left: "Days left",
  col_earliest: "First day",
  col_latest: "Last day",
  col_reason: "Why",
  first_working_day: "go by ",
  last_working_day: "go by ",
  status_eligible: "Can apply",
  status_not_yet: "Not yet",
  status_too_late: "Too late",
  status_no_window: "No window",
  status_invalid: "Check row",
  confirm_category: "confirm class",
};
const LIST = {
  input_columns: ["name", "permit_issued"],
  added_columns: ["status", "earliest", "latest", "reason", "days_left", "confirm", "earliest_working_day", "latest_working_day"],
  statuses: ["eligible", "not_yet", "too_late", "no_window", "invalid"],
  read_columns: ["permit_issued", "permit_expires", "passport_expires", "category"],
  days_left_shown_within: 30,
  on: "2026-11-26",
  written: { "2026-11-26": "Thu 26 Nov 2026", "2028-08-12": "Sat 12 Aug 2028", "2028-08-11": "Fri 11 Aug 2028" },
  rows: [["Li <b>", "2026-11-12", "eligible", "2026-11-26", "2028-08-12", "Yes", "625", "category", "2026-11-26", "2028-08-11"]],
};

test("one column per cell: the status, the file's own columns, days left, both days, the reason", () => {
  const columns = columnTable(LIST, WORDS, 200);
  assert.deepEqual(
    columns.map((column) => column.header),
    ["Status", "name", "permit_issued", "Days left", "First day", "Last day", "Why"],
  );
  assert.equal(headerHtml(columns).match(/<th /g)?.length, columns.length);
  assert.match(headerHtml(columns), /permit_<wbr>issued/);
});

test("a row's cells are escaped, its dates written by the engine, the working day beneath", () => {
  const columns = columnTable(LIST, WORDS, 200);
  const html = rowWriter(columns, false)(LIST.rows[0], answers(LIST, LIST.rows)[0], 0);
  assert.equal(html.match(/<td/g)?.length, columns.length);
  assert.match(html, /^<tr data-status="eligible" data-row="1" data-days-left="625" data-days-to-act="625" data-act-by="" data-confirm="category">/);
  assert.match(html, /Li &lt;b&gt;/);
  assert.match(html, /<time datetime="2028-08-12">Sat 12 Aug 2028<\/time><small class="batch__working">go by <time datetime="2028-08-11">/);
  assert.doesNotMatch(html, /data-label/);
  assert.match(rowWriter(columns, true)(LIST.rows[0], answers(LIST, LIST.rows)[0], 0), /data-label="Last day"/);
});

test("the widths fit the room, the reason taking the rest of the line", () => {
  const wide = columnTable(LIST, WORDS, 200);
  const narrow = columnTable(LIST, WORDS, 60);
  assert.equal(wide.at(-1)?.width, null);
  assert.match(gridTemplate(wide), /minmax\(24ch, 1fr\)$/);
  const inputs = (columns) => columns.slice(1, 3).map((column) => column.width);
  assert.ok(inputs(narrow).every((width, at) => width <= inputs(wide)[at]));
});

test("a row takes as many lines as its tallest cell; on a phone's card, its reason's", () => {
  const columns = columnTable(LIST, WORDS, 200);
  const [answer] = answers(LIST, LIST.rows);
  // The status cell is tallest: "Can apply" on one line, "confirm class" on two (11 wide).
  assert.equal(rowLines(columns, 200, false)(LIST.rows[0], answer), 3);
  // So is the last day's: its date on one line, "go by " and the working day on two (17 wide).
  const noNote = { ...answer, confirm: [] };
  assert.equal(rowLines(columns, 200, false)(LIST.rows[0], noNote), 3);
  const noWorkingDay = [...LIST.rows[0].slice(0, 9), "2028-08-12"];
  assert.equal(rowLines(columns, 200, false)(noWorkingDay, noNote), 1);
  assert.equal(rowLines(columns, 200, true)(LIST.rows[0], answer), 1 + 1, "the reason and one note");
  assert.equal(textWidth("李明"), 4);
});

test("a row's days to act are the working day's, the rules' days left kept beside them", () => {
  const list = { ...LIST, act_by: ["2028-08-11"], days_to_act: [624] };
  const columns = columnTable(list, WORDS, 200);
  const html = rowWriter(columns, false)(list.rows[0], answers(list, list.rows)[0], 0);
  assert.match(html, /data-days-left="625" data-days-to-act="624" data-act-by="2028-08-11"/);
  assert.match(html, /<td class="batch__days">624<\/td>/);
});
