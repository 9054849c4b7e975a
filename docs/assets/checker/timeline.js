// The answer's timeline: the documents' dates, the window and the day asked about, in date
// order down a line, as an SVG picture (role="img") whose aria-label says the same in words.
// Rows are evenly spaced (a proportional scale would crowd the first days together on a
// phone); the window is the thick part of the line.

const SVG = "http://www.w3.org/2000/svg";
const ROW = 38; // px between rows: a label line and a date line
const WIDTH = 320;
const LINE_X = 10;
const TEXT_X = 28;

function svg(tag, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

// [{key, date, label}] in date order; the window's ends only when the dates allow a window.
function events({ result, facts, values, words, planned }) {
  const list = [
    { key: "permit_issued", date: values.permit_issued, label: words.timeline_permit_issued },
    { key: "earliest", date: result.earliest, label: words.timeline_first, show: facts.hasWindow || result.status === "too_late" },
    { key: "on", date: result.on, label: planned ? words.timeline_planned : words.timeline_today },
    { key: "latest", date: result.latest, label: result.status === "too_late" ? words.timeline_last_passed : words.timeline_last, show: facts.hasWindow || result.status === "too_late" },
    { key: "permit_expires", date: values.permit_expires, label: words.timeline_permit_expires },
    { key: "passport_expires", date: values.passport_expires, label: words.timeline_passport_expires },
  ];
  return list
    .filter((event) => event.date && event.show !== false)
    .map((event, index) => ({ ...event, index }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
}

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
    "aria-label": `${words.timeline_title}: ${rows.map((row) => `${row.label} ${written(row.date)}`).join("; ")}.`,
  });
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
