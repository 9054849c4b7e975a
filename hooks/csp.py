"""Page step (hooks/pages.py runs it last): a strict Content-Security-Policy on every page,
generated from the final HTML.

Scripts come only from the site itself, plus ``'wasm-unsafe-eval'`` (Pyodide compiles
WebAssembly) and the sha256 hash of each inline script the theme writes into that page
(Material's small start-up scripts). No ``'unsafe-inline'`` or ``'unsafe-eval'`` for scripts,
no other host for anything. Styles: the site's own stylesheets only.

The policy is written in one place, :data:`DIRECTIVES`. :func:`meta_policy` gives a page's
policy for its ``<meta http-equiv>`` tag; :func:`header_policy` gives the same policy as an
HTTP header for a whole built site (every page's hashes, plus the header-only directive
``frame-ancestors``), for intranet admins who serve the site themselves.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

# Directive -> sources. Script hashes are appended to script-src page by page.
DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "manifest-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
# Only honoured in an HTTP header (a meta tag cannot say who may frame the page).
HEADER_ONLY_DIRECTIVES: dict[str, tuple[str, ...]] = {"frame-ancestors": ("'self'",)}

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_SCRIPT_TYPE = re.compile(r"\btype\s*=\s*[\"']?(?P<type>[^\"'\s>]+)", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_META_MARK = 'http-equiv="Content-Security-Policy"'


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources (``'sha256-…'``) for each inline script a browser would run, in order."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        found = _SCRIPT_TYPE.search(attrs)
        if (found.group("type").lower() if found else "") not in _EXECUTABLE_TYPES:
            continue  # a data block such as Material's JSON config: never executed
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def _render(directives: dict[str, tuple[str, ...]], script_hashes: Iterable[str]) -> str:
    parts = []
    for name, sources in directives.items():
        extra = tuple(script_hashes) if name == "script-src" else ()
        parts.append(" ".join((name, *sources, *extra)))
    return "; ".join(parts)


def meta_policy(html: str) -> str:
    """The policy for one page, with the hashes of that page's inline scripts."""
    return _render(DIRECTIVES, inline_script_hashes(html))


def header_policy(
    site_dir: Path, *, frame_ancestors: tuple[str, ...] = (), header_only: bool = True
) -> str:
    """The same policy as an HTTP header for every page of a built site; `frame_ancestors`
    adds the origins of other pages that may frame it. Without `header_only`, the policy
    stops before ``frame-ancestors`` (a server file that takes it from its own setting)."""
    hashes: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        for source in inline_script_hashes(page.read_text(encoding="utf-8")):
            if source not in hashes:
                hashes.append(source)
    if not header_only:
        return _render(DIRECTIVES, hashes)
    added = {
        name: (*sources, *frame_ancestors) if name == "frame-ancestors" else sources
        for name, sources in HEADER_ONLY_DIRECTIVES.items()
    }
    return _render({**DIRECTIVES, **added}, hashes)


def add_policy(html: str) -> str:
    """Insert the page's policy as the first element of ``<head>`` (before any script)."""
    if _META_MARK in html:
        raise ValueError("The page already has a Content-Security-Policy meta tag.")
    head = re.search(r"<head[^>]*>", html, re.I)
    if head is None:
        raise ValueError("The page has no <head>, so it cannot carry its security policy.")
    tag = f'<meta {_META_MARK} content="{meta_policy(html)}">'
    at = head.end()
    charset = re.match(r"\s*<meta charset=[^>]*>", html[at:], re.I)
    if charset:  # keep the charset declaration first
        at += charset.end()
    return html[:at] + tag + html[at:]
