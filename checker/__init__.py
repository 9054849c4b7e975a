"""Hangzhou citizen card for foreign talents: who can apply, and when.

Standard library only; runs unchanged in CPython 3.12+ and in Pyodide.
"""

__all__: list[str] = []
