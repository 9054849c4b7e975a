"""Page step and build step (hooks/pages.py runs them): the checker's command line,
installable from the site itself.

Build step: ``downloads/`` gets the checker as a pure-Python wheel (``py3-none-any``, the
one the in-browser runtime is made from, before it is compiled for Pyodide) and as an sdist,
both built offline (``python -m build --no-isolation``), and ``SHA256SUMS`` beside them.

Page step: ``<div data-cli-install-placeholder></div>`` (the HR page) becomes the exact
commands that install the wheel from the site's address and run it, and a table of the two
files with their sha256, linked from the page.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

from _page import esc, page_language, words_for
from checker_runtime import build_checker, build_checker_wheel
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

DOWNLOADS = "downloads/"
CHECKSUMS = "SHA256SUMS"
PLACEHOLDER = "<div data-cli-install-placeholder></div>"
# The site's address in the guide's examples (the hosting guide's intranet).
EXAMPLE_ADDRESS = "https://intranet.example/intranet/citizen-card/"
COMMAND = "citizen-card-checker"


def build_checker_sdist() -> Path:
    """The checker's sdist, built offline into a temporary folder (once per source state)."""
    return build_checker("sdist", "*.tar.gz", "the checker's sdist for downloads/")


def packages() -> list[Path]:
    """The wheel, then the sdist."""
    wheel = build_checker_wheel()
    if not wheel.name.endswith("-py3-none-any.whl"):
        raise PluginError(
            f"The checker's wheel should be pure Python (py3-none-any): {wheel.name}."
        )
    return [wheel, build_checker_sdist()]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_downloads(site_dir: Path) -> list[Path]:
    """The wheel, the sdist and SHA256SUMS into ``downloads/``; returns the packages."""
    target = site_dir / DOWNLOADS
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    written = []
    for package in packages():
        shutil.copyfile(package, target / package.name)
        written.append(target / package.name)
    sums = "".join(f"{sha256(path)}  {path.name}\n" for path in written)
    (target / CHECKSUMS).write_text(sums, encoding="utf-8")
    return written


def add_install(output: str, page: Any) -> str:
    """The install commands and the files' table in place of the placeholder."""
    if PLACEHOLDER not in output:
        return output
    wheel, sdist = packages()
    words = words_for("offline_words", page_language(output))
    to_downloads = get_relative_url(DOWNLOADS, page.url).rstrip("/") + "/"
    commands = "\n".join(
        (
            f"pip install {EXAMPLE_ADDRESS}{DOWNLOADS}{wheel.name}",
            f"# {words['downloads_or']}: pipx install {EXAMPLE_ADDRESS}{DOWNLOADS}{wheel.name}",
            f"{COMMAND} --version",
        )
    )
    rows = "".join(
        f'<tr><td><a href="{to_downloads}{esc(path.name)}" download>'
        f"<code>{esc(path.name)}</code></a></td>"
        f"<td><code>{sha256(path)}</code></td></tr>"
        for path in (wheel, sdist)
    )
    return output.replace(
        PLACEHOLDER,
        f'<pre class="hr-install" data-cli-install><code>{esc(commands)}</code></pre>'
        f"<table data-cli-downloads><thead><tr><th>{esc(words['downloads_file'])}</th>"
        f"<th>sha256</th></tr></thead><tbody>{rows}</tbody></table>",
    )
