// Where the staff list's results sit on the page: their own full-width area, and how many
// "0"-widths of the table's text fit across it.

/**
 * How many "0"-widths of the table's text fit across `element`.
 * @param {HTMLElement} element
 * @param {HTMLTableElement} table
 */
export function roomIn(element, table) {
  const probe = document.createElement("span");
  probe.textContent = "0".repeat(20);
  probe.className = "batch__probe";
  table.append(probe);
  const zero = probe.getBoundingClientRect().width / 20 || 8;
  probe.remove();
  return Math.floor(element.clientWidth / zero);
}

/**
 * The results' own full-width area: as wide as the page's grid (over the side columns,
 * which it hides while it is in view), whatever column the section itself sits in. Returns
 * the function that places it again (it also runs on every resize).
 * @param {HTMLElement} results
 */
export function placeFullWidth(results) {
  const grid = document.querySelector(".md-main__inner") || document.body;
  const gutter = 16;
  const place = () => {
    const parent = results.parentElement;
    if (!parent) return;
    const box = parent.getBoundingClientRect();
    const style = getComputedStyle(parent);
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const inner = parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const area = grid.getBoundingClientRect();
    const width = Math.min(area.right, document.documentElement.clientWidth) - Math.max(area.left, 0) - 2 * gutter;
    const shift = left - Math.max(area.left, 0) - gutter;
    const placed = [`${Math.max(shift, 0)}px`, `${Math.max(width, inner)}px`];
    if (placed.join() === results.dataset.placed) return; // nothing to restyle
    results.dataset.placed = placed.join();
    results.style.setProperty("--batch-shift", placed[0]);
    results.style.setProperty("--batch-span", placed[1]);
  };
  addEventListener("resize", place);
  place();
  return place;
}
