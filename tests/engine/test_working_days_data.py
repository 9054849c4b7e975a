"""The working-day data: generated from the `holidays` package, and true to the notices.

- The committed `checker/working_days.toml` is exactly what `tools/gen_working_days.py`
  writes from the installed package (run `make working-days` after an upgrade).
- For 2025 and 2026, every day of the year agrees with the State Council notice, typed in
  here from its text:
  2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12),
  https://m.gmw.cn/2024-11/12/content_1303894933.htm
  2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04),
  https://politics.gmw.cn/2025-11/04/content_38391083.htm
"""

from __future__ import annotations

from datetime import date, timedelta

import gen_working_days  # tools/ is on the path (conftest.py)
import pytest

from checker.working_days import load_working_days
from tests.engine.helpers import ROOT

# Each notice: the days-off periods (first, last) and the weekend days worked (上班).
NOTICES: dict[int, tuple[list[tuple[date, date]], list[date]]] = {
    2025: (
        [
            (date(2025, 1, 1), date(2025, 1, 1)),  # 元旦, no exchange
            (date(2025, 1, 28), date(2025, 2, 4)),  # 春节
            (date(2025, 4, 4), date(2025, 4, 6)),  # 清明节
            (date(2025, 5, 1), date(2025, 5, 5)),  # 劳动节
            (date(2025, 5, 31), date(2025, 6, 2)),  # 端午节
            (date(2025, 10, 1), date(2025, 10, 8)),  # 国庆节、中秋节
        ],
        [
            *(date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27)),
            *(date(2025, 9, 28), date(2025, 10, 11)),
        ],
    ),
    2026: (
        [
            (date(2026, 1, 1), date(2026, 1, 3)),  # 元旦
            (date(2026, 2, 15), date(2026, 2, 23)),  # 春节
            (date(2026, 4, 4), date(2026, 4, 6)),  # 清明节
            (date(2026, 5, 1), date(2026, 5, 5)),  # 劳动节
            (date(2026, 6, 19), date(2026, 6, 21)),  # 端午节
            (date(2026, 9, 25), date(2026, 9, 27)),  # 中秋节
            (date(2026, 10, 1), date(2026, 10, 7)),  # 国庆节
        ],
        [
            *(date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28)),
            *(date(2026, 5, 9), date(2026, 9, 20), date(2026, 10, 10)),
        ],
    ),
}


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_the_committed_file_is_what_the_generator_writes() -> None:
    committed = (ROOT / "checker" / "working_days.toml").read_text(encoding="utf-8")
    assert committed == gen_working_days.generate(), "run `make working-days` and commit"


def test_the_data_covers_up_to_the_last_notice_the_package_cites() -> None:
    assert load_working_days().last_year == max(gen_working_days.cited_notices())


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_every_day_of_the_year_agrees_with_the_notice(year: int) -> None:
    periods, worked = NOTICES[year]
    off = {day for first, last in periods for day in _days(first, last)}
    calendar = load_working_days()
    disagree = []
    for day in _days(date(year, 1, 1), date(year, 12, 31)):
        expected = day in worked or (day not in off and day.weekday() < 5)
        if calendar.is_working_day(day) is not expected:
            disagree.append(day.isoformat())
    assert disagree == []


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_the_make_up_days_are_exactly_the_notices(year: int) -> None:
    calendar = load_working_days()
    listed = sorted(day for day in calendar.make_up_working_days if day.year == year)
    assert listed == sorted(NOTICES[year][1])
