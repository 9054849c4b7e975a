// The embed page (embed/ and zh/embed/): the checker alone, inside another site's iframe.
//
// URL options:  ?lang=en|zh       the language (switches to the other language's embed page)
//               ?hide=checklist,actions,rules   parts of the answer to leave out
//               ?origin=https://intranet.example   the host page's origin: answers go to it
// Messages to the host page (window.parent.postMessage, nowhere else):
//   {type: "citizen-card:resize", height}   on load and whenever the page's height changes
//                                           (the height says nothing about the reader)
//   {type: "citizen-card:result", result}   only with a valid ?origin, and only to that
//                                           origin: after every answer, the engine's result
//                                           (status, earliest, latest, rules, notes...); for
//                                           invalid input {status: "invalid", errors}
// Private by default: without ?origin the reader's dates and answers never leave the frame,
// since any page may frame the checker. A malformed ?origin is a console warning, and the
// frame then behaves as without one.

const HIDEABLE = new Set(["checklist", "actions", "rules"]);
const params = new URLSearchParams(location.search);
const embedded = window.parent !== window;

// The host origin named by ?origin (scheme, host and port, nothing else), or null.
export function hostOriginOf(value) {
  if (value === null || value === "") return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  const origin = url && /^https?:$/.test(url.protocol) ? url.origin : null;
  if (origin === null || value.replace(/\/$/, "") !== origin) {
    console.warn(
      `[checker] the embed's origin option "${value}" is not an origin such as https://intranet.example; answers are not sent to the host page.`,
    );
    return null;
  }
  return origin;
}

const hostOrigin = hostOriginOf(params.get("origin"));

// ?lang=zh on the English page (or the reverse): go to the other language's embed page,
// keeping the other options and the fragment (a link's dates).
function switchLanguage() {
  const wanted = (params.get("lang") || "").toLowerCase().split("-")[0];
  const current = document.documentElement.lang.toLowerCase().split("-")[0];
  if (!wanted || wanted === current) return false;
  const alternate = document.querySelector(`meta[name="citizen-card:alternate"][data-lang="${CSS.escape(wanted)}"]`);
  if (!alternate) return false;
  const target = new URL(alternate.content, location.href);
  const kept = new URLSearchParams(params);
  kept.delete("lang");
  target.search = kept.toString();
  target.hash = location.hash;
  location.replace(target.href);
  return true;
}

function applyHiding() {
  const parts = (params.get("hide") || "")
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => HIDEABLE.has(part));
  if (parts.length) document.documentElement.dataset.embedHide = parts.join(" ");
}

// The height may go to whichever page frames the checker; answers only to the named origin.
function tellHost(message, targetOrigin = hostOrigin || "*") {
  if (embedded) window.parent.postMessage(message, targetOrigin);
}

// The page's own height (html and body are not stretched to the frame: see embed.css).
function reportHeight() {
  let lastHeight = -1;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    tellHost({ type: "citizen-card:resize", height });
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

function reportAnswers() {
  if (hostOrigin === null) return;
  document.addEventListener("checker:answer", (event) => {
    const reply = event.detail;
    const result = reply.ok ? reply.result : { status: "invalid", errors: reply.errors };
    tellHost({ type: "citizen-card:result", result }, hostOrigin);
  });
}

// Links (the guide, each rule's source) open in a new tab, not inside the host's frame.
function openLinksOutside() {
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || link.getAttribute("href").startsWith("#")) return;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
  });
}

function main() {
  if (switchLanguage()) return;
  document.documentElement.classList.add("embed");
  applyHiding();
  reportAnswers();
  openLinksOutside();
  reportHeight();
}

main();
