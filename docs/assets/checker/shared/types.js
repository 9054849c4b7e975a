// The shapes the page and the engine exchange: checker/replies.py declares the engine's
// replies, and tests/site/test_reply_shapes.py holds these typedefs to the same keys (the
// values the page needs before the engine has started are in contract.js, written from Python).
// Types only: this module exports nothing at run time.

/**
 * @typedef {object} PageContract
 * @property {readonly string[]} entryPoints
 * @property {readonly string[]} formFields
 * @property {readonly string[]} documentFields
 * @property {readonly string[]} linkFields
 * @property {string} defaultCategory
 * @property {Readonly<Record<StepKey, string>>} startupSteps
 * @property {readonly string[]} statuses
 * @property {readonly string[]} addedColumns
 * @property {readonly string[]} readColumns
 */

/** @typedef {"checkWebAssembly" | "download" | "compileRuntime" | "startPython" | "installChecker" | "importChecker"} StepKey */

/** @typedef {Record<string, string>} Words */
/** @typedef {{hangzhou_utc_offset_hours: number, browser_max_rows: number, browser_max_bytes: number}} Facts */
/** @typedef {{words: Words, facts: Facts}} WidgetConfig */

/** @typedef {{field: string, message: string}} FieldError */
/** @typedef {{id: string, message: string}} Note */
/** @typedef {{id: string, passed: boolean, date: string, sets: string, message: string}} RuleOutcome */

/**
 * @typedef {object} CheckResult
 * @property {string} status
 * @property {string} on
 * @property {string} earliest
 * @property {string} latest
 * @property {number | null} days_left
 * @property {string[]} confirm
 * @property {string | null} earliest_working_day
 * @property {string | null} latest_working_day
 * @property {string | null} act_by  the working day to act by (checker/acting.py)
 * @property {number | null} days_to_act  days from `on` to `act_by` when eligible
 * @property {Note[]} notes
 * @property {RuleOutcome[]} rules
 * @property {string} rules_version
 */

/**
 * A rule's source; `written_in_label` names its language on a page in the other one.
 * @typedef {{title: string, url: string, published: string | null, written_in: "en" | "zh" | null, written_in_label: string | null}} SourceAbout
 */

/**
 * @typedef {object} RuleAbout
 * @property {string} id
 * @property {string} sets
 * @property {boolean} for_everyone
 * @property {string} title
 * @property {string} wording
 * @property {string} reading
 * @property {SourceAbout} source
 */

/**
 * @typedef {object} RulesReply
 * @property {RuleAbout[]} rules
 * @property {string} rules_version
 * @property {string} last_verified
 * @property {number} days_left_shown_within
 * @property {Record<string, string>} written
 */

/** @typedef {{headline: string, written: Record<string, string>}} SheetReply */

/**
 * A date the reader wrote day-first or month-first, and how the engine read it.
 * @typedef {{field: string, text: string, read_as: string, order: string, message: string}} Reading
 */

/**
 * answer_json's reply for a valid form.
 * @typedef {object} Answer
 * @property {true} ok
 * @property {CheckResult} result
 * @property {string} headline
 * @property {Record<string, string>} written
 * @property {Record<string, string>} documents  the reader's document dates, ISO
 * @property {string} ics
 * @property {CalendarState} calendar  the calendar's state (none_ahead: `message` instead of a file)
 * @property {RulesReply} rules
 * @property {Record<string, SheetReply>} sheets
 * @property {Reading[]} [readings]  how each day-first or month-first date was read
 */

/** @typedef {{state: "ready" | "none_ahead" | "no_window", message?: string}} CalendarState */

/**
 * A refusal; a file refused for its encoding says why in `encoding_refused` and its
 * `encoding_refused_details` (`looks_like`: the encoding it seems to be in; `line`: the
 * first line in another encoding than the rest).
 * @typedef {{ok: false, errors: FieldError[], encoding_refused?: string, encoding_refused_details?: Record<string, string>}} Refusal
 */
/** @typedef {Answer | Refusal} AnswerReply */

/**
 * batch_json's reply (one part of a list, or all of it).
 * @typedef {object} BatchPart
 * @property {true} ok
 * @property {string[]} columns
 * @property {string[][]} rows
 * @property {Record<string, number>} counts
 * @property {string} on
 * @property {string[]} input_columns
 * @property {string[]} added_columns
 * @property {string[]} statuses
 * @property {string[]} read_columns
 * @property {number} days_left_shown_within
 * @property {Record<string, string>} written
 * @property {string} csv
 * @property {string} encoding
 * @property {number} total
 * @property {string[]} act_by  each row's working day to act by, in row order ("" if none)
 * @property {(number | null)[]} days_to_act  each row's days to that day when eligible
 * @property {string[]} why  each row's "Why" sentence for HR (checker/why.py)
 * @property {Record<string, string>} date_orders  how each date column was read (dmy, mdy)
 * @property {Record<string, string>} date_order_refused  columns refused (undecided, contradicts)
 * @property {string[]} date_order_sentences  both, in the reader's language
 */

/** @typedef {BatchPart | Refusal} BatchReply */

/**
 * Worker -> page start-up messages (all with id "startup").
 * @typedef {{id: "startup", type: "step", step: string}
 *   | {id: "startup", type: "progress", file: string, loaded: number, total: number | null, done: boolean}
 *   | {id: "startup", type: "ready", ms: number}
 *   | {id: "startup", type: "failed", step: string, message: string}} StartupMessage
 */

/**
 * Page -> worker: call an entry point, its arguments by name (an object argument is the
 * engine's JSON request; file contents are a Uint8Array).
 * @typedef {{type: "call", id: number, fn: string, args: Record<string, unknown>}} CallMessage
 */

/**
 * Worker -> page: an entry point's reply (parsed from JSON for the *_json entry points).
 * `fatal`: the runtime can no longer be trusted (not a Python exception): the page starts
 * a new worker.
 * @typedef {{type: "result", id: number, value: unknown} | {type: "error", id: number, message: string, fatal?: boolean}} CallReply
 */

export {};
