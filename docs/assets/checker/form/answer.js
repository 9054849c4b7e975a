// The answer under the form, built from the engine's one reply (answer_json), short first:
// a panel with the headline and the window in one line (its working days, the days left),
// what to bring, a timeline, the actions (calendar, print, link); then, folded, each rule
// with its reading and source; and the printed counter sheet (form/sheet.js). Dates are
// written by the engine.

import { el, fill, present } from "../shared/dom.js";
import { BY_AGENT, HAS_WINDOW, IN_PERSON, counterSheet } from "./sheet.js";
import { timeline } from "./timeline.js";

/** @import { Answer, CheckResult, Note, RulesReply, Words } from "../shared/types.js" */
/** @import { SheetColumn } from "./sheet.js" */
/**
 * @typedef {object} AnswerFacts
 * @property {boolean} hasWindow
 * @property {number | null} daysLeft
 * @property {number} daysLeftShownWithin
 * @property {string[]} confirm
 * @property {string | null} earliestWorkingDay
 * @property {string | null} latestWorkingDay
 */
/** @typedef {(iso: string) => string} Written */
/**
 * @typedef {object} Handlers
 * @property {() => void} calendar
 * @property {() => void} print
 * @property {(link: string, feedback: HTMLElement) => void} copyLink
 */
/**
 * @typedef {object} AnswerContext
 * @property {Answer} reply
 * @property {Words} words
 * @property {boolean} planned
 * @property {string} shareLink
 * @property {Record<string, SheetColumn>} sheets
 * @property {Handlers} handlers
 */

/**
 * The facts the answer needs, whatever the engine's version gives.
 * @param {CheckResult} result
 * @param {RulesReply} info
 * @returns {AnswerFacts}
 */
function factsOf(result, info) {
  const hasWindow = HAS_WINDOW.has(result.status);
  // the days left to the day to act by (the working day the answer advises), not to the
  // rules' calendar day: the margin the reader really has
  const toAct = typeof result.days_to_act === "number" ? result.days_to_act : result.days_left;
  const daysLeft = typeof toAct === "number" && Number.isInteger(toAct) ? toAct : null;
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

/** @param {RulesReply} rulesInfo */
function ruleTitles(rulesInfo) {
  return new Map(rulesInfo.rules.map((rule) => [rule.id, rule]));
}

// The window in one line (unless the headline already gives both its days), with the days
// left when the last day is near.
/**
 * @param {Answer} reply
 * @param {AnswerFacts} facts
 * @param {Words} words
 * @param {Written} written
 */
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

/**
 * @param {Note[]} notes
 * @param {string} className
 */
function notesList(notes, className) {
  if (!notes.length) return null;
  return el("ul", { class: className }, notes.map((note) => el("li", {}, note.message)));
}

// The engine's working-day sentences (a first or last day that is not a working day, a
// window without one, a day past the holiday calendar's years): next to the window.
/** @param {CheckResult} result */
function workingDayNotes(result) {
  return result.notes.filter((note) => WORKING_DAY_NOTE.test(note.id));
}

/**
 * @param {Answer} reply
 * @param {AnswerFacts} facts
 * @param {Words} words
 * @param {Written} written
 * @param {boolean} planned
 */
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
/**
 * @param {AnswerFacts} facts
 * @param {Words} words
 */
function bringSection(facts, words) {
  if (!facts.hasWindow) return null;
  /** @param {string[]} keys */
  const list = (keys) => el("ul", { class: "checker__ticks" }, keys.map((key) => el("li", {}, words[key])));
  return el(
    "section",
    { class: "checker__checklist" },
    el("h4", {}, words.checklist_title),
    el("p", {}, words.checklist_intro),
    el("h5", {}, words.checklist_in_person),
    list(IN_PERSON),
    el("h5", {}, words.checklist_agent),
    list(BY_AGENT),
  );
}

// The headline of an answer with a window already says what to confirm: the reason
// (the sources describe class A) then goes with the other reasons, folded.
/**
 * @param {Note} note
 * @param {AnswerFacts} facts
 */
function foldedNote(note, facts) {
  return note.id === "category_confirm" && facts.hasWindow && facts.confirm.includes("category");
}

/**
 * @param {CheckResult} result
 * @param {AnswerFacts} facts
 * @param {Words} words
 */
function otherNotes(result, facts, words) {
  const notes = result.notes.filter((note) => !WORKING_DAY_NOTE.test(note.id) && !foldedNote(note, facts));
  if (!notes.length) return null;
  return el("section", { class: "checker__notes" }, el("h4", {}, words.notes_title), notesList(notes, ""));
}

/**
 * @param {CheckResult} result
 * @param {AnswerFacts} facts
 * @param {RulesReply} info
 * @param {Words} words
 * @param {Written} written
 */
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
            words.source,
            el("a", { href: source.url, rel: "noopener noreferrer" }, source.title),
            source.written_in_label || "",
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

/**
 * @param {Words} words
 * @param {boolean} hasCalendar
 * @param {string} shareLink
 * @param {Handlers} handlers
 * @param {string} noCalendar  the engine's sentence when none of the window's days is ahead
 */
function actionsSection(words, hasCalendar, shareLink, handlers, noCalendar) {
  /**
   * @param {string} label
   * @param {() => void} action
   * @param {Record<string, string>} [extra]
   */
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
    !hasCalendar && noCalendar ? el("p", { class: "checker__no-calendar", "data-no-calendar": "" }, noCalendar) : null,
    feedback,
  );
}

