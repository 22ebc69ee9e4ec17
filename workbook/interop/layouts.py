"""``workbook import DIR``: a folder written by ``workbook export``, as CSV or as JSON.

The layout is told by what the folder holds: ``applications.csv`` and the like,
or ``applications.json`` and the like.  A folder with neither, or with both,
is refused in one line, since guessing could import the wrong copy.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbook.errors import ValidationError
from workbook.interop.folder import export_files, read_csv_folder
from workbook.interop.importing import ImportSummary, ParsedImport, import_records, in_bulk
from workbook.interop.json_export import read_json_folder
from workbook.journal import Journal
from workbook.records import RECORD_TYPES


def read_export_folder(folder: str | os.PathLike[str]) -> ParsedImport:
    """Parse a CSV or JSON export folder, whichever it holds; all rows or none."""
    source = Path(folder)
    if not source.is_dir():
        raise ValidationError("folder", f"{source} is not a folder")
    in_csv, in_json = export_files(source, "csv"), export_files(source, "json")
    if in_csv and in_json:
        raise ValidationError(
            "folder",
            f"{source} holds a CSV export ({next(iter(in_csv.values())).name}) and a JSON export ({next(iter(in_json.values())).name}); "
            "move one of them to a folder of its own and import that",
        )
    if in_json:
        return read_json_folder(source)
    if in_csv:
        return read_csv_folder(source)
    names = ", ".join(f"{k.TABLE}.csv" for k in RECORD_TYPES[:2])
    raise ValidationError(
        "folder", f"{source} holds no export: no {names}, ... and no .json files of the same names"
    )


def import_folder(journal: Journal, folder: str | os.PathLike[str]) -> ImportSummary:
    """Read a folder written by ``workbook export`` (CSV or JSON) into ``journal``, all or nothing."""
    with in_bulk():  # one block from reading to storing: no collector pause in between
        return import_records(journal, read_export_folder(folder))
