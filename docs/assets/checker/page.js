// The eligibility form: starts the engine at once, answers when asked (as soon as the
// engine is ready), shows errors GOV.UK-style, and keeps everything on the device.

import { renderAnswer, markInvalid, el } from "./answer.js";
import { FORM_FIELDS, fragmentFor, todayInHangzhou, valuesFromFragment } from "./dates.js";
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
  for (const { field, message } of errors) {
    const input = form.elements[field] || form.elements.permit_issued;
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

// Print only the checker (see checker.css), then give the page back its usual print style.
function printAnswer() {
  const html = document.documentElement;
  html.classList.add("checker-print");
  window.addEventListener("afterprint", () => html.classList.remove("checker-print"), { once: true });
  window.print();
}

async function copyLink(values, words, feedback) {
  const link = location.href.split("#")[0] + fragmentFor(values);
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
  const [ics, info] = await Promise.all([engine.call("window_ics", request), rulesInfo()]);
  if (!context.isCurrent()) return;
  renderAnswer(answerElement, {
    reply,
    info,
    words,
    hasCalendar: ics !== "",
    handlers: {
      calendar: () => download(ics, words.calendar_file, "text/calendar;charset=utf-8"),
      print: printAnswer,
      copyLink: (feedback) => copyLink(values, words, feedback),
    },
  });
  setStatus(root, words.status_answered);
  // The answer's top goes to the top of the screen in every engine (focus() alone centres
  // a tall answer in Chromium, cutting its headline off, and barely reveals it in Firefox).
  answerElement.focus({ preventScroll: true });
  answerElement.scrollIntoView({ block: "start" });
  announce(root, reply);
}

function main() {
  const root = document.querySelector("[data-checker]");
  if (!root) return;
  const form = root.querySelector("form");
  const { words, facts } = readConfig(root, "[data-checker-config]");
  const lang = root.dataset.lang;
  form.elements.on.value = todayInHangzhou(facts);

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
      await answer(root, engine, rulesInfo, values, { words, lang, form, isCurrent });
    } catch {
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
