"""A journal in someone else's folder, or a link to someone else's file, is refused before anything is made.

As root every file can be opened, so only ownership tells whose journal it
is.  These tests give folders and files to ``nobody`` (uid 65534) or to a uid
no one has, which only root can do; elsewhere they are skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.errors import ExposedJournalError
from workbook.journal import Journal
from workbook.records import MoodEntry

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="giving a folder to another user takes root (chown)"
)

NOBODY = 65534
#: A uid with no entry in the system's user list.
NAMELESS = 54321


def _me() -> str:
    import pwd

    return pwd.getpwuid(os.geteuid()).pw_name


def _theirs(folder: Path, uid: int = NOBODY, mode: int = 0o755) -> Path:
    folder.mkdir()
    os.chown(folder, uid, -1)
    folder.chmod(mode)
    return folder


def _their_journal(folder: Path, uid: int = NOBODY) -> Path:
    """A journal with one note, made as the person, then given (file and folder) to ``uid``."""
    folder.mkdir(mode=0o700)
    path = folder / "journal.db"
    with Journal(path) as journal:
        journal.add(MoodEntry(at="2026-10-01T09:00:00", mood=6, note="their own words"))
    os.chown(path, uid, -1)
    return path


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbook", *args], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k != "WORKBOOK_JOURNAL"}
    clean["HOME"] = str(tmp_path / "home")
    return clean


def test_a_journal_in_another_users_folder_is_refused_and_nothing_is_made_there(
    tmp_path: Path, env: dict[str, str]
) -> None:
    theirs = _theirs(tmp_path / "theirs")

    done = _run("--journal", str(theirs / "j.db"), "add", "mood", "--mood", "5", env=env)

    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        f"error: journal: {theirs / 'j.db'}: its folder {theirs} belongs to nobody, not to you ({_me()}); "
        "keep your journal in a folder of your own, e.g. --journal ~/rebound/journal.db"
    )
    assert list(theirs.iterdir()) == []


def test_no_folder_is_made_inside_another_users_folder(tmp_path: Path) -> None:
    theirs = _theirs(tmp_path / "theirs")

    with pytest.raises(ExposedJournalError, match=f"its folder {theirs} belongs to nobody"):
        Journal(theirs / "new" / "deeper" / "j.db")

    assert list(theirs.iterdir()) == []


def test_a_planted_link_to_another_users_file_is_refused_and_their_file_is_untouched(
    tmp_path: Path, env: dict[str, str]
) -> None:
    target = _their_journal(tmp_path / "theirs")
    os.chown(target.parent, NOBODY, -1)
    link = tmp_path / "mine" / "journal.db"
    link.parent.mkdir(mode=0o700)
    link.symlink_to(target)
    raw = target.read_bytes()

    done = _run(
        "add", "mood", "--mood", "3", "--note", "my secret", env={**env, "WORKBOOK_JOURNAL": str(link)}
    )

    assert done.returncode == 2
    assert done.stderr.strip().startswith(
        f"error: journal: {link}: its folder {target.parent} belongs to nobody"
    )
    assert target.read_bytes() == raw
    assert b"my secret" not in raw and not Path(f"{target}-wal").exists()


def test_another_users_file_in_a_folder_of_mine_is_refused_with_the_chown_to_type(tmp_path: Path) -> None:
    path = _their_journal(tmp_path / "shared")
    raw = path.read_bytes()

    with pytest.raises(ExposedJournalError) as refused:
        Journal(path)

    assert str(refused.value) == (
        f"journal: {path}: the file {path} belongs to nobody, not to you ({_me()}); name a journal of your own "
        f"with --journal, or if it is yours: chown {_me()} {path}"
    )
    assert path.read_bytes() == raw
    os.chown(path, os.geteuid(), -1)  # the fix the message gives is all it takes
    with Journal(path) as journal:
        assert list(journal.moods()["note"]) == ["their own words"]


def test_an_owner_with_no_name_is_named_by_number(tmp_path: Path) -> None:
    theirs = _theirs(tmp_path / "theirs", uid=NAMELESS)

    with pytest.raises(
        ExposedJournalError, match=f"its folder {theirs} belongs to user {NAMELESS}, not to you"
    ):
        Journal(theirs / "j.db")


def test_a_folder_of_the_systems_and_ones_own_are_both_fine(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    with Journal(mine / "j.db") as journal:
        journal.add(MoodEntry(at="2026-10-01T09:00:00", mood=6))
    assert mine.stat().st_uid == os.geteuid()
