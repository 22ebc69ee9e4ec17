"""When the journal cannot be written (read-only, disk full, locked by another program).

Each gives one clear line (the CLI: ``error: ...``, exit 2), stores nothing
half-written, and the widgets keep what the person typed and say "Not saved".

Tests run as root, and chmod does not stop root from writing.  So the
read-only and full-disk cases run the person's attempt inside a private mount
namespace (``unshare -m``): there the journal's folder is bind-mounted
read-only, or is a 256 kB tmpfs that a filler file has filled.  Nothing is
mounted outside that namespace.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.harness import child_env, content, seed, workbook

SCENARIO = Path(__file__).with_name("storage_scenario.py")
NOT_SAVED = "Not saved: "
STILL_HERE = "Your text is still here."


def _private_mounts_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True
    )
    return probe.returncode == 0


needs_mounts = pytest.mark.skipif(
    not _private_mounts_work(),
    reason="needs `unshare -m` and mount (root in a system that allows private mount namespaces)",
)


def in_namespace(shell_setup: str, *command: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` after ``shell_setup`` (mounts), both in a private mount namespace."""
    script = f'{shell_setup} && exec "$@"'
    return subprocess.run(
        ["unshare", "-m", "sh", "-ec", script, "scenario", *command],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=180,
    )


def scenario(result: subprocess.CompletedProcess[str]) -> dict:
    """The JSON the scenario printed (fails with its stderr when it crashed)."""
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def assert_refused_cleanly(seen: dict, journal: Path) -> None:
    """Every way of saving was refused with one clear line, and nothing was stored."""
    api = seen["api"]
    assert api["error"] is not None, "the journal said it saved while it could not"
    assert "WorkbookError" in api["family"], api
    assert str(journal) in api["message"] and "\n" not in api["message"], api
    assert "not a Rebound journal" not in api["message"], api
    assert seen["after"] == seen["before"], "a refused save changed the journal's counts"
    for name in ("mood_widget", "rejection_widget"):
        status = seen[name]["status"]
        assert status.startswith(NOT_SAVED) and STILL_HERE in status, (name, status)
    assert seen["mood_widget"]["note_kept"] and seen["mood_widget"]["mood"] == 3
    assert seen["rejection_widget"]["kept"] == ["Initech", "Tester", "2025-04-01", True]
    cli = seen["cli"]
    lines = [line for line in cli["stderr"].splitlines() if line.strip()]
    assert cli["returncode"] == 2 and "Traceback" not in cli["stderr"], cli
    assert len(lines) == 1 and lines[0].startswith("error: "), cli


@needs_mounts
def test_a_read_only_journal_refuses_writes_clearly_and_the_widgets_keep_the_text(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    journal = seed(folder / "journal.db")
    before = content(journal)
    # Another program keeps the journal open, so its -wal and -shm exist and reading works read-only.
    holder = sqlite3.connect(journal)
    holder.execute("SELECT count(*) FROM mood_entries").fetchall()
    try:
        read_only = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}"
        seen = scenario(in_namespace(read_only, sys.executable, str(SCENARIO), str(journal)))
    finally:
        holder.close()
    assert_refused_cleanly(seen, journal)
    assert content(journal) == before


@needs_mounts
def test_a_read_only_journal_nobody_holds_open_is_refused_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "journal"
    journal = seed(folder / "journal.db")
    before = content(journal)
    read_only = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}"
    done = in_namespace(
        read_only, sys.executable, "-m", "workbook", "--journal", str(journal), "add", "mood", "--mood", "5"
    )
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(journal) in lines[0], done.stderr
    # Reading a file it cannot open is not a sign that it is some other program's file.
    assert "not a Rebound journal" not in lines[0]
    assert content(journal) == before


@needs_mounts
def test_a_full_disk_refuses_the_save_stores_nothing_and_the_widgets_keep_the_text(tmp_path: Path) -> None:
    folder = tmp_path / "small-disk"
    folder.mkdir()
    journal = folder / "journal.db"
    setup = (
        f"mount -t tmpfs -o size=256k tmpfs {folder} && "
        f"{sys.executable} -c 'import sys; from reliability.harness import seed; from pathlib import Path; "
        f"seed(Path(sys.argv[1]))' {journal}"
    )
    tests_dir = str(Path(__file__).resolve().parents[1])
    result = subprocess.run(
        ["unshare", "-m", "sh", "-ec", f"{setup} && exec \"$@\"", "scenario",
         sys.executable, str(SCENARIO), str(journal), "--fill-disk", str(folder)],
        capture_output=True, text=True, timeout=180,
        env=child_env(PYTHONPATH=f"{child_env()['PYTHONPATH']}:{tests_dir}"),
    )  # fmt: skip
    seen = scenario(result)
    assert_refused_cleanly(seen, journal)
    assert "full" in seen["api"]["message"].lower(), seen["api"]


# --- a journal locked by another program ------------------------------------------

LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def locked_journal(tmp_path: Path):
    """A seeded journal that another process holds with BEGIN EXCLUSIVE until the test ends."""
    journal = seed(tmp_path / "journal.db")
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(journal)], stdout=subprocess.PIPE, text=True, env=child_env()
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        yield journal
    finally:
        locker.kill()
        locker.wait()


def test_a_locked_journal_times_out_with_who_to_close_and_the_widgets_keep_the_text(
    locked_journal: Path,
) -> None:
    before = content(locked_journal)
    done = subprocess.run(
        [sys.executable, str(SCENARIO), str(locked_journal), "--busy-timeout", "0.5"],
        capture_output=True, text=True, env=child_env(), timeout=120,
    )  # fmt: skip
    seen = scenario(done)
    assert_refused_cleanly(seen, locked_journal)
    assert seen["api"]["error"] == "JournalBusyError", seen["api"]
    assert "close" in seen["api"]["message"].lower(), seen["api"]
    # Each save waited the half second it was given, not the old 30 s: the message says how long.
    assert "more than 0.5 seconds" in seen["api"]["message"], seen["api"]
    assert content(locked_journal) == before


def test_the_cli_says_the_journal_is_locked_and_who_to_close(locked_journal: Path) -> None:
    before = content(locked_journal)
    done = workbook("add", "mood", "--mood", "5", journal=locked_journal)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert str(locked_journal) in lines[0] and "close" in lines[0].lower(), lines[0]
    assert "more than 5 seconds" in lines[0], lines[0]  # the CLI's own wait, not the notebooks' 30 s
    assert content(locked_journal) == before
