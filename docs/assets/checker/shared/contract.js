// What the page knows of the engine, written by tools/gen_page_contract.py from
// checker/web.py (page_contract). Do not edit: change the Python and run the tool again.

/** @type {import('./types.js').PageContract} */
export const CONTRACT = Object.freeze({
  "entryPoints": [
    "answer_json",
    "answers_ics",
    "batch_calendar_json",
    "batch_ics",
    "batch_json",
    "check_json",
    "rules_json",
    "window_calendar_json",
    "window_ics"
  ],
  "formFields": [
    "permit_issued",
    "permit_expires",
    "passport_expires",
    "on",
    "category"
  ],
  "documentFields": [
    "permit_issued",
    "permit_expires",
    "passport_expires"
  ],
  "linkFields": [
    "permit_issued",
    "permit_expires",
    "passport_expires",
    "category"
  ],
  "defaultCategory": "unknown",
  "startupSteps": {
    "checkWebAssembly": "check-webassembly",
    "download": "download",
    "compileRuntime": "compile-runtime",
    "startPython": "start-python",
    "installChecker": "install-checker",
    "importChecker": "import-checker"
  },
  "statuses": [
    "eligible",
    "not_yet",
    "too_late",
    "no_window",
    "invalid"
  ],
  "addedColumns": [
    "status",
    "earliest",
    "latest",
    "reason",
    "days_left",
    "confirm",
    "earliest_working_day",
    "latest_working_day"
  ],
  "readColumns": [
    "permit_issued",
    "permit_expires",
    "passport_expires",
    "category"
  ]
});
