"""What the journal-safety tests share: a damaged journal made from a real one, and a read-only disk."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workbook.journal import Journal
from workbook.records import MoodEntry

PAGE = 4096
START = dt.datetime(2025, 1, 1, 8, 0)


def moods(path: Path, count: int, *, one_by_one: bool = False) -> None:
    """Add ``count`` moods to the journal at ``path``: in one transaction, or one open and save each (as the CLI)."""
    if one_by_one:
        for n in range(count):
            with Journal(path) as journal:
                journal.add(MoodEntry(at=START + dt.timedelta(hours=n), mood=1 + n % 10))
        return
    with Journal(path) as journal, journal.transaction():
        for n in range(count):
            journal.add(MoodEntry(at=START + dt.timedelta(hours=n), mood=1 + n % 10))


def damage(path: Path) -> None:
    """Fold the -wal into ``path`` and overwrite one page in the middle of it with junk bytes."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = path.stat().st_size // PAGE
    with open(path, "r+b") as handle:
        handle.seek(pages // 2 * PAGE)
        handle.write(b"\xde\xad\xbe\xef" * (PAGE // 4))


def mood_ids(path: Path) -> list[int]:
    """The ids of every mood in the journal at ``path``, read with plain sqlite3 (read only)."""
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM mood_entries ORDER BY id")]


@contextlib.contextmanager
def read_only_disk(folder: Path) -> Iterator[Callable[[], object]]:
    """A small tmpfs at ``folder``, writable until the function it yields remounts it read-only.

    Root ignores mode bits, so only a real read-only mount shows what a person
    on a read-only disk meets; the test is skipped where mounting is not allowed.
    """
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.decode().strip()})")
    try:
        yield lambda: subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
