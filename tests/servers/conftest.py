"""The servers layer's fixtures: the built site behind the local server (`make serve`) and
behind the nginx and Caddy configurations the HR guide publishes, each under its sub-path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from caddy_site import caddy_site
from nginx_site import nginx_site
from published_server import SITE_PATH
from serve import serve_in_background


@pytest.fixture(scope="module")
def local_url(site_dir: Path) -> Iterator[str]:
    """The site served by tools/serve.py under the sub-path."""
    server, url = serve_in_background(site_dir, SITE_PATH)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def nginx_url(site_dir: Path) -> Iterator[str]:
    """The site served by the nginx configuration the HR guide publishes, under its sub-path."""
    with nginx_site(site_dir) as url:
        yield url


@pytest.fixture(scope="module")
def caddy_url(site_dir: Path) -> Iterator[str]:
    """The site served by the Caddy configuration the HR guide publishes, under its sub-path."""
    with caddy_site(site_dir) as url:
        yield url
