"""Hostile and mistaken input to the command line: one ``error:`` line naming the field, exit 2, nothing changed.

One row per case.  Each runs ``workbook --journal J ARGS`` against a journal
holding one rejected application (id 1), its feedback and a mood; the error
line must name what the row says, and the journal and every file the case was
given must be exactly as they were.
"""

from __future__ import annotations

import functools
import sqlite3
import tempfile
from pathlib import Path

import pytest

from reliability.harness import Refusal, check_refusal, content, seed, table, workbook

HUGE = "100000000000000000000000"  # more than SQLite's 64-bit integers hold
APP = ("add", "application", "--company", "Initech", "--role", "Tester", "--applied-on", "2025-04-01")
MOOD = ("add", "mood", "--mood", "5")


def app_with(*changes: str) -> tuple[str, ...]:
    """``add application`` with some options given again (argparse keeps the last)."""
    return (*APP, *changes)


@functools.cache
def damaged_journal() -> bytes:
    """A real journal whose pages after the first are junk: "database disk image is malformed"."""
    with tempfile.TemporaryDirectory() as tmp:
        path = seed(Path(tmp) / "journal.db")
        data = bytearray(path.read_bytes())
    data[4096:] = b"\x7f" * (len(data) - 4096)
    return bytes(data)


@functools.cache
def other_programs_file() -> bytes:
    """An SQLite file of some other program (not WAL, no user_version)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notes.db"
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('shopping list')")
        conn.commit()
        conn.close()
        return path.read_bytes()


CASES = [
    # add application: each field refused at the boundary, by name
    Refusal("app-company-empty", app_with("--company", ""), ("company",)),
    Refusal("app-company-only-spaces", app_with("--company", "   "), ("company",)),
    Refusal("app-company-201-characters", app_with("--company", "x" * 201), ("company",)),
    Refusal("app-role-empty", app_with("--role", ""), ("role",)),
    Refusal("app-applied-on-a-word", app_with("--applied-on", "tomorrow"), ("applied_on",)),
    Refusal("app-applied-on-30-february", app_with("--applied-on", "2026-02-30"), ("applied_on",)),
    Refusal("app-applied-on-in-the-future", app_with("--applied-on", "2999-01-01"), ("applied_on",)),
    Refusal("app-applied-on-year-25-typo", app_with("--applied-on", "0025-01-01"), ("applied_on", "1900")),
    Refusal("app-applied-on-1899", app_with("--applied-on", "1899-12-31"), ("applied_on", "1900")),
    Refusal("app-applied-on-sql-fragment", app_with("--applied-on", "2025-01-01' OR 1=1"), ("applied_on",)),
    Refusal("app-stage-unknown", app_with("--stage", "boss"), ("stage",)),
    Refusal("app-outcome-unknown", app_with("--outcome", "maybe"), ("outcome",)),
    Refusal("app-rejected-without-a-date", app_with("--outcome", "rejected"), ("outcome_on",)),
    Refusal("app-pending-with-a-date", app_with("--outcome-on", "2025-04-02"), ("outcome_on",)),
    Refusal(
        "app-outcome-before-applied",
        app_with("--outcome", "rejected", "--outcome-on", "2025-03-01"),
        ("outcome_on",),
    ),
    Refusal("app-channel-unknown", app_with("--channel", "carrier pigeon"), ("channel",)),
    Refusal("app-notes-over-the-limit", app_with("--notes", "n" * 20_001), ("notes",)),
    Refusal("app-stage-on-before-applied", app_with("--stage", "screen", "--stage-on", "2025-01-01"), ("stage_on",)),
    # add mood
    Refusal("mood-zero", (*MOOD, "--mood", "0"), ("mood",)),
    Refusal("mood-eleven", (*MOOD, "--mood", "11"), ("mood",)),
    Refusal("mood-a-word", (*MOOD, "--mood", "five"), ("mood",)),
    Refusal("mood-a-fraction", (*MOOD, "--mood", "5.5"), ("mood",)),
    Refusal("mood-negative", (*MOOD, "--mood", "-5"), ("mood",)),
    Refusal("mood-too-large-for-sqlite", (*MOOD, "--mood", HUGE), ("mood",)),
    Refusal("mood-energy-zero", (*MOOD, "--energy", "0"), ("energy",)),
    Refusal("mood-energy-six", (*MOOD, "--energy", "6"), ("energy",)),
    Refusal("mood-energy-a-word", (*MOOD, "--energy", "high"), ("energy",)),
    Refusal("mood-at-a-word", (*MOOD, "--at", "yesterday"), ("at",)),
    Refusal("mood-at-in-the-future", (*MOOD, "--at", "2999-01-01T10:00"), ("at",)),
    Refusal("mood-at-year-1-with-offset", (*MOOD, "--at", "0001-01-01T00:00+01:00"), ("at",)),
    Refusal("mood-at-year-1600", (*MOOD, "--at", "1600-01-01T10:00"), ("at", "1900")),
    Refusal("mood-at-30-february", (*MOOD, "--at", "2025-02-30T10:00"), ("at",)),
    Refusal("mood-context-unknown", (*MOOD, "--context", "sometimes"), ("context",)),
    Refusal("mood-application-missing", (*MOOD, "--application", "999"), ("application",)),
    Refusal("mood-application-too-large-for-sqlite", (*MOOD, "--application", HUGE), ("application|" + HUGE,)),
    Refusal("mood-application-a-word", (*MOOD, "--application", "abc"), ("application",)),
    Refusal("mood-application-zero", (*MOOD, "--application", "0"), ("application",)),
    Refusal("mood-emotion-with-semicolon", (*MOOD, "--emotions", "sad;angry"), ("emotions",)),
    Refusal("mood-emotion-101-characters", (*MOOD, "--emotions", "e" * 101), ("emotions",)),
    Refusal("mood-tag-with-semicolon", (*MOOD, "--tags", "walk;run"), ("tags",)),
    Refusal("mood-note-over-the-limit", (*MOOD, "--note", "n" * 20_001), ("note",)),
    # update application 1 (rejected on 2025-03-13 after applying on 2025-03-03)
    Refusal("update-missing-id", ("update", "application", "999", "--stage", "final"), ("999",)),
    Refusal("update-id-too-large-for-sqlite", ("update", "application", HUGE, "--stage", "final"), (HUGE,)),
    Refusal("update-pending-keeps-a-date", ("update", "application", "1", "--outcome", "pending"), ("outcome_on",)),
    Refusal("update-stage-unknown", ("update", "application", "1", "--stage", "boss"), ("stage",)),
    Refusal("update-applied-in-the-future", ("update", "application", "1", "--applied-on", "2999-01-01"), ("applied_on",)),
    Refusal(
        "update-applied-after-the-outcome",
        ("update", "application", "1", "--applied-on", "2025-03-20"),
        ("outcome_on",),
    ),
    Refusal("update-company-empty", ("update", "application", "1", "--company", ""), ("company",)),
    # the kinds of "keep the door open" and the check-in, against application 1
    Refusal("feedback-text-empty", ("add", "feedback", "--application", "1", "--text", ""), ("text",)),
    Refusal("feedback-theme-unknown", ("add", "feedback", "--application", "1", "--text", "x", "--themes", "charm"), ("themes",)),
    Refusal("feedback-application-missing", ("add", "feedback", "--application", "999", "--text", "x"), ("application",)),
    Refusal("person-name-empty", ("add", "person", "--application", "1", "--name", " "), ("name",)),
    Refusal("person-application-too-large", ("add", "person", "--application", HUGE, "--name", "Dana"), ("application|" + HUGE,)),
    Refusal("followup-kind-unknown", ("add", "followup", "--application", "1", "--kind", "letter"), ("kind",)),
    Refusal(
        "followup-done-before-noted",
        ("add", "followup", "--application", "1", "--kind", "reconnect", "--created-on", "2025-03-13", "--done-on", "2025-03-01"),
        ("done_on",),
    ),
    Refusal("followup-done-in-the-future", ("add", "followup", "--application", "1", "--kind", "reconnect", "--done-on", "2999-01-01"), ("done_on",)),
    Refusal("followup-update-missing-id", ("update", "followup", "999", "--done"), ("999",)),
    Refusal("followups-due-a-word", ("list", "followups", "--due", "soon"), ("--due",)),
    Refusal("review-rating-six", ("add", "review", "--application", "1", "--held-on", "2025-03-10", "--ratings", "preparation=6"), ("ratings",)),
    Refusal("review-rating-twice", ("add", "review", "--application", "1", "--held-on", "2025-03-10", "--ratings", "preparation=3,preparation=4"), ("ratings",)),
    Refusal("review-dimension-unknown", ("add", "review", "--application", "1", "--held-on", "2025-03-10", "--ratings", "charm=4"), ("ratings",)),
    Refusal("review-rating-too-large", ("add", "review", "--application", "1", "--held-on", "2025-03-10", "--ratings", f"preparation={HUGE}"), ("ratings",)),
    Refusal("review-held-in-the-future", ("add", "review", "--application", "1", "--held-on", "2999-01-01", "--ratings", "preparation=4"), ("held_on",)),
    Refusal("want-zero", ("add", "want", "--application", "1", "--wanted", "0"), ("wanted",)),
    Refusal("want-nothing-given", ("add", "want", "--application", "1"), ("wanted",)),
    Refusal("want-draw-with-semicolon", ("add", "want", "--application", "1", "--draws", "remote;hybrid"), ("draws",)),
    Refusal("checkin-one-answer-missing", ("add", "checkin", "--answers", "recover_quickly=4"), ("answers",)),
    Refusal("checkin-answer-out-of-range", ("add", "checkin", "--answers", "recover_quickly=6,hard_to_return=2,get_through=4,knocked_back=2,steady_again=4,hard_to_shake=3"), ("answers",)),
    Refusal("checkin-statement-unknown", ("add", "checkin", "--answers", "sleep=3"), ("answers",)),
    Refusal("checkin-answers-malformed", ("add", "checkin", "--answers", "recover_quickly:4"), ("answers",)),
    # delete
    Refusal("delete-missing-id", ("delete", "mood", "999", "--yes"), ("999",)),
    Refusal("delete-without-yes", ("delete", "mood", "1"), ("--yes",)),
    Refusal("delete-id-too-large-for-sqlite", ("delete", "application", HUGE, "--yes"), (HUGE,)),
    # the journal file itself, and where output goes
    Refusal("list-journal-under-a-regular-file", ("list", "moods"), ("file.txt",), {"file.txt": "x"}, "{in}/file.txt/j.db"),
    Refusal("metrics-journal-is-a-folder", ("metrics",), ("{in}",), {"folder": None}, "{in}/folder"),
    Refusal("list-journal-not-sqlite", ("list", "moods"), ("junk.db",), {"junk.db": b"not a database " * 300}, "{in}/junk.db"),
    Refusal("list-journal-damaged", ("list", "moods"), ("damaged.db",), {"damaged.db": damaged_journal()}, "{in}/damaged.db"),
    Refusal("metrics-journal-damaged", ("metrics",), ("damaged.db",), {"damaged.db": damaged_journal()}, "{in}/damaged.db"),
    Refusal(
        "list-another-programs-sqlite-file",
        ("list", "moods"),
        ("notes.db",),
        {"notes.db": other_programs_file()},
        "{in}/notes.db",
    ),
    Refusal("report-into-a-folder", ("report", "{in}/folder"), ("{in}/folder",), {"folder": None}),
    Refusal("report-under-a-regular-file", ("report", "{in}/file.txt/report.html"), ("file.txt",), {"file.txt": "x"}),
    Refusal("export-into-a-regular-file", ("export", "{in}/file.txt"), ("file.txt",), {"file.txt": "x"}),
    Refusal("export-json-under-a-regular-file", ("export", "{in}/file.txt/out", "--format", "json"), ("file.txt",), {"file.txt": "x"}),
]  # fmt: skip


@pytest.mark.parametrize("case", table(CASES))
def test_hostile_command_line_input_is_refused_in_one_line(case: Refusal, tmp_path: Path, capsys) -> None:
    check_refusal(case, tmp_path, capsys)


@pytest.mark.parametrize(
    ("option", "raw"),
    [
        ("--company", b"\xff\xfeInitech"),
        ("--role", b"Tester \xc3\x28"),
        ("--notes", b"\xed\xa0\x80 lone surrogate"),
    ],
    ids=["company-invalid-utf8", "role-invalid-utf8", "notes-encoded-surrogate"],
)
def test_invalid_utf8_in_an_argument_is_refused_in_one_line(tmp_path: Path, option: str, raw: bytes) -> None:
    journal = seed(tmp_path / "journal.db")
    before = content(journal)
    done = workbook(*APP, option, raw, journal=journal)  # given again, the option's last value counts
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert option.lstrip("-") in lines[0], lines[0]
    assert content(journal) == before
