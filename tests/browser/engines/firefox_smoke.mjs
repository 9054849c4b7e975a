// The smoke set in Firefox ESR: Debian's firefox-esr driven over WebDriver BiDi by npm
// puppeteer-core, in one browser session. tests/browser/test_other_engines.py writes the steps (the
// pages, the dates to enter, the staff list to choose) as JSON and compares what this prints
// (one JSON object: a result per step) with the engine's own answers.
//
// Usage: node tests/browser/engines/firefox_smoke.mjs STEPS.json
import fs from "node:fs";
import puppeteer from "puppeteer-core";

const START_TIMEOUT_MS = 60_000;
const FIREFOX = "/usr/bin/firefox-esr";

// Date inputs are set by script: typed ISO dates are read in the field's own order.
function setValues(selector, values) {
  const form = document.querySelector(selector);
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements[name];
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

function answerSeen() {
  const answer = document.querySelector("[data-checker] [data-checker-answer]");
  const headline = answer.querySelector("[data-headline]");
  const box = headline.getBoundingClientRect();
  const bar = document.querySelector(".md-header"); // none on the embed page
  const header = bar ? bar.getBoundingClientRect().bottom : 0;
  return {
    status: answer.dataset.status,
    earliest: answer.dataset.earliest,
    latest: answer.dataset.latest,
    focused: document.activeElement === headline,
    at_top: box.top >= header - 1 && box.top <= window.innerHeight / 3,
    scrolled_to_end:
      window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
    headline_top: Math.round(box.top),
    scroll_y: Math.round(window.scrollY),
  };
}

function batchCounts() {
  return Object.fromEntries(
    [...document.querySelectorAll("[data-batch] [data-count]")].map((item) => [
      item.dataset.count,
      Number(item.querySelector("strong").textContent),
    ]),
  );
}

async function answerStep(page, step) {
  await page.waitForSelector('[data-checker][data-state="ready"]', { timeout: START_TIMEOUT_MS });
  const ready = Date.now();
  await page.evaluate(setValues, "[data-checker] form", step.values);
  await page.click("[data-checker] button[type=submit]");
  await page.waitForSelector("[data-checker] [data-checker-answer][data-status]", {
    timeout: START_TIMEOUT_MS,
  });
  // Until a scroll the page asked for is over: the same scroll position two frames running.
  await page.evaluate(
    () =>
      new Promise((done) => {
        let last = null;
        const still = () =>
          requestAnimationFrame(() => {
            if (window.scrollY === last) return done();
            last = window.scrollY;
            still();
          });
        still();
      }),
  );
  return { ready, result: await page.evaluate(answerSeen) };
}

async function batchStep(page, step) {
  await page.waitForSelector('[data-batch][data-state="ready"]', { timeout: START_TIMEOUT_MS });
  const ready = Date.now();
  await page.evaluate(setValues, "[data-batch] form", { on: step.on });
  const input = await page.$("[data-batch] input[type=file]");
  await input.uploadFile(step.file);
  await page.waitForFunction(
    (name) => {
      const results = document.querySelector("[data-batch] [data-batch-results]");
      const summary = results && results.querySelector("[data-batch-summary]");
      return results && !results.hidden && summary.textContent.includes(name);
    },
    { timeout: START_TIMEOUT_MS },
    step.file.split("/").pop(),
  );
  return { ready, result: await page.evaluate(batchCounts) };
}

async function main() {
  const steps = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
  const started = Date.now();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { "intl.accept_languages": "en", "network.proxy.type": 0 },
  });
  const results = {};
  try {
    const page = await browser.newPage();
    let errors = [];
    page.on("pageerror", (error) => errors.push(String(error.message || error)));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    for (const step of steps) {
      errors = [];
      await page.setViewport(step.viewport);
      const opened = Date.now();
      await page.goto(step.url, { waitUntil: "load" });
      const { ready, result } =
        step.kind === "batch" ? await batchStep(page, step) : await answerStep(page, step);
      results[step.name] = { ...result, errors, ready_ms: ready - opened };
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ results, session_ms: Date.now() - started }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
