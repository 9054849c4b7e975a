"""The staff-list check's own words (form, status line, results, downloads), en and zh.

The engine's sentences (each row's reason, errors about an unusable file) come from the
engine itself; only the words around them live here. The batch hook renders the labels into
the page and hands the rest to the page's script as a JSON data block. Both languages have
the same keys (checked at import); ``{count}``-style placeholders are filled in by the script.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Check a staff list",
        "intro": (
            "Choose or drop a CSV file exported from your spreadsheet, or paste its rows. "
            "The check runs in this browser: the file is read here and never uploaded."
        ),
        "file": "Staff list (CSV file)",
        "file_hint": (
            "First row: column names, including permit_issued, permit_expires and "
            "passport_expires. UTF-8 or GBK/GB18030, as Excel saves it."
        ),
        "drop": "or drop the file here",
        "paste": "Or paste the rows",
        "paste_hint": "Copy the cells from your spreadsheet, the row of column names first.",
        "on": "Day of application",
        "on_hint": "Today in Hangzhou unless you change it.",
        "submit": "Check the pasted rows",
        "status_loading": "The checker is starting. You can choose a file now.",
        "status_waiting": "The list will be checked as soon as the checker has started.",
        "status_ready": "The checker is ready.",
        "status_working": "Checking {name}…",
        "status_done": "{rows} rows checked in {ms} ms.",
        "status_failed": "The checker could not start in this browser.",
        "failed_sentence": (
            "The staff-list check could not start in this browser (it needs WebAssembly, "
            "which may be blocked or unsupported). The command line described below checks "
            "the same file on any computer with Python."
        ),
        "nothing": "Choose a CSV file or paste rows first.",
        "problem": "This list cannot be checked",
        "pasted": "the pasted rows",
        "results": "Results",
        "results_for": "{name}, for {on}: {rows} rows.",
        "count_eligible": "can apply",
        "count_not_yet": "not yet",
        "count_too_late": "too late",
        "count_no_window": "no window",
        "count_invalid": "cannot be read",
        "sort": "Order",
        "sort_file": "As in the file",
        "sort_status": "By status",
        "sort_latest": "By last day to apply",
        "download_csv": "Download results (.csv)",
        "download_ics": "Every last day in a calendar (.ics)",
        "no_calendar": "No row has a last day to put in a calendar.",
        "table_caption": "One row per staff member, in file order unless sorted.",
        "csv_file": "citizen-card-staff-results.csv",
        "ics_file": "citizen-card-last-days.ics",
    },
    "zh": {
        "title": "核对员工名单",
        "intro": (
            "选择或拖入从电子表格导出的 CSV 文件，或粘贴表格中的行。核对在本浏览器中进行："
            "文件只在这里读取，不会上传。"
        ),
        "file": "员工名单（CSV 文件）",
        "file_hint": (
            "第一行为列名，须包括 permit_issued、permit_expires 和 passport_expires。"
            "支持 UTF-8 或 GBK/GB18030（Excel 默认保存的编码）。"
        ),
        "drop": "或把文件拖到这里",
        "paste": "或粘贴表格中的行",
        "paste_hint": "从电子表格复制单元格，第一行为列名。",
        "on": "申请日期",
        "on_hint": "默认是杭州的今天，可以修改。",
        "submit": "核对粘贴的行",
        "status_loading": "核对工具正在启动，您现在就可以选择文件。",
        "status_waiting": "核对工具启动后会立即核对名单。",
        "status_ready": "核对工具已就绪。",
        "status_working": "正在核对{name}……",
        "status_done": "已核对 {rows} 行，用时 {ms} 毫秒。",
        "status_failed": "核对工具无法在此浏览器中启动。",
        "failed_sentence": (
            "员工名单核对无法在此浏览器中启动（它需要 WebAssembly，可能被禁用或不受支持）。"
            "下文介绍的命令行工具可以在任何装有 Python 的电脑上核对同一个文件。"
        ),
        "nothing": "请先选择 CSV 文件或粘贴表格中的行。",
        "problem": "无法核对这份名单",
        "pasted": "粘贴的行",
        "results": "核对结果",
        "results_for": "{name}，申请日期 {on}：共 {rows} 行。",
        "count_eligible": "可以申请",
        "count_not_yet": "尚未到可申请日期",
        "count_too_late": "已过可申请期限",
        "count_no_window": "没有可申请的日子",
        "count_invalid": "无法读取",
        "sort": "排序",
        "sort_file": "按文件顺序",
        "sort_status": "按状态",
        "sort_latest": "按最晚申请日",
        "download_csv": "下载结果（.csv）",
        "download_ics": "把所有最晚申请日加入日历（.ics）",
        "no_calendar": "没有哪一行有可加入日历的最晚申请日。",
        "table_caption": "每位员工一行，未排序时与文件顺序相同。",
        "csv_file": "citizen-card-staff-results.csv",
        "ics_file": "citizen-card-last-days.ics",
    },
}


if {frozenset(table) for table in STRINGS.values()} != {frozenset(STRINGS["en"])}:
    raise ValueError("hooks/hr_strings.py: every language must have the same keys.")


def strings_for(lang: str) -> dict[str, str]:
    """The table for a page language (``zh-CN`` → ``zh``); English for anything else."""
    return STRINGS.get(lang.split("-")[0].lower(), STRINGS["en"])
