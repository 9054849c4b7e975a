// The answer's timeline: the documents' dates, the window and the day asked about, in date
// order down a line, as an SVG picture (role="img") whose aria-label says the same in words.
// Rows are evenly spaced (a proportional scale would crowd the first days together on a
// phone); the window is the thick part of the line. Every date is the engine's (ISO).

/** @import { CheckResult, Words } from "../shared/types.js" */
import { fill } from "../shared/dom.js";
/**
 * @typedef {object} TimelineContext
 * @property {CheckResult} result
 * @property {{hasWindow: boolean}} facts
 * @property {Record<string, string>} documents  the reader's document dates as the engine read them
 * @property {Words} words
 * @property {(iso: string) => string} written
 * @property {boolean} planned
 */
/** @typedef {{key: string, date: string, label: string, show?: boolean}} TimelineEvent */

const SVG = "http://www.w3.org/2000/svg";
const ROW = 38; // px between rows: a label line and a date line
const WIDTH = 320;
const LINE_X = 10;
const TEXT_X = 28;

/**
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {string | null} [text]
 */
function svg(tag, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/**
 * The events in date order (ISO dates order as days); the window's ends only when the
 * dates allow a window.
 * @param {Omit<TimelineContext, "written">} context
 */
export function events({ result, facts, documents, words, planned }) {
  const windowShown = facts.hasWindow || result.status === "too_late";
  /** @type {TimelineEvent[]} */
  const list = [
    { key: "permit_issued", date: documents.permit_issued, label: words.timeline_permit_issued },
    { key: "earliest", date: result.earliest, label: words.timeline_first, show: windowShown },
    { key: "on", date: result.on, label: planned ? words.timeline_planned : words.timeline_today },
    {
      key: "latest",
      date: result.latest,
      label: result.status === "too_late" ? words.timeline_last_passed : words.timeline_last,
      show: windowShown,
    },
    { key: "permit_expires", date: documents.permit_expires, label: words.timeline_permit_expires },
    { key: "passport_expires", date: documents.passport_expires, label: words.timeline_passport_expires },
  ];
  return list
    .filter((event) => event.date && event.show !== false)
    .map((event, index) => ({ ...event, index }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
}

/** @param {TimelineContext} context */
export function timeline(context) {
  const { words, written } = context;
  const rows = events(context);
  if (!rows.length) return null;
  const height = rows.length * ROW;
  const picture = svg("svg", {
    class: "checker__timeline",
    role: "img",
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: WIDTH,
    height,
    "aria-label": fill(words.timeline_summary, {
      events: rows.map((row) => `${row.label} ${written(row.date)}`).join(words.timeline_separator),
    }),
  });
  /** @param {number} index */
  const y = (index) => index * ROW + 12;
  picture.append(svg("line", { class: "checker__timeline-line", x1: LINE_X, x2: LINE_X, y1: y(0), y2: y(rows.length - 1) }));
  const first = rows.findIndex((row) => row.key === "earliest");
  const last = rows.findIndex((row) => row.key === "latest");
  if (first >= 0 && last > first) {
    const closed = context.result.status === "too_late" ? " checker__timeline-window--closed" : "";
    picture.append(svg("line", { class: `checker__timeline-window${closed}`, x1: LINE_X, x2: LINE_X, y1: y(first), y2: y(last) }));
  }
  rows.forEach((row, index) => {
    const mark = row.key === "on" ? "checker__timeline-dot checker__timeline-dot--on" : "checker__timeline-dot";
    picture.append(
      svg("circle", { class: mark, cx: LINE_X, cy: y(index), r: row.key === "on" ? 7 : 5 }),
      svg("text", { class: "checker__timeline-label", x: TEXT_X, y: y(index) + 4 }, row.label),
      svg("text", { class: "checker__timeline-date", x: TEXT_X, y: y(index) + 21 }, written(row.date)),
    );
  });
  return picture;
}
