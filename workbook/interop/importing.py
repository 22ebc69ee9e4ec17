"""Storing parsed import rows: checked whole first, then written in one transaction.

Every import (a CSV or JSON folder, a Daylio export, a spreadsheet) ends here.
Before anything is written, each file's ids must be its own (two rows with one
id would link entries to the wrong application).  Then all records go in one
transaction, linked through the file's application ids; entries already in the
journal (by their identifying fields) are not added twice.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import operator
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.errors import ImportRowError, ValidationError
from workbook.journal import Journal
from workbook.messages import import_summary
from workbook.records import RECORD_TYPES, Application, Record, StageChange
from workbook.values import one_today, shown, shown_number, spells_number, whole_number

#: SQLite stores whole numbers in 8 bytes; a larger one cannot be an id or a score.
LARGEST_INT = 2**63 - 1
_LARGEST_DIGITS = len(str(LARGEST_INT))


@dataclass
class ParsedImport:
    """Records read from files, each with its line, and the file each record type came from."""

    rows: dict[type[Record], list[tuple[int, Record]]] = field(default_factory=dict)
    files: dict[type[Record], Path] = field(default_factory=dict)

    def file(self, kind: type[Record]) -> Path:
        """The file that the records of ``kind`` were read from."""
        return self.files[kind]


@dataclass
class ImportSummary:
    """What an import added and what it found already there, per record type."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def count(self, table: str, added: bool) -> None:
        """Count one record as added or as already present."""
        target = self.added if added else self.skipped
        target[table] = target.get(table, 0) + 1

    def count_all(self, table: str, stored: list[tuple[int, bool]]) -> None:
        """Count what :meth:`Journal.add_new` reports, ``(id, added)`` for each record, as :meth:`count` would."""
        added = sum(new for _id, new in stored)
        for target, number in ((self.added, added), (self.skipped, len(stored) - added)):
            if number:
                target[table] = target.get(table, 0) + number

    def __str__(self) -> str:
        return import_summary(self.added, self.skipped)


@contextmanager
def in_bulk() -> Iterator[None]:
    """Around reading or storing a whole file's records: one "today" for every date, no collector pauses.

    Python's cycle collector runs every few hundred new objects and walks
    every young one each time; an import makes tens of thousands, none of
    them in cycles, so it waits until the block ends (and stays off if it
    was off).  Nested blocks are fine.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        with one_today():
            yield
    finally:
        if was_on:
            gc.enable()


def required_fields(kind: type[Record]) -> list[str]:
    """The fields of ``kind`` that a row must give (those without a default)."""
    return list(_required(kind))


@functools.cache
def _required(kind: type[Record]) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in dataclasses.fields(kind)
        if f.init and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


def build_record(kind: type[Record], values: Mapping[str, Any], file: Path, line: int) -> Record:
    """Build one ``kind`` record from a row's values; a refusal names the file, line and field."""
    for name in _whole_numbers(kind):
        if name in values:
            _check_int(name, values[name], file, line)
    missing = [name for name in _required(kind) if name not in values]
    if missing:
        raise ImportRowError(str(file), line, missing[0], "is missing from this row")
    try:
        return kind.build(values)
    except ValidationError as error:
        raise ImportRowError(str(file), line, error.field, error.reason) from None


def import_records(journal: Journal, parsed: ParsedImport) -> ImportSummary:
    """Store parsed records in one transaction, linking them by the files' application ids."""
    check_unique_ids(parsed)
    summary = ImportSummary()
    app_ids: dict[int, int] = {}
    new_apps: set[int] = set()
    with journal.transaction(), in_bulk():
        apps = parsed.rows.get(Application, [])
        with_history = {change.application_id for _line, change in parsed.rows.get(StageChange, [])}  # type: ignore[attr-defined]
        stored = journal.add_new([app for _line, app in apps], keep_id=True, histories_given=with_history)
        summary.count_all(Application.TABLE, stored)
        for (_line, app), (new_id, added) in zip(apps, stored):
            if app.id is not None:
                app_ids[app.id] = new_id
            if added:
                new_apps.add(new_id)
        kept = {old for old, new in app_ids.items() if old == new}
        _store_history(journal, parsed, app_ids, new_apps, kept)
        for kind in RECORD_TYPES:
            if kind in (Application, StageChange):
                continue
            linked = _relink_all(kind, parsed, app_ids, kept)
            summary.count_all(kind.TABLE, journal.add_new(linked, keep_id=True))
    return summary


