// The answer under the form, built from the engine's JSON (check_json and rules_json):
// headline, window with the rule that sets each end (dates as the engine writes them), each rule with its explanation and
// source, the notes, a printable checklist and the actions (calendar, print, copy link).

// A DOM element; children are nodes or strings (text, never parsed as HTML).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

function ruleTitles(rulesInfo) {
  return new Map(rulesInfo.rules.map((rule) => [rule.id, rule]));
}

// The rule whose date is this end of the window (the later opening, the earlier closing).
function ruleSetting(result, date, end) {
  return result.rules.find((rule) => rule.sets === end && rule.date === date) || null;
}

function windowSection(result, info, words, written) {
  const titles = ruleTitles(info);
  const end = (label, date, which) => {
    const rule = ruleSetting(result, date, which);
    const title = rule && titles.get(rule.id) ? titles.get(rule.id).title : null;
    return [
      el("dt", {}, label),
      el(
        "dd",
        {},
        el("time", { datetime: date }, written(date)),
        title ? el("span", { class: "checker__set-by" }, fill(words.set_by, { rule: title })) : null,
      ),
    ];
  };
  return el(
    "section",
    { class: "checker__window" },
    el("h4", {}, words.window_title),
    result.status === "no_window" ? el("p", {}, words.window_none) : null,
    el(
      "dl",
      {},
      end(words.window_first, result.earliest, "earliest"),
      end(words.window_last, result.latest, "latest"),
    ),
  );
}

function rulesSection(result, info, words, written) {
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
  return el("section", { class: "checker__rules" }, el("h4", {}, words.rules_title), el("ul", {}, items));
}

function notesSection(result, words) {
  if (!result.notes.length) return null;
  return el(
    "section",
    { class: "checker__notes" },
    el("h4", {}, words.notes_title),
    el("ul", {}, result.notes.map((note) => el("li", {}, note.message))),
  );
}

function checklistSection(result, words, written) {
  if (result.status !== "eligible" && result.status !== "not_yet") return null;
  const when = fill(words.checklist_when, {
    earliest: written(result.earliest),
    latest: written(result.latest),
  });
  const list = (...keys) => el("ul", { class: "checker__ticks" }, keys.map((key) => el("li", {}, words[key])));
  return el(
    "section",
    { class: "checker__checklist" },
    el("h4", {}, words.checklist_title),
    el("p", {}, words.checklist_intro),
    el("p", { class: "checker__when" }, when),
    el("h5", {}, words.checklist_in_person),
    list("checklist_passport", "checklist_permit", "checklist_portrait"),
    el("h5", {}, words.checklist_agent),
    list("checklist_agent_documents", "checklist_photo", "checklist_agent_id"),
  );
}

function actionsSection(words, hasCalendar, handlers) {
  const button = (label, action, extra = {}) => {
    const node = el("button", { type: "button", class: "md-button", ...extra }, label);
    node.addEventListener("click", action);
    return node;
  };
  const feedback = el("p", { class: "checker__feedback", role: "status" });
  return el(
    "section",
    { class: "checker__actions" },
    el("h4", {}, words.actions_title),
    el(
      "div",
      { class: "checker__buttons" },
      hasCalendar ? button(words.calendar, handlers.calendar, { "data-action": "calendar" }) : null,
      button(words.print, handlers.print, { "data-action": "print" }),
      button(words.copy_link, () => handlers.copyLink(feedback), { "data-action": "copy-link" }),
    ),
    feedback,
  );
}

// Replace the answer element's content with the engine's answer.
export function renderAnswer(answer, { reply, info, words, hasCalendar, handlers }) {
  const { result, headline } = reply;
  const dates = { ...info.written, ...reply.written };
  const written = (iso) => dates[iso] || iso;
  answer.dataset.status = result.status;
  answer.dataset.earliest = result.earliest;
  answer.dataset.latest = result.latest;
  answer.replaceChildren(
    el("h3", { class: `checker__headline checker__headline--${result.status}` }, headline),
    windowSection(result, info, words, written),
    checklistSection(result, words, written),
    rulesSection(result, info, words, written),
    notesSection(result, words),
    actionsSection(words, hasCalendar, handlers),
    el(
      "p",
      { class: "checker__version" },
      fill(words.rules_version, { version: result.rules_version, date: written(info.last_verified) }),
    ),
  );
  answer.hidden = false;
}

// Invalid input: the answer says so for automation; the errors are shown by the form.
export function markInvalid(answer) {
  answer.dataset.status = "invalid";
  answer.dataset.earliest = "";
  answer.dataset.latest = "";
  answer.replaceChildren();
  answer.hidden = true;
}
