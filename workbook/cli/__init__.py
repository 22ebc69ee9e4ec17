"""The ``workbook`` command.

``main`` is the one exit point: every expected failure (the project's own
errors, ``OSError``, ``sqlite3.Error``, ``csv.Error``, ``UnicodeError``,
``OverflowError``) becomes one line on stderr, ``error: <what>: <why>``, and
exit code 2.  Any other exception is a bug: one line says so, exit code 3,
and its traceback goes to the log (:mod:`workbook.error_log`).  ``--debug``
shows the traceback instead, in both cases.  Each group of
subcommands lives in its own module and registers itself here.

A command loads only the module that registers it: the others pull in the
journal, the template or Jupyter's launcher, and a quick command such as
``workbook add mood`` should not wait for them.  Help and mistyped commands
still see every subcommand.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from typing import NoReturn

from workbook import __version__, messages
from workbook.cli.common import journal_named, journal_option
from workbook.error_log import report_unexpected
from workbook.error_words import EXPECTED, describe
from workbook.errors import ValidationError

#: Each subcommand and the module of workbook.cli that registers it, in the order --help lists them.
COMMANDS = {
    "init": "init",
    "add": "entries",
    "update": "entries",
    "list": "entries",
    "delete": "entries",
    "export": "transfer",
    "import": "transfer",
    "metrics": "analysis",
    "report": "analysis",
    "share": "share",
    "cohort": "share",
    "backup": "safety",
    "backups": "safety",
    "restore": "safety",
    "forget": "safety",
    "demo": "sample",
    "lab": "server",
    "app": "server",
}
#: Options that print something and stop before any subcommand is read.
_HELP = ("-h", "--help")
_VERSION = "--version"

EXIT_USAGE = 2
#: Something Rebound did not expect (a bug): told in one line, its traceback in the log.
EXIT_UNEXPECTED = 3
#: What a shell reports for a program stopped by SIGPIPE (128 + 13).
EXIT_PIPE = 141


class OneLineParser(argparse.ArgumentParser):
    """argparse's parser, whose refusals (an unknown choice, a missing argument) become one ``error:`` line.

    argparse would print its usage text and exit; raising instead lets ``main``
    say it the way it says every other mistake: the field, the reason, exit 2.
    """

    def error(self, message: str) -> NoReturn:
        """Raise the refusal as a :class:`ValidationError` naming the argument (or the command)."""
        named, colon, reason = message.partition(": ")
        if colon and named.startswith("argument "):
            raise ValidationError(named.removeprefix("argument ").split("/")[0], reason)
        raise ValidationError(self.prog, message)


def build_parser(command: str | None = None, *, commands: bool = True) -> argparse.ArgumentParser:
    """The argument parser: with every subcommand, or only those of the module that registers ``command``.

    ``commands=False`` builds the top-level options alone (enough for ``--version``).
    """
    parser = OneLineParser(
        prog="workbook",
        description="Rebound: log rejections and moods, and see how you bounce back.",
        epilog=messages.EXIT_CODES,
        parents=[journal_option(top_level=True)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="on an error, show the full Python traceback as well"
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    if commands:
        modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
        for module in modules:
            importlib.import_module(f"workbook.cli.{module}").register(subcommands)
    return parser


def command_in(words: Sequence[str]) -> str | None:
    """The subcommand ``words`` run, read past the top-level options; None when help or none is asked for."""
    takes_value = False
    for word in words:
        if takes_value:
            takes_value = False
        elif word in _HELP:
            return None
        elif word.startswith("--"):
            # argparse accepts any unambiguous start of a long option, such as --jour PATH.
            takes_value = "=" not in word and len(word) > 2 and "--journal".startswith(word)
        elif not word.startswith("-"):
            return word
    return None


def _parser_for(words: Sequence[str]) -> argparse.ArgumentParser:
    """A parser with just what ``words`` need: one module's subcommands, none for --version, else all."""
    command = command_in(words)
    if command is None and _VERSION in words and not any(word in _HELP for word in words):
        return build_parser(commands=False)
    return build_parser(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = None
    try:
        args = _parser_for(words).parse_args(words)
        refuse_undecodable(args)
        with warnings.catch_warnings():
            warnings.showwarning = _warning_line
            return args.handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`workbook list moods | head`): nothing is wrong, so say nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE
    except EXPECTED as error:
        if "--debug" in words:
            raise
        print(f"error: {describe(error, journal_named(args))}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the safety net: a bug is told in one line, never a traceback
        if "--debug" in words:
            raise
        return unexpected(error, command_in(words))


def _warning_line(message: Warning | str, *_where: object, **_more: object) -> None:
    """Say a warning (a failed automatic backup) as one line, ``warning: <what>``, with no source line."""
    print(f"warning: {message}", file=sys.stderr)


def unexpected(error: Exception, command: str | None) -> int:
    """Tell a failure Rebound did not expect in one line, log its traceback, and return its exit code."""
    # Only a known command's name goes into the log: any other word may be something the person typed.
    where = f"workbook {command}" if command in COMMANDS else "workbook"
    print(f"error: {report_unexpected(error, where, messages.UNEXPECTED_COMMAND)}", file=sys.stderr)
    return EXIT_UNEXPECTED


def refuse_undecodable(args: argparse.Namespace) -> None:
    """Refuse an argument whose bytes are not UTF-8 (Python keeps them as lone surrogates)."""
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and any("\udc80" <= char <= "\udcff" for char in text):
                raise ValidationError(
                    name if name in _POSITIONALS else "--" + name.replace("_", "-"),
                    "holds bytes that are not UTF-8 text; type it again in a UTF-8 terminal",
                )


#: Positional arguments, named as --help shows them.
_POSITIONALS = {"id", "kind", "out", "folder", "source", "file", "dest", "command", "bundles"}


if __name__ == "__main__":
    sys.exit(main())
