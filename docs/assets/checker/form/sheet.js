// The counter sheet (printed only): the answer in both languages side by side, its dates
// the engine's (each language's `written`, keyed by the engine's ISO dates).

import { el, fill } from "../shared/dom.js";

/** @import { CheckResult, Words } from "../shared/types.js" */
/**
 * One language's column: its headline and written dates, and the sheet's words.
 * @typedef {{headline: string, written: Record<string, string>, words: Words}} SheetColumn
 */

export const HAS_WINDOW = new Set(["eligible", "not_yet"]);
export const IN_PERSON = ["checklist_passport", "checklist_permit", "checklist_portrait"];
export const BY_AGENT = ["checklist_agent_documents", "checklist_photo", "checklist_agent_id"];

/**
 * @param {Record<string, SheetColumn>} sheets  by language ("en", "zh")
 * @param {CheckResult} result
 * @param {Record<string, string>} documents  the reader's document dates (ISO)
 */
export function counterSheet(sheets, result, documents) {
  const langs = ["en", "zh"].filter((lang) => sheets[lang]);
  /**
   * @param {string} lang
   * @param {...import("../shared/dom.js").Children} children
   */
  const cell = (lang, ...children) => el("td", { lang: lang === "zh" ? "zh-CN" : "en" }, ...children);
  /** @param {(sheet: SheetColumn) => import("../shared/dom.js").Children[]} make */
  const row = (make) => {
    const cells = langs.map((lang) => make(sheets[lang]));
    if (cells.every((children) => !children.length)) return null; // e.g. no window to go in
    return el("tr", {}, langs.map((lang, index) => cell(lang, ...cells[index])));
  };
  /**
   * @param {SheetColumn} sheet
   * @param {string} iso
   */
  const dateOf = (sheet, iso) => sheet.written[iso];
  const rows = [
    row((s) => [el("strong", {}, s.headline)]),
    row((s) => {
      if (!HAS_WINDOW.has(result.status)) return [];
      // the days to act on (working days), as the answer advises: not a Saturday or holiday
      const working = result.earliest_working_day;
      const earliest = working && working <= result.latest ? working : result.earliest;
      const latest = result.act_by || result.latest;
      return [fill(s.words.sheet_go, { earliest: dateOf(s, earliest) || dateOf(s, result.earliest), latest: dateOf(s, latest) || dateOf(s, result.latest) })];
    }),
    row((s) => [
      el(
        "dl",
        {},
        Object.keys(documents).map((field) => [
          el("dt", {}, s.words[field]),
          el("dd", {}, documents[field] ? dateOf(s, documents[field]) : "–"),
        ]),
      ),
    ]),
    row((s) => [
      el("strong", {}, s.words.checklist_in_person),
      el("ul", {}, IN_PERSON.map((key) => el("li", {}, s.words[key]))),
      el("strong", {}, s.words.checklist_agent),
      el("ul", {}, BY_AGENT.map((key) => el("li", {}, s.words[key]))),
    ]),
    row((s) => [s.words.sheet_confirm]),
  ];
  return el(
    "div",
    { class: "checker__sheet", "aria-hidden": "true" },
    el("p", { class: "checker__sheet-title" }, langs.map((lang) => sheets[lang].words.sheet_title).join(" · ")),
    el("table", {}, el("tbody", {}, rows)),
  );
}
