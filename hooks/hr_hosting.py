"""Page step (hooks/pages.py runs it): the self-hosting guide's security header and server
configurations, from the build.

The HR page's guide for intranet admins shows the HTTP Content-Security-Policy header to
send and the server configurations that send it: ``tools/nginx/citizen-card.conf`` and
``tools/caddy/Caddyfile``, the files the tests run, with the policy written in. The policy
is not typed by hand: it is :func:`csp.header_policy` of the finished site (every page's
inline-script hashes, plus ``frame-ancestors``), so it always matches the pages it protects.

A page asks with ``<div data-csp-header-placeholder></div>``,
``<div data-nginx-example-placeholder></div>`` and/or
``<div data-caddy-example-placeholder></div>``, each on a line of its own. ``add_examples``
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
# Filled after the build; rewritten on every build (the element keeps its attribute). The
# header shows the whole policy; a server file, the policy up to its frame-ancestors setting.
_POLICY_MARK = "<span data-csp-policy></span>"
_SERVER_POLICY_MARK = '<span data-csp-policy="server"></span>'
_FILLED = re.compile(r'(<span data-csp-policy(="server")?>)(.*?)(</span>)', re.S)
# The server configurations the guide publishes: files the tests run (tools/nginx_site.py,
# tools/caddy_site.py), each with this mark where the policy goes.
_TOOLS = Path(__file__).resolve().parents[1] / "tools"
CONFIGS = {
    "nginx": _TOOLS / "nginx" / "citizen-card.conf",
    "caddy": _TOOLS / "caddy" / "Caddyfile",
}
CONFIG_POLICY_MARK = "@CONTENT_SECURITY_POLICY@"
# The one line of each file an admin edits: the origins allowed to frame the checker (the
# embed), after 'self'. The policy before it is the build's (`frame-ancestors` apart).
FRAME_ANCESTORS_SETTING = {
    "nginx": "    set $citizen_card_frame_ancestors \"'self'\";\n",
    "caddy": "\tvars citizen_card_frame_ancestors \"'self'\"\n",
}


def frame_ancestors_setting(server: str, origins: tuple[str, ...]) -> str:
    """The setting's line with `origins` after 'self' (as an admin would write it)."""
    return FRAME_ANCESTORS_SETTING[server].replace("'self'", " ".join(("'self'", *origins)))


def _placeholder(server: str) -> str:
    return f"<div data-{server}-example-placeholder></div>"


def _config_example(server: str) -> str:
    config = CONFIGS[server]
    text = html.escape(config.read_text(encoding="utf-8"), quote=False)
    if CONFIG_POLICY_MARK not in text:
        raise ValueError(f"{config} has no {CONFIG_POLICY_MARK} for the policy.")
    # The marker span is filled with the built site's policy after the build.
    text = text.replace(CONFIG_POLICY_MARK, _SERVER_POLICY_MARK)
    return f'<pre class="hr-config" data-config="{server}"><code>{text}</code></pre>'


def add_examples(output: str, page: Any) -> str:
    """The hosting guide's header and server examples in place of their placeholders."""
    if HEADER_PLACEHOLDER in output:
        output = output.replace(
            HEADER_PLACEHOLDER,
            f'<pre class="hr-policy"><code>Content-Security-Policy: {_POLICY_MARK}</code></pre>',
        )
    for server in CONFIGS:
        if _placeholder(server) in output:
            output = output.replace(_placeholder(server), _config_example(server))
    return output


def fill_policy(site_dir: Path) -> list[Path]:
    """Write the site's header policy into every page that shows it; returns those pages."""
    policy = html.escape(header_policy(site_dir), quote=False)
    server_policy = html.escape(header_policy(site_dir, header_only=False), quote=False)
    filled = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "<span data-csp-policy" not in text:
            continue
        text = _FILLED.sub(
            lambda match: (
                match.group(1) + (server_policy if match.group(2) else policy) + match.group(4)
            ),
            text,
        )
        path.write_text(text, encoding="utf-8")
        filled.append(path)
    return filled
