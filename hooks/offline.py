"""Page step and build step (hooks/pages.py runs them): offline reading and installing.

Page step (every page but the embed, which lives in other sites' frames): the page's head
gets the web app manifest of its language, the theme colour, the home-screen icon, the
update notice's stylesheet and ``assets/offline/register.js`` (which registers the service
worker once the page, and its checker, has started); the body gets the update notice in
the page's language, hidden (``[data-update-notice]``, its button ``[data-update-reload]``).
The offline page (docs/offline.md) also gets ``assets/offline/offline-page.js``.

Build step, after the hosting guide's policy is written and before the precompressed copies:

- the icons, rendered at build time from one source image (``docs/assets/offline/icon.svg``)
  by Chromium, in the sizes browsers ask for (hooks/app_icons.py);
- ``manifest.webmanifest`` (English, at the root) and ``zh/manifest.webmanifest``, every
  address in them relative, so the site installs under any sub-path;
- the service worker ``sw.js``, made by Workbox (tools/service_worker.mjs) from the
  finished site: its precache lists every file's revision hash.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import app_icons
from _page import esc, page_language, short_language, words_for
from checker_runtime import runtime_path
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[1]
SERVICE_WORKER_TOOL = ROOT / "tools" / "service_worker.mjs"
OFFLINE_ASSETS = "assets/offline/"
MANIFEST = "manifest.webmanifest"
# Material's "indigo" primary colour (mkdocs.yml: theme.palette.primary), as its palette
# stylesheet defines it: the browser's bar and the splash screen of the installed app.
THEME_COLOUR = "#4051b5"
BACKGROUND_COLOUR = "#ffffff"
# The pages of each language, and what their manifests say (filled as pages are built).
_sites: dict[str, dict[str, str]] = {}


def _site_root(page: Any) -> str:
    """The site's root relative to the page, ending in "/" ("" at the root)."""
    relative = get_relative_url(".", page.url)
    return "" if relative == "." else relative + "/"


def remember_site(config: Any) -> None:
    """Note the language's site name and description (the i18n plugin sets them per
    language while that language is built), for its manifest."""
    lang = short_language(str(config["theme"]["language"]))
    _sites[lang] = {"name": config["site_name"], "description": config["site_description"] or ""}


def _notice(lang: str) -> str:
    words = words_for("offline_words", lang)
    return (
        '<div class="offline-update md-typeset" data-update-notice role="status" hidden>'
        f"<p>{esc(words['update_notice'])} "
        f'<button class="md-button md-button--primary" type="button" data-update-reload>'
        f"{esc(words['update_reload'])}</button></p></div>"
    )


def add_offline(output: str, page: Any) -> str:
    """The manifest, theme colour, icon, update notice and service worker's registration."""
    if page.meta.get("template") == "embed.html" or "</head>" not in output:
        return output
    lang = short_language(page_language(output))
    root = _site_root(page)
    assets = root + OFFLINE_ASSETS
    manifest = root + ("zh/" if lang == "zh" else "") + MANIFEST
    tags = (
        f'<link rel="manifest" href="{manifest}">'
        f'<meta name="theme-color" content="{THEME_COLOUR}">'
        f'<link rel="apple-touch-icon" href="{assets}{app_icons.APPLE_TOUCH_ICON}">'
        f'<link rel="stylesheet" href="{assets}offline.css">'
        f'<script type="module" src="{assets}register.js"></script>'
    )
    if page.file.src_uri.startswith("offline."):
        tags += f'<script type="module" src="{assets}offline-page.js"></script>'
    output = output.replace("</head>", tags + "</head>", 1)
    return output.replace("</body>", _notice(lang) + "</body>", 1)


def _manifest(lang: str, to_root: str) -> dict[str, Any]:
    site = _sites.get(lang)
    if site is None:
        raise PluginError(f"No page in the language {lang!r} was built: no manifest for it.")
    return {
        "id": "./",
        "name": site["name"],
        "short_name": words_for("offline_words", lang)["app_short_name"],
        "description": site["description"].strip(),
        "lang": "zh-Hans" if lang == "zh" else "en",
        "dir": "ltr",
        "start_url": "./",
        "scope": to_root or "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {**icon, "src": to_root + OFFLINE_ASSETS + icon["src"]}
            for icon in app_icons.manifest_icons()
        ],
    }


def write_manifests(site_dir: Path) -> list[Path]:
    """``manifest.webmanifest`` for English (the root) and Chinese (``zh/``)."""
    written = []
    for lang, folder, to_root in (("en", "", ""), ("zh", "zh/", "../")):
        path = site_dir / folder / MANIFEST
        data = json.dumps(_manifest(lang, to_root), ensure_ascii=False, indent=2)
        path.write_text(data + "\n", encoding="utf-8")
        written.append(path)
    return written


def write_service_worker(site_dir: Path) -> dict[str, int]:
    """``sw.js`` from the finished site; returns Workbox's count and size of the precache."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("Node.js is needed to write the service worker: install it.")
    command = [node, str(SERVICE_WORKER_TOOL), "--site-dir", str(site_dir)]
    command += ["--runtime", runtime_path()]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise PluginError(
            "Could not write the service worker (`node tools/service_worker.mjs` exited with "
            f"{done.returncode}; `npm ci` installs Workbox):\n{done.stderr[-2000:]}"
        )
    precache: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return precache


def write_offline(site_dir: Path) -> dict[str, int]:
    """Icons, manifests, then the service worker (last: it lists them too)."""
    app_icons.write_icons(site_dir / OFFLINE_ASSETS)
    write_manifests(site_dir)
    return write_service_worker(site_dir)
