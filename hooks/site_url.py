"""MkDocs hook: the site's address from the environment, for intranets that serve the
not-found page.

Every page links relatively, so the built site works under any path, except ``404.html``:
a server shows it at whatever address was not found, so its links start from the site's
root path, which MkDocs takes from ``site_url`` (``/`` when it is empty). An intranet that
serves the site under a sub-path and shows this page for missing addresses builds with
``SITE_URL=https://intranet.example/intranet/citizen-card/ make build``.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError


def on_config(config: Any) -> Any:
    site_url = os.environ.get("SITE_URL", "").strip()
    if not site_url:
        return config
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PluginError(
            f"SITE_URL must be a full address such as https://intranet.example/citizen-card/,"
            f" not {site_url!r}."
        )
    config["site_url"] = site_url if site_url.endswith("/") else site_url + "/"
    return config
