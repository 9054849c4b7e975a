// Dates for the checker's page: today in Hangzhou, the link fragment that refills the form
// (never sent to a server), and examples written the way the reader's browser shows a date.
// Every date in an answer is written by the engine (its reply's `written`), never here.

import { CONTRACT } from "./contract.js";

/** @import { Facts } from "./types.js" */
/** @typedef {Record<string, string>} FormValues */

/**
 * YYYY-MM-DD of the calendar day in Hangzhou now; `facts` is the widget's build-time block
 * (its offset from rules.toml: China has one time zone and no daylight saving time).
 * @param {Pick<Facts, "hangzhou_utc_offset_hours">} facts
 * @param {number} [now]
 */
export function todayInHangzhou(facts, now = Date.now()) {
  const offsetMs = facts.hangzhou_utc_offset_hours * 60 * 60 * 1000;
  return new Date(now + offsetMs).toISOString().slice(0, 10);
}

/**
 * "#permit_issued=2026-11-12&...": the document dates and category, for a link that answers
 * for the day it is opened; `on` only when the reader chose a day other than `today`.
 * @param {FormValues} values
 * @param {string} today
 */
export function fragmentFor(values, today) {
  const params = new URLSearchParams();
  for (const name of CONTRACT.linkFields) {
    if (values[name]) params.set(name, values[name]);
  }
  if (values.on && values.on !== today) params.set("on", values.on);
  return `#${params}`;
}

/**
 * The form's values from a link's fragment, or null when the fragment is not one of ours.
 * @param {string} hash
 * @returns {FormValues | null}
 */
export function valuesFromFragment(hash) {
  const params = new URLSearchParams((hash || "").replace(/^#/, ""));
  if (!params.has(CONTRACT.linkFields[0])) return null;
  /** @type {FormValues} */
  const values = {};
  for (const name of CONTRACT.formFields) {
    const value = params.get(name);
    if (value !== null) values[name] = value;
  }
  return values;
}

/** @param {string} iso */
function utcDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * A date the way a date input shows it in this browser (its own locale, numbers only),
 * e.g. 11/26/2026 in an American browser, 26/11/2026 in a British one, 2026/11/26 in Chinese.
 * @param {string} iso
 * @param {string} [locale]
 */
export function browserDateExample(iso, locale = navigator.language) {
  return browserDateFormat(locale).format(utcDate(iso));
}

/** @param {string} locale */
function browserDateFormat(locale) {
  /** @type {Intl.DateTimeFormatOptions} */
  const options = { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" };
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options); // a browser language Intl does not know
  }
}

/**
 * The order this browser's date input shows a date's parts in (its locale's, as the
 * example): e.g. ["month", "day", "year"] in an American browser.
 * @param {string} [locale]
 * @returns {("day" | "month" | "year")[]}
 */
export function browserDateOrder(locale = navigator.language) {
  const parts = browserDateFormat(locale).formatToParts(utcDate("2026-11-26"));
  return /** @type {("day" | "month" | "year")[]} */ (
    parts.map((part) => part.type).filter((type) => type === "day" || type === "month" || type === "year")
  );
}

/**
 * A day for the date hints' example whose day cannot be read as a month (over 12): today
 * when it is, else the 26th of this month.
 * @param {string} today  ISO
 */
export function unambiguousExampleDay(today) {
  return Number(today.slice(8, 10)) > 12 ? today : `${today.slice(0, 8)}26`;
}
