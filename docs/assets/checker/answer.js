// The answer under the form, built from the engine's JSON (check_json and rules_json), short
// first: a panel with the headline and the window in one line (its working days, the days
// left), what to bring, a timeline, the actions (calendar, print, link); then, folded, each
// rule with its reading and source. A print-only counter sheet gives the dates and the
// documents in English and Chinese side by side. Dates are written by the engine.

import { timeline } from "./timeline.js";

// A DOM element; children are nodes or strings (text, never parsed as HTML). Null, undefined
// and false children are left out (never written as "null").
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  node.append(...present(children.flat(Infinity)));
  return node;
}

function present(nodes) {
  return nodes.filter((node) => node !== null && node !== undefined && node !== false);
}

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

const HAS_WINDOW = new Set(["eligible", "not_yet"]);

// The facts the answer needs, whatever the engine's version gives.
function factsOf(result, info) {
  const hasWindow = HAS_WINDOW.has(result.status);
  const daysLeft = Number.isInteger(result.days_left) ? result.days_left : null;
  return {
    hasWindow,
    daysLeft: result.status === "eligible" ? daysLeft : null,
    // "N days left" from this many days before the last day (rules.toml)
    daysLeftShownWithin: info.days_left_shown_within,
    confirm: Array.isArray(result.confirm) ? result.confirm : [],
    earliestWorkingDay: result.earliest_working_day || null,
    latestWorkingDay: result.latest_working_day || null,
  };
}

function ruleTitles(rulesInfo) {
  return new Map(rulesInfo.rules.map((rule) => [rule.id, rule]));
}

// The window in one line (unless the headline already gives both its days), with the days
// left when the last day is near.
function windowLine(reply, facts, words, written) {
  const { result, headline } = reply;
  if (!facts.hasWindow) return null;
  const earliest = written(result.earliest);
  const latest = written(result.latest);
  const line = el("p", { class: "checker__window" });
  if (!(headline.includes(earliest) && headline.includes(latest))) {
    line.append(
      el("span", { class: "checker__window-label" }, words.window_title),
      " ",
      el("strong", {}, fill(words.window_line, { earliest, latest })),
    );
  }
  if (facts.daysLeft !== null && facts.daysLeft <= facts.daysLeftShownWithin) {
    const template = facts.daysLeft === 0 ? words.days_left_none : facts.daysLeft === 1 ? words.days_left_one : words.days_left;
    line.append(" ", el("span", { class: "checker__days-left" }, fill(template, { days: facts.daysLeft })));
  }
  return line.childNodes.length ? line : null;
}

const WORKING_DAY_NOTE = /working/;

function notesList(notes, className) {
  if (!notes.length) return null;
  return el("ul", { class: className }, notes.map((note) => el("li", {}, note.message)));
}

// The engine's working-day sentences (a first or last day that is not a working day, a
// window without one, a day past the holiday calendar's years): next to the window.
function workingDayNotes(result) {
  return result.notes.filter((note) => WORKING_DAY_NOTE.test(note.id));
}

function panel(reply, facts, words, written, planned) {
  const { result, headline } = reply;
  return el(
    "div",
    { class: `checker__panel checker__panel--${result.status}` },
    el("h3", { class: "checker__headline", "data-headline": "", tabindex: "-1" }, headline),
    windowLine(reply, facts, words, written),
    notesList(workingDayNotes(result), "checker__working-days"),
    planned ? el("p", { class: "checker__planned" }, fill(words.planned, { on: written(result.on) })) : null,
  );
}

// What to take to the outlet (only when there is a window to go in).
function bringSection(facts, words) {
  if (!facts.hasWindow) return null;
  const list = (...keys) => el("ul", { class: "checker__ticks" }, keys.map((key) => el("li", {}, words[key])));
  return el(
    "section",
    { class: "checker__checklist" },
    el("h4", {}, words.checklist_title),
    el("p", {}, words.checklist_intro),
    el("h5", {}, words.checklist_in_person),
    list("checklist_passport", "checklist_permit", "checklist_portrait"),
    el("h5", {}, words.checklist_agent),
    list("checklist_agent_documents", "checklist_photo", "checklist_agent_id"),
  );
}

// The headline of an answer with a window already says what to confirm: the reason
// (the sources describe class A) then goes with the other reasons, folded.
function foldedNote(note, facts) {
  return note.id === "category_confirm" && facts.hasWindow && facts.confirm.includes("category");
}

function otherNotes(result, facts, words) {
  const notes = result.notes.filter((note) => !WORKING_DAY_NOTE.test(note.id) && !foldedNote(note, facts));
  if (!notes.length) return null;
  return el("section", { class: "checker__notes" }, el("h4", {}, words.notes_title), notesList(notes, ""));
}

function rulesSection(result, facts, info, words, written) {
  const titles = ruleTitles(info);
  const items = result.rules.map((rule) => {
    const about = titles.get(rule.id) || { title: rule.id, reading: "", source: null };
    const source = about.source;
    return el(
      "li",
      { class: rule.passed ? "checker__rule checker__rule--passed" : "checker__rule checker__rule--failed" },
      el("strong", {}, about.title),
      el("span", { class: "checker__verdict" }, ` ${rule.passed ? "✓" : "✗"} ${rule.passed ? words.rule_passed : words.rule_failed}`),
      el("p", {}, rule.message),
      about.reading ? el("p", { class: "checker__reading" }, about.reading) : null,
      source
        ? el(
            "p",
            { class: "checker__source" },
            `${words.source} `,
            el("a", { href: source.url, rel: "noopener noreferrer" }, source.title),
            source.published ? fill(words.published, { date: written(source.published) }) : "",
          )
        : null,
    );
  });
  return el(
    "details",
    { class: "checker__rules" },
    el("summary", {}, words.rules_title),
    notesList(result.notes.filter((note) => foldedNote(note, facts)), "checker__folded-notes"),
    el("ul", {}, items),
    el(
      "p",
      { class: "checker__version" },
      fill(words.rules_version, { version: result.rules_version, date: written(info.last_verified) }),
    ),
  );
}

