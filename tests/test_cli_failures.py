"""Every expected failure of `workbook` is one line, `error: <what>: <why>`, exit 2, and changes nothing.

Each row below is one input from issue 10 that used to end in a Python
traceback.  The command runs as a real process against a real journal that
holds one application and one mood; afterwards the journal file must be
byte for byte what it was.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.journal import Journal
from workbook.records import Application, MoodEntry

NOT_UTF8 = b"caf\xe9"  # Latin-1 "café": not valid UTF-8


@dataclass
class Case:
    """One command line that must fail cleanly."""

    name: str
    line: list[str | bytes]  # "{tmp}" stands for the test's folder, "{journal}" for the journal
    says: str  # the start of the one stderr line
    prepare: Callable[[Path], None] | None = None


def write(relative: str, content: bytes) -> Callable[[Path], None]:
    """A prepare step: write ``content`` to ``tmp/relative``, creating its folder."""

    def prepare(tmp: Path) -> None:
        (tmp / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp / relative).write_bytes(content)

    return prepare


def folder(relative: str) -> Callable[[Path], None]:
    """A prepare step: make the folder ``tmp/relative``."""
    return lambda tmp: (tmp / relative).mkdir(parents=True)


HUGE = "100000000000000000000000"
BAD_MOODS = b"id,at,mood\n1,2026-01-01T08:00:00,5\n2,2026-01-02T08:00:00,6 " + NOT_UTF8 + b"\n"
BAD_DAYLIO = (
    b"full_date,date,weekday,time,mood,activities,note_title,note\n2026-01-01,1 Jan,Thu,08:00,good,,,"
    + NOT_UTF8
    + b"\n"
)
BAD_SHEET = b"company,role,applied\n" + NOT_UTF8 + b",Analyst,2026-01-01\n"

CASES = [
    Case("id too large for SQLite: --application", ["add", "mood", "--mood", "5", "--application", HUGE], "error: --application: 100000000000000000000000 is not an id"),
    Case("id too large for SQLite: update", ["update", "application", HUGE, "--stage", "screen"], "error: id: 100000000000000000000000 is not an id"),
    Case("id too large for SQLite: delete", ["delete", "mood", HUGE, "--yes"], "error: id: 100000000000000000000000 is not an id"),
    Case("an id below 1", ["delete", "application", "-5", "--yes"], "error: id: -5 is not an id"),
    Case("invalid UTF-8 in a note", ["add", "mood", "--mood", "5", "--note", NOT_UTF8], "error: --note: holds bytes that are not UTF-8"),
    Case("invalid UTF-8 in a company", ["add", "application", "--company", NOT_UTF8, "--role", "R", "--applied-on", "2026-01-01"], "error: --company: holds bytes that are not UTF-8"),
    Case("invalid UTF-8 in a list of emotions", ["add", "mood", "--mood", "5", "--emotions", b"sad," + NOT_UTF8], "error: --emotions: holds bytes that are not UTF-8"),
    Case("a time zone that moves the year 1 out of range", ["add", "mood", "--mood", "5", "--at", "0001-01-01T00:00+01:00"], "error: "),
    Case("a time zone that moves the year 9999 out of range", ["add", "mood", "--mood", "5", "--at", "9999-12-31T23:59-01:00"], "error: "),
    Case("invalid UTF-8 in an exported folder", ["import", "{tmp}/in"], "error: ", write("in/mood_entries.csv", BAD_MOODS)),
    Case("invalid UTF-8 in a Daylio export", ["import", "daylio", "{tmp}/daylio.csv"], "error: ", write("daylio.csv", BAD_DAYLIO)),
    Case("invalid UTF-8 in a spreadsheet", ["import", "applications", "{tmp}/jobs.csv"], "error: ", write("jobs.csv", BAD_SHEET)),
    Case("a folder in place of a CSV in an exported folder", ["import", "{tmp}/in"], "error: import: {tmp}/in/mood_entries.csv: is a folder, not a file", folder("in/mood_entries.csv")),
    Case("a folder in place of a Daylio CSV", ["import", "daylio", "{tmp}/a-folder"], "error: ", folder("a-folder")),
    Case("a folder in place of a spreadsheet", ["import", "applications", "{tmp}/a-folder"], "error: ", folder("a-folder")),
    Case("export into an existing file", ["export", "{tmp}/taken.txt"], "error: export: {tmp}/taken.txt: is a file, not a folder", write("taken.txt", b"mine")),
    Case("export into a path under a file", ["export", "{tmp}/taken.txt/out"], "error: {tmp}/taken.txt", write("taken.txt", b"mine")),
    Case("export where nobody may write", ["export", "/sys/workbook-export"], "error: /sys/workbook-export: permission denied"),
    Case("report into a folder", ["report", "{tmp}/reports"], "error: report: {tmp}/reports: is a folder; name the file to write", folder("reports")),
    Case("report into a missing folder", ["report", "{tmp}/missing/report.html"], "error: report: {tmp}/missing/report.html: the folder {tmp}/missing does not exist"),
    Case("--journal under a regular file", ["--journal", "{tmp}/notes.txt/j.db", "list", "moods"], "error: {tmp}/notes.txt", write("notes.txt", b"mine")),
    Case("--journal that is not valid UTF-8", ["--journal", b"{tmp}/" + NOT_UTF8 + b".db", "list", "moods"], "error: --journal: holds bytes that are not UTF-8"),
]  # fmt: skip


@pytest.fixture
def journal_with_entries(tmp_path: Path) -> Path:
    """A journal holding one application and one mood."""
    path = tmp_path / "journal.db"
    with Journal(path) as journal:
        journal.add(Application(company="Acme", role="Analyst", applied_on="2026-01-05"))
        journal.add(MoodEntry(at="2026-01-06T09:00", mood=6))
    return path


def workbook(*args: str | bytes, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `workbook ARGS` as a separate process, as from a terminal."""
    env = {k: v for k, v in os.environ.items() if k != "WORKBOOK_JOURNAL"}
    return subprocess.run(
        [sys.executable, "-m", "workbook", *args],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        env=env,
        cwd=cwd,
        timeout=120,
    )


