"""Tests of the servers layer (see tests/__init__.py)."""
