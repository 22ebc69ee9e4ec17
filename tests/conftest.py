"""Shared fixtures: a real journal file in a temporary folder; and the network guard for child processes.

pytest-socket (``--allow-hosts`` in pyproject's addopts) keeps this process on
loopback.  Every process the tests start (CLI runs, Jupyter and Voila servers,
their kernels) inherits ``PYTHONPATH`` with ``tests/netguard`` first, whose
``sitecustomize`` refuses any connection that is not loopback.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.journal import Journal

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
