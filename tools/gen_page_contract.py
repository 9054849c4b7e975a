"""Write docs/assets/checker/shared/contract.js from checker.web.page_contract().

The page's scripts import what they know of the engine (entry points, form fields, the
default category, start-up steps, the staff list's statuses and columns) from that module;
Python is its source of truth. Run after changing any of them
(tests/site/test_page_contract.py fails until the file is regenerated):

    .venv/bin/python tools/gen_page_contract.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.web import page_contract  # noqa: E402

CONTRACT_JS = ROOT / "docs" / "assets" / "checker" / "shared" / "contract.js"

HEADER = """\
// What the page knows of the engine, written by tools/gen_page_contract.py from
// checker/web.py (page_contract). Do not edit: change the Python and run the tool again.
"""


def contract_js() -> str:
    """The module's text."""
    contract = json.dumps(page_contract(), ensure_ascii=False, indent=2)
    return (
        f"{HEADER}\n"
        "/** @type {import('./types.js').PageContract} */\n"
        f"export const CONTRACT = Object.freeze({contract});\n"
    )


def main() -> None:
    CONTRACT_JS.write_text(contract_js(), encoding="utf-8")
    print(f"wrote {CONTRACT_JS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
