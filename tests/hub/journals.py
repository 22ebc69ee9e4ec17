"""What the hub tests run in the kernels, and how they read a journal from outside without touching it."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

#: Run in a person's kernel, in ~/workbook/notebooks: open the workbook as a notebook does, log one mood.
WRITE_ONE_MOOD = """
import json, workbook
from workbook.records import MoodEntry
wb = workbook.open()
wb.journal.add(MoodEntry(at="2026-11-20T09:30:00", mood=6, note={note!r}))
print("RESULT=" + json.dumps({{"path": str(wb.journal.path.resolve()), "moods": len(wb.journal.moods())}}))
wb.journal.close()
"""

#: Run in one person's kernel with another person's journal path: both attempts must be refused.
READ_SOMEONE_ELSES = """
import json
from workbook.journal import Journal
refused = []
try:
    open({path!r}, "rb").read()
except PermissionError:
    refused.append("open")
try:
    Journal({path!r})
except PermissionError:
    refused.append("Journal")
print("RESULT=" + json.dumps(refused))
"""

#: Run once in a kernel started in the home folder (no workbook above it): the journal the rules pick.
OPEN_DEFAULT_JOURNAL = """
import json
from workbook.journal import Journal
from workbook.location import journal_path
from workbook.records import MoodEntry
journal = Journal(journal_path())
print("RESULT=" + json.dumps(str(journal.path.resolve())))
"""

#: One Save, as the mood form makes it.
SAVE_ENTRY = 'journal.add(MoodEntry(at="2026-11-20T09:00:00", mood={mood}, note="entry {number}"))'


def result(printed: str) -> str:
    """The ``RESULT=`` line a kernel printed (other lines are the workbook's banner)."""
    lines = [line for line in printed.splitlines() if line.startswith("RESULT=")]
    assert len(lines) == 1, printed
    return lines[0].removeprefix("RESULT=")


def notes_in(journal: Path) -> list[str]:
    """Every mood note in ``journal``, read as root without creating or changing any file beside it."""
    with sqlite3.connect(f"{journal.as_uri()}?immutable=1", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT note FROM mood_entries ORDER BY id")]


def mode(path: Path) -> int:
    """The permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)
