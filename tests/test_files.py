"""Files the package writes are private: 0600 files, 0700 new folders, new or overwritten."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workbook.files import open_private, private_dir, write_private_text


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_and_its_new_folders_are_private(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "notes.txt"
    write_private_text(target, "déçu")
    assert target.read_text(encoding="utf-8") == "déçu"
    assert mode(target) == 0o600
    assert mode(tmp_path / "a") == 0o700
    assert mode(tmp_path / "a" / "b") == 0o700


def test_overwriting_a_readable_file_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "old.csv"
    target.write_text("someone else's view of it")
    os.chmod(target, 0o644)
    with open_private(target, "w", encoding="utf-8") as handle:
        handle.write("new")
    assert target.read_text() == "new"
    assert mode(target) == 0o600


def test_existing_folders_keep_their_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    private_dir(shared / "mine")
    assert mode(shared) == 0o755
    assert mode(shared / "mine") == 0o700


def test_a_file_in_the_way_of_a_folder_is_an_os_error(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    with pytest.raises(OSError):
        private_dir(tmp_path / "plain" / "below")


def test_a_file_where_the_folder_should_be_names_the_path(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    with pytest.raises(NotADirectoryError) as caught:
        private_dir(tmp_path / "taken")
    assert caught.value.filename == str(tmp_path / "taken")
    assert caught.value.strerror == "Not a directory"
