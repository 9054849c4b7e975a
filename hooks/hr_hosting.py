"""Page step (hooks/pages.py runs it): the self-hosting guide's security header and nginx
configuration, from the build.

The HR page's guide for intranet admins shows the HTTP Content-Security-Policy header to
send and the nginx configuration that sends it: ``tools/nginx/citizen-card.conf``, the file
the tests run, with the policy written in. The policy is not typed by hand: it is
:func:`csp.header_policy` of the finished site (every page's inline-script hashes, plus
``frame-ancestors``), so it always matches the pages it protects.

A page asks with ``<div data-csp-header-placeholder></div>`` and/or
``<div data-nginx-example-placeholder></div>``, each on a line of its own. ``add_examples``
puts code blocks there holding a marker; ``fill_policy`` (hooks/pages.py's post-build
step, after every language is built) writes the policy into every page that has the marker.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from csp import header_policy

HEADER_PLACEHOLDER = "<div data-csp-header-placeholder></div>"
NGINX_PLACEHOLDER = "<div data-nginx-example-placeholder></div>"
# Filled after the build; rewritten on every build (the element keeps its attribute).
_POLICY_MARK = "<span data-csp-policy></span>"
_FILLED = re.compile(r"(<span data-csp-policy>)(.*?)(</span>)", re.S)
# The nginx configuration the guide publishes: a file the tests run (tools/nginx_site.py).
NGINX_CONFIG = Path(__file__).resolve().parents[1] / "tools" / "nginx" / "citizen-card.conf"
NGINX_POLICY_MARK = "@CONTENT_SECURITY_POLICY@"


def _nginx_example() -> str:
    text = html.escape(NGINX_CONFIG.read_text(encoding="utf-8"), quote=False)
    if NGINX_POLICY_MARK not in text:
        raise ValueError(f"{NGINX_CONFIG} has no {NGINX_POLICY_MARK} for the policy.")
    # The marker span is filled with the built site's policy after the build.
    text = text.replace(NGINX_POLICY_MARK, _POLICY_MARK)
    return f'<pre class="hr-config"><code>{text}</code></pre>'


def add_examples(output: str, page: Any) -> str:
    """The hosting guide's header and nginx example in place of their placeholders."""
    if HEADER_PLACEHOLDER in output:
        output = output.replace(
            HEADER_PLACEHOLDER,
            f'<pre class="hr-policy"><code>Content-Security-Policy: {_POLICY_MARK}</code></pre>',
        )
    if NGINX_PLACEHOLDER in output:
        output = output.replace(NGINX_PLACEHOLDER, _nginx_example())
    return output


def fill_policy(site_dir: Path) -> list[Path]:
    """Write the site's header policy into every page that shows it; returns those pages."""
    policy = html.escape(header_policy(site_dir), quote=False)
    filled = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "data-csp-policy>" not in text:
            continue
        text = _FILLED.sub(lambda match: match.group(1) + policy + match.group(3), text)
        path.write_text(text, encoding="utf-8")
        filled.append(path)
    return filled
