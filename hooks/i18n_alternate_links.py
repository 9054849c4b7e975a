"""The language switcher's links: relative, and nothing fetched that the site does not have.

- mkdocs-static-i18n gives each page's switcher the site-relative URL of the page's
  other-language version ("zh/apply/") but leaves the home pages with absolute root links
  ("/", "/zh/"), which break when the site is served under a sub-path. `relative_alternates` makes
  those site-relative too; the theme's `url` filter then makes every one relative to the page.
- Material also writes each alternate as `<link rel="alternate" hreflang>` in the head, and its
  script fetches `sitemap.xml` next to every such link to remap pages on switching. Here the
  switcher already points at the right page, the i18n build has no per-language sitemap, and
  without `site_url` the sitemap holds no absolute addresses, so every page would make two
  failing requests. `drop_head_alternates` drops those head links; the switcher itself is unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def relative_alternates(context: dict[str, Any], *, config: MkDocsConfig) -> dict[str, Any]:
    """Rewrite the alternates of this page's language switcher (the plugin copies them per page)."""
    # The plugin assigns `config.extra.alternate` as an attribute, which is what the theme reads.
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["link"] = site_relative(alternate["link"])
    return context


def site_relative(link: str) -> str:
    """'/zh/' -> 'zh/', '/' -> './'; full URLs and relative links are returned unchanged."""
    if not link.startswith("/") or link.startswith("//"):
        return link
    return link.lstrip("/") or "./"


def drop_head_alternates(output: str) -> str:
    """Remove `<link rel="alternate" ... hreflang>` from the page's head only."""
    head_end = output.find("</head>")
    if head_end < 0:
        return output
    return HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]
