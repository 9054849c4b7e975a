"""Helpers for the server tests: files of the built site by kind, and one request whose
answer is kept as it came (headers and body, never decompressed)."""

from __future__ import annotations

import urllib.error
import urllib.request
from http.client import HTTPMessage
from pathlib import Path

RUNTIME = "assets/pyodide/"
# The answer's headers that the site's configuration sets.
SITE_HEADERS = ("Cache-Control", "X-Content-Type-Options", "Content-Security-Policy", "Vary")


def runtime_file(site_dir: Path, name: str) -> str:
    """A file of Pyodide's runtime (in its version folder), relative to the site."""
    found = sorted(site_dir.glob(f"{RUNTIME}*/{name}"))
    assert len(found) == 1, name
    return found[0].relative_to(site_dir).as_posix()


def theme_bundle(site_dir: Path) -> str:
    """The theme's JavaScript bundle (a content hash in its name), relative to the site."""
    found = sorted(site_dir.glob("assets/javascripts/bundle.*.min.js"))
    assert found
    return found[0].relative_to(site_dir).as_posix()


def theme_style(site_dir: Path) -> str:
    """The theme's style sheet (a content hash in its name), relative to the site."""
    found = sorted(site_dir.glob("assets/stylesheets/main.*.min.css"))
    assert found
    return found[0].relative_to(site_dir).as_posix()


def same_type(content_type: str) -> str:
    """nginx 1.22's mime.types still says application/javascript (an alias)."""
    return content_type.replace("application/javascript", "text/javascript")


def fetch(
    url: str, encoding: str = "br, gzip", headers: dict[str, str] | None = None
) -> tuple[int, HTTPMessage, bytes]:
    """Status, headers (names in any case) and body, without decompressing it."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()
