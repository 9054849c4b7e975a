// The staff list's model (docs/assets/checker/staff-list/model.js), without a browser.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  answers,
  filterCounts,
  filterKept,
  lineCount,
  matches,
  partRows,
  sortedIndexes,
  firstNames,
  cliCommand,
} from "../../docs/assets/checker/staff-list/model.js";

const LIST = {
  input_columns: ["name", "permit_issued"],
  added_columns: ["status", "earliest", "latest", "reason", "days_left", "confirm"],
  statuses: ["eligible", "not_yet", "too_late", "no_window", "invalid"],
  read_columns: ["permit_issued", "permit_expires", "passport_expires", "category"],
  days_left_shown_within: 30,
  rows: [
    ["Ann", "2026-01-01", "too_late", "2026-01-15", "2026-10-01", "No", "", ""],
    ["Bo", "2026-11-12", "eligible", "2026-11-26", "2026-12-10", "Yes", "14", ""],
    ["Cy", "2026-11-20", "not_yet", "2026-12-04", "2028-08-20", "Not yet", "", "category"],
    ["Di", "2026-11-12", "eligible", "2026-11-26", "2028-08-12", "Yes", "625", ""],
  ],
};

test("a list is checked in parts of 10,000 rows, the last ones halving to 1,500", () => {
  assert.equal(partRows(100_000), 10_000);
  assert.equal(partRows(15_000), 7_500);
  assert.equal(partRows(2_000), 1_500);
  assert.equal(partRows(900), 900);
});

test("a file's lines are counted from its bytes, a last line without a line feed too", () => {
  assert.equal(lineCount(new TextEncoder().encode("a\nb\nc")), 3);
  assert.equal(lineCount(new TextEncoder().encode("a\nb\n")), 2);
  const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0a, 0, 0x62, 0]);
  assert.equal(lineCount(utf16), 2);
});

test("lines end as the CSV reader ends them: at CR alone, LF alone or CRLF", () => {
  const encode = (/** @type {string} */ text) => new TextEncoder().encode(text);
  assert.equal(lineCount(encode("a\rb\rc")), 3);
  assert.equal(lineCount(encode("a\rb\r")), 2);
  assert.equal(lineCount(encode("a\r\nb\r\nc\r\n")), 3);
  assert.equal(lineCount(encode("a\rb\nc\r\nd")), 4);
  assert.equal(lineCount(encode("")), 0);
  const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0d, 0, 0x62, 0, 0x0d, 0, 0x0a, 0, 0x63, 0]);
  assert.equal(lineCount(utf16), 3);
  const bigEndian = new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x0d, 0, 0x62]);
  assert.equal(lineCount(bigEndian), 2);
});

test("a row with a last day within 30 days is soon, and only one that can still apply", () => {
  const rowAnswers = answers(LIST, LIST.rows);
  assert.deepEqual(
    rowAnswers.map((answer) => [answer.status, answer.days, answer.soon]),
    [
      ["too_late", null, false],
      ["eligible", 14, true],
      ["not_yet", null, false],
      ["eligible", 625, false],
    ],
  );
  assert.deepEqual(rowAnswers[2].confirm, ["category"]);
});

test("who must confirm their permit's class first have a chip of their own", () => {
  const rowAnswers = answers(LIST, LIST.rows);
  assert.equal(filterCounts({ eligible: 2 }, rowAnswers)("confirm"), 1);
  assert.deepEqual(
    rowAnswers.filter((answer) => matches(answer, "confirm")).map((answer) => answer.status),
    ["not_yet"],
  );
  assert.equal(rowAnswers.filter((answer) => matches(answer, "eligible")).length, 2);
});

test("the Why column is the engine's sentence for HR, the CSV's reason where it has none", () => {
  const why = ["Too late: the passport is no longer valid.", "Can apply.", "Not yet.", "Can apply."];
  assert.deepEqual(
    answers({ ...LIST, why }, LIST.rows).map((answer) => answer.why),
    why,
  );
  assert.deepEqual(
    answers(LIST, LIST.rows).map((answer) => answer.why),
    ["No", "Yes", "Not yet", "Yes"],
  );
});

test("a filter the next list has no rows for goes back to every row", () => {
  const none = filterCounts({ eligible: 1 }, []);
  assert.equal(none("soon"), 0);
  assert.equal(filterKept("soon", none), null);
  assert.equal(filterKept("eligible", none), "eligible");
  assert.equal(filterKept(null, none), null);
});

test("the most urgent come first: who can apply by days left, then who cannot yet", () => {
  const rowAnswers = answers(LIST, LIST.rows);
  assert.deepEqual(sortedIndexes(LIST, rowAnswers, "urgent"), [1, 3, 2, 0]);
  assert.deepEqual(sortedIndexes(LIST, rowAnswers, "file"), [0, 1, 2, 3]);
});

test("the first names come from the first column the engine does not read", () => {
  assert.deepEqual(firstNames({ ...LIST, rows: [["Zoë"], ["Al"], ["李明"]] }), ["Zoë", "李明", "Al"]);
});

test("the command line for a long list is safe inside the shell's double quotes", () => {
  assert.equal(cliCommand('a"$b`.csv', "zh"), 'citizen-card-checker batch "ab.csv" --lang zh -o results.csv');
});

test("days left, the urgency order and the 30-day filter go by the working day to act by", () => {
  // Di and Eve: the rules' last day is at a weekend, the day to act by the Friday before
  const list = {
    ...LIST,
    rows: [
      ["Di", "2026-11-12", "eligible", "2026-11-26", "2026-12-27", "Yes", "31", ""],
      ["Eve", "2026-11-12", "eligible", "2026-11-26", "2026-12-26", "Yes", "30", ""],
      ["Fay", "2026-11-12", "eligible", "2026-11-26", "2026-12-27", "Yes", "31", ""],
    ],
    act_by: ["2026-12-25", "2026-12-25", "2026-12-27"],
    days_to_act: [29, 29, 31],
  };
  const rowAnswers = answers(list, list.rows);
  assert.deepEqual(
    rowAnswers.map((answer) => [answer.days, answer.daysLeft, answer.actBy, answer.soon]),
    [
      [29, 31, "2026-12-25", true],
      [29, 30, "2026-12-25", true],
      [31, 31, "2026-12-27", false],
    ],
  );
  assert.equal(filterCounts({}, rowAnswers)("soon"), 2);
  assert.deepEqual(sortedIndexes(list, rowAnswers, "urgent"), [0, 1, 2]);
  const reversed = { ...list, days_to_act: [31, 29, 29] };
  assert.deepEqual(sortedIndexes(reversed, answers(reversed, reversed.rows), "urgent"), [1, 2, 0]);
});

test("a reply without days to act (an older engine) falls back to the days left column", () => {
  assert.deepEqual(answers(LIST, LIST.rows).map((answer) => answer.days), [null, 14, null, 625]);
});
