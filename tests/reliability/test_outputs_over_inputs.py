"""No command writes over what it reads, and nothing that is not a file is read or written.

Every output path (share, cohort, report, export) is refused in one line when
it is the journal, its -wal/-shm, a backup of it, or one of the command's own
inputs, named directly or through a link; the refused file is left byte for
byte.  A named pipe, a device or a folder given where a file is read is
refused in one line instead of waiting forever: those cases run in a child
process with a timeout, so on a build that hangs they fail instead of hanging.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.harness import child_env, content, refusal_line, run_main, seed, workbook
from workbook import backups

#: Seconds a command may take before it counts as hanging (a child imports pandas for some of them).
PATIENCE = 30


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A seeded journal in its own folder; the working directory is a folder with no workbook in it."""
    monkeypatch.delenv("WORKBOOK_JOURNAL", raising=False)
    monkeypatch.chdir(tmp_path)
    return seed(tmp_path / "d" / "journal.db")


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run_main(argv, capsys)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2, (code, out, err)
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def _bundle(journal: Path, target: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, _out, err = run_main(["--journal", str(journal), "share", str(target), "--yes"], capsys)
    assert code == 0, err
    return target


# --- share over the journal and its files (defect 1) ---------------------------------------------


def test_share_over_the_journal_is_refused_and_every_entry_stays(
    journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, raw = content(journal), journal.read_bytes()

    line = _refused(["--journal", str(journal), "share", str(journal), "--yes"], capsys)

    assert line.startswith("error: OUT.zip: ") and "is your journal" in line and "nothing was written" in line
    assert journal.read_bytes() == raw and content(journal) == before


@pytest.mark.parametrize("how", ["symbolic link", "hard link"])
def test_share_over_a_link_to_the_journal_is_refused(
    journal: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    link = journal.parent / "for-coach.zip"
    (link.symlink_to if how == "symbolic link" else link.hardlink_to)(journal)
    raw = journal.read_bytes()

    line = _refused(["--journal", str(journal), "share", str(link), "--yes"], capsys)

    assert "OUT.zip" in line and "is your journal" in line
    assert journal.read_bytes() == raw and os.path.samefile(link, journal)


@pytest.mark.parametrize("side", backups.SIDE_FILES)
def test_share_onto_a_side_file_of_the_journal_is_refused_and_none_is_made(
    journal: Path, capsys: pytest.CaptureFixture[str], side: str
) -> None:
    target = journal.with_name(journal.name + side)

    line = _refused(["--journal", str(journal), "share", str(target), "--yes"], capsys)

    assert f"is your journal's {side} file" in line
    assert not target.exists()


def test_share_over_a_backup_is_refused_and_the_backup_is_unchanged(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = backups.backup(journal)
    raw = copy.read_bytes()
    elsewhere = tmp_path / "to-coach.zip"
    elsewhere.symlink_to(copy)

    for target in (copy, elsewhere):
        line = _refused(["--journal", str(journal), "share", str(target), "--yes"], capsys)
        assert "backup of your journal" in line

    assert copy.read_bytes() == raw
    new_name = journal.with_name(journal.name + ".for-coach.bak")
    assert "backup of your journal" in _refused(
        ["--journal", str(journal), "share", str(new_name), "--yes"], capsys
    )
    assert not new_name.exists()


def test_share_beside_the_journal_under_a_new_name_still_works(
    journal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _bundle(journal, journal.with_name("journal.db.zip"), capsys)

    assert target.read_bytes()[:2] == b"PK"


# --- cohort over its own bundles (defect 2) -----------------------------------------------------


def test_cohort_over_one_of_its_bundles_is_refused_and_the_bundle_is_kept(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _bundle(journal, tmp_path / "client.zip", capsys)
    second = _bundle(journal, tmp_path / "other.zip", capsys)
    link = tmp_path / "page.html"
    link.symlink_to(second)
    raw = first.read_bytes(), second.read_bytes()

    same = _refused(["cohort", str(first), str(second), "--out", str(first)], capsys)
    linked = _refused(["cohort", str(first), str(second), "--out", str(link)], capsys)

    assert same.startswith(f"error: --out: {first} is read by this command")
    assert linked.startswith(f"error: --out: {link} is read by this command (the same file as {second})")
    assert (first.read_bytes(), second.read_bytes()) == raw


def test_cohort_over_the_persons_journal_is_refused(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _bundle(journal, tmp_path / "client.zip", capsys)
    monkeypatch.setenv("WORKBOOK_JOURNAL", str(journal))
    before = content(journal)

    line = _refused(["cohort", str(bundle), "--out", str(journal)], capsys)

    assert line.startswith("error: --out: ") and "is your journal" in line
    assert content(journal) == before


# --- report and export ---------------------------------------------------------------------------


def test_report_over_the_journal_is_refused(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = journal.read_bytes()

    line = _refused(["--journal", str(journal), "report", str(journal)], capsys)

    assert line.startswith(f"error: report: {journal} is your journal")
    assert journal.read_bytes() == raw


@pytest.mark.parametrize("form", ["csv", "json"])
def test_export_into_the_journals_own_name_is_refused_before_any_file_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir(mode=0o700)
    journal = seed(folder / f"mood_entries.{form}")
    before = content(journal)

    line = _refused(["--journal", str(journal), "export", str(folder), "--format", form], capsys)

    assert line.startswith(f"error: export: {journal} is your journal")
    assert content(journal) == before
    written = [p.name for p in folder.iterdir() if p.suffix == f".{form}"]
    assert written == [journal.name]  # not one export file was written


# --- outputs and inputs that are not files (defect 5) --------------------------------------------


def _child(*args: str, journal: Path | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return workbook(*args, journal=journal, timeout=PATIENCE)
    except subprocess.TimeoutExpired:
        pytest.fail(f"workbook {' '.join(args)} was still waiting after {PATIENCE} s")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe nobody writes to: opening it to read waits forever."""
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", [["list", "moods"], ["add", "mood", "--mood", "5"]])
def test_a_journal_that_is_a_named_pipe_is_refused_at_once(fifo: Path, command: list[str]) -> None:
    line = refusal_line(_child(*command, journal=fifo))

    assert (
        line
        == f"error: journal: {fifo}: is a named pipe (FIFO), not a file; name a journal file with --journal"
    )


@pytest.mark.parametrize(("where", "kind"), [("/dev/null", "a device"), ("{tmp}", "a folder")])
def test_a_journal_that_is_a_device_or_a_folder_is_refused(
    tmp_path: Path, where: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = where.replace("{tmp}", str(tmp_path))

    line = _refused(["--journal", path, "add", "mood", "--mood", "5"], capsys)

    assert line.startswith(f"error: journal: {path}: is {kind}, not a file")


def test_cohort_of_a_named_pipe_is_refused_and_writes_no_page(fifo: Path, tmp_path: Path) -> None:
    page = tmp_path / "x.html"

    line = refusal_line(_child("cohort", str(fifo), "--out", str(page)))

    assert line.startswith(f"error: {fifo}: is a named pipe (FIFO), not a file")
    assert not page.exists()


@pytest.mark.parametrize("source", ["daylio", "applications"])
def test_importing_a_named_pipe_is_refused(journal: Path, fifo: Path, source: str) -> None:
    before = content(journal)

    line = refusal_line(_child("import", source, str(fifo), journal=journal))

    assert line == f"error: import: {fifo}: is a named pipe (FIFO), not a file"
    assert content(journal) == before


def test_importing_a_folder_holding_a_named_pipe_is_refused(journal: Path, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    os.mkfifo(folder / "mood_entries.csv")
    before = content(journal)

    line = refusal_line(_child("import", str(folder), journal=journal))

    assert line == f"error: import: {folder / 'mood_entries.csv'}: is a named pipe (FIFO), not a file"
    assert content(journal) == before


def test_a_template_that_is_a_named_pipe_is_refused_and_builds_nothing(fifo: Path, tmp_path: Path) -> None:
    target = tmp_path / "client"

    line = refusal_line(_child("init", str(target), "--template", str(fifo)))

    assert line == f"error: {fifo}: template: is a named pipe (FIFO), not a file"
    assert not target.exists()


def test_restoring_a_named_pipe_is_refused(journal: Path, fifo: Path) -> None:
    raw = journal.read_bytes()

    refusal_line(_child("restore", str(fifo), "--yes", journal=journal))

    assert journal.read_bytes() == raw


def test_a_report_into_a_named_pipe_is_refused_at_once(journal: Path, fifo: Path) -> None:
    line = refusal_line(_child("report", str(fifo), journal=journal))

    assert line.startswith(f"error: report: {fifo} is a named pipe (FIFO), not a file")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can replace a device node")
def test_share_never_replaces_a_device(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    device = tmp_path / "null"
    subprocess.run(["mknod", str(device), "c", "1", "3"], check=True)

    line = _refused(["--journal", str(journal), "share", str(device), "--yes"], capsys)

    assert line.startswith(f"error: OUT.zip: {device} is a device, not a file")
    assert device.is_char_device()


def test_a_report_to_an_ordinary_new_file_is_still_written(journal: Path) -> None:
    out = journal.parent / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "workbook", "--journal", str(journal), "report", str(out)],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=PATIENCE,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


@pytest.mark.parametrize("command", ["share", "report"])
@pytest.mark.parametrize("name", ["workbook.toml", "coach.yaml"])
def test_share_and_report_never_write_over_the_workbook_folders_settings_or_template(
    journal: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    name: str,
) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "workbook.toml").write_text('[workbook]\ntitle = "Mine"\ntemplate = "coach.yaml"\n')
    (folder / "coach.yaml").write_text("title: Coach's workbook\n")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    monkeypatch.chdir(folder)
    argv = ["--journal", str(journal), command, str(folder / name)] + (
        ["--yes"] if command == "share" else []
    )

    line = _refused(argv, capsys)

    assert f"{folder / name} is read by this command" in line
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
