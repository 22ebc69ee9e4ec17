"""Where the journal lives: the flag, the variable, the workbook folder, else the person's own data folder."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from workbook.journal import Journal
from workbook.location import journal_path


@pytest.fixture
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no workbook.toml above it, no WORKBOOK_JOURNAL, and a home of its own."""
    here = tmp_path / "somewhere"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.delenv("WORKBOOK_JOURNAL", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return here


def test_without_a_workbook_folder_the_journal_is_in_the_home_data_folder(
    nowhere: Path, tmp_path: Path
) -> None:
    assert journal_path() == tmp_path / "home" / ".local" / "share" / "rebound" / "journal.db"


def test_xdg_data_home_is_followed_when_set(
    nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    assert journal_path() == tmp_path / "data" / "rebound" / "journal.db"


def test_a_relative_xdg_data_home_is_ignored(
    nowhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")

    assert journal_path() == tmp_path / "home" / ".local" / "share" / "rebound" / "journal.db"


def test_the_data_folder_journal_is_created_private(nowhere: Path, tmp_path: Path) -> None:
    (tmp_path / "home").mkdir(mode=0o755)

    Journal(journal_path()).close()

    own = tmp_path / "home" / ".local" / "share" / "rebound" / "journal.db"
    assert stat.S_IMODE(own.stat().st_mode) == 0o600
    for folder in (own.parent, own.parent.parent, own.parent.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE((tmp_path / "home").stat().st_mode) == 0o755  # an existing home keeps its mode


def test_a_workbook_folder_still_wins_over_the_data_folder(nowhere: Path) -> None:
    (nowhere / "workbook.toml").write_text("[workbook]\n")
    (nowhere / "notebooks").mkdir()

    assert journal_path(start=nowhere / "notebooks") == nowhere.resolve() / "data" / "journal.db"


def test_the_flag_and_the_variable_still_win(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_JOURNAL", "~/from-env.db")

    assert journal_path() == Path.home() / "from-env.db"
    assert journal_path("/srv/explicit.db") == Path("/srv/explicit.db")
