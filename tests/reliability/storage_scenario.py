"""One person's attempt to save while the journal cannot be written; prints what they saw, as JSON.

Run as a script (``python storage_scenario.py JOURNAL [--fill-disk DIR] [--busy-timeout S]``),
often inside a private mount namespace where the journal's folder is read-only
or a tiny full file system.  It opens the journal, sets up the mood logger and
the rejection log and types into them, optionally fills the disk, then tries
to save: through the Journal, through each widget, and through the command
line.  The test that started it judges the JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from workbook.journal import Journal
from workbook.records import MoodEntry
from workbook.widgets import MoodLogger, RejectionLog

NOTE = "Typed after a hard call; " * 400  # about 10 kB, so it cannot fit in a full disk's last page


def fill(folder: Path) -> None:
    """Write a filler file into ``folder`` until its file system has no room left."""
    descriptor = os.open(folder / "filler", os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        while True:
            os.write(descriptor, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def attempt(journal_path: Path, fill_dir: Path | None, busy_timeout: float | None) -> dict:
    """Try every way of saving; report what each said and what the journal holds."""
    options = {} if busy_timeout is None else {"busy_timeout": busy_timeout}
    journal = Journal(journal_path, **options)
    before = journal.counts()
    mood = MoodLogger(journal)
    mood.mood.value = 3
    mood.note.value = NOTE
    log = RejectionLog(journal)
    log.company.value = "Initech"
    log.role.value = "Tester"
    log.applied_on.value = dt.date(2025, 4, 1)
    log.notes.value = NOTE
    if fill_dir is not None:
        fill(fill_dir)
    seen: dict = {"before": before}
    try:
        journal.add(MoodEntry(at=dt.datetime(2025, 4, 2, 9, 0), mood=5, note=NOTE))
        seen["api"] = {"error": None}
    except Exception as error:  # noqa: BLE001 - the test judges which kind it was
        seen["api"] = {"error": type(error).__name__, "family": _family(error), "message": str(error)}
    mood.save_button.click()
    seen["mood_widget"] = {
        "status": mood.status_text,
        "note_kept": mood.note.value == NOTE,
        "mood": mood.mood.value,
    }
    log.save_button.click()
    seen["rejection_widget"] = {
        "status": log.status_text,
        "kept": [log.company.value, log.role.value, str(log.applied_on.value), log.notes.value == NOTE],
    }
    try:
        seen["after"] = journal.counts()
    except Exception as error:  # noqa: BLE001
        seen["after"] = f"{type(error).__name__}: {error}"
    journal.close()
    cli = subprocess.run(
        [sys.executable, "-m", "workbook", "--journal", str(journal_path), "add", "mood", "--mood", "4",
         "--at", "2025-04-02T10:00", f"--note={NOTE}"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip
    seen["cli"] = {"returncode": cli.returncode, "stderr": cli.stderr, "stdout": cli.stdout}
    return seen


def _family(error: Exception) -> list[str]:
    return [cls.__name__ for cls in type(error).__mro__]


def main() -> None:
    """Parse the arguments, attempt, print the JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("journal", type=Path)
    parser.add_argument("--fill-disk", type=Path)
    parser.add_argument("--busy-timeout", type=float)
    args = parser.parse_args()
    print(json.dumps(attempt(args.journal, args.fill_disk, args.busy_timeout)))


if __name__ == "__main__":
    main()
