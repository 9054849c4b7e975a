"""The live checker's own words (form, status line, answer headings, checklist), en and zh.

The engine's sentences (headline, rule results, notes, errors) come from the engine itself;
only the words around them live here. The form hook renders the labels into the page and
hands the rest to the page's script as a JSON data block. Both languages have the same keys
(checked at import). ``{earliest}``-style placeholders are filled in by the script.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Check your dates",
        "intro": (
            "Enter the dates from your documents. The check runs in your browser: "
            "nothing you type is sent anywhere."
        ),
        "permit_issued": "Work permit issue date",
        "permit_issued_hint": "On your Foreigner's Work Permit, shown as its issue date.",
        "permit_expires": "Work permit expiry date",
        "permit_expires_hint": "On the same work permit, shown as the end of its validity.",
        "passport_expires": "Passport expiry date",
        "passport_expires_hint": "On the photo page of your passport, marked date of expiry.",
        "on": "Day you plan to apply",
        "on_hint": "Today in Hangzhou unless you change it.",
        "category": "Work permit category",
        "category_hint": "The class shown on your work permit: A, B or C.",
        "category_A": "A (high-end talent)",
        "category_B": "B (professional)",
        "category_C": "C (other)",
        "category_unknown": "I don't know",
        "submit": "Check my dates",
        "status_loading": "The checker is starting. You can fill in the form now.",
        "status_waiting": "Your answer will appear as soon as the checker has started.",
        "status_ready": "The checker is ready.",
        "status_working": "Checking…",
        "status_answered": "Your answer is below.",
        "status_failed": "The checker could not start in this browser.",
        "failed_sentence": (
            "The live checker could not start in this browser (it needs WebAssembly, which may "
            "be blocked or unsupported). You can still check the three rules by hand:"
        ),
        "errors_title": "There is a problem",
        "window_title": "Your window to apply",
        "window_first": "First day",
        "window_last": "Last day",
        "set_by": " (set by: {rule})",
        "window_none": "There is no day on which every rule is met.",
        "rules_title": "Each rule",
        "rule_passed": "Met on your application day",
        "rule_failed": "Not met on your application day",
        "source": "Source:",
        "published": " (published {date})",
        "notes_title": "Please note",
        "checklist_title": "Your checklist",
        "checklist_intro": (
            "What to have ready when you, or an agent for you, go to a citizen card service outlet."
        ),
        "checklist_when": "Go between {earliest} and {latest}.",
        "checklist_in_person": "If you go in person",
        "checklist_passport": "Your original passport, still valid on the day.",
        "checklist_permit": "Your work permit.",
        "checklist_portrait": "Your portrait is taken at the outlet.",
        "checklist_agent": "If an agent goes for you",
        "checklist_agent_documents": "Your original passport and your work permit.",
        "checklist_photo": "A recent one-inch colour photo of you on a white background.",
        "checklist_agent_id": "The agent's own original identity card.",
        "actions_title": "Keep this answer",
        "calendar": "Add the dates to my calendar (.ics)",
        "print": "Print",
        "copy_link": "Copy a link to this answer",
        "copied": (
            "Link copied. Your dates are after its # sign, a part no browser sends to a server."
        ),
        "copy_fallback": "Copy this link:",
        "calendar_file": "citizen-card-dates.ics",
        "rules_version": "Rules version {version}, last checked {date}.",
    },
    "zh": {
        "title": "核对您的日期",
        "intro": "请填写证件上的日期。核对在您的浏览器中进行，您输入的内容不会发送到任何地方。",
        "permit_issued": "工作许可证签发日期",
        "permit_issued_hint": "印在《外国人工作许可证》上的签发日期。",
        "permit_expires": "工作许可证有效期截止日期",
        "permit_expires_hint": "同一张工作许可证上的有效期截止日期。",
        "passport_expires": "护照有效期截止日期",
        "passport_expires_hint": "护照照片页上的有效期至（Date of expiry）。",
        "on": "计划申请的日期",
        "on_hint": "默认是杭州的今天，可以修改。",
        "category": "工作许可类别",
        "category_hint": "工作许可证上标明的类别：A、B 或 C。",
        "category_A": "A类（外国高端人才）",
        "category_B": "B类（外国专业人才）",
        "category_C": "C类（其他外国人员）",
        "category_unknown": "不清楚",
        "submit": "核对我的日期",
        "status_loading": "核对工具正在启动，您现在就可以填写表格。",
        "status_waiting": "核对工具启动后会立即显示结果。",
        "status_ready": "核对工具已就绪。",
        "status_working": "正在核对……",
        "status_answered": "结果见下方。",
        "status_failed": "核对工具无法在此浏览器中启动。",
        "failed_sentence": (
            "在线核对工具无法在此浏览器中启动（它需要 WebAssembly，可能被禁用或不受支持）。"
            "您仍可以按以下三条规则自行核对："
        ),
        "errors_title": "请检查以下内容",
        "window_title": "您可以申请的时间段",
        "window_first": "最早",
        "window_last": "最晚",
        "set_by": "（依据：{rule}）",
        "window_none": "没有哪一天能同时满足所有条件。",
        "rules_title": "逐条规则",
        "rule_passed": "在您申请的那天满足",
        "rule_failed": "在您申请的那天不满足",
        "source": "来源：",
        "published": "（发布于{date}）",
        "notes_title": "请注意",
        "checklist_title": "您的材料清单",
        "checklist_intro": "您本人或代办人前往市民卡服务网点时需要准备的材料。",
        "checklist_when": "请在{earliest}至{latest}之间前往。",
        "checklist_in_person": "本人办理",
        "checklist_passport": "护照原件，办理当天仍在有效期内。",
        "checklist_permit": "工作许可证。",
        "checklist_portrait": "现场采集人像。",
        "checklist_agent": "委托代办",
        "checklist_agent_documents": "您的护照原件和工作许可证。",
        "checklist_photo": "您本人近期一寸白底彩色照片。",
        "checklist_agent_id": "代办人本人的身份证原件。",
        "actions_title": "保存结果",
        "calendar": "把日期加入日历（.ics）",
        "print": "打印",
        "copy_link": "复制本结果的链接",
        "copied": "链接已复制。您的日期在 # 号之后，不会发送到服务器。",
        "copy_fallback": "请复制此链接：",
        "calendar_file": "citizen-card-dates.ics",
        "rules_version": "规则版本 {version}，最近核实于 {date}。",
    },
}


if {frozenset(table) for table in STRINGS.values()} != {frozenset(STRINGS["en"])}:
    raise ValueError("hooks/checker_strings.py: every language must have the same keys.")


def strings_for(lang: str) -> dict[str, str]:
    """The table for a page language (``zh-CN`` → ``zh``); English for anything else."""
    return STRINGS.get(lang.split("-")[0].lower(), STRINGS["en"])
