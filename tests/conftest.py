"""Shared fixtures: a real journal file in a temporary folder; and the network guard for child processes.

pytest-socket (``--allow-hosts`` in pyproject's addopts) keeps this process on
loopback.  Every process the tests start (CLI runs, Jupyter and Voila servers,
their kernels) inherits ``PYTHONPATH`` with ``tests/netguard`` first, whose
``sitecustomize`` refuses any connection that is not loopback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workbook.journal import Journal
from workbook.records import Application

NETGUARD = Path(__file__).resolve().parent / "netguard"


def _guard_child_processes() -> None:
    parts = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(NETGUARD) not in parts:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(NETGUARD), *parts])


_guard_child_processes()


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    """Where a test's journal lives (not created yet)."""
    return tmp_path / "journal.db"


@pytest.fixture
def journal(journal_file: Path) -> Iterator[Journal]:
    """A fresh, empty journal in its own SQLite file."""
    with Journal(journal_file) as opened:
        yield opened


@pytest.fixture
def interview_app(journal: Journal) -> Application:
    """One application in the journal: Acme, Designer, applied 20 days ago, at interview."""
    return journal.add(
        Application(
            company="Acme",
            role="Designer",
            applied_on=dt.date.today() - dt.timedelta(days=20),
            stage="interview",
        )
    )


@pytest.fixture
def hold_journal(
    journal: Journal, journal_file: Path
) -> Callable[[], contextlib.AbstractContextManager[None]]:
    """``with hold_journal():`` another program holds the journal for writing while the block runs.

    The journal waits only 0.1 s for the lock, so a save in the block fails quickly.
    """

    @contextlib.contextmanager
    def locked() -> Iterator[None]:
        journal._conn.execute("PRAGMA busy_timeout = 100")
        holder = sqlite3.connect(journal_file, isolation_level=None)
        try:
            holder.execute("BEGIN EXCLUSIVE")
            yield
        finally:
            holder.close()

    return locked
