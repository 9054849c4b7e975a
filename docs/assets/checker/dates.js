// Dates for the checker's page: today in Hangzhou, the link fragment that refills the form
// (never sent to a server), and examples written the way the reader's browser shows a date.
// Every date in an answer is written by the engine (its reply's `written`), never here.

export const FORM_FIELDS = ["permit_issued", "permit_expires", "passport_expires", "on", "category"];
// The fields a link always carries; the application day only when it was planned.
const LINK_FIELDS = ["permit_issued", "permit_expires", "passport_expires", "category"];

// YYYY-MM-DD of the calendar day in Hangzhou now; `facts` is the widget's build-time block
// (its offset from rules.toml: China has one time zone and no daylight saving time).
export function todayInHangzhou(facts, now = Date.now()) {
  const offsetMs = facts.hangzhou_utc_offset_hours * 60 * 60 * 1000;
  return new Date(now + offsetMs).toISOString().slice(0, 10);
}

// "#permit_issued=2026-11-12&...": the document dates and category, for a link that answers
// for the day it is opened; `on` only when the reader chose a day other than `today`.
export function fragmentFor(values, today) {
  const params = new URLSearchParams();
  for (const name of LINK_FIELDS) {
    if (values[name]) params.set(name, values[name]);
  }
  if (values.on && values.on !== today) params.set("on", values.on);
  return `#${params}`;
}

// The form's values from a link's fragment, or null when the fragment is not one of ours.
export function valuesFromFragment(hash) {
  const params = new URLSearchParams((hash || "").replace(/^#/, ""));
  if (!params.has("permit_issued")) return null;
  const values = {};
  for (const name of FORM_FIELDS) {
    if (params.has(name)) values[name] = params.get(name);
  }
  return values;
}

function utcDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

// A date the way a date input shows it in this browser (its own locale, numbers only),
// e.g. 11/26/2026 in an American browser, 26/11/2026 in a British one, 2026/11/26 in Chinese.
export function browserDateExample(iso, locale = navigator.language) {
  const options = { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" };
  let format;
  try {
    format = new Intl.DateTimeFormat(locale, options);
  } catch {
    format = new Intl.DateTimeFormat(undefined, options); // a browser language Intl does not know
  }
  return format.format(utcDate(iso));
}
