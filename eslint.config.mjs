// ESLint for the page's scripts (docs/assets/checker/), the build's inlined start-up script
// (hooks/*.js), the build's Node scripts (hooks/runtime/*.mjs), the tools' Node scripts and the unit tests of the pure modules (tests/js/).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", "build/", "dist/", ".venv/", "tools/", "tests/browser/"] },
  js.configs.recommended,
  {
    files: ["docs/assets/checker/**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["docs/assets/checker/worker.js", "docs/assets/checker/worker/**/*.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ["docs/assets/checker/search-later.js", "docs/javascripts/**/*.js", "hooks/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
  {
    files: ["docs/assets/offline/register.js", "docs/assets/offline/offline-page.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["docs/assets/offline/sw-offline.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker } },
  },
  {
    files: ["tests/js/**/*.mjs", "hooks/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
  {
    // No script a page or its worker runs grows past 400 lines (issue 19: one job each).
    files: ["docs/**/*.js"],
    rules: { "max-lines": ["error", { max: 400 }] },
  },
  {
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      eqeqeq: "error",
      "prefer-const": "error",
      "no-var": "error",
    },
  },
];
