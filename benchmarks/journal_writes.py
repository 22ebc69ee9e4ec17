"""What the journal's safety costs: validated, one-transaction-per-entry writes against plain sqlite3.

Both sides write the same rows into a WAL-mode file in a temporary folder, one
committed transaction per row (as a person logs them), then read them back.
Prints times and the ratio journal / plain.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from workbook.journal import Journal
from workbook.records import MoodEntry

ROWS = 2_000


def rows() -> list[dict]:
    """The same mood entries for both sides."""
    start = dt.datetime(2025, 1, 1, 8)
    return [
        {
            "at": start + dt.timedelta(hours=6 * n),
            "mood": 1 + n % 10,
            "emotions": ["calm", "tired"],
            "note": f"n{n}",
        }
        for n in range(ROWS)
    ]


def plain(path: Path, data: list[dict]) -> tuple[float, float]:
    """Insert and read back with bare sqlite3; return (write seconds, read seconds)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE m (id INTEGER PRIMARY KEY, at TEXT, mood INTEGER, emotions TEXT, note TEXT)")
    start = time.perf_counter()
    for row in data:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO m (at, mood, emotions, note) VALUES (?, ?, ?, ?)",
            (row["at"].isoformat(), row["mood"], json.dumps(row["emotions"]), row["note"]),
        )
        conn.execute("COMMIT")
    wrote = time.perf_counter() - start
    start = time.perf_counter()
    conn.execute("SELECT * FROM m").fetchall()
    read = time.perf_counter() - start
    conn.close()
    return wrote, read


def journal(path: Path, data: list[dict]) -> tuple[float, float]:
    """Add through the Journal and read back as a DataFrame; return (write seconds, read seconds)."""
    with Journal(path) as opened:
        opened.moods()  # pandas imported before timing, as in a notebook
        start = time.perf_counter()
        for row in data:
            opened.add(MoodEntry(**row))
        wrote = time.perf_counter() - start
        start = time.perf_counter()
        opened.moods()
        read = time.perf_counter() - start
    return wrote, read


def main() -> None:
    """Print both sides and their ratios."""
    data = rows()
    with tempfile.TemporaryDirectory() as tmp:
        base_write, base_read = plain(Path(tmp) / "plain.db", data)
        ours_write, ours_read = journal(Path(tmp) / "journal.db", data)
    print(f"{ROWS} entries, one transaction each")
    print(f"write: plain {base_write:.2f} s, journal {ours_write:.2f} s, {ours_write / base_write:.1f}x")
    print(
        f"read:  plain {base_read * 1000:.0f} ms, journal as DataFrame {ours_read * 1000:.0f} ms, "
        f"{ours_read / base_read:.1f}x"
    )


if __name__ == "__main__":
    main()
