// The eligibility page's entry: starts the form (form/form.js) if the page has one.

import { startCheckerForm } from "./form/form.js";

const root = /** @type {HTMLElement | null} */ (document.querySelector("[data-checker]"));
if (root) startCheckerForm(root);
