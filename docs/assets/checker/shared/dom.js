// DOM helpers every widget uses: elements built from nodes and text (never parsed as HTML),
// templates filled from the words, HTML escaping for the staff list's rows, and saving a
// file the engine wrote.

/** @typedef {Node | string | null | undefined | false} Child */
/** @typedef {Child | Child[] | Child[][]} Children */

/**
 * A DOM element; children are nodes or strings (text, never parsed as HTML). Null,
 * undefined and false children (and attributes) are left out, never written as "null".
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | null | undefined | false>} [attributes]
 * @param {...Children} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  node.append(...present(children.flat(Infinity)));
  return node;
}

/**
 * @param {Children[]} nodes
 * @returns {(Node | string)[]}
 */
export function present(nodes) {
  return /** @type {(Node | string)[]} */ (nodes.filter((node) => node !== null && node !== undefined && node !== false));
}

/**
 * A template's {placeholders} filled in; a value that is missing is left out (never
 * written as "undefined").
 * @param {string} template
 * @param {Record<string, string | number | undefined>} values
 */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

/** @type {Record<string, string>} */
const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** @param {unknown} text */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/**
 * Save `text` as a file named `filename` (nothing leaves the device).
 * @param {string} text
 * @param {string} filename
 * @param {string} type
 */
export function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The element `selector` names inside `root`; a missing one is a mistake in the build.
 * @template {Element} [E=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {E}
 */
export function required(root, selector) {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`the page has no ${selector}`);
  return /** @type {E} */ (/** @type {unknown} */ (found));
}
