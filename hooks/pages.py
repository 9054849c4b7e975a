"""MkDocs hook: every built page's steps, in one written order (after the Markdown hooks).

The modules that do the work are libraries, not hooks (mkdocs.yml lists only this one for
them), so each is loaded once. For every page, in this order:

1. the checker's form, on pages with ``<div data-checker-placeholder></div>``;
2. the staff-list check, on pages with ``<div data-batch-placeholder></div>``;
3. the self-hosting guide's security header and nginx example (HR hosting);
4. every code block focusable, so that it scrolls from the keyboard (code blocks);
5. the command line's install commands and downloads (HR page);
6. offline reading: the manifest, icon, update notice and service worker's registration;
7. the language switcher: no hreflang links in the head (alternates);
8. the Content-Security-Policy meta tag, last, since its hashes must match the final HTML.

Templates rendered outside pages (the not-found page) get step 8 too; the not-found page
then gets its words and home link in each language (``not_found``). After the build, in
this order: the checker's runtime is put in the site, the hosting guide's header policy is
written into the pages that show it, the checker's wheel and sdist go into downloads/, the
icons, manifests and service worker are written (the worker's precache lists the finished
files), and every text, JavaScript and WebAssembly file gets its precompressed copies (last,
so that they match the files as finally written).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import batch_form
import checker_form
import checker_runtime
import code_blocks
import csp
import downloads
import hr_hosting
import i18n_alternate_links
import not_found
import offline
import precompress
from mkdocs.plugins import event_priority

PageStep = Callable[[str, Any], str]

PAGE_STEPS: tuple[PageStep, ...] = (
    checker_form.add_checker,
    batch_form.add_staff_list,
    hr_hosting.add_examples,
    lambda output, page: code_blocks.focusable_code_blocks(output),
    downloads.add_install,
    offline.add_offline,
    lambda output, page: i18n_alternate_links.drop_head_alternates(output),
    lambda output, page: csp.add_policy(output),
)


def on_page_context(context: dict[str, Any], *, page: Any, config: Any, nav: Any) -> dict[str, Any]:
    return i18n_alternate_links.relative_alternates(context, config=config)


# After every plugin's own post-page step (mkdocs-static-i18n's runs at -100).
@event_priority(-200)
def on_post_page(output: str, *, page: Any, config: Any) -> str:
    offline.remember_site(config)
    for step in PAGE_STEPS:
        output = step(output, page)
    return output


@event_priority(-200)
def on_post_template(output_content: str, *, template_name: str, config: Any) -> str:
    if template_name.endswith(".html") and "<head" in output_content:
        output_content = csp.add_policy(output_content)
    if template_name == "404.html":
        # Each language's own page (after its policy, which then matches it).
        return not_found.not_found_page(output_content, config)
    return output_content


# After the i18n plugin's post-build (-100), which builds the other languages: the last run
# sees every page of the site.
@event_priority(-150)
def on_post_build(*, config: Any) -> None:
    site_dir = Path(config["site_dir"])
    checker_runtime.install_runtime(site_dir)
    hr_hosting.fill_policy(site_dir)
    downloads.write_downloads(site_dir)
    offline.write_offline(site_dir)
    precompress.precompress(site_dir)