def fingerprint(path: Path) -> str:
    """The journal file's bytes, hashed: any change at all shows."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(word: str | bytes, tmp: Path, journal: Path) -> str | bytes:
    """Put the test's folder and journal into one word of a command line."""
    if isinstance(word, bytes):
        return word.replace(b"{tmp}", os.fsencode(tmp))
    return word.replace("{tmp}", str(tmp)).replace("{journal}", str(journal))


def assert_one_clean_line(result: subprocess.CompletedProcess[str], says: str) -> None:
    """Exit 2, and stderr is exactly one line that starts with ``says``, with no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(says), result.stderr


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_bad_input_is_one_line_and_changes_nothing(
    case: Case, tmp_path: Path, journal_with_entries: Path
) -> None:
    if case.prepare:
        case.prepare(tmp_path)
    before = fingerprint(journal_with_entries)
    line = [fill(word, tmp_path, journal_with_entries) for word in case.line]
    if "--journal" not in line:
        line = ["--journal", str(journal_with_entries), *line]
    result = workbook(*line)
    assert_one_clean_line(result, str(fill(case.says, tmp_path, journal_with_entries)))
    assert fingerprint(journal_with_entries) == before


def test_a_damaged_journal_is_named_and_left_as_it_is(tmp_path: Path, journal_with_entries: Path) -> None:
    # Garbage over every page after the first: SQLite finds the header and then nonsense.
    data = journal_with_entries.read_bytes()
    journal_with_entries.write_bytes(data[:4096] + b"\xde\xad\xbe\xef" * ((len(data) - 4096) // 4))
    before = fingerprint(journal_with_entries)
    result = workbook("--journal", str(journal_with_entries), "list", "moods")
    assert_one_clean_line(result, "error: ")
    assert str(journal_with_entries) in result.stderr
    assert "malformed" in result.stderr or "damaged" in result.stderr
    assert fingerprint(journal_with_entries) == before


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_journal_locked_by_another_program_says_so(journal_with_entries: Path) -> None:
    locker = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(journal_with_entries), "90"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        result = workbook("--journal", str(journal_with_entries), "add", "mood", "--mood", "5")
    finally:
        locker.kill()
        locker.wait()
    assert_one_clean_line(result, "error: ")
    assert str(journal_with_entries) in result.stderr
    assert "close" in result.stderr
    assert "more than 5 seconds" in result.stderr
    with sqlite3.connect(journal_with_entries) as conn:
        assert conn.execute("SELECT count(*) FROM mood_entries").fetchone()[0] == 1


def test_debug_shows_the_traceback(journal_with_entries: Path) -> None:
    result = workbook("--debug", "--journal", str(journal_with_entries), "delete", "mood", "7", "--yes")
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "NotFoundError" in result.stderr


def test_argparse_usage_errors_still_exit_2(journal_with_entries: Path) -> None:
    result = workbook("--journal", str(journal_with_entries), "add", "mood")
    assert result.returncode == 2
    assert "the following arguments are required: --mood" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("list bogus", "error: KIND: invalid choice: 'bogus'"),
        ("list", "error: workbook list: the following arguments are required: KIND"),
        ("export out --format xml", "error: --format: invalid choice: 'xml'"),
    ],
)
def test_a_mistake_argparse_finds_is_one_line_too(
    capsys: pytest.CaptureFixture[str], line: str, expected: str
) -> None:
    assert main(line.split()) == 2
    err = capsys.readouterr().err
    assert err.startswith(expected) and err.count("\n") == 1, err
