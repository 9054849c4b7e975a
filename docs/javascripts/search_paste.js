// Search as soon as text is in the box, however it got there. The theme's search reads the
// box on each key released; text pasted from a menu, dropped in, or put in whole by an
// input method (Chinese) releases no key, so it would wait for the next one. Any change of
// the box's text is passed on as that key.
document.addEventListener("input", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.dataset.mdComponent !== "search-query") return;
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
});
