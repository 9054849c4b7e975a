"""Drivers for the browser engines other than Chromium (WebKit, Firefox)."""
