"""Export a journal to a folder of CSV files, one per record type, and read it back.

The layout is DESIGN.md's: a header row, ISO dates and timestamps, lists joined
with ``;``.  A text cell that a spreadsheet would run as a formula (first
character ``=``, ``+``, ``-``, ``@``, tab or carriage return) is written with a
``'`` in front, and so is a text cell that itself starts with ``'``; reading
takes exactly one leading ``'`` off a text cell, so round trips stay exact.
Numbers, dates and ids are written as they are.

Reading is all-or-nothing: one bad row refuses the whole import, naming the
file, line, field and reason.  Entries already in the journal (by their
identifying fields) are not added twice.
"""

from __future__ import annotations

import csv
import itertools
import operator
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workbook.errors import ImportRowError, ValidationError, WorkbookError
from workbook.files import open_private, private_dir
from workbook.interop.csv_rows import CsvTable, read_csv
from workbook.interop.importing import (
    ImportSummary,
    ParsedImport,
    build_record,
    import_records,
    in_bulk,
    required_fields,
)
from workbook.interop.text_file import read_utf8
from workbook.journal import Journal
from workbook.outputs import check_output
from workbook.records import RECORD_TYPES, Record
from workbook.values import LIST_SEPARATOR

__all__ = ["ImportSummary", "export_csv", "import_csv", "import_records", "read_csv_folder"]

#: First characters that make a spreadsheet treat a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Put in front of such a cell, and in front of a cell that starts with it already.
ESCAPE = "'"
#: Field kinds that hold the person's text, the only cells that are ever escaped.
TEXT_KINDS = ("text", "words")
#: How to get a readable file again, said when one is not UTF-8.
ADVICE = "export it again with `workbook export`"


def csv_value(value: Any) -> str:
    """One plain value (see Record.to_plain) as CSV text, before formula escaping."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def escape_cell(text: str) -> str:
    """A text cell a spreadsheet will show as text: ``'`` in front of a formula or of a ``'``."""
    return ESCAPE + text if text.startswith((*FORMULA_STARTS, ESCAPE)) else text


def unescape_cell(text: str) -> str:
    """The exact reverse of :func:`escape_cell`: one leading ``'`` comes off."""
    return text.removeprefix(ESCAPE)


