"""Benchmark of the checker (`make bench`): prints figures, asserts nothing.

Targets: a single check ≤ 50 µs; a 100,000-row batch ≤ 2 s; the command line's batch of a
200 MB list in at most 200 MB of memory (its peak resident set, as `/usr/bin/time -v`
measures it), whatever the file's size.

Usage: python tools/bench.py [--megabytes 200] (0 leaves out the big file)
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Iterator
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
    return "".join(staff_csv_parts(rows, seed)).encode("utf-8-sig")


def staff_csv_parts(rows: int, seed: int = 20261126, first: int = 0) -> Iterator[str]:
    """`staff_csv`'s text (without its BOM) in parts of about 10,000 rows; rows numbered
    from `first`, with the header only when `first` is 0."""
    rng = random.Random(seed + first)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if first == 0:
        writer.writerow(
            ["姓名", "staff_no", "permit_issued", "permit_expires", "passport_expires", "category"]
        )
    start = date(2024, 1, 1)
    for number in range(first, first + rows):
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
        if number % 10_000 == 9_999:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def batch_seconds(data: bytes) -> float:
    started = time.perf_counter()
    result = check_batch(data, on=date(2026, 11, 26))
    elapsed = time.perf_counter() - started
    assert len(result.rows) == ROWS
    return elapsed


def write_big_list(path: Path, megabytes: int) -> int:
    """A staff list of about `megabytes` MB at `path`, written part by part; its rows."""
    rows = 0
    with path.open("wb") as file:
        file.write(b"\xef\xbb\xbf")
        while file.tell() < megabytes * 1_000_000:
            for part in staff_csv_parts(100_000, first=rows):
                file.write(part.encode("utf-8"))
            rows += 100_000
    return rows


def streamed_batch(megabytes: int) -> None:
    """`python -m checker batch BIG.csv -o OUT.csv` under `/usr/bin/time -v`: its peak
    memory and time, and rows in = rows out."""
    with tempfile.TemporaryDirectory(prefix="checker-bench-") as folder:
        big, out = Path(folder) / "big.csv", Path(folder) / "out.csv"
        rows = write_big_list(big, megabytes)
        size = big.stat().st_size / 1e6
        command = [sys.executable, "-m", "checker", "batch", str(big), "-o", str(out)]
        timed = subprocess.run(
            ["/usr/bin/time", "-v", *command, "--on", "2026-11-26"],
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
            text=True,
            check=False,
        )
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", timed.stderr)
        elapsed = re.search(r"Elapsed \(wall clock\) time.*: ([\d:.]+)", timed.stderr)
        cpu = sum(
            float(found)
            for found in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", timed.stderr)
        )
        with out.open("rb") as answer:
            rows_out = sum(1 for _ in answer) - 1  # CRLF rows; no cell holds a line break
        memory = f"{int(peak.group(1)) / 1024:,.0f} MB" if peak else "?"
        print(
            f"command-line batch of {size:,.0f} MB ({rows:,} rows): peak memory {memory} "
            f"(target ≤ 200 MB), {elapsed.group(1) if elapsed else '?'} "
            f"(m:ss; {cpu:.0f} s of CPU), "
            f"exit {timed.returncode}, {rows_out:,} rows out"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=200)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}")
    print(f"single check:       {single_check_microseconds():7.1f} µs   (target ≤ 50 µs)")
    data = staff_csv(ROWS)
    seconds = min(batch_seconds(data) for _ in range(3))
    print(f"{ROWS:,}-row batch:  {seconds:7.2f} s    (target ≤ 2 s; {len(data) / 1e6:.1f} MB CSV)")
    result = check_batch(data, on=date(2026, 11, 26))
    csv_seconds = min(timeit.repeat(result.to_csv, repeat=3, number=1))
    print(f"  + its CSV output: {csv_seconds:7.2f} s    (formula-safe, every cell)")
    if args.megabytes:
        streamed_batch(args.megabytes)


if __name__ == "__main__":
    main()
