"""The backups a journal keeps by itself, listing and restoring them, and forget through a link (issue 22)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from reliability.harness import workbook
from reliability.safety_files import damage, mood_ids, moods

from workbook import backups
from workbook.journal import Journal


def autos(journal: Path) -> list[Path]:
    """The automatic backups of ``journal`` on disk."""
    folder = backups.auto_folder(journal)
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_the_first_save_of_the_day_makes_a_private_backup_in_a_private_folder(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    assert workbook("add", "mood", "--mood", "6", journal=journal).returncode == 0
    (copy,) = autos(journal)
    assert stat.S_IMODE(backups.auto_folder(journal).stat().st_mode) == 0o700
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert mood_ids(copy) == [1]
    assert not any(copy.with_name(copy.name + side).exists() for side in backups.SIDE_FILES)
    # a second save the same day, long before the next count, makes none
    assert workbook("add", "mood", "--mood", "7", journal=journal).returncode == 0
    assert autos(journal) == [copy]


def test_a_backup_follows_every_fifty_changes_counted_across_programs(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    moods(journal, 1 + backups.EVERY, one_by_one=True)  # each save opens the journal anew, as the CLI does
    first, second = autos(journal)
    assert len(mood_ids(first)) == 1
    assert len(mood_ids(second)) == 1 + backups.EVERY


def test_rotation_keeps_the_newest_three_the_last_seven_days_and_four_weeks(tmp_path: Path) -> None:
    start = dt.datetime(2026, 10, 1, 9)
    names = [
        tmp_path / f"j.db.auto-{start + dt.timedelta(days=day, hours=hour):%Y%m%dT%H%M%S}.000000-n{day}.bak"
        for day in range(60)
        for hour in (0, 5)
    ]
    kept = sorted(set(names) - set(backups.to_prune(names)))
    last = start + dt.timedelta(days=59, hours=5)
    days = {(last - dt.timedelta(days=n)).date() for n in range(7)}
    assert len(kept) == 3 + 7 - 2 + 4 - 1  # the newest 3 share two days; this week's newest is a kept day
    assert {backups._when(path).date() for path in kept} >= days
    weeks = {backups._when(path).isocalendar()[:2] for path in kept}
    assert len(weeks) == 4 - 1 + 1  # this week and the three before


def test_a_failed_automatic_backup_never_fails_the_save_and_the_next_save_tries_again(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    blocker = backups.auto_folder(journal)
    blocker.write_text("in the way")
    done = workbook("add", "mood", "--mood", "5", journal=journal)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("warning: Your entry is saved, but the automatic backup")
    assert done.stderr.count("\n") == 1  # one line for the person, no source line under it
    assert mood_ids(journal) == [1]
    blocker.unlink()
    assert workbook("add", "mood", "--mood", "5", journal=journal).returncode == 0
    assert len(autos(journal)) == 1


def test_backups_lists_newest_first_with_size_entries_and_whether_good(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    moods(journal, 3)
    manual = tmp_path / "journal.db.backup-20200101T000000.bak"
    assert workbook("backup", str(manual), journal=journal).returncode == 0
    os.utime(manual, (1_600_000_000, 1_600_000_000))
    broken = tmp_path / "journal.db.backup-20200102T000000.bak"
    broken.write_bytes(b"not a journal")
    os.utime(broken, (1_600_000_100, 1_600_000_100))
    listed = workbook("backups", "--json", journal=journal)
    rows = json.loads(listed.stdout)
    assert [Path(row["path"]).name for row in rows][1:] == [broken.name, manual.name]
    auto = rows[0]
    assert Path(auto["path"]).parent == backups.auto_folder(journal) and auto["good"]
    assert auto["entries"] == 3 + 0 and auto["size"] > 0
    assert {row["path"]: row["good"] for row in rows}[str(broken)] is False
    assert "good" in workbook("backups", journal=journal).stdout


def test_losing_the_journal_after_k_saves_loses_only_what_came_after_the_last_backup(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    saves = 2 * backups.EVERY + 17
    moods(journal, saves, one_by_one=True)
    newest = backups.newest_good(journal)
    kept = mood_ids(newest)
    damage(journal)
    refused = workbook("add", "mood", "--mood", "3", journal=journal)
    assert refused.returncode == 2 and str(newest) in refused.stderr
    assert "workbook restore --latest" in refused.stderr
    put_back = workbook("restore", "--latest", "--yes", journal=journal)
    assert put_back.returncode == 0, put_back.stderr
    assert mood_ids(journal) == kept == list(range(1, len(kept) + 1))
    # backups followed saves 1, 51 and 101: the 16 saves since are all that is lost (never more than EVERY)
    assert saves - len(kept) == (saves - 1) % backups.EVERY == 16


def test_restore_latest_with_no_backup_says_so_and_changes_nothing(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    Journal(journal).close()
    before = journal.read_bytes()
    refused = workbook("restore", "--latest", "--yes", journal=journal)
    assert refused.returncode == 2
    assert refused.stderr.strip() == f"error: --latest: there is no good backup of {journal} to put back"
    assert journal.read_bytes() == before


def test_forget_through_a_link_deletes_the_real_journal_its_backups_and_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "journal.db"
    moods(real, 2)
    assert workbook("backup", journal=real).returncode == 0
    link = tmp_path / "journal.db"
    link.symlink_to(real)
    assert workbook("add", "mood", "--mood", "4", journal=link).returncode == 0
    assert backups.backups_of(real)  # the automatic one and the one made by hand
    done = workbook("forget", "--yes", journal=link)
    assert done.returncode == 0, done.stderr
    assert f"Deleted {real}\n" in done.stdout and f"is a link to {real}" in done.stdout
    assert not real.exists() and not link.is_symlink()
    assert sorted(os.listdir(real.parent)) == []


def test_backup_never_names_its_copy_as_the_journals_own_wal_file(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    assert workbook("add", "mood", "--mood", "5", journal=journal).returncode == 0
    done = workbook("backup", str(tmp_path / "journal.db-wal"), journal=journal)
    assert done.returncode == 2
    assert done.stderr.startswith("error: DEST: ") and "journal's own files" in done.stderr
    assert not (tmp_path / "journal.db-wal").exists() or (tmp_path / "journal.db-wal").stat().st_size == 0


def test_a_journal_named_by_a_relative_path_lists_each_backup_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "journal.db"
    assert workbook("add", "mood", "--mood", "5", journal=journal).returncode == 0
    monkeypatch.chdir(tmp_path)
    found = backups.backups_of(Path("journal.db"))
    assert [path.name for path in found] == [path.name for path in autos(journal)]
    assert len(found) == 1