def export_folder(folder: str | os.PathLike[str]) -> Path:
    """The folder to export into, created 0700 when missing; a file in its place is refused."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise WorkbookError(f"export: {target}: is a file, not a folder; name a folder to write into")
    return private_dir(target)


def export_targets(journal: Journal, folder: str | os.PathLike[str], suffix: str) -> dict[type[Record], Path]:
    """The file each record type is exported to, every one checked before the first is written.

    None may be the journal, one of its files or a backup of it, nor anything
    but a file (:func:`workbook.outputs.check_output`).
    """
    target = export_folder(folder)
    paths = {kind: target / f"{kind.TABLE}.{suffix}" for kind in RECORD_TYPES}
    for path in paths.values():
        check_output(path, "export", journal=journal.path)
    return paths


def export_csv(journal: Journal, folder: str | os.PathLike[str]) -> list[Path]:
    """Write one CSV per record type into ``folder`` (files 0600); return the files written."""
    written = []
    for kind, path in export_targets(journal, folder, "csv").items():
        text_columns = [kinds in TEXT_KINDS for kinds in kind.kinds().values()]
        with open_private(path, "w", encoding="utf-8", newline="") as handle:
            # A lone carriage return inside a cell must be quoted too; the csv module quotes
            # exactly the characters of its line terminator, so "\r\n" covers both.
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(kind.columns())
            for record in journal.records(kind):
                cells = (csv_value(v) for v in record.to_plain().values())
                writer.writerow(
                    escape_cell(cell) if is_text else cell for cell, is_text in zip(cells, text_columns)
                )
        written.append(path)
    return written


def export_files(folder: Path, suffix: str) -> dict[type[Record], Path]:
    """The files of an export (``suffix``: "csv" or "json") that ``folder`` holds, by record type."""
    found = {kind: folder / f"{kind.TABLE}.{suffix}" for kind in RECORD_TYPES}
    return {kind: path for kind, path in found.items() if path.exists()}


def parse_export_files(
    folder: str | os.PathLike[str], suffix: str, read_rows: Callable[[Path, type[Record]], list[Any]]
) -> ParsedImport:
    """Parse each export file of ``folder`` with ``read_rows(path, kind)``; refuse a folder with none.

    Raises ImportRowError for the first bad row; nothing is read into a journal.
    """
    source = Path(folder)
    if not source.is_dir():
        raise ValidationError("folder", f"{source} is not a folder")
    parsed = ParsedImport()
    with in_bulk():
        for kind, path in export_files(source, suffix).items():
            parsed.rows[kind] = read_rows(path, kind)
            parsed.files[kind] = path
    if not parsed.rows:
        names = ", ".join(f"{k.TABLE}.{suffix}" for k in RECORD_TYPES)
        raise ValidationError("folder", f"{source} holds none of {names}")
    return parsed


def read_csv_folder(folder: str | os.PathLike[str]) -> ParsedImport:
    """Parse every known CSV in ``folder`` into records, each with its line number."""
    return parse_export_files(folder, "csv", _read_rows)


def import_csv(journal: Journal, folder: str | os.PathLike[str]) -> ImportSummary:
    """Read a folder written by :func:`export_csv` into ``journal``, all or nothing."""
    with in_bulk():  # one block from reading to storing: no collector pause in between
        return import_records(journal, read_csv_folder(folder))


def _read_rows(path: Path, kind: type[Record]) -> list[tuple[int, Record]]:
    table = read_csv(path, read_utf8(path, ADVICE))
    header = table.header
    _check_header(path, kind, header)
    kinds = kind.kinds()
    readers = [_CELL_READERS.get(kinds[name], _as_is) for name in header]
    rows = list(map(operator.itemgetter(1), table.rows))
    if not set(map(len, rows)) <= {len(header)}:
        return _read_rows_one_by_one(path, kind, table, readers)
    # Every row fits the header: read the cells column by column, then build the records
    # straight away.  At the first refusal, the rows go again one by one, which names it.
    # Skipping build_record's check for numbers too large to store is safe for a row that
    # builds: the rule of every whole-number field refuses such a number itself
    # (tests/test_fast_writes.py pins this for every field).
    columns = [_read_column(read, column) for read, column in zip(readers, zip(*rows))]
    try:
        return list(zip(map(operator.itemgetter(0), table.rows), kind.build_rows(header, zip(*columns))))
    except (ValidationError, TypeError):  # TypeError: a field missing or unknown
        return _read_rows_one_by_one(path, kind, table, readers)


def _read_rows_one_by_one(
    path: Path, kind: type[Record], table: CsvTable, readers: list[Callable[[str], Any]]
) -> list[tuple[int, Record]]:
    """Each row in turn, so that the first bad one is the one named, be it short, long or invalid."""
    header = table.header
    records = []
    for line, cells in table.rows:
        if len(cells) > len(header):
            raise ImportRowError(str(path), line, "row", "has more values than the header has columns")
        if len(cells) < len(header):
            raise ImportRowError(str(path), line, header[len(cells)], "is missing from this row")
        values = {name: read(text) for name, read, text in zip(header, readers, cells)}
        records.append((line, build_record(kind, values, path, line)))
    return records


def _read_column(read: Callable[[str], Any], cells: tuple[str, ...]) -> Sequence[Any]:
    """``[read(cell) for cell in cells]``, with the two usual readers written out (they run per cell).

    A column with nothing to change (no escaped text, no empty number) is handed back as it is.
    """
    if read is unescape_cell:
        if not any(map(str.startswith, cells, itertools.repeat(ESCAPE))):
            return cells
        return [cell[1:] if cell[:1] == ESCAPE else cell for cell in cells]
    if read is _empty_is_none:
        return [cell or None for cell in cells] if "" in cells else cells
    if read is _as_is:
        return cells
    return [read(cell) for cell in cells]


def _check_header(path: Path, kind: type[Record], header: list[str]) -> None:
    columns = set(kind.columns())
    for index, name in enumerate(header):
        if name not in columns:
            raise ImportRowError(str(path), 1, name, f"is not a column of {kind.TABLE}")
        if name in header[:index]:
            raise ImportRowError(str(path), 1, name, "is a column twice; keep one")
    missing = [name for name in required_fields(kind) if name not in header]
    if missing:
        raise ImportRowError(str(path), 1, missing[0], "column is missing")


def _as_is(text: str) -> str:
    return text


def _empty_is_none(text: str) -> str | None:
    return text or None


#: How a cell of each field kind is read: text comes unescaped, an empty date or number is None.
_CELL_READERS = {
    **dict.fromkeys(TEXT_KINDS, unescape_cell),
    **dict.fromkeys(("date", "int", "float", "timestamp"), _empty_is_none),
}
