"""Export a journal as JSON for other tools: one file per record type.

``DIR/applications.json``, ``DIR/mood_entries.json`` and so on, each a list of
objects with the same field names as the CSV export's columns.  Dates and
timestamps are ISO text, lists stay lists, and an empty value is ``null``.
One file per type mirrors the CSV folder, so either export reads the same way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from workbook.interop.folder import private_opener
from workbook.journal import Journal
from workbook.records import RECORD_TYPES


def export_json(journal: Journal, folder: str | os.PathLike[str]) -> list[Path]:
    """Write one JSON file per record type into ``folder``; return the files written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in RECORD_TYPES:
        path = target / f"{kind.TABLE}.json"
        rows = [record.to_plain() for record in journal.records(kind)]
        with open(path, "w", encoding="utf-8", opener=private_opener) as handle:
            json.dump(rows, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        written.append(path)
    return written
