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
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


# --- the hostile-input tables -------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """One hostile input to the command line: what is typed, and what the one error line must name.

    ``args`` and ``names`` may hold ``{in}``, the folder holding ``files``.  Each
    entry of ``names`` must appear in the error line; ``a|b`` accepts either.
    ``journal`` replaces the seeded journal's path when the case is about the
    journal file itself.
    """

    id: str
    args: tuple[str, ...]
    names: tuple[str, ...]
    files: Mapping[str, str | bytes | None] = field(default_factory=dict)
    journal: str | None = None


def table(cases: list[Refusal]) -> list[Any]:
    """``cases`` as pytest parameters, each with its readable id."""
    import pytest

    ids = [case.id for case in cases]
    assert len(set(ids)) == len(ids), "two cases share an id"
    return [pytest.param(case, id=case.id) for case in cases]


def write_files(folder: Path, files: Mapping[str, str | bytes | None]) -> None:
    """Write ``files`` (relative name -> text, bytes, or None for a folder) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            target.mkdir()
        elif isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8", newline="")


def snapshot_files(folder: Path) -> dict[str, bytes | None]:
    """Every file under ``folder`` with its bytes (folders as None), to prove none was changed."""
    return {
        str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }


def run_main(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    """Call ``workbook.cli.main`` in this process, as the ``workbook`` script does: code, stdout, stderr.

    Anything but a return or SystemExit escapes, and fails the test with its
    traceback: exactly what a person would have seen.
    """
    from workbook.cli import main

    try:
        code = main(argv)
    except SystemExit as leaving:
        code = leaving.code if isinstance(leaving.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def check_refusal(case: Refusal, tmp_path: Path, capsys: Any) -> None:
    """Run ``case`` against a seeded journal: exit 2, one line naming what it must, nothing changed."""
    folder = tmp_path / "in"
    write_files(folder, case.files)
    journal = seed(tmp_path / "journal.db")
    before, before_files = content(journal), snapshot_files(folder)
    target = case.journal.replace("{in}", str(folder)) if case.journal else str(journal)
    argv = ["--journal", target, *(arg.replace("{in}", str(folder)) for arg in case.args)]

    code, _out, err = run_main(argv, capsys)

    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2, f"exit {code}, stderr: {err}"
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for name in case.names:
        options = [option.replace("{in}", str(folder)) for option in name.split("|")]
        assert any(option in lines[0] for option in options), f"{lines[0]!r} does not name {name!r}"
    assert content(journal) == before, "a refused input changed the journal"
    assert snapshot_files(folder) == before_files, "a refused input changed the files it was given"
