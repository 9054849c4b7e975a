// The checker page's line on the rules' version and the day they were last checked, from
// the engine the page is actually running (its rules_json), not from the build: a page from
// one build beside a runtime cached from another must not claim the build's rules. The
// build's values stay where the engine cannot start.

/** @import { RulesReply } from "../shared/types.js" */

/**
 * What each `data-rules-running` span shows, from the running engine's reply.
 * @param {RulesReply} reply
 * @returns {Record<string, string | undefined>}
 */
export function runningValues(reply) {
  return { rules_version: reply.rules_version, last_verified: reply.written[reply.last_verified] };
}

/**
 * Fill every `[data-rules-running]` span in `scope` with the running engine's value.
 * @param {{call: (fn: string, args: Record<string, unknown>) => Promise<any>}} engine  a ready engine
 * @param {string} lang
 * @param {ParentNode} scope
 */
export async function showRunningRules(engine, lang, scope) {
  const spans = /** @type {NodeListOf<HTMLElement>} */ (scope.querySelectorAll("[data-rules-running]"));
  if (!spans.length) return;
  /** @type {RulesReply} */
  const reply = await engine.call("rules_json", { lang });
  const shown = runningValues(reply);
  for (const span of spans) {
    const value = shown[span.dataset.rulesRunning || ""];
    if (value) span.textContent = value;
  }
}
