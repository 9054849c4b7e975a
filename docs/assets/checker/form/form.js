// The eligibility form: starts the engine at once, answers when asked (as soon as the
// engine is ready) with one engine call per press, shows errors GOV.UK-style, and keeps
// everything on the device.

import { todayInHangzhou, fragmentFor, valuesFromFragment } from "../shared/dates.js";
import { download, fill, required } from "../shared/dom.js";
import { StartupFailed } from "../shared/engine.js";
import { readConfig, startWidgetEngine } from "../shared/widget.js";
import { markInvalid, renderAnswer } from "./answer.js";
import { addDateExamples, clearErrors, fillForm, formValues, showErrors } from "./fields.js";
import { showRunningRules } from "./running-rules.js";
import { copyLink, keepFragmentOnLanguageSwitch } from "./share.js";

/** @import { AnswerReply, Words } from "../shared/types.js" */
/** @import { Engine } from "../shared/engine.js" */
/** @import { FormValues } from "../shared/dates.js" */
/** @import { SheetColumn } from "./sheet.js" */

/**
 * The sheet's words in both languages: "sheet.en.key" / "sheet.zh.key" in the config.
 * @param {Words} words
 * @returns {Record<string, Words>}
 */
export function sheetWordsFrom(words) {
  /** @type {Record<string, Words>} */
  const sheets = { en: {}, zh: {} };
  for (const [key, value] of Object.entries(words)) {
    const match = /^sheet\.(en|zh)\.(.+)$/.exec(key);
    if (match) sheets[match[1]][match[2]] = value;
  }
  return sheets;
}

/** @type {(() => void) | null} */
let stopFollowingResizes = null;

/**
 * In a frame whose host sizes it to its content (the embed snippet's listener), the answer
 * grows the frame after the headline was scrolled into view, which moves it down the host's
 * screen: scroll it into view again after each resize, until the reader does anything
 * (presses, scrolls, types) or the next answer.
 * @param {HTMLElement} headline
 */
function followFrameResizes(headline) {
  if (stopFollowingResizes) stopFollowingResizes();
  const again = () => {
    if (headline.isConnected) headline.scrollIntoView({ block: "start" });
  };
  const readerActs = ["pointerdown", "wheel", "touchstart", "keydown"];
  const stop = () => {
    window.removeEventListener("resize", again);
    for (const type of readerActs) window.removeEventListener(type, stop, true);
    stopFollowingResizes = null;
  };
  window.addEventListener("resize", again);
  for (const type of readerActs) window.addEventListener(type, stop, true);
  stopFollowingResizes = stop;
}

/**
 * The headline to the top of the screen (below Material's sticky header), focused: focus()
 * on a tall element would centre it, so focus without scrolling, then scroll (and again
 * after the host resizes the frame, in a frame).
 * @param {HTMLElement} answerElement
 */
function showHeadline(answerElement) {
  const headline = required(answerElement, "[data-headline]");
  headline.focus({ preventScroll: true });
  headline.scrollIntoView({ block: "start" });
  if (window.parent !== window) followFrameResizes(headline);
}

/**
 * Starts the form in `root` (the page's [data-checker]).
 * @param {HTMLElement} root
 */
export function startCheckerForm(root) {
  const form = /** @type {HTMLFormElement} */ (required(root, "form"));
  const answerElement = required(root, "[data-checker-answer]");
  const { words, facts } = readConfig(root, "[data-checker-config]");
  const lang = root.dataset.lang || "en";
  const today = todayInHangzhou(facts);
  const sheetWords = sheetWordsFrom(words);
  /** @param {string} text */
  const setStatus = (text) => {
    required(root, "[data-checker-status]").textContent = text;
  };
  const showFailure = () => {
    root.dataset.state = "failed";
    setStatus(words.status_failed);
    required(root, "[data-checker-failed]").hidden = false;
    /** @type {HTMLButtonElement} */ (required(root, "button[type=submit]")).disabled = true;
  };
  // Tell the rest of the page (e.g. the embed page's messages to its host) about each
  // answer: a "checker:answer" event whose detail is the engine's reply.
  /** @param {AnswerReply} reply */
  const announce = (reply) => root.dispatchEvent(new CustomEvent("checker:answer", { bubbles: true, detail: reply }));

  /** @type {HTMLInputElement} */ (form.elements.namedItem("on")).value = today;
  try {
    addDateExamples(form, words, today);
  } catch (error) {
    console.error("[checker] no date examples:", error); // the form works without them
  }
  keepFragmentOnLanguageSwitch();
  /** @type {Engine} */
  const engine = startWidgetEngine(root, {
    onReady: () => {
      setStatus(words.status_ready);
      showRunningRules(engine, lang, document).catch((error) => console.error("[checker] rules' version not read:", error));
    },
    onFailed: showFailure,
  });

  // One engine call answers the form: the answer, the window's calendar, the rules and the
  // other language's headline and dates for the printed sheet. Every date the page shows
  // is the engine's (its `documents` are the reader's dates as it read them, in ISO).
  /**
   * @param {FormValues} values
   * @param {() => boolean} isCurrent
   */
  async function answer(values, isCurrent) {
    /** @type {AnswerReply} */
    const reply = await engine.call("answer_json", { request: { ...values, lang } });
    if (!isCurrent()) return;
    if (!reply.ok) {
      // the address no longer holds the previous answer: a reload or a copied link would
      // bring it back over the errors
      if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
      markInvalid(answerElement);
      showErrors(root, form, reply.errors, words);
      setStatus(words.errors_title);
      announce(reply);
      return;
    }
    clearErrors(root, form);
    const read = { ...reply.documents, on: reply.result.on, category: values.category };
    history.replaceState(history.state, "", fragmentFor(read, today));
    /** @type {Record<string, SheetColumn>} */
    const sheets = {};
    for (const [sheetLang, sheet] of Object.entries(reply.sheets)) {
      sheets[sheetLang] = { ...sheet, words: sheetWords[sheetLang] };
    }
    const { ics } = reply;
    renderAnswer(answerElement, {
      reply,
      words,
      planned: reply.result.on !== today,
      shareLink: location.href,
      sheets,
      handlers: {
        calendar: () => download(ics, words.calendar_file, "text/calendar;charset=utf-8"),
        print: () => window.print(), // the counter sheet alone (see checker.css)
        copyLink: (link, feedback) => copyLink(link, words, feedback),
      },
    });
    setStatus(words.status_answered);
    showHeadline(answerElement);
    announce(reply);
  }

  let latestRequest = 0;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = formValues(form);
    const request = ++latestRequest;
    setStatus(root.dataset.state === "ready" ? words.status_working : words.status_waiting);
    delete answerElement.dataset.status;
    try {
      await answer(values, () => request === latestRequest);
    } catch (error) {
      console.error("[checker] no answer:", error);
      if (error instanceof StartupFailed) {
        if (root.dataset.state !== "failed") showFailure();
      } else if (request === latestRequest) {
        // The engine started but this answer failed: that error; the next press works.
        setStatus(fill(words.status_engine_error, { error: /** @type {Error} */ (error).message }));
      }
    }
  });

  const linked = valuesFromFragment(location.hash);
  if (linked) {
    fillForm(form, linked);
    form.requestSubmit();
  }
}
