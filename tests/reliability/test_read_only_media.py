"""A journal on a read-only disk can be read, and a backup on one can be restored (issue 22, defects 10 and 12).

Root ignores mode bits, so these use a real read-only mount (a tmpfs filled,
then remounted read-only); they are skipped where mounting is not allowed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reliability.harness import refusal_line, workbook
from reliability.safety_files import damage, mood_ids, moods, read_only_disk


def test_a_journal_on_a_read_only_disk_lists_and_refuses_a_write_saying_so(tmp_path: Path) -> None:
    with read_only_disk(tmp_path / "disk") as make_read_only:
        journal = tmp_path / "disk" / "journal.db"
        moods(journal, 3)
        make_read_only()
        before = journal.read_bytes()
        listed = workbook("list", "moods", journal=journal)
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.splitlines()) == 1 + 3
        line = refusal_line(workbook("add", "mood", "--mood", "5", journal=journal))
        assert line.startswith(
            f"error: journal: {journal}: the file or its disk is read-only, so nothing was saved"
        )
        assert journal.read_bytes() == before


def test_restore_reads_a_wal_mode_backup_without_creating_anything_beside_it(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    moods(journal, 4)
    copy = tmp_path / "by-hand" / "copy.db"
    copy.parent.mkdir(mode=0o700)
    shutil.copyfile(journal, copy)  # a copy made by hand of a WAL-mode journal is itself in WAL mode
    assert copy.read_bytes()[18:20] == b"\x02\x02"
    moods(journal, 2)
    refused = workbook("restore", str(copy), journal=journal)  # no answer: declined
    assert refused.returncode == 1
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.db"]
    damaged = copy.with_name("damaged.db")
    shutil.copyfile(journal, damaged)
    damage(damaged)
    assert workbook("restore", str(damaged), "--yes", journal=journal).returncode == 2
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.db", "damaged.db"]
    done = workbook("restore", str(copy), "--yes", journal=journal)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.db", "damaged.db"]
    assert mood_ids(journal) == [1, 2, 3, 4]


def test_restore_from_read_only_media_works(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    moods(journal, 4)
    with read_only_disk(tmp_path / "stick") as make_read_only:
        copy = tmp_path / "stick" / "copy.db"
        shutil.copyfile(journal, copy)
        make_read_only()
        moods(journal, 2)
        done = workbook("restore", str(copy), "--yes", journal=journal)
        assert done.returncode == 0, done.stderr
        assert mood_ids(journal) == [1, 2, 3, 4]
