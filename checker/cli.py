"""The command line: `python -m checker check | batch | change`.

    python -m checker check --permit-issued DATE --permit-expires DATE --passport-expires DATE
                            [--on DATE] [--category A|B|C|unknown] [--lang en|zh] [--json]
    python -m checker batch FILE.csv [--on DATE] [--lang en|zh] [--format csv|json] [-o OUT]
                            [--encoding auto|utf-8|utf-16|gb18030|cp1252]
    python -m checker change --bureau-updated DATE [--lang en|zh] [--json]
    python -m checker --version

Installed (`pip install` the wheel the site serves under downloads/), the same command is
`citizen-card-checker`.

Exit codes: `check` 0 eligible on that date, 1 not eligible on that date; `batch` and
`change` 0 done; every command 2 for input it cannot use (a sentence naming the field;
with `--json`, `{"error": {"field", "message"}}` on stdout). 3 is reserved for a bug in
the checker itself, reported in one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import NoReturn, TextIO

from checker.batch import check_batch
from checker.dates import parse_date, today_in_hangzhou
from checker.errors import (
    InvalidInput,
    MissingDate,
    UnusableFile,
    UnwritableOutput,
    check_lang,
)
from checker.form import read_form
from checker.identity_change import identity_change_timeline
from checker.messages import LANGS, render
from checker.result import CheckResult
from checker.rules import load_rules
from checker.text_encoding import ENCODING_CHOICES

__all__ = ["main"]

# The distribution's name (pyproject.toml), whose installed version `--version` prints.
DISTRIBUTION = "hangzhou-citizen-card-checker"

EXIT_ELIGIBLE = 0
EXIT_NOT_ELIGIBLE = 1
EXIT_INVALID = 2
EXIT_BUG = 3


class UsageError(Exception):
    """A command line argparse cannot read (unknown flag, missing command...)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m checker",
        description="Can you apply for Hangzhou's citizen card for foreign talents, and when?",
    )
    parser.add_argument(
        "--version", action="store_true", help="print the package's and the rules' versions"
    )
    commands = parser.add_subparsers(dest="command", metavar="{check,batch,change}")

    check_cmd = commands.add_parser(
        "check", help="one person's dates", description="Check one person's dates."
    )
    check_cmd.add_argument("--permit-issued", metavar="DATE", help="work permit issue date")
    check_cmd.add_argument("--permit-expires", metavar="DATE", help="work permit expiry date")
    check_cmd.add_argument("--passport-expires", metavar="DATE", help="passport expiry date")
    check_cmd.add_argument(
        "--on", metavar="DATE", help="application date (default: today in Hangzhou)"
    )
    check_cmd.add_argument(
        "--category", metavar="A|B|C|unknown", default="unknown", help="work permit category"
    )
    check_cmd.add_argument("--lang", metavar="en|zh", default="en", help="language of the answer")
    check_cmd.add_argument("--json", action="store_true", help="print one JSON object")

    batch_cmd = commands.add_parser(
        "batch", help="a CSV of staff", description="Check every row of a staff CSV."
    )
    batch_cmd.add_argument("file", metavar="FILE.csv", help="the CSV file ('-' for stdin)")
    batch_cmd.add_argument(
        "--on", metavar="DATE", help="application date (default: today in Hangzhou)"
    )
    batch_cmd.add_argument("--lang", metavar="en|zh", default="en", help="language of reasons")
    batch_cmd.add_argument("--format", choices=("csv", "json"), default="csv")
    batch_cmd.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")
    batch_cmd.add_argument(
        "--encoding",
        choices=ENCODING_CHOICES,
        default="auto",
        help="the file's encoding (default: auto, told from the file; refused when unsure)",
    )

    change_cmd = commands.add_parser(
        "change",
        help="after a passport name or number change",
        description="When to collect a new card after the bureau updated your passport details.",
    )
    change_cmd.add_argument(
        "--bureau-updated", metavar="DATE", help="the day the bureau updated your details"
    )
    change_cmd.add_argument("--lang", metavar="en|zh", default="en")
    change_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _print_json(value: object, stream: TextIO) -> None:
    stream.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _answer_lang(lang: object) -> str:
    return lang if isinstance(lang, str) and lang in LANGS else "en"


def _report_invalid(error: InvalidInput, lang: str, as_json: bool) -> int:
    if as_json:
        _print_json({"error": error.to_dict(lang)}, sys.stdout)
    else:
        sys.stderr.write(f"checker: {error.message(lang)}\n")
    return EXIT_INVALID


