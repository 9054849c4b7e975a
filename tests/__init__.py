"""The test suite, by layer: engine/ (the checker package in CPython), site/ (the build and
its pages, no browser), browser/ (the built site in real browsers), servers/ (the servers the
HR guide publishes). `make quick` runs the first two; `make test` runs everything."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
