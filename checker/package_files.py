"""The data files the checker ships beside its modules (its rules, its words, the working-day
calendar), read as text.

They are read from the folder of this module, not through `importlib.resources`: the checker
is always installed unpacked (CPython's site-packages, the wheel Pyodide installs), and
`importlib.resources` would add about 15 ms of imports (pathlib, tempfile, inspect,
zipfile) to every start of the engine in the browser, where a phone pays them four times.
"""

from __future__ import annotations

import os

__all__ = ["read_text"]

_FOLDER = os.path.dirname(os.path.abspath(__file__))


def read_text(name: str) -> str:
    """The text (UTF-8) of the data file `name` beside the checker's modules."""
    with open(os.path.join(_FOLDER, name), encoding="utf-8") as file:
        return file.read()