function actionsSection(words, hasCalendar, shareLink, handlers) {
  const button = (label, action, extra = {}) => {
    const node = el("button", { type: "button", class: "md-button", ...extra }, label);
    node.addEventListener("click", action);
    return node;
  };
  const feedback = el("p", { class: "checker__feedback", role: "status" });
  const link = el("a", { class: "md-button", href: shareLink, "data-share-link": "", "data-action": "copy-link" }, words.copy_link);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    handlers.copyLink(link.href, feedback);
  });
  return el(
    "section",
    { class: "checker__actions" },
    el("h4", { class: "checker__actions-title" }, words.actions_title),
    el(
      "div",
      { class: "checker__buttons" },
      hasCalendar ? button(words.calendar, handlers.calendar, { "data-action": "calendar" }) : null,
      button(words.print, handlers.print, { "data-action": "print" }),
      link,
    ),
    feedback,
  );
}

// The counter sheet (printed only): the answer in both languages side by side.
// `sheets` is {en: {reply, words}, zh: {reply, words}}, each in its own language.
function counterSheet(sheets, values) {
  const langs = ["en", "zh"].filter((lang) => sheets[lang]);
  const cell = (lang, ...children) => el("td", { lang: lang === "zh" ? "zh-CN" : "en" }, ...children);
  const row = (make) => {
    const cells = langs.map((lang) => make(lang, sheets[lang]));
    if (cells.every((children) => !children.length)) return null; // e.g. no window to go in
    return el("tr", {}, langs.map((lang, index) => cell(lang, ...cells[index])));
  };
  const dateOf = (sheet, iso) => sheet.reply.written[iso];
  const rows = [
    row((lang, s) => [el("strong", {}, s.reply.headline)]),
    row((lang, s) => {
      const { result } = s.reply;
      if (!HAS_WINDOW.has(result.status)) return [];
      return [fill(s.words.sheet_go, { earliest: dateOf(s, result.earliest), latest: dateOf(s, result.latest) })];
    }),
    row((lang, s) => [
      el(
        "dl",
        {},
        ["permit_issued", "permit_expires", "passport_expires"].map((field) => [
          el("dt", {}, s.words[field]),
          el("dd", {}, values[field] ? dateOf(s, values[field]) : "–"),
        ]),
      ),
    ]),
    row((lang, s) => [
      el("strong", {}, s.words.checklist_in_person),
      el("ul", {}, ["checklist_passport", "checklist_permit", "checklist_portrait"].map((key) => el("li", {}, s.words[key]))),
      el("strong", {}, s.words.checklist_agent),
      el("ul", {}, ["checklist_agent_documents", "checklist_photo", "checklist_agent_id"].map((key) => el("li", {}, s.words[key]))),
    ]),
    row((lang, s) => [s.words.sheet_confirm]),
  ];
  return el(
    "div",
    { class: "checker__sheet", "aria-hidden": "true" },
    el("p", { class: "checker__sheet-title" }, langs.map((lang) => sheets[lang].words.sheet_title).join(" · ")),
    el("table", {}, el("tbody", {}, rows)),
  );
}

// Replace the answer element's content with the engine's answer.
// context: {reply, info, words, values, planned, shareLink, sheets, hasCalendar, handlers}
export function renderAnswer(answer, context) {
  const { reply, info, words, hasCalendar, handlers } = context;
  const { result } = reply;
  const dates = { ...info.written, ...reply.written };
  const written = (iso) => dates[iso];
  const facts = factsOf(result, info);
  Object.assign(answer.dataset, {
    status: result.status,
    earliest: result.earliest,
    latest: result.latest,
    daysLeft: facts.daysLeft === null ? "" : String(facts.daysLeft),
    confirm: facts.confirm.join(" "),
    earliestWorkingDay: facts.earliestWorkingDay || "",
    latestWorkingDay: facts.latestWorkingDay || "",
  });
  answer.replaceChildren(
    ...present([
      panel(reply, facts, words, written, context.planned),
      bringSection(facts, words),
      timeline({ result, facts, values: context.values, words, written, planned: context.planned }),
      actionsSection(words, hasCalendar, context.shareLink, handlers),
      otherNotes(result, facts, words),
      rulesSection(result, facts, info, words, written),
      counterSheet(context.sheets, context.values),
    ]),
  );
  answer.hidden = false;
  document.documentElement.classList.add("checker-answered");
}

// Invalid input: the answer says so for automation; the errors are shown by the form.
export function markInvalid(answer) {
  Object.assign(answer.dataset, {
    status: "invalid",
    earliest: "",
    latest: "",
    daysLeft: "",
    confirm: "",
    earliestWorkingDay: "",
    latestWorkingDay: "",
  });
  answer.replaceChildren();
  answer.hidden = true;
  document.documentElement.classList.remove("checker-answered");
}
