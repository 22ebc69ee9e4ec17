"""Counts of records said in words a person reads: "5,500 mood entries", never a table name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workbook.messages import RECORD_NOUNS, import_summary, records_count
from workbook.records import RECORD_TYPES


def test_every_kind_of_record_has_its_words() -> None:
    assert {kind.TABLE for kind in RECORD_TYPES} == set(RECORD_NOUNS)


@pytest.mark.parametrize(
    ("table", "number", "said"),
    [
        ("mood_entries", 1, "1 mood entry"),
        ("mood_entries", 5500, "5,500 mood entries"),
        ("feedback_items", 2, "2 pieces of feedback"),
        ("stage_changes", 1, "1 stage reached"),
    ],
)
def test_records_count(table: str, number: int, said: str) -> None:
    assert records_count(table, number) == said


@pytest.mark.parametrize(
    ("added", "skipped", "said"),
    [
        ({}, {}, "Nothing to import."),
        ({"mood_entries": 5500}, {}, "Added 5,500 mood entries."),
        ({"applications": 1, "mood_entries": 2}, {}, "Added 1 application, 2 mood entries."),
        ({}, {"mood_entries": 3}, "Added nothing; 3 already in the journal."),
        (
            {"applications": 2},
            {"mood_entries": 1200, "applications": 1},
            "Added 2 applications; 1,201 already in the journal.",
        ),
    ],
)
def test_import_summary(added: dict[str, int], skipped: dict[str, int], said: str) -> None:
    assert import_summary(added, skipped) == said


def test_the_sample_journal_is_described_in_words(tmp_path: Path) -> None:
    wrote = subprocess.run(
        [sys.executable, "-m", "workbook", "demo", "--journal", str(tmp_path / "demo.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "mood entries" in wrote.stdout and "people you met" in wrote.stdout
    assert "_" not in wrote.stdout.replace(str(tmp_path), "")
    assert max(len(line) for line in wrote.stdout.splitlines()[1:]) <= 100
