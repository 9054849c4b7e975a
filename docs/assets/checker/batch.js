// The HR page's entry: starts the staff-list check (staff-list/staff-list.js) if the page
// has one.

import { startStaffList } from "./staff-list/staff-list.js";

const root = /** @type {HTMLElement | null} */ (document.querySelector("[data-batch]"));
if (root) startStaffList(root);
