"""Shared fixtures: a real journal file in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.journal import Journal


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    """Where a test's journal lives (not created yet)."""
    return tmp_path / "journal.db"


@pytest.fixture
def journal(journal_file: Path) -> Iterator[Journal]:
    """A fresh, empty journal in its own SQLite file."""
    with Journal(journal_file) as opened:
        yield opened
