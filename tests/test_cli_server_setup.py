"""What ``workbook lab`` / ``workbook app`` hand their server, checked without starting one."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.cli import server
from workbook.demo import is_sample
from workbook.journal import Journal


def test_demo_kernels_get_the_sample_flag_and_know_where_they_run(tmp_path: Path) -> None:
    env = server.server_env(tmp_path / "journal.db", tmp_path / "config", demo=True, mode="app")

    assert env["WORKBOOK_JOURNAL"] == str(tmp_path / "journal.db")
    assert env["WORKBOOK_DEMO"] == "1"
    assert env["WORKBOOK_MODE"] == "app"


def test_a_leftover_demo_variable_never_reaches_the_kernels_without_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBOOK_DEMO", "1")

    env = server.server_env(tmp_path / "journal.db", tmp_path / "config", mode="lab")

    assert "WORKBOOK_DEMO" not in env
    assert env["WORKBOOK_MODE"] == "lab"


def test_demo_builds_the_sample_beside_the_persons_journal_and_leaves_it_alone(tmp_path: Path) -> None:
    own = tmp_path / "data" / "journal.db"
    own.parent.mkdir()

    opened = server.open_in_kernels(own, demo=True)

    assert opened == tmp_path / "data" / "demo.db"
    assert not own.exists()
    with Journal(opened) as journal:
        assert is_sample(journal)


def test_lab_keeps_workspaces_and_settings_in_private_folders_of_the_workbook(tmp_path: Path) -> None:
    state = server.state_folder(tmp_path)

    command = server.lab_command(tmp_path / "notebooks", 8888, tmp_path / "config", state)

    assert f"--LabApp.workspaces_dir={state / 'lab' / 'workspaces'}" in command
    assert f"--LabApp.user_settings_dir={state / 'lab' / 'user-settings'}" in command
    assert state == tmp_path / ".workbook"
    assert all(
        folder.stat().st_mode & 0o777 == 0o700
        for folder in (state, state / "lab", state / "lab" / "workspaces", state / "lab" / "user-settings")
    )
