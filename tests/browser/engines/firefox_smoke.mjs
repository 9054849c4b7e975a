// The smoke set in Firefox ESR: Debian's firefox-esr driven over WebDriver BiDi by npm
// puppeteer-core, in one browser session. tests/browser/test_other_engines.py writes the steps (the
// pages, the dates to enter, the staff list to choose) as JSON and compares what this prints
// (one JSON object: a result per step) with the engine's own answers.
//
// The offline step: after one visit to the checker, until the service worker controls the
// page and has kept the runtime, the site's server (its own process, step.server_pid:
// tests/browser/engines/stoppable_site.py) is stopped, and the other pages, then the
// checker's page, are opened again.
//
// Usage: node tests/browser/engines/firefox_smoke.mjs STEPS.json
import fs from "node:fs";
import net from "node:net";
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
  if (step.date_order) {
    // The list's date order chosen; pressed once the list checked with it is shown.
    const choice = `[data-batch] button[data-date-order="${step.date_order}"]`;
    await page.click(choice);
    await page.waitForFunction(
      (selector) => {
        const table = document.querySelector("[data-batch] [data-batch-results] table");
        return document.querySelector(selector).getAttribute("aria-pressed") === "true" && !table.hasAttribute("aria-busy");
      },
      { timeout: START_TIMEOUT_MS },
      choice,
    );
  }
  return { ready, result: await page.evaluate(batchCounts) };
}

// Whether anything accepts connections at the URL's port.
function answers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// Stop the server (its process id) and wait until its port refuses connections.
async function stopServer(pid, url) {
  process.kill(pid, "SIGTERM");
  for (let looks = 0; looks < 600; looks += 1) {
    if (!(await answers(url))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server at ${url} did not stop`);
}

function pageSeen() {
  const heading = document.querySelector("h1");
  return {
    heading: heading ? heading.textContent.replace("\u00b6", "").trim() : null,
    controlled: Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
  };
}

async function offlineStep(page, step) {
  await page.waitForSelector('[data-checker][data-state="ready"]', { timeout: START_TIMEOUT_MS });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, {
    timeout: START_TIMEOUT_MS,
  });
  // Until the runtime cache holds every runtime file (looked at as it fills).
  await page.evaluate(
    async (name, count) => {
      for (;;) {
        const keys = await (await caches.open(name)).keys();
        if (keys.length >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    step.runtime_cache,
    step.runtime_files,
  );
  await stopServer(step.server_pid, step.url);
  const opened = [];
  for (const url of step.pages) {
    await page.goto(url, { waitUntil: "load" });
    opened.push({ url, ...(await page.evaluate(pageSeen)) });
    // Firefox prefetches the page's rel="next" page once it has loaded; leaving during that
    // prefetch (answered by the service worker) logs NS_BINDING_ABORTED and "A ServiceWorker
    // intercepted the request and encountered an unexpected error": not the reader's error.
    await page.waitForNetworkIdle({ idleTime: 500, timeout: START_TIMEOUT_MS });
  }
  // The checker's page last (once its engine is ready: leaving while it starts is no error).
  await page.goto(step.url, { waitUntil: "load" });
  await page.waitForSelector('[data-checker][data-state="ready"]', { timeout: START_TIMEOUT_MS });
  opened.push({ url: step.url, ...(await page.evaluate(pageSeen)) });
  const { ready, result } = await answerStep(page, step);
  return { ready, result: { ...result, opened } };
}

const STEP_RUNS = { answer: answerStep, batch: batchStep, offline: offlineStep };

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
      const { ready, result } = await STEP_RUNS[step.kind](page, step);
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
