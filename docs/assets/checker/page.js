// The eligibility form: starts the engine at once, answers when asked (as soon as the
// engine is ready), shows errors GOV.UK-style, and keeps everything on the device.

import { renderAnswer, markInvalid, el, fill } from "./answer.js";
import { FORM_FIELDS, browserDateExample, fragmentFor, todayInHangzhou, valuesFromFragment } from "./dates.js";
import { download, readConfig, startWidgetEngine } from "./widget.js";

function setStatus(root, text) {
  root.querySelector("[data-checker-status]").textContent = text;
}

function formValues(form) {
  const values = {};
  for (const name of FORM_FIELDS) values[name] = form.elements[name].value.trim();
  return values;
}

function fillForm(form, values) {
  for (const name of FORM_FIELDS) {
    if (values[name] !== undefined) form.elements[name].value = values[name];
  }
}

function requestFor(values, lang) {
  return JSON.stringify({ ...values, category: values.category || "unknown", lang });
}

function clearErrors(root, form) {
  const summary = root.querySelector("[data-checker-errors]");
  summary.hidden = true;
  summary.querySelector("ul").replaceChildren();
  for (const field of form.querySelectorAll("[data-field]")) {
    const input = form.elements[field.dataset.field];
    const message = field.querySelector(".checker__error");
    field.classList.remove("checker__field--error");
    message.hidden = true;
    message.textContent = "";
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", `${input.id}-hint`);
  }
}

// errors: [{field, message}] from the engine, in form order.
function showErrors(root, form, errors) {
  clearErrors(root, form);
  const summary = root.querySelector("[data-checker-errors]");
  const list = summary.querySelector("ul");
  for (const error of errors) {
    const { field } = error;
    const input = form.elements[field] || form.elements.permit_issued;
    const message = inBrowserForm(error.message, input);
    const wrapper = input.closest("[data-field]");
    const text = wrapper.querySelector(".checker__error");
    wrapper.classList.add("checker__field--error");
    text.hidden = false;
    text.textContent = text.textContent ? `${text.textContent} ${message}` : message;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${input.id}-hint ${input.id}-error`);
    const link = el("a", { href: `#${input.id}` }, message);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      input.focus();
      wrapper.scrollIntoView({ block: "center" });
    });
    list.append(el("li", {}, link));
  }
  summary.hidden = false;
  summary.focus();
}

// The engine's example date (2026-11-26) as this browser's date input shows it, when the
// field is a real date input (a browser without one takes the engine's written forms).
const ENGINE_EXAMPLE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

function inBrowserForm(message, input) {
  if (input.type !== "date") return message;
  return message.replace(ENGINE_EXAMPLE, (iso) => browserDateExample(iso));
}

// Each date field's hint ends with an example written as this browser shows dates.
function addDateExamples(form, words, today) {
  for (const input of form.querySelectorAll("input[type=date]")) {
    const hint = document.getElementById(`${input.id}-hint`);
    hint.append(" ", fill(words.date_example, { example: browserDateExample(today) }));
  }
}

// Printing the answered page gives the counter sheet alone (see checker.css).
function printAnswer() {
  window.print();
}

async function copyLink(link, words, feedback) {
  try {
    await navigator.clipboard.writeText(link);
    feedback.replaceChildren(words.copied);
  } catch {
    // No clipboard (e.g. a plain-http intranet): show the link to copy by hand.
    const field = el("input", { type: "text", readonly: "", value: link, "aria-label": words.copy_fallback });
    feedback.replaceChildren(`${words.copy_fallback} `, field);
    field.select();
  }
}

function showFailure(root, words) {
  root.dataset.state = "failed";
  setStatus(root, words.status_failed);
  root.querySelector("[data-checker-failed]").hidden = false;
  root.querySelector("button[type=submit]").disabled = true;
}

// Tell the rest of the page (e.g. the embed page's messages to its host) about each answer:
// a "checker:answer" event whose detail is the engine's reply to check_json.
function announce(root, reply) {
  root.dispatchEvent(new CustomEvent("checker:answer", { bubbles: true, detail: reply }));
}

// The engine's answer in one language (the page's, or the other for the counter sheet).
function ask(engine, values, lang) {
  return engine.call("check_json", requestFor(values, lang)).then(JSON.parse);
}

