"""``workbook export`` and ``workbook import``: CSV/JSON folders, Daylio exports, application spreadsheets."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cli.common import journal_option, open_journal
from workbook.errors import ValidationError
from workbook.interop.csv_rows import FIELD_LIMIT
from workbook.interop.sheet_dates import DAY_FIRST, MONTH_FIRST
from workbook.interop.spreadsheet import FIELDS, IGNORE, parse_column_map, read_applications
from workbook.values import MAX_TEXT

if TYPE_CHECKING:
    from workbook.interop.plan import ImportPlan

# The readers and writers load in the handlers below, so every other command starts without them.

#: The other tools `workbook import` reads, besides a folder written by `workbook export`.
SOURCES = ("daylio", "applications")

_IMPORT_NAMES = {
    "folder": "a folder import",
    "daylio": "a Daylio import",
    "applications": "an applications import",
}
_IMPORT_EXAMPLES = f"""\
examples:
  workbook import backup/                              a folder written by `workbook export` (CSV or JSON)
  workbook import daylio daylio_export.csv --dry-run   see what a Daylio export would add
  workbook import daylio export.csv --moods "sad=3,okay=6,great=9"
  workbook import applications jobs.csv --map "Firm=company,Gig=role" --dayfirst

Every import is all or nothing, and entries already in the journal are not added again.
A CSV cell may hold up to {FIELD_LIMIT:,} characters (a note or other text field up to {MAX_TEXT:,}).
"""


def register(commands: argparse._SubParsersAction) -> None:
    """Add the export and import subcommands."""
    parent = journal_option()
    export = commands.add_parser(
        "export", help="write the journal to a folder of CSV (or JSON) files", parents=[parent]
    )
    export.add_argument("folder", metavar="DIR", help="the folder to write into (created if needed)")
    export.add_argument(
        "--format",
        choices=("csv", "json"),
        default="csv",
        help="csv (default; lists joined with ';') or json (lists kept as lists)",
    )
    export.set_defaults(handler=_export)

    importer = commands.add_parser(
        "import",
        help="bring in a folder from `workbook export`, a Daylio export or a spreadsheet of applications",
        description="Bring your history into the journal.\n\nSOURCE is a folder written by `workbook export`, "
        "or the word daylio or applications\nfollowed by the FILE to read.",
        epilog=_IMPORT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[parent],
    )
    importer.add_argument("source", metavar="SOURCE", help="DIR, or daylio, or applications")
    importer.add_argument(
        "file", metavar="FILE", nargs="?", help="the file to read, after daylio or applications"
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="show what would be added, row by row, and store nothing"
    )
    importer.add_argument(
        "--moods",
        metavar="NAME=N,...",
        help="daylio: your own mood names on the 1-10 scale (defaults: awful=2, bad=4, meh=6, good=8, rad=10)",
    )
    importer.add_argument(
        "--map",
        metavar="COLUMN=field,...",
        help=f"applications: which column holds what ({', '.join(FIELDS)}, or {IGNORE} to leave it out)",
    )
    order = importer.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="order",
        action="store_const",
        const=DAY_FIRST,
        help="applications: 03/04 is 3 April",
    )
    order.add_argument(
        "--monthfirst",
        dest="order",
        action="store_const",
        const=MONTH_FIRST,
        help="applications: 03/04 is 4 March",
    )
    importer.set_defaults(handler=_import)


def _export(args: argparse.Namespace) -> int:
    from workbook.interop.folder import export_csv
    from workbook.interop.json_export import export_json

    write = export_json if args.format == "json" else export_csv
    with open_journal(args) as journal:
        files = write(journal, args.folder)
    print(f"Wrote {len(files)} {args.format.upper()} files to {args.folder}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from workbook.interop.importing import in_bulk
    from workbook.interop.layouts import import_folder
    from workbook.interop.plan import preview, store

    kind = _source_kind(args)
    _refuse_stray_options(args, kind)
    if kind == "folder":
        with open_journal(args) as journal:
            summary = import_folder(journal, args.source)
        print(summary)
        return 0
    with in_bulk():  # reading and storing as one block: one "today", no collector pass between them
        plan = _plan(args, kind)
        with open_journal(args) as journal:
            if args.dry_run:
                print(preview(journal, plan))
            else:
                print(store(journal, plan))
    return 0


def _source_kind(args: argparse.Namespace) -> str:
    if args.source not in SOURCES:
        if args.file is not None:
            raise ValidationError(
                "SOURCE", f"{args.source!r} is not one of {', '.join(SOURCES)}; a folder is given on its own"
            )
        if Path(args.source).is_file():
            raise ValidationError(
                "SOURCE",
                f"{args.source} is a file; say what it holds: workbook import daylio {args.source}, "
                f"or workbook import applications {args.source}",
            )
        return "folder"
    if args.file is None:
        if Path(args.source).is_dir():
            return "folder"  # a backup folder that happens to be called "daylio"
        raise ValidationError("FILE", f"name the file to read: workbook import {args.source} FILE")
    return args.source


def _refuse_stray_options(args: argparse.Namespace, kind: str) -> None:
    wrong = {
        "--moods": args.moods is not None and kind != "daylio",
        "--map": args.map is not None and kind != "applications",
        f"--{args.order}": args.order is not None and kind != "applications",
        "--dry-run": args.dry_run and kind == "folder",
    }
    for option, stray in wrong.items():
        if stray:
            raise ValidationError(option, f"does not apply to {_IMPORT_NAMES[kind]}")


def _plan(args: argparse.Namespace, kind: str) -> ImportPlan:
    # --moods and --map are parsed here, not by argparse, so a mistake reads like any other refusal.
    if kind == "daylio":
        from workbook.interop.daylio import parse_mood_scale, read_daylio

        return read_daylio(args.file, parse_mood_scale(args.moods) if args.moods else None)
    return read_applications(args.file, parse_column_map(args.map) if args.map else None, args.order)
