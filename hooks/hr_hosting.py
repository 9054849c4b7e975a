"""Page step (hooks/pages.py runs it): the self-hosting guide's security header and nginx
example, from the build.

The HR page's guide for intranet admins shows the HTTP Content-Security-Policy header to
send and an nginx example that sends it. Neither is typed by hand: the policy is
:func:`csp.header_policy` of the finished site (every page's inline-script hashes, plus
``frame-ancestors``), so it always matches the pages it protects.

A page asks with ``<div data-csp-header-placeholder></div>`` and/or
``<div data-nginx-example-placeholder></div>``, each on a line of its own. ``add_examples``
puts code blocks there holding a marker; ``fill_policy`` (hooks/pages.py's post-build
step, after every language is built) writes the policy into every page that has the marker.
The example's comments follow the page's language.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from _page import page_language
from csp import header_policy

HEADER_PLACEHOLDER = "<div data-csp-header-placeholder></div>"
NGINX_PLACEHOLDER = "<div data-nginx-example-placeholder></div>"
# Filled after the build; rewritten on every build (the element keeps its attribute).
_POLICY_MARK = "<span data-csp-policy></span>"
_FILLED = re.compile(r"(<span data-csp-policy>)(.*?)(</span>)", re.S)
SITE_PATH = "/intranet/citizen-card/"
# Files whose path carries a version or a content hash (as tools/serve.py caches them).
IMMUTABLE_FILES = (
    r"assets/pyodide/[^/]+/pyodide\.(mjs|asm\.mjs|asm\.wasm)"
    r"|assets/(javascripts|stylesheets)/.+\.[0-9a-f]{8}\.min\.(js|css)"
)

NGINX_COMMENTS = {
    "en": {
        "types": "# In the http { } block, after `include mime.types;` (recent nginx has both):",
        "root": f"# site/ copied to /srv/www{SITE_PATH}",
        "pages": "# Pages and scripts: browsers ask again each time (a cheap 304 if unchanged).",
        "gzip": "# Compress text and WebAssembly (HTML is always compressed when gzip is on):",
        "immutable": "# Versioned Pyodide runtime, Material's hashed files: keep a year.",
    },
    "zh": {
        "types": "# 写在 http { } 块中、`include mime.types;` 之后（较新的 nginx 已自带这两项）：",
        "root": f"# 把 site/ 复制到 /srv/www{SITE_PATH}",
        "pages": "# 页面和脚本：浏览器每次都向服务器确认（未改动时只返回 304）。",
        "gzip": "# 压缩文本和 WebAssembly（开启 gzip 后 HTML 总会被压缩）：",
        "immutable": "# 版本目录中的 Pyodide 运行环境、Material 带哈希的文件：缓存一年。",
    },
}


def _nginx_example(lang: str) -> str:
    words = NGINX_COMMENTS["zh" if lang.lower().startswith("zh") else "en"]
    policy = f'add_header Content-Security-Policy "{_POLICY_MARK}" always;'
    headers = f"        {policy}\n        add_header X-Content-Type-Options nosniff always;\n"
    lines = [
        words["types"],
        "types {",
        "    application/wasm  wasm;",
        "    text/javascript   mjs;",
        "}",
        words["gzip"],
        "gzip on;",
        "gzip_types text/css text/javascript application/json application/wasm image/svg+xml;",
        "",
        "server {",
        "    listen 80;",
        "    server_name intranet.example;",
        f"    {words['root']}",
        "    root /srv/www;",
        "",
        f"    location {SITE_PATH} {{",
        "        index index.html;",
        f"        {words['pages']}",
        "        expires -1;",
        headers.rstrip("\n"),
        "    }",
        "",
        f"    {words['immutable']}",
        f"    location ~ ^{SITE_PATH}({IMMUTABLE_FILES})$ {{",
        "        expires 1y;",
        headers.rstrip("\n"),
        "    }",
        "}",
    ]
    # Escape everything but the marker span, which is filled after the build.
    text = html.escape("\n".join(lines), quote=False)
    text = text.replace(html.escape(_POLICY_MARK, quote=False), _POLICY_MARK)
    return f'<pre class="hr-config"><code>{text}</code></pre>'


def add_examples(output: str, page: Any) -> str:
    """The hosting guide's header and nginx example in place of their placeholders."""
    if HEADER_PLACEHOLDER in output:
        output = output.replace(
            HEADER_PLACEHOLDER,
            f'<pre class="hr-policy"><code>Content-Security-Policy: {_POLICY_MARK}</code></pre>',
        )
    if NGINX_PLACEHOLDER in output:
        output = output.replace(NGINX_PLACEHOLDER, _nginx_example(page_language(output)))
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