// The headline to the top of the screen (below Material's sticky header), focused: focus()
// on a tall element would centre it, so focus without scrolling, then scroll.
function showHeadline(answerElement) {
  const headline = answerElement.querySelector("[data-headline]");
  headline.focus({ preventScroll: true });
  headline.scrollIntoView({ block: "start" });
}

async function answer(root, engine, rulesInfo, values, context) {
  const { words, lang, form } = context;
  const request = requestFor(values, lang);
  const reply = JSON.parse(await engine.call("check_json", request));
  if (!context.isCurrent()) return;
  const answerElement = root.querySelector("[data-checker-answer]");
  if (!reply.ok) {
    markInvalid(answerElement);
    showErrors(root, form, reply.errors);
    setStatus(root, words.errors_title);
    announce(root, reply);
    return;
  }
  clearErrors(root, form);
  const otherLang = lang === "zh" ? "en" : "zh";
  const [ics, info, otherReply] = await Promise.all([
    engine.call("window_ics", request),
    rulesInfo(),
    ask(engine, values, otherLang),
  ]);
  if (!context.isCurrent()) return;
  const fragment = fragmentFor(values, context.today);
  history.replaceState(history.state, "", fragment);
  const sheetWords = context.sheetWords;
  renderAnswer(answerElement, {
    reply,
    info,
    words,
    lang,
    values,
    planned: values.on !== context.today,
    shareLink: location.href,
    sheets: {
      [lang]: { reply, words: { ...sheetWords[lang] }, lang },
      [otherLang]: { reply: otherReply.ok ? otherReply : reply, words: { ...sheetWords[otherLang] }, lang: otherLang },
    },
    hasCalendar: ics !== "",
    handlers: {
      calendar: () => download(ics, words.calendar_file, "text/calendar;charset=utf-8"),
      print: printAnswer,
      copyLink: (link, feedback) => copyLink(link, words, feedback),
    },
  });
  setStatus(root, words.status_answered);
  showHeadline(answerElement);
  announce(root, reply);
}

// The language switch keeps the answer's link (its fragment holds the dates).
function keepFragmentOnLanguageSwitch() {
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest("a[hreflang]");
      if (!link || !location.hash) return;
      const target = new URL(link.href);
      target.hash = location.hash;
      link.href = target.href;
    },
    true,
  );
}

// The sheet's words in both languages: "sheet.en.key" / "sheet.zh.key" in the config.
function sheetWordsFrom(words) {
  const sheets = { en: {}, zh: {} };
  for (const [key, value] of Object.entries(words)) {
    const match = /^sheet\.(en|zh)\.(.+)$/.exec(key);
    if (match) sheets[match[1]][match[2]] = value;
  }
  return sheets;
}

function main() {
  const root = document.querySelector("[data-checker]");
  if (!root) return;
  const form = root.querySelector("form");
  const { words, facts } = readConfig(root, "[data-checker-config]");
  const lang = root.dataset.lang;
  const today = todayInHangzhou(facts);
  form.elements.on.value = today;
  try {
    addDateExamples(form, words, today);
  } catch (error) {
    console.error("[checker] no date examples:", error); // the form works without them
  }
  keepFragmentOnLanguageSwitch();
  const sheetWords = sheetWordsFrom(words);

  const engine = startWidgetEngine(root);
  let rulesPromise = null;
  const rulesInfo = () => {
    rulesPromise ??= engine.call("rules_json", lang).then(JSON.parse);
    return rulesPromise;
  };
  engine.ready.then(
    () => {
      root.dataset.state = "ready";
      setStatus(root, words.status_ready);
    },
    (error) => {
      console.error("[checker] the engine could not start:", error.step, error.message);
      showFailure(root, words);
    },
  );

  let latestRequest = 0;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = formValues(form);
    const request = ++latestRequest;
    setStatus(root, root.dataset.state === "ready" ? words.status_working : words.status_waiting);
    delete root.querySelector("[data-checker-answer]").dataset.status;
    const isCurrent = () => request === latestRequest;
    try {
      await answer(root, engine, rulesInfo, values, { words, lang, form, isCurrent, today, sheetWords });
    } catch (error) {
      console.error("[checker] no answer:", error);
      if (root.dataset.state !== "failed") showFailure(root, words);
    }
  });

  const linked = valuesFromFragment(location.hash);
  if (linked) {
    fillForm(form, linked);
    form.requestSubmit();
  }
}

main();
