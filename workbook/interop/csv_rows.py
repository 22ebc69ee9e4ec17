"""Reading CSV text strictly: every reader of a CSV file (folder, Daylio, spreadsheet) goes through here.

Python's csv module, left to itself, takes a file that ends inside a quoted cell
as if the quote had been closed (so half a note is imported and nothing says so),
and stops at any cell longer than 131,072 characters with its own error.  Here a
cut-off quote, or a stray character after a closing quote, refuses the file
with its line; a cell may hold up to :data:`FIELD_LIMIT` characters, and a
longer one is refused naming its line and column.
"""

from __future__ import annotations

import csv
import io
import threading
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import ImportRowError

#: The longest cell any import reads, in characters.  Far above the journal's own
#: limit for one text field (values.MAX_TEXT, 20,000), so a long note is refused by
#: that rule with its field name, not by the reader.
FIELD_LIMIT = 1_000_000

# csv.field_size_limit is one setting for the whole process; it is raised only
# while a file is parsed, and put back after, one file at a time.
_LIMIT_LOCK = threading.Lock()


@dataclass(frozen=True)
class CsvTable:
    """A parsed CSV file: its header cells and every non-blank row with the line it starts on."""

    source: Path
    header: list[str]
    rows: list[tuple[int, list[str]]]

    def column(self, index: int) -> str:
        """The header's name for the cell at ``index`` (``column N`` past the header's end)."""
        name = self.header[index].strip() if index < len(self.header) else ""
        return name or f"column {index + 1}"


def read_csv(source: Path, text: str, *, delimiter: str = ",") -> CsvTable:
    """Parse ``text`` (the contents of ``source``) into a :class:`CsvTable`.

    Raises ImportRowError naming the file, line (and column where known) when the
    quoting is broken or a cell is longer than :data:`FIELD_LIMIT` characters.
    """
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    with _LIMIT_LOCK:
        # No cell can be longer than the text; the real limit is checked below, by column.
        previous = csv.field_size_limit(max(len(text) + 1, FIELD_LIMIT))
        try:
            for cells in reader:
                if cells:
                    records.append((start, cells))
                start = reader.line_num + 1
        except csv.Error as error:
            lines = io.StringIO(text, newline="").readlines()
            raise _quoting_error(source, lines, start, delimiter, str(error)) from None
        finally:
            csv.field_size_limit(previous)
    header = records.pop(0)[1] if records else []
    table = CsvTable(source, header, records)
    _check_lengths(table, text)
    return table


def _check_lengths(table: CsvTable, text: str) -> None:
    if len(text) <= FIELD_LIMIT:
        return  # no cell is longer than the whole text
    for cell in table.header:
        if len(cell) > FIELD_LIMIT:
            raise ImportRowError(str(table.source), 1, "header", _too_long(cell))
    for line, cells in table.rows:
        for index, cell in enumerate(cells):
            if len(cell) > FIELD_LIMIT:
                raise ImportRowError(str(table.source), line, table.column(index), _too_long(cell))


def _too_long(cell: str) -> str:
    return f"is {len(cell):,} characters long; an import reads at most {FIELD_LIMIT:,} in one cell"


def _quoting_error(
    source: Path, lines: list[str], start: int, delimiter: str, message: str
) -> ImportRowError:
    rest = "".join(lines[start - 1 :])
    # Read leniently from the row's first line, to see which cell the broken quote is in.
    cells = next(csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter), [])
    header = next(csv.reader(io.StringIO(lines[0] if lines else "", newline=""), delimiter=delimiter), [])
    where = CsvTable(source, header if start > 1 else [], []).column(max(len(cells) - 1, 0))
    if "unexpected end of data" in message:
        reason = (
            'the file ends inside a quoted cell that starts on this line (a " is never closed); '
            "the file may have been cut short, so nothing was imported"
        )
    else:
        reason = (
            'a quoted cell goes on after its closing " (write a " inside a quoted cell as ""); '
            "nothing was imported"
        )
    return ImportRowError(str(source), start, where, reason)
