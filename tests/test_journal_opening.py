"""Opening: new journals race-free and private, other files untouched, failed upgrades undone."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbook.demo.story import APPLICATIONS
from workbook.errors import JournalError
from workbook.journal import Journal
from workbook.records import Application
from workbook.schema import CURRENT_VERSION, MIGRATIONS


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open_at(path: str, start: float) -> str:
    time.sleep(max(0.0, start - time.time()))
    try:
        Journal(path).close()
    except Exception as error:  # reported to the test, which shows it
        return f"{type(error).__name__}: {error}"
    return "ok"


def test_four_programs_opening_one_new_journal_at_once_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        pool.starmap(_open_at, [(str(tmp_path / "warm.db"), 0.0)] * 4, chunksize=1)
        for round_ in range(10):
            path = tmp_path / f"round-{round_}" / "journal.db"
            start = time.time() + 0.3
            assert pool.starmap(_open_at, [(str(path), start)] * 4, chunksize=1) == ["ok"] * 4
            conn = sqlite3.connect(path)
            assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            conn.close()


OPEN_SAMPLE = """
import sys, time
import workbook
start = float(sys.argv[1])
time.sleep(max(0.0, start - time.time()))
workbook.open(demo=True)
"""


def test_two_notebooks_opening_the_sample_at_once_build_it_once(tmp_path: Path) -> None:
    env = {**os.environ, "WORKBOOK_JOURNAL": str(tmp_path / "data" / "journal.db")}
    env.pop("WORKBOOK_DEMO", None)
    start = time.time() + 4
    kernels = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_SAMPLE, str(start)],
            env=env,
            cwd=tmp_path,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for kernel in kernels:
        out, err = kernel.communicate(timeout=120)
        assert kernel.returncode == 0, err
        assert "Using the sample journal" in out
    with Journal(tmp_path / "data" / "demo.db") as sample:
        assert len(sample.records(Application)) == len(APPLICATIONS)


def test_another_programs_database_is_refused_before_anything_changes(tmp_path: Path) -> None:
    other = tmp_path / "recipes.db"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.close()
    before = _digest(other)
    with pytest.raises(JournalError, match="not a Rebound journal; it was not changed"):
        Journal(other)
    assert _digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recipes.db"]


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("these are my notes, not a database\n" * 200)
    before = _digest(notes)
    with pytest.raises(JournalError, match="not a Rebound journal"):
        Journal(notes)
    assert _digest(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_the_journal_folder_and_file_it_creates_are_private(tmp_path: Path) -> None:
    path = tmp_path / "home" / "data" / "journal.db"
    old_umask = os.umask(0)
    try:
        Journal(path).close()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "home").stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _version_1_journal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    with conn:
        conn.execute(
            "INSERT INTO applications (company, role, applied_on, stage, outcome, channel) "
            "VALUES ('Acme', 'Analyst', '2026-09-01', 'interview', 'pending', 'none')"
        )
        # A name the upgrade to schema 2 wants for an index: it fails part way through.
        conn.execute("CREATE TABLE stage_changes_application (x)")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    os.chmod(path, 0o600)  # private, as Rebound makes every journal (others' bits are refused)


def test_an_upgrade_that_fails_part_way_leaves_the_file_as_it_was_and_says_how_to_restore(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.db"
    _version_1_journal(path)
    before = _digest(path)
    with pytest.raises(JournalError) as failed:
        Journal(path)
    assert _digest(path) == before
    (backup,) = tmp_path.glob("journal.db.v1-*.bak")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    message = str(failed.value)
    assert message.startswith(f"journal: {path}: could not upgrade to schema 2")
    assert "the file was not changed" in message
    assert f"A copy from before is at {backup}; to go back to it, run: workbook restore {backup}" in message
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT company FROM applications").fetchall() == [("Acme",)]
    conn.close()
