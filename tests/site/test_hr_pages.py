"""The built HR and embed pages: is the security header an admin copies the one the site needs,
are the server examples complete, and is the embed page the checker alone, out of nav and search?"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from csp import header_policy
from tests.browser.hr_helpers import EMBED_PAGES, HR_PAGES, documented_snippet

LANGS = ("en", "zh")


def page_text(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def shown_policies(page: str, kind: str = "") -> list[str]:
    return [
        html.unescape(text)
        for text in re.findall(rf"<span data-csp-policy{kind}>(.*?)</span>", page)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_documented_header_is_the_built_sites_policy_with_frame_ancestors(
    site_dir: Path, lang: str
) -> None:
    page = page_text(site_dir, HR_PAGES[lang])
    policies = shown_policies(page)
    assert policies == [header_policy(site_dir)], "the header, once"
    assert "frame-ancestors 'self'" in policies[0]
    in_servers = shown_policies(page, '="server"')
    assert len(in_servers) == 2, "once in nginx's example, once in Caddy's: never twice"
    assert set(in_servers) == {header_policy(site_dir, header_only=False)}
    assert "frame-ancestors" not in in_servers[0], "each file's own setting gives it"
    assert "'unsafe-inline'" not in policies[0]
    assert "'unsafe-eval'" not in policies[0]


@pytest.mark.parametrize("server", ["nginx", "caddy"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_shows_the_server_configuration_the_tests_run_with_the_policy_written_in(
    site_dir: Path, lang: str, server: str
) -> None:
    from hr_hosting import CONFIG_POLICY_MARK, CONFIGS

    page = page_text(site_dir, HR_PAGES[lang])
    blocks = re.findall(
        rf'<pre class="hr-config" data-config="{server}"><code[^>]*>(.*?)</code>', page, re.S
    )
    assert len(blocks) == 1
    shown = html.unescape(re.sub(r"</?span[^>]*>", "", blocks[0]))
    policy = header_policy(site_dir, header_only=False)
    config = CONFIGS[server].read_text(encoding="utf-8")
    assert shown == config.replace(CONFIG_POLICY_MARK, policy)


@pytest.mark.parametrize("server", ["nginx", "caddy"])
def test_who_may_frame_the_checker_is_one_marked_line_of_each_server_file(server: str) -> None:
    from hr_hosting import CONFIGS, FRAME_ANCESTORS_SETTING

    config = CONFIGS[server].read_text(encoding="utf-8")
    assert config.count(FRAME_ANCESTORS_SETTING[server]) == 1
    assert config.count("citizen_card_frame_ancestors") == 2, "set once, used once"
    before = config[: config.index(FRAME_ANCESTORS_SETTING[server])]
    assert "SETTING: the intranet pages allowed to show the checker in a frame" in before


@pytest.mark.parametrize("lang", LANGS)
def test_the_hr_page_has_the_staff_list_check_and_one_embed_snippet(
    site_dir: Path, lang: str
) -> None:
    page = page_text(site_dir, HR_PAGES[lang])
    assert page.count("data-batch ") == 1
    assert "data-batch-placeholder" not in page
    snippet = documented_snippet(site_dir, lang)
    assert "event.origin !== checkerOrigin" in snippet
    assert len(snippet.strip().splitlines()) <= 14, "short enough to copy"


@pytest.mark.parametrize("lang", LANGS)
def test_the_embed_page_is_the_checker_without_the_sites_chrome(site_dir: Path, lang: str) -> None:
    page = page_text(site_dir, EMBED_PAGES[lang])
    assert page.count("data-checker ") == 1
    for chrome in ('class="md-header', 'class="md-tabs', 'class="md-sidebar', 'class="md-footer'):
        assert chrome not in page, chrome
    assert '<meta name="robots" content="noindex">' in page


def test_the_embed_page_is_in_no_navigation_and_not_in_search(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].split("#")[0].endswith("embed/")]
    home = page_text(site_dir, "")
    assert 'href="embed/"' not in home


def test_the_year_long_cache_covers_only_files_that_never_change_under_their_path(
    site_dir: Path,
) -> None:
    from serve import IMMUTABLE_FILES

    long_lived = re.compile(f"^({IMMUTABLE_FILES})$")
    files = [path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*")]
    cached = {name for name in files if long_lived.match(name)}
    runtime = next(name for name in files if name.endswith("/pyodide.asm.wasm"))
    assert runtime in cached
    assert any(name.startswith("assets/stylesheets/main.") for name in cached)
    rebuilt = [name for name in files if name.endswith((".whl", "-lock.json", ".zip", ".html"))]
    assert rebuilt, "the build has a wheel, a lock file, the stdlib archive and pages"
    assert not cached & set(rebuilt), "files a new build may change are revalidated"
    assert not [name for name in cached if name.startswith("assets/checker/")]


def test_nginx_caches_for_a_year_exactly_what_the_local_server_does() -> None:
    from hr_hosting import CONFIGS
    from serve import IMMUTABLE_FILES

    config = CONFIGS["nginx"].read_text(encoding="utf-8")
    assert f'location ~ "^/intranet/citizen-card/({IMMUTABLE_FILES})$" {{' in config
