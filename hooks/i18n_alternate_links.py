"""Make the language switcher's links relative, so the site works under any sub-path.

mkdocs-static-i18n gives each page's switcher the site-relative URL of the page's
other-language version ("zh/apply/"), but leaves the home pages with the languages' absolute
root links ("/", "/zh/"), which break when the site is served under a sub-path. This hook runs
after the plugin and makes those site-relative too; the theme's `url` filter then makes every
one relative to the page.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
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
