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
with `--json`, `{"error": {"field", "message"}}` on stdout); 4 when the answer stopped
part-way (a full disk, or a program reading the output that stopped early, `| head`): what
was written is incomplete, and a sentence on stderr says so. 3 is reserved for a bug in
the checker itself, reported in one line, never as a traceback.

`batch` reads its file a few times, in chunks, and writes each row as it is answered, so a
list of any size is checked in memory that does not grow with it (stdin is first copied to
a temporary file).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import NoReturn, TextIO

from checker.batch import BatchStream, stream_batch
from checker.batch_writer import write_csv, write_json
from checker.date_order import DATE_ORDER_CHOICES, date_order_sentences
from checker.dates import parse_date, today_in_hangzhou
from checker.errors import (
    InvalidInput,
    MissingDate,
    OutputIncomplete,
    UnusableFile,
    UnwritableOutput,
    check_lang,
)
from checker.form import read_form, readings
from checker.identity_change import identity_change_timeline
from checker.messages import LANGS, render
from checker.result import CheckResult, Status
from checker.rules import load_rules
from checker.staff_file import Opener
from checker.text_encoding import CHUNK_BYTES, ENCODING_CHOICES

__all__ = ["main"]

# The distribution's name (pyproject.toml), whose installed version `--version` prints.
DISTRIBUTION = "hangzhou-citizen-card-checker"

EXIT_ELIGIBLE = 0
EXIT_NOT_ELIGIBLE = 1
EXIT_INVALID = 2
EXIT_BUG = 3
EXIT_OUTPUT_INCOMPLETE = 4


EXIT_CODES = """exit codes:
  0  done (check: eligible on that date)
  1  check: not eligible on that date
  2  input the checker cannot use (a sentence names the field)
  3  a bug in the checker itself (please report it)
  4  the answer stopped part-way (full disk, or the program reading it stopped): incomplete"""


