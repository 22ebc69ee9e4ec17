"""What the reliability tests share: running `workbook` as a person does, and reading a journal's content.

Content is read with plain ``sqlite3`` in read-only mode, never through the
code under test, so a check that "nothing changed" cannot be fooled by it.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Application, FeedbackItem, MoodEntry

ROOT = Path(__file__).resolve().parents[2]
NETGUARD = ROOT / "tests" / "netguard"
#: An application and a mood that every hostile input must leave exactly as they are.
SEED_DAY = dt.date(2025, 3, 3)


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child process: no journal from outside, the network guard on."""
    env = {k: v for k, v in os.environ.items() if k not in ("WORKBOOK_JOURNAL", "WORKBOOK_DEMO")}
    parts = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(NETGUARD)]
    env["PYTHONPATH"] = os.pathsep.join([str(NETGUARD), *parts])
    env.update(extra)
    return env


def workbook(
    *args: str | bytes, journal: Path | None = None, stdin: str = "", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run ``workbook [--journal J] ARGS`` in a child process; stdin is given (empty: no answer)."""
    command: list[str | bytes] = [sys.executable, "-m", "workbook"]
    if journal is not None:
        command += ["--journal", str(journal)]
    command += list(args)
    done = subprocess.run(
        command, input=stdin.encode(), capture_output=True, env=child_env(), timeout=timeout
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def refusal_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one ``error: ...`` line a refused command printed; fails the test for anything else."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def content(path: Path) -> dict[str, list[tuple]] | None:
    """Every row of every table (and the schema version) of the SQLite file at ``path``; None if absent."""
    if not path.exists():
        return None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        found: dict[str, list[tuple]] = {
            table: conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() for table in tables
        }
        found["user_version"] = [conn.execute("PRAGMA user_version").fetchone()]
        return found
    finally:
        conn.close()


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the file at ``path`` ("ok" when it is sound)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def seed(path: Path) -> Path:
    """A journal at ``path`` holding one rejected application, its feedback and a mood."""
    with Journal(path) as journal:
        app = journal.add(
            Application(
                company="Acme",
                role="Analyst",
                applied_on=SEED_DAY,
                stage="interview",
                outcome="rejected",
                outcome_on=SEED_DAY + dt.timedelta(days=10),
                channel="video_call",
            )
        )
        journal.add(FeedbackItem(application_id=app.id, text="More examples, please."))
        journal.add(
            MoodEntry(at=dt.datetime(2025, 3, 13, 18, 0), mood=4, note="Hard day.", application_id=app.id)
        )
    return path
