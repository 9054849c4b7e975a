"""Tests of the site layer (see tests/__init__.py)."""
