"""A writer killed with SIGKILL mid-save: the file stays sound and every save that returned is kept.

The writer prints each saved id (and its note) only after ``Journal.add``
returned, flushing at once, so every complete line it wrote is a promise the
journal made.  The kill points come from a seeded random generator, so a
failure replays exactly.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from reliability.harness import child_env, integrity
from workbook.journal import Journal
from workbook.records import MoodEntry

RUNS = 24
SEED = 20261126

WRITER = """
import datetime as dt, sys
from workbook.journal import Journal
from workbook.records import MoodEntry
path, run = sys.argv[1], int(sys.argv[2])
journal = Journal(path)
print("ready", flush=True)
i = 0
while True:
    note = f"run {run} entry {i}:" + " words" * (i % 50)
    saved = journal.add(MoodEntry(at=dt.datetime(2025, 5, 1, 9, 0), mood=1 + i % 10, note=note, tags=[f"t{i % 7}"]))
    sys.stdout.write(f"{saved.id}\\t{saved.mood}\\t{run}\\t{i}\\n")
    sys.stdout.flush()
    i += 1
"""


def _promised(output: str) -> list[tuple[int, int, int, int]]:
    # Only complete lines count: a line cut off by the kill was never a finished promise.
    lines = output.split("\n")[:-1]
    return [tuple(int(part) for part in line.split("\t")) for line in lines]  # type: ignore[misc]


def test_sigkill_at_random_moments_never_loses_a_saved_entry(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    path = tmp_path / "journal.db"
    Journal(path).close()
    promised_total = 0
    for run in range(RUNS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(run)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
        )
        assert writer.stdout is not None
        assert writer.stdout.readline() == b"ready\n", writer.stderr.read() if writer.stderr else ""
        time.sleep(rng.uniform(0.0, 0.25))
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL, err.decode()

        assert integrity(path) == "ok", f"run {run}: the file is damaged"
        promised = _promised(out.decode())
        promised_total += len(promised)
        with Journal(path) as journal:
            stored = {m.id: m for m in journal.records(MoodEntry)}
        for saved_id, mood, run_no, i in promised:
            entry = stored.get(saved_id)
            assert entry is not None, f"run {run}: entry {saved_id} was saved, then lost"
            assert entry.mood == mood and entry.note == f"run {run_no} entry {i}:" + " words" * (i % 50)
            assert entry.tags == (f"t{i % 7}",)
    assert promised_total > RUNS, "the writers were killed before saving anything; the test proved little"
    print(f"{RUNS} writers killed mid-save; all {promised_total} entries whose save had returned were kept")