def _summary(result: CheckResult) -> str:
    lang = result.lang
    rules = load_rules()
    lines = [
        result.headline,
        render("cli.window", lang, earliest=result.earliest, latest=result.latest),
    ]
    for rule in result.rules:
        mark = render("cli.passed" if rule.passed else "cli.failed", lang)
        lines.append(f"  [{mark}] {rule.id}: {rule.message}")
    lines.append(render("cli.notes", lang))
    lines += [f"  - {note.message}" for note in result.notes]
    lines.append(
        render(
            "cli.rules_version",
            lang,
            version=result.rules_version,
            verified=rules.last_verified,
        )
    )
    return "\n".join(lines) + "\n"


def _run_check(args: argparse.Namespace) -> int:
    lang = _answer_lang(args.lang)
    form, errors = read_form(
        permit_issued=args.permit_issued,
        permit_expires=args.permit_expires,
        passport_expires=args.passport_expires,
        on=args.on,
        category=args.category,
        lang=args.lang,
    )
    if form is None:
        return _report_invalid(errors[0], lang, args.json)
    result = form.check()
    if args.json:
        _print_json(result.to_dict(), sys.stdout)
    else:
        sys.stdout.write(_summary(result))
    return EXIT_ELIGIBLE if result.eligible else EXIT_NOT_ELIGIBLE


def _read_file(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError:
        raise UnusableFile("missing", path=name) from None


def _run_batch(args: argparse.Namespace) -> int:
    lang = _answer_lang(args.lang)
    as_json = args.format == "json"
    try:
        check_lang(args.lang)
        on = today_in_hangzhou() if not args.on else parse_date(args.on, field="on")
        batch = check_batch(_read_file(args.file), on=on, lang=args.lang, encoding=args.encoding)
    except InvalidInput as error:
        return _report_invalid(error, lang, as_json)
    if as_json:
        text = json.dumps(batch.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = batch.to_csv()
    if args.output:
        # A BOM lets Excel open the Chinese in a CSV correctly; JSON never has one.
        encoding = "utf-8" if as_json else "utf-8-sig"
        try:
            Path(args.output).write_text(text, encoding=encoding, newline="")
        except OSError as error:
            detail = error.strerror or type(error).__name__
            unwritable = UnwritableOutput("output", path=args.output, detail=detail)
            return _report_invalid(unwritable, lang, as_json)
    else:
        sys.stdout.write(text)
    rows = sum(batch.counts.values())
    sys.stderr.write(render("cli.batch_summary", lang, rows=rows, **batch.counts) + "\n")
    sys.stderr.write(render("cli.batch_encoding", lang, encoding=batch.encoding) + "\n")
    return EXIT_ELIGIBLE


def _run_change(args: argparse.Namespace) -> int:
    lang = _answer_lang(args.lang)
    try:
        check_lang(args.lang)
        if not args.bureau_updated:
            raise MissingDate("bureau_updated")
        updated = parse_date(args.bureau_updated, field="bureau_updated")
        timeline = identity_change_timeline(updated, lang=args.lang)
    except InvalidInput as error:
        return _report_invalid(error, lang, args.json)
    if args.json:
        _print_json(timeline.to_dict(), sys.stdout)
        return 0
    lines = [timeline.headline]
    lines += [f"  {number}. {step.message}" for number, step in enumerate(timeline.steps, 1)]
    lines.append(render("cli.notes", lang))
    lines += [f"  - {note.message}" for note in timeline.notes]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def package_version() -> str:
    """The installed distribution's version (pyproject.toml's), or a sentence saying the
    checker runs from a source folder that was never installed."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "(not installed: running from the source folder)"


def _print_version() -> int:
    rules = load_rules()
    sys.stdout.write(
        f"{DISTRIBUTION} {package_version()}\n"
        + render(
            "cli.rules_version",
            "en",
            version=rules.rules_version,
            verified=rules.last_verified.isoformat(),
        )
        + "\n"
    )
    return 0


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether a command line argparse could not read asked for JSON output."""
    pairs = zip(argv, [*argv[1:], ""], strict=True)
    return any(
        arg == "--json" or arg == "--format=json" or (arg == "--format" and after == "json")
        for arg, after in pairs
    )


def _run(argv: Sequence[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        if _wants_json(argv):
            _print_json({"error": {"field": "arguments", "message": str(error)}}, sys.stdout)
        else:
            sys.stderr.write(parser.format_usage() + str(error) + "\n")
        return EXIT_INVALID
    if args.version:
        return _print_version()
    if args.command == "check":
        return _run_check(args)
    if args.command == "batch":
        return _run_batch(args)
    if args.command == "change":
        return _run_change(args)
    sys.stderr.write(parser.format_help())
    return EXIT_INVALID


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code. Never lets a traceback out."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(arguments)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_INVALID
    except Exception as error:  # a bug in the checker: one line, never a traceback
        sys.stderr.write(
            f"checker: internal error ({type(error).__name__}: {error}); please report it.\n"
        )
        return EXIT_BUG
