// The form's fields: their values (the engine's field names, from contract.js), filling
// them from a link, the errors GOV.UK-style (a summary linking to each field, the message
// beside it), and each date hint's example as this browser writes dates.

import { CONTRACT } from "../shared/contract.js";
import { browserDateExample, browserDateOrder, unambiguousExampleDay } from "../shared/dates.js";
import { el, fill, required } from "../shared/dom.js";

/** @import { FieldError, Words } from "../shared/types.js" */
/** @import { FormValues } from "../shared/dates.js" */

/**
 * @param {HTMLFormElement} form
 * @param {string} name
 */
function field(form, name) {
  return /** @type {HTMLInputElement | HTMLSelectElement} */ (form.elements.namedItem(name));
}

/**
 * @param {HTMLFormElement} form
 * @returns {FormValues}
 */
export function formValues(form) {
  /** @type {FormValues} */
  const values = {};
  for (const name of CONTRACT.formFields) values[name] = field(form, name).value.trim();
  return values;
}

/**
 * @param {HTMLFormElement} form
 * @param {FormValues} values
 */
export function fillForm(form, values) {
  for (const name of CONTRACT.formFields) {
    if (values[name] !== undefined) field(form, name).value = values[name];
  }
}

/**
 * @param {HTMLElement} root
 * @param {HTMLFormElement} form
 */
export function clearErrors(root, form) {
  const summary = required(root, "[data-checker-errors]");
  summary.hidden = true;
  required(summary, "ul").replaceChildren();
  for (const wrapper of form.querySelectorAll("[data-field]")) {
    const input = field(form, /** @type {HTMLElement} */ (wrapper).dataset.field || "");
    const message = required(wrapper, ".checker__error");
    wrapper.classList.remove("checker__field--error");
    message.hidden = true;
    message.textContent = "";
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", `${input.id}-hint`);
  }
}

// The engine's example date (2026-11-26) as this browser's date input shows it, when the
// field is a real date input (a browser without one takes the engine's written forms).
const ENGINE_EXAMPLE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/**
 * @param {string} message
 * @param {HTMLInputElement | HTMLSelectElement} input
 */
function inBrowserForm(message, input) {
  if (input.type !== "date") return message;
  return message.replace(ENGINE_EXAMPLE, (iso) => browserDateExample(iso));
}

/**
 * The engine's errors, in form order: beside each field and in the summary, focused.
 * @param {HTMLElement} root
 * @param {HTMLFormElement} form
 * @param {FieldError[]} errors
 * @param {Words} words
 */
export function showErrors(root, form, errors, words) {
  clearErrors(root, form);
  const summary = required(root, "[data-checker-errors]");
  const list = required(summary, "ul");
  for (const error of errors) {
    const input = field(form, error.field) || field(form, CONTRACT.formFields[0]);
    // a date the field cannot hold in its own order (31 February typed day first into a
    // month-first field) reaches the engine as no date: say what the field holds instead
    const unreadable = input.type === "date" && /** @type {HTMLInputElement} */ (input).validity.badInput;
    const message = unreadable ? fill(words.date_not_a_date, fieldOrder(words)) : inBrowserForm(error.message, input);
    const wrapper = /** @type {HTMLElement} */ (input.closest("[data-field]"));
    const text = required(wrapper, ".checker__error");
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

/**
 * The date input's order in words ("month/day/year"), as this browser shows its parts.
 * @param {Words} words
 */
function fieldOrder(words) {
  const order = browserDateOrder();
  return { order: order.map((part) => words[`date_part_${part}`]).join("/"), first: words[`date_part_${order[0]}`] };
}

/**
 * Each date field's hint ends with the order the field shows and an example written that
 * way, whose day is over 12 (it cannot be read the other way round).
 * @param {HTMLFormElement} form
 * @param {Words} words
 * @param {string} today
 */
export function addDateExamples(form, words, today) {
  const { order } = fieldOrder(words);
  const example = browserDateExample(unambiguousExampleDay(today));
  // Chinese sentences follow each other without a space
  const gap = /^zh/.test(form.closest("[lang]")?.getAttribute("lang") || "") ? "" : " ";
  for (const input of form.querySelectorAll("input[type=date]")) {
    const hint = document.getElementById(`${input.id}-hint`);
    hint?.append(gap, el("span", { "data-date-order": "" }, fill(words.date_field_order, { order })), gap, fill(words.date_example, { example }));
  }
}
