// The embed's URL options, read (pure: no page needed):
//   ?lang=en|zh       the language (switches to the other language's embed page)
//   ?hide=checklist,actions,rules   parts of the answer to leave out
//   ?origin=https://intranet.example   the host page's origin: answers go to it

const HIDEABLE = new Set(["checklist", "actions", "rules"]);

/**
 * The host origin named by ?origin (scheme, host and port, nothing else), or null; a
 * malformed one is a console warning.
 * @param {string | null} value
 */
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

/**
 * The parts of the answer ?hide leaves out (known ones only).
 * @param {string | null} value
 */
export function hiddenParts(value) {
  return (value || "")
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => HIDEABLE.has(part));
}

/**
 * The language ?lang asks for ("" for none), e.g. "zh" for zh-CN.
 * @param {string | null} value
 */
export function wantedLang(value) {
  return (value || "").toLowerCase().split("-")[0];
}
