"""The not-found page under a sub-path: a server shows 404.html at whatever address was not
found, so its links start from the site's root path. An intranet that serves the site under a
sub-path builds with SITE_URL (read by mkdocs.yml); every other page links relatively."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests import ROOT


def build_with_site_url(site_url: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT,
        env={**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_not_found_page_links_under_the_sub_path_given_at_build_time(tmp_path: Path) -> None:
    built = build_with_site_url("https://intranet.example/intranet/citizen-card", tmp_path)
    assert built.returncode == 0, built.stderr
    not_found = (tmp_path / "404.html").read_text("utf-8")
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', not_found)
    assert stylesheets
    for href in stylesheets:
        assert href.startswith("/intranet/citizen-card/"), href
        assert (tmp_path / href.removeprefix("/intranet/citizen-card/")).is_file(), href
    assert '__md_scope=new URL("/intranet/citizen-card/"' in not_found
    # each language's not-found page leads home under the sub-path
    assert '<a href="/intranet/citizen-card/">' in not_found
    chinese = (tmp_path / "zh" / "404.html").read_text("utf-8")
    assert '<a href="/intranet/citizen-card/zh/">' in chinese
    # the other pages still link relatively, so the folder can move
    eligibility = (tmp_path / "eligibility" / "index.html").read_text("utf-8")
    assert 'href="../assets/stylesheets/main.' in eligibility


def test_a_site_url_that_is_not_an_address_stops_the_build_with_a_sentence(
    tmp_path: Path,
) -> None:
    built = build_with_site_url("intranet/citizen-card", tmp_path)
    assert built.returncode != 0
    assert "Config value 'site_url': The URL isn't valid" in built.stderr
    assert "Traceback" not in built.stderr
