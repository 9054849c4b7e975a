"""The service worker, the web app manifests and the checker's downloads behind the three
servers the guide publishes (tools/serve.py, nginx, Caddy): right type, revalidated on each
visit (so a new build reaches readers), and the site's security policy on each."""

from __future__ import annotations

from pathlib import Path

import pytest
from csp import header_policy

from tests.servers.helpers import fetch, same_type

# Path in the site -> the type it must come with.
OFFLINE_FILES = {
    "sw.js": "text/javascript",
    "assets/offline/sw-offline.js": "text/javascript",
    "manifest.webmanifest": "application/manifest+json",
    "zh/manifest.webmanifest": "application/manifest+json",
    "assets/offline/icons/icon-192.png": "image/png",
    "assets/offline/icons/icon-512.png": "image/png",
}
SERVERS = ("local_url", "nginx_url", "caddy_url")


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize(("path", "media_type"), OFFLINE_FILES.items())
def test_the_service_worker_and_manifests_come_with_their_type_and_are_revalidated(
    site_dir: Path, request: pytest.FixtureRequest, server: str, path: str, media_type: str
) -> None:
    url = request.getfixturevalue(server)
    status, headers, _body = fetch(url + path)
    assert status == 200, (server, path)
    assert same_type(headers.get_content_type()) == media_type, (server, path)
    assert headers["Cache-Control"] == "no-cache", (server, path)
    assert headers["Content-Security-Policy"] == header_policy(site_dir), (server, path)


@pytest.mark.parametrize("server", SERVERS)
def test_the_checkers_wheel_comes_as_a_zip_file_with_its_checksum_beside_it(
    site_dir: Path, request: pytest.FixtureRequest, server: str
) -> None:
    url = request.getfixturevalue(server)
    (wheel,) = sorted((site_dir / "downloads").glob("*-py3-none-any.whl"))
    status, headers, body = fetch(url + "downloads/" + wheel.name, encoding="")
    assert status == 200
    assert headers.get_content_type() == "application/zip"
    assert body == wheel.read_bytes()
    sums_status, _headers, sums = fetch(url + "downloads/SHA256SUMS", encoding="")
    assert sums_status == 200
    assert wheel.name in sums.decode()