class UsageError(Exception):
    """A command line argparse cannot read (unknown flag, missing command...)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m checker",
        description="Can you apply for Hangzhou's citizen card for foreign talents, and when?",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
        "batch",
        help="a CSV of staff",
        description="Check every row of a staff CSV.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    batch_cmd.add_argument(
        "--date-order",
        choices=DATE_ORDER_CHOICES,
        default="auto",
        help="order of day/month dates such as 3/4/2026: dmy (day first) or mdy (month first)"
        " (default: auto, told by each column's own dates; refused when it cannot be told)",
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
    window = (
        render("cli.no_window", lang)
        if result.status is Status.NO_WINDOW  # no day meets every rule: no "window" to name
        else render("cli.window", lang, earliest=result.earliest, latest=result.latest)
    )
    lines = [result.headline, window]
    for rule in result.rules:
        mark = render("cli.passed" if rule.passed else "cli.failed", lang)
        lines.append(render("cli.rule", lang, mark=mark, id=rule.id, message=rule.message))
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
    read = readings(
        {
            "permit_issued": args.permit_issued,
            "permit_expires": args.permit_expires,
            "passport_expires": args.passport_expires,
            "on": args.on,
        },
        lang,
    )
    if args.json:
        # `readings` only when a day-first or month-first date was read (additive).
        _print_json({**result.to_dict(), **({"readings": read} if read else {})}, sys.stdout)
    else:
        sys.stdout.write("".join(line["message"] + "\n" for line in read) + _summary(result))
    return EXIT_ELIGIBLE if result.eligible else EXIT_NOT_ELIGIBLE


def _opener(name: str, spool: Path) -> Opener:
    """What opens the batch file afresh (it is read a few times, in chunks): the file
    itself, or stdin ('-') copied once into `spool`."""
    if name == "-":
        with spool.open("wb") as copy:
            shutil.copyfileobj(sys.stdin.buffer, copy, CHUNK_BYTES)
        name = str(spool)
    path = Path(name)
    try:
        path.open("rb").close()
    except OSError:
        raise UnusableFile("missing", path=name) from None
    return lambda: path.open("rb")


def _write_answer(stream: BatchStream, output: str | None, as_json: bool) -> None:
    """Write the answer row by row to `output` (or stdout). Raises `UnwritableOutput` when
    the file cannot be opened, `OutputIncomplete` when writing stops part-way."""
    write = write_json if as_json else write_csv
    where = output or "stdout"
    if output is None:
        try:
            write(stream, sys.stdout)
            sys.stdout.write("\n" if as_json else "")
            sys.stdout.flush()
        except OSError as error:
            _drop_stdout()
            raise _incomplete(where, error) from None
        return
    # A BOM lets Excel open the Chinese in a CSV correctly; JSON never has one.
    encoding = "utf-8" if as_json else "utf-8-sig"
    try:
        out = open(output, "w", encoding=encoding, newline="")  # noqa: SIM115 (closed below)
    except OSError as error:
        detail = error.strerror or type(error).__name__
        raise UnwritableOutput("output", path=output, detail=detail) from None
    try:
        with out:
            write(stream, out)
            out.write("\n" if as_json else "")
    except OSError as error:
        raise _incomplete(where, error) from None


def _incomplete(where: str, error: OSError) -> OutputIncomplete:
    if isinstance(error, BrokenPipeError):
        detail = "broken pipe: the program reading it stopped"
    else:
        detail = error.strerror or type(error).__name__
    return OutputIncomplete("output", path=where, detail=detail)


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what is left in
    its buffer (to a closed pipe or a full disk) fails no more."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run_batch(args: argparse.Namespace) -> int:
    lang = _answer_lang(args.lang)
    as_json = args.format == "json"
    with tempfile.TemporaryDirectory(prefix="checker-") as folder:
        try:
            check_lang(args.lang)
            on = today_in_hangzhou() if not args.on else parse_date(args.on, field="on")
            opener = _opener(args.file, Path(folder) / "stdin.csv")
            stream = stream_batch(
                opener,
                on=on,
                lang=args.lang,
                encoding=args.encoding,
                date_order=args.date_order,
            )
            _write_answer(stream, args.output, as_json)
        except OutputIncomplete as error:
            sys.stderr.write(f"checker: {error.message(lang)}\n")
            return EXIT_OUTPUT_INCOMPLETE
        except InvalidInput as error:
            return _report_invalid(error, lang, as_json)
    rows = sum(stream.counts.values())
    sys.stderr.write(render("cli.batch_summary", lang, rows=rows, **stream.counts) + "\n")
    sys.stderr.write(render("cli.batch_encoding", lang, encoding=stream.encoding) + "\n")
    for sentence in date_order_sentences(stream.date_orders, lang, "cli"):
        sys.stderr.write(sentence + "\n")
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


def _is_output_error(error: OSError) -> bool:
    """Whether `error` is one of writing the answer out (no space, closed pipe, I/O)."""
    return isinstance(error, BrokenPipeError) or error.errno in (
        errno.ENOSPC,
        errno.EIO,
        errno.EPIPE,
    )


def _lang_asked(argv: Sequence[str]) -> str:
    pairs = zip(argv, [*argv[1:], ""], strict=True)
    asked = [after for arg, after in pairs if arg == "--lang"]
    asked += [arg.removeprefix("--lang=") for arg in argv if arg.startswith("--lang=")]
    return asked[-1] if asked else "en"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code. Never lets a traceback out."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _run(arguments)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # `check` or `change` writing to a closed pipe or a full disk
        if not _is_output_error(error):
            raise
        _drop_stdout()
        incomplete = _incomplete("stdout", error)
        sys.stderr.write(f"checker: {incomplete.message(_answer_lang(_lang_asked(arguments)))}\n")
        return EXIT_OUTPUT_INCOMPLETE
    except Exception as error:  # a bug in the checker: one line, never a traceback
        sys.stderr.write(
            f"checker: internal error ({type(error).__name__}: {error}); please report it.\n"
        )
        return EXIT_BUG
