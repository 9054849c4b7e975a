"""Build step (hooks/offline.py runs it): the site's icons, from one source image.

``docs/assets/offline/icon.svg`` is rendered by Chromium (Debian's, driven by Playwright, as
the tests do) into the PNG sizes browsers ask for: 192 and 512 pixels for the web app
manifest (both usable as maskable icons: the drawing keeps to the middle 80%) and 180 for
Apple's home screen. They are made once per source image (kept in ``build/icons/``).
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "docs" / "assets" / "offline" / "icon.svg"
CACHE = ROOT / "build" / "icons"
# Manifest icons: (pixels, purpose); and Apple's home-screen icon.
MANIFEST_SIZES = (192, 512)
APPLE_SIZE = 180
APPLE_TOUCH_ICON = f"icons/icon-{APPLE_SIZE}.png"


def icon_name(size: int) -> str:
    return f"icon-{size}.png"


def manifest_icons() -> list[dict[str, Any]]:
    """The manifest's ``icons`` (``src`` relative to ``assets/offline/``)."""
    return [
        {
            "src": f"icons/{icon_name(size)}",
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": purpose,
        }
        for size in MANIFEST_SIZES
        for purpose in ("any", "maskable")
    ]


def _render(svg: str, sizes: tuple[int, ...], out_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # chromium.py is beside the hooks
    from chromium import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for size in sizes:
                page = browser.new_page(viewport={"width": size, "height": size})
                page.set_content(
                    "<style>html,body{margin:0}svg{display:block;width:100vw;height:100vh}</style>"
                    + svg
                )
                page.screenshot(path=str(out_dir / icon_name(size)), omit_background=True)
                page.close()
        finally:
            browser.close()


def write_icons(target_dir: Path) -> list[Path]:
    """The icons into ``target_dir/icons/``; returns them."""
    svg = SOURCE.read_text(encoding="utf-8")
    sizes = (*MANIFEST_SIZES, APPLE_SIZE)
    cached = CACHE / hashlib.sha256((svg + repr(sizes)).encode()).hexdigest()[:32]
    if not all((cached / icon_name(size)).is_file() for size in sizes):
        partial = cached.with_suffix(".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        try:
            _render(svg, sizes, partial)
        except Exception as error:  # Playwright's errors name no common base class
            raise PluginError(
                f"Could not render the site's icons from {SOURCE.name}: {error}"
            ) from error
        shutil.rmtree(cached, ignore_errors=True)
        partial.replace(cached)
    (target_dir / "icons").mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        shutil.copyfile(cached / icon_name(size), target_dir / "icons" / icon_name(size))
        written.append(target_dir / "icons" / icon_name(size))
    return written
