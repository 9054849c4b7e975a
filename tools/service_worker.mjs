// Writes the site's service worker, sw.js, at the root of a built site, with Workbox's
// generateSW (npm `workbox-build`, pinned in package.json): hooks/offline.py runs it after
// the build, before the precompressed copies are made.
//
//   node tools/service_worker.mjs --site-dir site --runtime assets/pyodide/314.0.7/
//
// - Precache (installed with the service worker, each file with its revision hash, so a new
//   build downloads only what changed): every page in both languages, the theme, the
//   site's own scripts and styles, the search index, the manifests and icons. Not the
//   checker's runtime (Pyodide, megabytes), nor the downloads, nor the precompressed copies.
// - The runtime's versioned files (assets/pyodide/<version>/pyodide.*): cache first, in
//   the "checker-runtime" cache, filled as the checker loads them (never ahead).
// - assets/offline/sw-offline.js, imported first, answers pages and the site's unversioned
//   files network first (with a short timeout), then from the caches, and a page never
//   cached with the offline page in the reader's language.
import { generateSW } from "workbox-build";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function option(name) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0 || at + 1 >= process.argv.length) {
    console.error(`tools/service_worker.mjs: --${name} is needed.`);
    process.exit(2);
  }
  return process.argv[at + 1];
}

const siteDir = option("site-dir");
const runtime = option("runtime"); // e.g. assets/pyodide/314.0.7/

// The runtime's files (no precompressed copies): the page asks the service worker to keep
// them once the checker has started (sw-offline.js, message "citizen-card:keep-runtime");
// written into sw.js as self.CHECKER_RUNTIME_FILES.
const runtimeFiles = readdirSync(join(siteDir, runtime))
  .filter((name) => !/\.(br|gz)$/.test(name))
  .sort()
  .map((name) => runtime + name);

const { count, size, warnings } = await generateSW({
  globDirectory: siteDir,
  globPatterns: ["**/*.{html,css,js,mjs,json,svg,png,ico,webmanifest,woff,woff2}"],
  globIgnores: ["sw.js", "workbox-*.js", "assets/pyodide/**", "downloads/**", "404.html", "**/*.{br,gz}"],
  swDest: join(siteDir, "sw.js"),
  mode: "production",
  sourcemap: false,
  inlineWorkboxRuntime: true,
  // The reader decides when a new build takes over (the update notice's reload button
  // sends {type: "SKIP_WAITING"}); the first visit's worker controls its page at once.
  skipWaiting: false,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  // Pages and the site's own files are answered by sw-offline.js, network first; Material's
  // hashed bundles ("main.<hash>.min.css") never change: no revision needed beyond the name.
  dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  importScripts: ["assets/offline/sw-offline.js"],
  runtimeCaching: [
    {
      urlPattern: /\/assets\/pyodide\/[^/]+\/pyodide\.(mjs|asm\.mjs|asm\.wasm)$/,
      handler: "CacheFirst",
      options: { cacheName: "checker-runtime" },
    },
  ],
});
for (const warning of warnings) console.error(`workbox: ${warning}`);
// The runtime's files, for sw-offline.js, ahead of Workbox's code (so a new runtime is a
// new sw.js, which browsers then install).
const swPath = join(siteDir, "sw.js");
writeFileSync(swPath, `self.CHECKER_RUNTIME_FILES=${JSON.stringify(runtimeFiles)};\n` + readFileSync(swPath, "utf8"));
console.log(JSON.stringify({ count, size }));