def check_unique_ids(parsed: ParsedImport) -> None:
    """Refuse a file in which two rows share an id, naming the second row."""
    for kind, rows in parsed.rows.items():
        ids = [record.id for _line, record in rows if record.id is not None]
        if len(set(ids)) == len(ids):
            continue  # every id once: nothing to name
        first_line: dict[int, int] = {}
        for line, record in rows:
            if record.id is None:
                continue
            if record.id in first_line:
                raise ImportRowError(
                    str(parsed.file(kind)),
                    line,
                    "id",
                    f"{record.id} is already the id of line {first_line[record.id]}; "
                    "every row needs an id of its own",
                )
            first_line[record.id] = line


@functools.cache
def _whole_numbers(kind: type[Record]) -> tuple[str, ...]:
    return tuple(name for name, k in kind.kinds().items() if k == "int")


def _check_int(name: str, value: Any, file: Path, line: int) -> None:
    if isinstance(value, str) and len(value) < _LARGEST_DIGITS:
        return  # too few digits to be too large
    number = value
    if isinstance(value, str):
        if not spells_number(value):
            return  # not a number at all: the record's own rule says so
        try:
            number = whole_number(name, value)
        except ValidationError:  # more digits than any number kept: too large, whatever they are
            number = LARGEST_INT + 1
    if isinstance(number, int) and not isinstance(number, bool) and abs(number) > LARGEST_INT:
        shown_value = shown_number(value) if isinstance(value, str) else shown(value)
        raise ImportRowError(str(file), line, name, f"{shown_value} is too large a number")


def _store_history(
    journal: Journal, parsed: ParsedImport, app_ids: dict[int, int], new_apps: set[int], kept: set[int]
) -> None:
    histories: dict[int, list[StageChange]] = {}
    for linked in _relink_all(StageChange, parsed, app_ids, kept):
        histories.setdefault(linked.application_id, []).append(linked)  # type: ignore[arg-type, attr-defined]
    journal.set_stage_histories(
        {app_id: changes for app_id, changes in histories.items() if app_id in new_apps}
    )


def _relink_all(
    kind: type[Record], parsed: ParsedImport, app_ids: dict[int, int], kept: set[int]
) -> list[Record]:
    """:func:`_relink` for every ``kind`` record of the import; ``kept``: the file's ids the journal kept."""
    rows = parsed.rows.get(kind, [])
    records = [record for _line, record in rows]
    for name in kind.LINKS:
        targets = set(map(operator.attrgetter(name), records))
        targets.discard(None)
        if not targets <= kept:  # a link to move, or one to refuse: each record in turn
            return [_relink(record, app_ids, parsed, line) for line, record in rows]
    return records


def _relink(record: Record, app_ids: dict[int, int], parsed: ParsedImport, line: int) -> Record:
    changes = {}
    for name in record.LINKS:
        old = getattr(record, name)
        if old is None:
            continue
        if old not in app_ids:
            path = parsed.file(type(record))
            apps = parsed.files[Application].name if Application in parsed.files else "this import"
            raise ImportRowError(str(path), line, name, f"no application with id {old} in {apps}")
        if app_ids[old] != old:
            changes[name] = app_ids[old]
    # The new ids come from the journal, so the record needs no second validation.
    return record.relinked(**changes) if changes else record
