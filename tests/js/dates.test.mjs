// The page's dates (docs/assets/checker/shared/dates.js), without a browser.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  browserDateExample,
  browserDateOrder,
  fragmentFor,
  todayInHangzhou,
  unambiguousExampleDay,
  valuesFromFragment,
} from "../../docs/assets/checker/shared/dates.js";

test("today in Hangzhou is already tomorrow at 17:00 in London", () => {
  const facts = { hangzhou_utc_offset_hours: 8 };
  assert.equal(todayInHangzhou(facts, Date.UTC(2026, 10, 25, 17)), "2026-11-26");
  assert.equal(todayInHangzhou(facts, Date.UTC(2026, 10, 25, 15)), "2026-11-25");
});

test("a link carries the dates and category, and the day only when it was planned", () => {
  const values = { permit_issued: "2026-11-12", permit_expires: "2028-11-11", passport_expires: "2030-01-01", category: "A" };
  const today = "2026-11-26";
  assert.doesNotMatch(fragmentFor({ ...values, on: today }, today), /on=/);
  const planned = fragmentFor({ ...values, on: "2026-12-01" }, today);
  assert.deepEqual(valuesFromFragment(planned), { ...values, on: "2026-12-01" });
  assert.equal(valuesFromFragment("#something-else"), null);
});

test("a date example is written the way this browser's locale writes dates", () => {
  assert.equal(browserDateExample("2026-11-26", "en-US"), "11/26/2026");
  assert.equal(browserDateExample("2026-11-26", "en-GB"), "26/11/2026");
});

test("the hint says the field's own order: month/day/year in America, day/month/year in Britain", () => {
  assert.deepEqual(browserDateOrder("en-US"), ["month", "day", "year"]);
  assert.deepEqual(browserDateOrder("en-GB"), ["day", "month", "year"]);
  assert.deepEqual(browserDateOrder("zh-CN"), ["year", "month", "day"]);
});

test("the hint's example has a day over 12, so it cannot be read the other way round", () => {
  assert.equal(unambiguousExampleDay("2026-12-03"), "2026-12-26");
  assert.equal(unambiguousExampleDay("2026-12-13"), "2026-12-13");
  assert.equal(browserDateExample(unambiguousExampleDay("2026-12-03"), "en-US"), "12/26/2026");
});
