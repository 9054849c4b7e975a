// Dates for the checker's page: today in Hangzhou, dates written the way each language
// writes them, and the link fragment that refills the form (never sent to a server).

const HANGZHOU_OFFSET_MS = 8 * 60 * 60 * 1000; // UTC+8, no daylight saving time

export const FORM_FIELDS = ["permit_issued", "permit_expires", "passport_expires", "on", "category"];

// YYYY-MM-DD of the calendar day in Hangzhou now.
export function todayInHangzhou(now = Date.now()) {
  return new Date(now + HANGZHOU_OFFSET_MS).toISOString().slice(0, 10);
}

const FORMATS = {
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  zh: new Intl.DateTimeFormat("zh-CN", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};

// "2 March 2027" / "2027年3月2日"; anything that is not YYYY-MM-DD is returned as it is.
export function formatDate(isoDate, lang) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate || "")) return isoDate || "";
  return (FORMATS[lang] || FORMATS.en).format(new Date(`${isoDate}T00:00:00Z`));
}

// "#permit_issued=2026-11-12&...": the form's values, for a link that refills the form.
export function fragmentFor(values) {
  const params = new URLSearchParams();
  for (const name of FORM_FIELDS) {
    if (values[name]) params.set(name, values[name]);
  }
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
