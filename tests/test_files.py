"""Files the package writes are private: 0600 files, 0700 new folders, new or overwritten."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from workbook.errors import ValidationError
from workbook.files import not_a_file, open_private, private_dir, same_file, write_private_text
from workbook.outputs import check_output


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


# --- what is a file, and what may be written ---------------------------------------------------


def test_not_a_file_tells_each_kind_by_looking_only(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(tmp_path / "sock"))
        found = {name: not_a_file(tmp_path / name) for name in ("pipe", "sock")}
    (tmp_path / "plain").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "pipe")

    assert found == {"pipe": "is a named pipe (FIFO), not a file", "sock": "is a socket, not a file"}
    assert not_a_file(tmp_path / "link") == "is a named pipe (FIFO), not a file"
    assert not_a_file(tmp_path) == "is a folder, not a file"
    assert not_a_file("/dev/null") == "is a device, not a file"
    assert not_a_file(tmp_path / "plain") is None and not_a_file(tmp_path / "missing") is None


def test_same_file_sees_links_and_names_yet_to_be_written(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("x")
    (tmp_path / "soft").symlink_to(real)
    (tmp_path / "hard").hardlink_to(real)

    assert same_file(tmp_path / "soft", real) and same_file(tmp_path / "hard", real)
    assert same_file(tmp_path / "sub" / ".." / "new", tmp_path / "new")
    assert not same_file(tmp_path / "new", real)


def test_check_output_refuses_an_input_and_passes_a_new_file(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("kept")

    with pytest.raises(ValidationError, match=r"^--out: .*in\.csv is read by this command; name a new file"):
        check_output(source, "--out", inputs=[source])

    assert check_output(tmp_path / "out.html", "--out", inputs=[source]) == tmp_path / "out.html"
    assert source.read_text() == "kept"
