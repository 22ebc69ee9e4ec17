"""Writing: one mood save, and ``workbook import DIR`` of the exported large journal.

Floors: bare sqlite3 writing the same rows into a copy of the same file, with
the journal's pragmas (WAL, foreign keys, busy timeout, and the same
``synchronous`` setting, checked, so both sides pay the same disk flush); for
the import it also reads the same CSV files with the csv module and inserts
them in one transaction.

Which save figure the 1.25x target is judged on: the one on disk, since that is
the save a person waits for.  On disk both sides are mostly the flush
(``synchronous`` FULL in WAL mode), so the figure on memory-backed storage
(/dev/shm) is reported beside it to show the journal's own work (validating
the record, building the row) that the flush otherwise hides.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import sqlite3
import time
from pathlib import Path

from harness import Figure, Target, interleaved

from workbook.interop.folder import export_csv, import_csv
from workbook.journal import BUSY_TIMEOUT, Journal
from workbook.records import RECORD_TYPES, MoodEntry
from workbook.schema import CURRENT_VERSION, MIGRATIONS

SECTION = "Writing"


def bare_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the journal's pragmas."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def mood_save(journal_file: Path, work: Path, saves: int, where: str = "") -> Figure:
    """One mood save through the Journal against the same row inserted with bare sqlite3.

    ``where`` names the storage in the figure's name when it is not the usual disk.
    """
    ours_file, bare_file = work / "save-journal.db", work / "save-bare.db"
    shutil.copyfile(journal_file, ours_file)
    shutil.copyfile(journal_file, bare_file)
    for copy in (ours_file, bare_file):
        copy.chmod(0o600)  # the journal refuses a file others can read
    first = dt.datetime(2026, 11, 1, 8)
    fields = [
        {
            "at": first + dt.timedelta(minutes=n),
            "mood": 1 + n % 10,
            "emotions": ["calm", "tired"],
            "tags": ["walked"],
            "energy": 3,
            "note": f"save {n}",
        }
        for n in range(saves)
    ]
    ours_times: list[float] = []
    bare_times: list[float] = []
    with Journal(ours_file) as journal:
        conn = bare_connection(bare_file)
        synchronous = "PRAGMA synchronous"
        assert journal._conn.execute(synchronous).fetchone() == conn.execute(synchronous).fetchone()
        for row in fields:
            start = time.perf_counter()
            journal.add(MoodEntry(**row))
            ours_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO mood_entries (at, mood, emotions, tags, energy, note, context) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    row["at"].isoformat(timespec="seconds"),
                    row["mood"],
                    json.dumps(row["emotions"]),
                    json.dumps(row["tags"]),
                    row["energy"],
                    row["note"],
                    "daily",
                ),
            )
            conn.execute("COMMIT")
            bare_times.append(time.perf_counter() - start)
        conn.close()
    return Figure(
        SECTION,
        f"one mood save{where} ({saves} saves, alternating)",
        ours_times,
        bare_times,
        "bare sqlite3, same row, same file and pragmas",
        Target("ratio", 1.25),
        show_p99=True,
    )


def bulk_import(journal_file: Path, work: Path, runs: int) -> Figure:
    """``workbook import DIR`` of the exported journal against bare csv + sqlite3 into the same schema."""
    folder = work / "export"
    shutil.rmtree(folder, ignore_errors=True)
    with Journal(journal_file) as journal:
        export_csv(journal, folder)
        rows = sum(journal.counts().values())
    counter = iter(range(10_000))

    def ours() -> float:
        path = work / f"import-{next(counter)}.db"
        with Journal(path) as journal:
            start = time.perf_counter()
            import_csv(journal, folder)
            return time.perf_counter() - start

    def bare() -> float:
        path = work / f"bare-{next(counter)}.db"
        conn = bare_connection(path)
        for number, migration in enumerate(MIGRATIONS):
            conn.executescript(f"BEGIN; {migration}; PRAGMA user_version = {number + 1}; COMMIT;")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for kind in RECORD_TYPES:
            with (folder / f"{kind.TABLE}.csv").open(newline="", encoding="utf-8") as handle:
                reader = csv.reader(handle)
                header = next(reader)
                names = ", ".join(f'"{n}"' for n in header)
                marks = ", ".join("?" for _ in header)
                kinds = [kind.kinds()[name] for name in header]
                values = ([_sql(k, v) for k, v in zip(kinds, line)] for line in reader)
                conn.executemany(f"INSERT INTO {kind.TABLE} ({names}) VALUES ({marks})", values)
        conn.execute("COMMIT")
        seconds = time.perf_counter() - start
        conn.close()
        return seconds

    samples = interleaved({"ours": ours, "bare": bare}, runs)
    return Figure(
        SECTION,
        f"`workbook import DIR`, {rows:,} rows of the exported journal",
        samples["ours"],
        samples["bare"],
        "bare csv + sqlite3, same rows, one transaction",
        Target("ratio", 3),
    )


def _sql(kind: str, text: str) -> str | None:
    """Empty numbers and dates are NULL; empty text stays empty."""
    return None if text == "" and kind not in ("text", "words") else text
