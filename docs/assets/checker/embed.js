// The embed page (embed/ and zh/embed/): the checker alone, inside another site's iframe.
//
// URL options:  ?lang=en|zh       the language (switches to the other language's embed page)
//               ?hide=checklist,actions,rules   parts of the answer to leave out
//               ?origin=https://intranet.example   send messages only to this host origin
// Messages to the host page (window.parent.postMessage):
//   {type: "citizen-card:resize", height}   on load and whenever the page's height changes
//   {type: "citizen-card:result", result}   after every answer: the engine's result (status,
//                                           earliest, latest, rules, notes...); for invalid
//                                           input {status: "invalid", errors: [{field, message}]}

const HIDEABLE = new Set(["checklist", "actions", "rules"]);
const params = new URLSearchParams(location.search);
const embedded = window.parent !== window;
const hostOrigin = params.get("origin") || "*";

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

function tellHost(message) {
  if (embedded) window.parent.postMessage(message, hostOrigin);
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
  document.addEventListener("checker:answer", (event) => {
    const reply = event.detail;
    const result = reply.ok ? reply.result : { status: "invalid", errors: reply.errors };
    tellHost({ type: "citizen-card:result", result });
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
