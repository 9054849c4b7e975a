"""What every layer shares: the tools' and hooks' folders on sys.path, the layer markers
applied by folder, and the built site.

The site is built by `make build` (a prerequisite of `make test` and `make quick`) into
`site/`; set SITE_DIR to test another build. Each layer's own fixtures are in its folder's
conftest.py (browser/: Chromium and the served site; servers/: the published servers).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from tests import ROOT

# Property tests check what the engine answers, not how fast: Hypothesis's default deadline
# (200 ms an example) is a timed test, and on a loaded machine one example took 280 ms and
# failed `test_properties.py`. Speed is measured by `make bench`, not asserted here.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

sys.path.insert(0, str(ROOT / "tools"))
# The hooks' folder, as MkDocs puts it on sys.path while it loads them: tests import hooks
# and their library (_page) by the same names the build does.
sys.path.insert(0, str(ROOT / "hooks"))

# Each folder of tests/ is a layer, and its tests carry the layer's marker
# (`pytest -m engine`, `-m "engine or site"`: what `make quick` runs).
LAYERS = ("engine", "site", "browser", "servers")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        layer = Path(item.path).relative_to(ROOT / "tests").parts[0]
        if layer not in LAYERS:
            raise pytest.UsageError(f"{item.nodeid} is outside the layers {LAYERS}")
        item.add_marker(layer)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site; fails (never skips) when it has not been built."""
    path = Path(os.environ.get("SITE_DIR", ROOT / "site"))
    if not (path / "index.html").is_file():
        pytest.fail(f"No built site in {path}: run `make build` (make test does it).")
    return path
