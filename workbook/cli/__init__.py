"""The ``workbook`` command.

``main`` is the one exit point: every expected failure (the project's own
errors, ``OSError``, ``sqlite3.Error``, ``csv.Error``, ``UnicodeError``,
``OverflowError``) becomes one line on stderr, ``error: <what>: <why>``, and
exit code 2; ``--debug`` shows the traceback instead.  Each group of
subcommands lives in its own module and registers itself here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workbook import __version__
from workbook.cli import analysis, entries, init, safety, sample, server, share, transfer
from workbook.cli.common import journal_named, journal_option
from workbook.cli.failures import EXPECTED, describe
from workbook.errors import ValidationError

#: Modules that add subcommands, in the order --help lists them.
COMMAND_MODULES = [init, entries, transfer, analysis, share, safety, sample, server]

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="Rebound: log rejections and moods, and see how you bounce back.",
        parents=[journal_option(top_level=True)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="on an error, show the full Python traceback as well"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = None
    try:
        args = build_parser().parse_args(words)
        refuse_undecodable(args)
        return args.handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except EXPECTED as error:
        if "--debug" in words:
            raise
        print(f"error: {describe(error, journal_named(args))}", file=sys.stderr)
        return EXIT_USAGE


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
