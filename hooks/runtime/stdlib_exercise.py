"""Everything the browser asks of the engine, run once to record the modules it imports.

hooks/runtime/fast_runtime.mjs runs this inside the pinned Pyodide and keeps, in the fast-start
standard library, only the modules imported by then (plus Pyodide's own start-up). It must
therefore reach every code path of `checker.web`: each status, invalid input in both
languages, every encoding the staff-list check reads, the calendars and the rule texts.
"""

import contextlib
import json
from datetime import date

from checker import text_encoding, web, working_days
from checker.errors import InvalidInput

FIELDS = ("permit_issued", "permit_expires", "passport_expires")
REQUESTS = [
    # eligible, not yet, too late, no window (permit too short), invalid in several ways
    ("2026-11-12", "2028-11-11", "2030-01-01", "2026-11-26", "A"),
    ("2026-11-20", "2028-11-11", "2030-01-01", "2026-11-26", "B"),
    ("2024-01-01", "2026-12-01", "2030-01-01", "2026-11-26", "C"),
    ("2026-11-20", "2027-01-10", "2030-01-01", "2026-11-26", "unknown"),
    ("2026/11/12", "2028年11月11日", "2030.1.1", "", "unknown"),
    ("26/11/2026", "2026-02-30", "", "1800-01-01", "X"),
    ("2026-11-12", "2026-11-01", "not a date", "2026-11-26", "A"),
]


def exercise_checks() -> None:
    for lang in ("en", "zh"):
        for issued, expires, passport, on, category in REQUESTS:
            request = json.dumps(
                dict(zip(FIELDS, (issued, expires, passport), strict=True))
                | {"on": on, "category": category, "lang": lang}
            )
            json.loads(web.check_json(request))
            json.loads(web.answer_json(request))
            web.window_ics(request)
        json.loads(web.rules_json(lang))
    web.check_json("not json")


def exercise_batch() -> None:
    header = "姓名,permit_issued,permit_expires,passport_expires,category\n"
    rows = "王芳,2026-11-12,2028-11-11,2030-01-01,A\nbad,2026-13-01,,x,Z\n"
    rows += "Anna Müller,2026-11-12,2028-11-11,2030-01-01,B\n"  # pinyin ü in GBK
    text = header + rows
    encoded = [
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.encode("gb18030"),
        text.encode("gbk"),
        text.encode("utf-16"),
        b"\x00\x01 not a csv",
        b"",
    ]
    western = header + "Renée Müller,2026-11-12,2028-11-11,2030-01-01,A\n"
    encoded += [
        western.replace("姓名", "name").encode("cp1252"),
        text.encode("utf-8") + "李雷\n".encode("gbk"),  # mixed: refused
    ]
    for data in encoded:
        for lang in ("en", "zh"):
            reply = json.loads(web.batch_json(data, "2026-11-26", lang))
            web.batch_ics(data, "", lang)
            if reply["ok"]:
                rows, columns = json.dumps(reply["rows"]), json.dumps(reply["input_columns"])
                web.answers_ics(rows, columns, reply["on"], lang)
        for encoding in text_encoding.ENCODING_CHOICES:
            with contextlib.suppress(InvalidInput):
                text_encoding.decode_staff_list(data, encoding)


def exercise_working_days() -> None:
    for day in (date(2026, 10, 10), date(2026, 12, 6), date(2030, 1, 1)):
        working_days.is_working_day(day)
        working_days.is_covered(day)
        working_days.first_working_day_on_or_after(day)
        working_days.last_working_day_on_or_before(day)


exercise_checks()
exercise_batch()
exercise_working_days()
