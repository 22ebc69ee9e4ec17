"""One journal used from two threads, as a cell and a widget callback on a kernel subshell use it."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from workbook.journal import Journal
from workbook.records import MoodEntry


def mood(note: str) -> MoodEntry:
    return MoodEntry(at=dt.datetime(2026, 11, 20, 9, 0), mood=5, note=note)


def in_thread(action) -> threading.Thread:  # noqa: ANN001
    thread = threading.Thread(target=action, daemon=True)
    thread.start()
    return thread


def test_a_journal_opened_on_one_thread_saves_and_reads_on_another(tmp_path: Path) -> None:
    with Journal(tmp_path / "journal.db") as journal:
        failures: list[BaseException] = []

        def save_and_read() -> None:
            try:
                journal.add(mood("from a widget callback"))
                journal.frame(MoodEntry)
            except BaseException as error:  # noqa: BLE001 - handed back to the test
                failures.append(error)

        in_thread(save_and_read).join()
        assert failures == []
        assert [entry.note for entry in journal.records(MoodEntry)] == ["from a widget callback"]


def test_a_save_from_another_thread_waits_for_an_open_transaction_and_survives_its_undo(
    tmp_path: Path,
) -> None:
    with Journal(tmp_path / "journal.db") as journal:
        about_to_save = threading.Event()
        other = None
        with pytest.raises(RuntimeError), journal.transaction():
            journal.add(mood("taken back"))
            other = in_thread(lambda: (about_to_save.set(), journal.add(mood("kept"))))
            about_to_save.wait()
            other.join(0.2)
            assert other.is_alive()  # it waits for this block, never writes into it
            raise RuntimeError("the block fails after its first write")
        other.join()
        assert [entry.note for entry in journal.records(MoodEntry)] == ["kept"]