/**
 * The engine's sentence saying why there is no calendar file ("" when there is one, or no
 * window to put in one).
 * @param {Answer} reply
 */
function noCalendarSentence(reply) {
  const calendar = reply.calendar;
  return calendar && calendar.state === "none_ahead" && calendar.message ? calendar.message : "";
}

/**
 * How the engine read each date written day-first or month-first ("“15/11/2026” was read as
 * Sunday 15 November 2026 (day/month/year)"), under the answer: a reader sees at once if it
 * is not what they meant. Null when every date was unambiguous.
 * @param {Answer} reply
 */
function readingsList(reply) {
  const readings = reply.readings || [];
  if (!readings.length) return null;
  return el(
    "ul",
    { class: "checker__readings", "data-readings": "" },
    readings.map((reading) => el("li", { "data-reading": reading.field }, reading.message)),
  );
}

/**
 * Replace the answer element's content with the engine's answer.
 * @param {HTMLElement} answer
 * @param {AnswerContext} context
 */
export function renderAnswer(answer, context) {
  const { reply, words, handlers } = context;
  const { result, rules: info, documents } = reply;
  const dates = { ...info.written, ...reply.written };
  /** @type {Written} */
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
    actBy: result.act_by || "",
  });
  answer.replaceChildren(
    ...present([
      panel(reply, facts, words, written, context.planned),
      readingsList(reply),
      bringSection(facts, words),
      timeline({ result, facts, documents, words, written, planned: context.planned }),
      actionsSection(words, reply.ics !== "", context.shareLink, handlers, noCalendarSentence(reply)),
      otherNotes(result, facts, words),
      rulesSection(result, facts, info, words, written),
      counterSheet(context.sheets, result, documents),
    ]),
  );
  answer.hidden = false;
  document.documentElement.classList.add("checker-answered");
}

/**
 * Invalid input: the answer says so for automation; the errors are shown by the form.
 * @param {HTMLElement} answer
 */
export function markInvalid(answer) {
  Object.assign(answer.dataset, {
    status: "invalid",
    earliest: "",
    latest: "",
    daysLeft: "",
    confirm: "",
    earliestWorkingDay: "",
    latestWorkingDay: "",
    actBy: "",
  });
  answer.replaceChildren();
  answer.hidden = true;
  document.documentElement.classList.remove("checker-answered");
}
