// The checker page's rules line from the running engine (docs/assets/checker/form/running-rules.js),
// without a browser: a fake engine and spans.
import assert from "node:assert/strict";
import { test } from "node:test";

import { runningValues, showRunningRules } from "../../docs/assets/checker/form/running-rules.js";

const REPLY = {
  rules: [],
  rules_version: "2031.1",
  last_verified: "2031-01-05",
  days_left_shown_within: 30,
  written: { "2031-01-05": "5 January 2031" },
};

/** A page holding the build's values in its two spans. */
function page() {
  const spans = [
    { dataset: { rulesRunning: "rules_version" }, textContent: "2026.11" },
    { dataset: { rulesRunning: "last_verified" }, textContent: "26 November 2026" },
  ];
  return { spans, querySelectorAll: () => spans };
}

test("the page shows the running engine's rules version and its day, written by the engine", async () => {
  const scope = page();
  /** @type {unknown[][]} */
  const calls = [];
  const engine = { call: async (/** @type {string} */ fn, /** @type {object} */ args) => (calls.push([fn, args]), REPLY) };
  await showRunningRules(engine, "en", /** @type {any} */ (scope));
  assert.deepEqual(calls, [["rules_json", { lang: "en" }]]);
  assert.deepEqual(scope.spans.map((span) => span.textContent), ["2031.1", "5 January 2031"]);
});

test("a page without the line asks the engine nothing", async () => {
  let asked = false;
  const engine = { call: async () => ((asked = true), REPLY) };
  await showRunningRules(engine, "en", /** @type {any} */ ({ querySelectorAll: () => [] }));
  assert.equal(asked, false);
});

test("a day the engine did not write leaves the build's value", () => {
  assert.equal(runningValues({ ...REPLY, written: {} }).last_verified, undefined);
});
