"""The ``workbook`` command.

``main`` is the one place that turns a :class:`~workbook.errors.WorkbookError`
into a message on stderr (``error: <field>: <reason>``) and exit code 2.  Each
group of subcommands lives in its own module and registers itself here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workbook import __version__
from workbook.cli import analysis, entries, sample, server, transfer
from workbook.cli.common import journal_option
from workbook.errors import WorkbookError

#: Modules that add subcommands, in the order --help lists them.
COMMAND_MODULES = [entries, transfer, analysis, sample, server]

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="Rebound: log rejections and moods, and see how you bounce back.",
        parents=[journal_option(top_level=True)],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args) or 0
    except WorkbookError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
