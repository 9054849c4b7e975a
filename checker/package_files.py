"""The data files the checker ships beside its modules (its rules, its words, the working-day
calendar), read as text.

They are read from the folder of this module, not through `importlib.resources`: the checker
is always installed unpacked (CPython's site-packages, the wheel Pyodide installs), and
`importlib.resources` brings in pathlib, tempfile, inspect and zipfile, which made importing
the engine in CPython (every run of the command line) about 25 ms slower. (In Pyodide it makes
no measurable difference: Pyodide's own start imports those modules.)
"""

from __future__ import annotations

import os

__all__ = ["read_text"]

_FOLDER = os.path.dirname(os.path.abspath(__file__))


def read_text(name: str) -> str:
    """The text (UTF-8) of the data file `name` beside the checker's modules."""
    with open(os.path.join(_FOLDER, name), encoding="utf-8") as file:
        return file.read()
