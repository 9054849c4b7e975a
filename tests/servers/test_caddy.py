"""The site served by the Caddy configuration the HR guide publishes (tools/caddy/Caddyfile run by
Debian's caddy, under a sub-path): does every answer carry the site's headers and the right
type, does a browser get the precompressed copy it accepts, are only versioned files kept a
year, is no folder listed, and does it all match what nginx sends?"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import brotli
import pytest
from caddy_site import CONFIG
from csp import header_policy
from serve import IMMUTABLE_FILES

from tests.servers.helpers import (
    SITE_HEADERS,
    fetch,
    runtime_file,
    same_type,
    theme_bundle,
    theme_style,
)

YEAR = "max-age=31536000, immutable"
WORKER = "assets/checker/worker.js"
# The checker's files as the page and its worker load them, and the type each must come with.
CHECKER_FILES = {
    WORKER: "text/javascript",
    "pyodide.mjs": "text/javascript",
    "pyodide.asm.mjs": "text/javascript",
    "pyodide.asm.wasm": "application/wasm",
    "python_stdlib_fast.zip": "application/zip",
    "pyodide-lock.json": "application/json",
    "*.whl": "application/zip",
}
UNPACK: dict[str | None, Callable[[bytes], bytes]] = {
    "br": brotli.decompress,
    "gzip": gzip.decompress,
    None: bytes,
}


def site_path(site_dir: Path, name: str) -> str:
    """A path of the site: a runtime file by its name, anything else as it is."""
    return name if "/" in name else runtime_file(site_dir, name)


def test_a_page_behind_caddy_carries_the_sites_headers(site_dir: Path, caddy_url: str) -> None:
    status, headers, _body = fetch(caddy_url + "eligibility/")
    assert status == 200
    assert headers.get_content_type() == "text/html"
    assert headers["Content-Security-Policy"] == header_policy(site_dir)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(("name", "media_type"), CHECKER_FILES.items())
def test_the_workers_and_runtimes_files_come_with_their_type_and_the_sites_headers(
    site_dir: Path, caddy_url: str, name: str, media_type: str
) -> None:
    status, headers, _body = fetch(caddy_url + site_path(site_dir, name))
    assert status == 200
    assert headers.get_content_type() == media_type
    assert headers["Content-Security-Policy"] == header_policy(site_dir)
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("accepted", "sent"),
    [
        ("br, gzip", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("", None),
        ("identity", None),
    ],
)
def test_webassembly_comes_in_the_encoding_the_browser_accepts_and_unpacks_to_the_file(
    site_dir: Path, caddy_url: str, accepted: str, sent: str | None
) -> None:
    path = runtime_file(site_dir, "pyodide.asm.wasm")
    status, headers, body = fetch(caddy_url + path, accepted)
    assert status == 200
    assert headers.get_content_type() == "application/wasm"
    assert headers.get("Content-Encoding") == sent
    assert headers.get_all("Vary") == ["Accept-Encoding"], "once, on every variant"
    original = (site_dir / path).read_bytes()
    assert UNPACK[sent](body) == original
    if sent == "br":
        assert len(body) < len(original) * 0.3


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("pyodide.mjs", YEAR),
        ("pyodide.asm.mjs", YEAR),
        ("pyodide.asm.wasm", YEAR),
        ("theme's script", YEAR),
        ("theme's style", YEAR),
        ("eligibility/", "no-cache"),
        (WORKER, "no-cache"),
        ("assets/checker/shared/engine.js", "no-cache"),
        ("python_stdlib_fast.zip", "no-cache"),
        ("pyodide-lock.json", "no-cache"),
        ("*.whl", "no-cache"),
        ("assets/images/favicon.png", "no-cache"),
        ("no-such-page/", "no-cache"),
    ],
)
def test_caddy_keeps_a_year_only_files_whose_path_carries_a_version(
    site_dir: Path, caddy_url: str, name: str, rule: str
) -> None:
    theme = {"theme's script": theme_bundle, "theme's style": theme_style}
    path = theme[name](site_dir) if name in theme else site_path(site_dir, name)
    _status, headers, _body = fetch(caddy_url + path)
    assert headers["Cache-Control"] == rule


def test_caddy_caches_for_a_year_exactly_what_the_local_server_does() -> None:
    config = CONFIG.read_text(encoding="utf-8")
    assert f'@immutable path_regexp "^/intranet/citizen-card/({IMMUTABLE_FILES})$"' in config


def test_a_revisit_to_an_unchanged_compressed_file_costs_a_304(
    site_dir: Path, caddy_url: str
) -> None:
    url = caddy_url + runtime_file(site_dir, "python_stdlib_fast.zip")
    _status, headers, _body = fetch(url, "br")
    assert headers["Content-Encoding"] == "br"
    status, _headers, body = fetch(url, "br", {"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")


def test_the_sites_address_without_its_last_slash_leads_to_the_home_page(
    site_dir: Path, caddy_url: str
) -> None:
    status, _headers, body = fetch(caddy_url.rstrip("/"), "")
    assert status == 200
    assert body == (site_dir / "index.html").read_bytes()


@pytest.mark.parametrize("path", ["assets/", "assets/images/", "assets/pyodide/"])
def test_caddy_lists_no_folder(site_dir: Path, caddy_url: str, path: str) -> None:
    status, headers, body = fetch(caddy_url + path)
    assert status == 404  # nginx answers 403; neither lists
    assert b"href=" not in body
    assert headers["Content-Security-Policy"] == header_policy(site_dir)


def test_caddy_sends_what_nginx_sends(site_dir: Path, caddy_url: str, nginx_url: str) -> None:
    paths = ["", "eligibility/", theme_bundle(site_dir)]
    paths += [site_path(site_dir, name) for name in CHECKER_FILES]
    for path in paths:
        for encoding in ("br, gzip", "gzip", ""):
            caddy = fetch(caddy_url + path, encoding)
            nginx = fetch(nginx_url + path, encoding)
            assert caddy[0] == nginx[0] == 200, path
            for name in (*SITE_HEADERS, "Content-Encoding"):
                assert caddy[1].get(name) == nginx[1].get(name), (path, encoding, name)
            assert same_type(caddy[1].get_content_type()) == same_type(
                nginx[1].get_content_type()
            ), path
            assert caddy[2] == nginx[2], (path, encoding)
