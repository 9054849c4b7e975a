"""Tests of the browser layer (see tests/__init__.py)."""
