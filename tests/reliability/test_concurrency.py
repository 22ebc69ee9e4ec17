"""Many processes at one journal: every entry kept, and "database is locked" never reaches anyone.

Real processes, a real file: four writers add 500 entries each (moods and
applications mixed) while a fifth reads DataFrames in a loop; four processes
open a journal that does not exist yet, at the same moment, ten times over.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from reliability.harness import child_env, integrity
from workbook.journal import Journal
from workbook.records import Application, MoodEntry

WRITERS = 4
PER_WRITER = 500
COLD_ROUNDS = 10
#: Seconds the 2,000 writes may take in all, on a busy two-core machine.
BOUND = 60

WRITER = """
import datetime as dt, sys
from workbook.journal import Journal
from workbook.records import Application, MoodEntry
path, writer, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with Journal(path) as journal:
    for i in range(count):
        if i % 4 == 0:
            journal.add(Application(company=f"writer {writer}", role=f"role {i}", applied_on=dt.date(2025, 1, 1)))
        else:
            journal.add(MoodEntry(at=dt.datetime(2025, 1, 1, 12, 0), mood=1 + i % 10, note=f"writer {writer} entry {i}"))
print("done", flush=True)
"""

READER = """
import sys, time
from pathlib import Path
from workbook.journal import Journal
path, stop = sys.argv[1], Path(sys.argv[2])
reads = 0
with Journal(path) as journal:
    while not stop.exists():
        journal.moods(); journal.applications()
        reads += 1
print(reads, flush=True)
"""

OPENER = """
import sys, time
from workbook.journal import Journal
from workbook.records import MoodEntry
path, at = sys.argv[1], float(sys.argv[2])
time.sleep(max(0.0, at - time.time()))
with Journal(path) as journal:
    journal.add(MoodEntry(at="2025-02-01T08:00:00", mood=6, note=sys.argv[3]))
"""


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def test_four_writers_and_a_reader_lose_nothing_and_never_see_a_lock(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    Journal(path).close()
    stop = tmp_path / "stop"
    reader = _start(READER, str(path), str(stop))
    writers = [_start(WRITER, str(path), str(n), str(PER_WRITER)) for n in range(WRITERS)]
    deadline = time.monotonic() + BOUND
    try:
        results = [w.communicate(timeout=max(1.0, deadline - time.monotonic())) for w in writers]
    finally:
        stop.touch()
        for process in writers:
            process.kill()  # only matters when one overran the bound
        reads, reader_errors = reader.communicate(timeout=30)
    for n, (out, err) in enumerate(results):
        assert writers[n].returncode == 0 and out.strip() == "done", f"writer {n} failed:\n{err}"
        assert "locked" not in err
    assert reader.returncode == 0, f"the reader failed:\n{reader_errors}"
    assert int(reads) > 0

    assert integrity(path) == "ok"
    with Journal(path) as journal:
        apps = journal.records(Application)
        moods = journal.records(MoodEntry)
    assert len(apps) + len(moods) == WRITERS * PER_WRITER
    expected_moods = {f"writer {w} entry {i}" for w in range(WRITERS) for i in range(PER_WRITER) if i % 4}
    assert {m.note for m in moods} == expected_moods
    assert {(a.company, a.role) for a in apps} == {
        (f"writer {w}", f"role {i}") for w in range(WRITERS) for i in range(0, PER_WRITER, 4)
    }


def test_four_processes_opening_a_new_journal_at_once_all_succeed(tmp_path: Path) -> None:
    failures = []
    for round_ in range(COLD_ROUNDS):
        path = tmp_path / f"round-{round_}" / "journal.db"
        at = time.time() + 1.0  # every process is started and imported by then
        openers = [_start(OPENER, str(path), str(at), f"opener {n}") for n in range(4)]
        for n, opener in enumerate(openers):
            _, err = opener.communicate(timeout=60)
            if opener.returncode != 0:
                failures.append(f"round {round_}, opener {n}: {err.strip().splitlines()[-1:]}")
        if path.exists():
            with Journal(path) as journal:
                notes = sorted(m.note for m in journal.records(MoodEntry))
            if notes != [f"opener {n}" for n in range(4)]:
                failures.append(f"round {round_}: the journal holds {notes}")
    assert not failures, "\n".join(failures)
