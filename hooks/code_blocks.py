"""Page step (hooks/pages.py runs it): every code block can be scrolled from the keyboard.

A long line (the security header, a server configuration) makes a code block scroll
sideways on a phone; a region that scrolls must be focusable, or a keyboard user cannot
reach what is off screen (WCAG 2.1.1; axe `scrollable-region-focusable`). The theme gives
highlighted blocks ``tabindex="0"`` on their ``<code>``; this gives it to every other
``<pre><code>`` too (the theme's stylesheet scrolls the ``<code>``, not the ``<pre>``).
"""

from __future__ import annotations

import re

_BLOCK_CODE = re.compile(r"(<pre\b[^>]*>\s*(?:<span></span>)?<code\b)(?![^>]*\btabindex=)")


def focusable_code_blocks(output: str) -> str:
    """The page with ``tabindex="0"`` on every code block's ``<code>`` that lacks one."""
    return _BLOCK_CODE.sub(r'\1 tabindex="0"', output)
