// What the checker's widgets (the eligibility form, the staff-list check) share: their
// build-time settings and saving a file the engine wrote.

// The widget's one JSON block, written by the site's build: {words, facts}.
export function readConfig(root, selector) {
  return JSON.parse(root.querySelector(selector).textContent);
}

// Save `text` as a file named `filename` (nothing leaves the device).
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
