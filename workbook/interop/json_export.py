"""Export a journal as JSON, one file per record type, and read such a folder back.

``DIR/applications.json``, ``DIR/mood_entries.json`` and so on, each a list of
objects with the same field names as the CSV export's columns.  Dates and
timestamps are ISO text, lists stay lists, and an empty value is ``null``.
One file per type mirrors the CSV folder, so either export reads the same way:
all or nothing, the line of each entry named in a refusal, ids re-linked.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from workbook.errors import ImportRowError
from workbook.files import open_private
from workbook.interop.folder import export_targets, parse_export_files
from workbook.interop.importing import ImportSummary, ParsedImport, build_record, import_records, in_bulk
from workbook.interop.text_file import read_utf8
from workbook.journal import Journal
from workbook.records import Record
from workbook.values import invalid_text

ADVICE = "export it again with `workbook export --format json`"
#: What JSON type each field kind takes (None is always allowed, except for true/false).
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "words": (list,),
    "int": (int,),
    "float": (float, int),  # a float first: a refusal then says "a number", not "a whole number"
    "bool": (bool,),
    "date": (str,),
    "timestamp": (str,),
}
_JSON_NAMES = {str: "text", list: "a list", int: "a whole number", float: "a number", bool: "true or false"}
_WHITESPACE = " \t\n\r"


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def export_json(journal: Journal, folder: str | os.PathLike[str]) -> list[Path]:
    """Write one JSON file per record type into ``folder`` (files 0600); return the files written."""
    written = []
    for kind, path in export_targets(journal, folder, "json").items():
        rows = [record.to_plain() for record in journal.records(kind)]
        with open_private(path, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        written.append(path)
    return written


def read_json_folder(folder: str | os.PathLike[str]) -> ParsedImport:
    """Parse every known JSON file in ``folder`` into records, each with the line its entry starts on."""
    return parse_export_files(folder, "json", _read_entries)


def _read_entries(path: Path, kind: type[Record]) -> list[tuple[int, Record]]:
    return [(line, _record(kind, item, path, line)) for line, item in _entries(path)]


def import_json(journal: Journal, folder: str | os.PathLike[str]) -> ImportSummary:
    """Read a folder written by :func:`export_json` into ``journal``, all or nothing."""
    with in_bulk():  # one block from reading to storing: no collector pause in between
        return import_records(journal, read_json_folder(folder))


def _entries(path: Path) -> list[tuple[int, Any]]:
    text = read_utf8(path, ADVICE)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRowError(str(path), error.lineno, "file", f"is not valid JSON: {error.msg}") from None
    if not isinstance(data, list):
        raise ImportRowError(str(path), 1, "file", "should hold a list of entries: [ {...}, {...} ]")
    return _with_lines(path, text)


def _with_lines(path: Path, text: str) -> list[tuple[int, Any]]:
    """Each entry of a valid JSON list with the line it starts on; a key given twice is refused."""
    decoder = json.JSONDecoder(object_pairs_hook=_no_duplicates)
    entries = []
    position = _skip(text, _skip(text, 0) + 1)  # past the opening [
    while position < len(text) and text[position] != "]":
        line = text.count("\n", 0, position) + 1
        try:
            item, end = decoder.raw_decode(text, position)
        except _DuplicateKey as error:
            raise ImportRowError(str(path), line, error.key, "appears twice in one entry") from None
        entries.append((line, item))
        position = _skip(text, end)
        if text[position] == ",":
            position = _skip(text, position + 1)
    return entries


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    for key, value in pairs:
        if key in entry:
            raise _DuplicateKey(key)
        entry[key] = value
    return entry


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


def _record(kind: type[Record], item: Any, path: Path, line: int) -> Record:
    if not isinstance(item, dict):
        raise ImportRowError(str(path), line, "entry", 'should be an object: {"field": value, ...}')
    kinds = kind.kinds()
    for name, value in item.items():
        if name not in kinds:
            raise ImportRowError(str(path), line, name, f"is not a field of {kind.TABLE}")
        _check_type(name, value, kinds[name], path, line)
    return build_record(kind, item, path, line)


def _check_type(name: str, value: Any, kind: str, path: Path, line: int) -> None:
    allowed = _JSON_TYPES.get(kind, (str,))
    if value is None and kind != "bool":
        return
    if isinstance(value, bool) and bool not in allowed or not isinstance(value, allowed):
        raise ImportRowError(
            str(path), line, name, f"should be {_JSON_NAMES[allowed[0]]}, not {_shown(value)}"
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise ImportRowError(str(path), line, name, "is not a finite number")
    for text in value if isinstance(value, list) else [value]:
        problem = invalid_text(text) if isinstance(text, str) else None
        if problem is not None:  # "\ud83d" escaped alone: valid JSON, but no text
            raise ImportRowError(str(path), line, name, problem)


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)[:40]
