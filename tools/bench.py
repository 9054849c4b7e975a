"""Benchmark of the checker (`make bench`): prints figures, asserts nothing.

Targets: a single check ≤ 50 µs; a 100,000-row batch ≤ 2 s.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import time
import timeit
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker import check, check_batch

ROWS = 100_000


def single_check_microseconds(repeat: int = 5, number: int = 20_000) -> float:
    """Best mean time of one full check (rules, notes, headline in English), in µs."""

    def one_check() -> object:
        return check(
            permit_issued=date(2026, 11, 12),
            permit_expires=date(2028, 11, 11),
            passport_expires=date(2030, 1, 1),
            on=date(2026, 11, 26),
            category="B",
        )

    one_check()  # warm the caches: rules and messages are read once per process
    best = min(timeit.repeat(one_check, repeat=repeat, number=number))
    return best / number * 1e6


def staff_csv(rows: int, seed: int = 20261126) -> bytes:
    """A realistic staff list: names, staff numbers, mixed date spellings, some bad rows."""
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["姓名", "staff_no", "permit_issued", "permit_expires", "passport_expires", "category"]
    )
    start = date(2024, 1, 1)
    for number in range(rows):
        issued = start + timedelta(days=rng.randrange(1100))
        expires = issued + timedelta(days=rng.randrange(60, 1100))
        passport = start + timedelta(days=rng.randrange(3000))
        spelling = number % 3
        cells = [
            d.isoformat()
            if spelling == 0
            else f"{d.year}/{d.month}/{d.day}"
            if spelling == 1
            else f"{d.year}年{d.month}月{d.day}日"
            for d in (issued, expires, passport)
        ]
        if number % 997 == 0:
            cells[0] = f"{issued.day}/{issued.month}/{issued.year}"  # ambiguous: invalid row
        writer.writerow([f"员工{number}", str(100000 + number), *cells, "ABC"[number % 3]])
    return buffer.getvalue().encode("utf-8-sig")


def batch_seconds(data: bytes) -> float:
    started = time.perf_counter()
    result = check_batch(data, on=date(2026, 11, 26))
    elapsed = time.perf_counter() - started
    assert len(result.rows) == ROWS
    return elapsed


def main() -> None:
    print(f"Python {sys.version.split()[0]}")
    print(f"single check:       {single_check_microseconds():7.1f} µs   (target ≤ 50 µs)")
    data = staff_csv(ROWS)
    seconds = min(batch_seconds(data) for _ in range(3))
    print(f"{ROWS:,}-row batch:  {seconds:7.2f} s    (target ≤ 2 s; {len(data) / 1e6:.1f} MB CSV)")
    result = check_batch(data, on=date(2026, 11, 26))
    csv_seconds = min(timeit.repeat(result.to_csv, repeat=3, number=1))
    print(f"  + its CSV output: {csv_seconds:7.2f} s    (formula-safe, every cell)")


if __name__ == "__main__":
    main()
