// Dates for the checker's page: today in Hangzhou and the link fragment that refills the
// form (never sent to a server). Dates are written for the reader by the engine.

export const FORM_FIELDS = ["permit_issued", "permit_expires", "passport_expires", "on", "category"];

// YYYY-MM-DD of the calendar day in Hangzhou now; `facts` is the widget's build-time block
// (its offset from rules.toml: China has one time zone and no daylight saving time).
export function todayInHangzhou(facts, now = Date.now()) {
  const offsetMs = facts.hangzhou_utc_offset_hours * 60 * 60 * 1000;
  return new Date(now + offsetMs).toISOString().slice(0, 10);
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
