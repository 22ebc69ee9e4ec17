"""``workbook export`` and ``workbook import``: the journal as a folder of CSV files."""

from __future__ import annotations

import argparse

from workbook.cli.common import journal_option, open_journal
from workbook.interop.folder import export_csv, import_csv


def register(commands: argparse._SubParsersAction) -> None:
    """Add the export and import subcommands."""
    parent = journal_option()
    export = commands.add_parser(
        "export", help="write the journal to a folder of CSV files", parents=[parent]
    )
    export.add_argument("folder", metavar="DIR")
    export.set_defaults(handler=_export)

    importer = commands.add_parser(
        "import",
        help="read a folder written by `workbook export` (all or nothing)",
        parents=[parent],
    )
    importer.add_argument("folder", metavar="DIR")
    importer.set_defaults(handler=_import)


def _export(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        files = export_csv(journal, args.folder)
    print(f"Wrote {len(files)} files to {args.folder}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        summary = import_csv(journal, args.folder)
    print(summary)
    return 0
