"""Debian's Chromium as the build (the app icons), the tests and the benchmarks start it.

Playwright cannot download its own browser here, so it drives /usr/bin/chromium (Debian's
`chromium` package, installed by `make test`). Without the background-networking flags,
Chromium keeps trying to reach Google's hosts, which a closed network refuses.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
