"""Export a journal to a folder of CSV files, one per record type, and read it back.

The layout is DESIGN.md's: a header row, ISO dates and timestamps, lists joined
with ``;``.  Reading is all-or-nothing: one bad row refuses the whole import,
naming the file, line, field and reason.  Entries already in the journal (by
their identifying fields) are not added twice.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.errors import ImportRowError, ValidationError
from workbook.journal import Journal
from workbook.records import RECORD_TYPES, Application, Record, StageChange
from workbook.values import LIST_SEPARATOR


@dataclass
class ImportSummary:
    """What an import added and what it found already there, per record type."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def count(self, table: str, added: bool) -> None:
        """Count one record as added or as already present."""
        target = self.added if added else self.skipped
        target[table] = target.get(table, 0) + 1

    def __str__(self) -> str:
        if not self.added and not self.skipped:
            return "Nothing to import."
        parts = [f"{n} {table}" for table, n in self.added.items()]
        text = "Added " + (", ".join(parts) if parts else "nothing")
        if self.skipped:
            text += f"; {sum(self.skipped.values())} already in the journal"
        return text + "."


def csv_value(value: Any) -> str:
    """One plain value (see Record.to_plain) as CSV text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def export_csv(journal: Journal, folder: str | os.PathLike[str]) -> list[Path]:
    """Write one CSV per record type into ``folder``; return the files written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in RECORD_TYPES:
        path = target / f"{kind.TABLE}.csv"
        with open(path, "w", encoding="utf-8", newline="", opener=private_opener) as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(kind.columns())
            for record in journal.records(kind):
                writer.writerow(csv_value(v) for v in record.to_plain().values())
        written.append(path)
    return written


def read_csv_folder(folder: str | os.PathLike[str]) -> dict[type[Record], list[tuple[int, Record]]]:
    """Parse every known CSV in ``folder`` into records, each with its line number.

    Raises ImportRowError for the first bad row; nothing is read into a journal.
    """
    source = Path(folder)
    if not source.is_dir():
        raise ValidationError("folder", f"{source} is not a folder")
    parsed: dict[type[Record], list[tuple[int, Record]]] = {}
    for kind in RECORD_TYPES:
        path = source / f"{kind.TABLE}.csv"
        if path.exists():
            parsed[kind] = list(_read_rows(path, kind))
    if not parsed:
        names = ", ".join(f"{k.TABLE}.csv" for k in RECORD_TYPES)
        raise ValidationError("folder", f"{source} holds none of {names}")
    return parsed


def import_csv(journal: Journal, folder: str | os.PathLike[str]) -> ImportSummary:
    """Read a folder written by :func:`export_csv` into ``journal``, all or nothing."""
    return import_records(journal, read_csv_folder(folder), Path(folder))


def import_records(
    journal: Journal, parsed: dict[type[Record], list[tuple[int, Record]]], source: Path
) -> ImportSummary:
    """Store parsed records in one transaction, linking them by the file's application ids."""
    summary = ImportSummary()
    app_ids: dict[int, int] = {}
    new_apps: set[int] = set()
    with journal.transaction():
        for _line, app in parsed.get(Application, []):
            new_id, added = _store(journal, app)
            summary.count(Application.TABLE, added)
            if app.id is not None:
                app_ids[app.id] = new_id
            if added:
                new_apps.add(new_id)
        _store_history(journal, parsed.get(StageChange, []), app_ids, new_apps, source)
        for kind in RECORD_TYPES:
            if kind in (Application, StageChange):
                continue
            for line, record in parsed.get(kind, []):
                linked = _relink(record, app_ids, source / f"{kind.TABLE}.csv", line)
                _, added = _store(journal, linked)
                summary.count(kind.TABLE, added)
    return summary


def _store(journal: Journal, record: Record) -> tuple[int, bool]:
    existing = journal.find(record)
    if existing is not None:
        return existing, False
    return journal.add(record, keep_id=True).id, True  # type: ignore[return-value]


def _store_history(
    journal: Journal,
    rows: list[tuple[int, Record]],
    app_ids: dict[int, int],
    new_apps: set[int],
    source: Path,
) -> None:
    histories: dict[int, list[StageChange]] = {}
    for line, change in rows:
        linked = _relink(change, app_ids, source / f"{StageChange.TABLE}.csv", line)
        histories.setdefault(linked.application_id, []).append(linked)  # type: ignore[attr-defined]
    journal.set_stage_histories(
        {app_id: changes for app_id, changes in histories.items() if app_id in new_apps}
    )


def _relink(record: Record, app_ids: dict[int, int], path: Path, line: int) -> Record:
    changes = {}
    for name in record.LINKS:
        old = getattr(record, name)
        if old is None:
            continue
        if old not in app_ids:
            raise ImportRowError(str(path), line, name, f"no application with id {old} in applications.csv")
        changes[name] = app_ids[old]
    return record.replace(**changes) if changes else record


def _read_rows(path: Path, kind: type[Record]) -> Iterator[tuple[int, Record]]:
    columns = set(kind.columns())
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        unknown = [c for c in header if c not in columns]
        if unknown:
            raise ImportRowError(str(path), 1, unknown[0], f"is not a column of {kind.TABLE}")
        line = reader.line_num + 1
        for row in reader:
            if None in row:
                raise ImportRowError(str(path), line, "row", "has more values than the header has columns")
            try:
                yield line, kind(**_row_values(row, kind))
            except ValidationError as error:
                raise ImportRowError(str(path), line, error.field, error.reason) from None
            except TypeError:
                missing = sorted(columns - set(header) - {"id"})
                raise ImportRowError(
                    str(path), 1, missing[0] if missing else "header", "column is missing"
                ) from None
            line = reader.line_num + 1


def _row_values(row: dict[str, str | None], kind: type[Record]) -> dict[str, Any]:
    kinds = kind.kinds()
    values: dict[str, Any] = {}
    for name, text in row.items():
        if text is None:
            raise ValidationError(name, "is missing from this row")
        if text == "" and kinds[name] in ("date", "int", "timestamp"):
            values[name] = None
        else:
            values[name] = text
    return values


def private_opener(path: str, flags: int) -> int:
    """An ``open()`` opener that creates new files readable by their owner only."""
    # Exports hold personal data: new files are readable by their owner only.
    return os.open(path, flags, 0o600)
