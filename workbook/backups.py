"""Backups of a journal: take a consistent copy, put one back, or forget the journal altogether.

Every backup of a journal ``X.db`` sits beside it and is named ``X.db.*.bak``
(``X.db.backup-<stamp>.bak`` from :func:`backup`, ``X.db.replaced-<stamp>.bak``
for the journal a restore replaced, ``X.db.v1-<stamp>.bak`` from a migration),
so :func:`forget` can find them all.  Copies are taken with SQLite's online
backup API through a connection of their own: a notebook may go on writing
while a backup runs, and the copy is the journal as it was at one moment.
Backups are single files (rollback journal mode, no ``-wal`` beside them),
private (0600), and are never written over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from workbook.errors import JournalError, ValidationError
from workbook.files import private_dir, private_opener
from workbook.schema import CURRENT_VERSION

#: How long a backup waits for a writer that holds the journal, in seconds.
BUSY_TIMEOUT = 5
#: The files beside a journal that belong to it while it is open.
SIDE_FILES = ("-wal", "-shm", "-journal")


def stamp(now: dt.datetime | None = None) -> str:
    """A timestamp for a backup's name: ``20261126T021634``."""
    return (now or dt.datetime.now()).strftime("%Y%m%dT%H%M%S")


def default_backup_path(journal: Path, now: dt.datetime | None = None) -> Path:
    """Where ``workbook backup`` puts a copy by default: ``<journal>.backup-<stamp>.bak`` beside it."""
    return journal.with_name(f"{journal.name}.backup-{stamp(now)}.bak")


def backup(journal: Path, dest: Path | None = None) -> Path:
    """Copy ``journal`` to ``dest`` (default :func:`default_backup_path`) while it may be in use; return it.

    ``dest`` may name a folder, to hold a copy under the default name.  An
    existing file is never written over.
    """
    _require_journal(journal)
    target = dest or default_backup_path(journal)
    if target.is_dir():
        target = target / default_backup_path(journal).name
    if target.exists() or target.is_symlink():
        raise ValidationError("DEST", f"{target} already exists; choose a new name, nothing was written")
    private_dir(target.parent)
    with _connection(journal) as source:
        _copy(source, target)
    return target


def backups_of(journal: Path) -> list[Path]:
    """Every backup beside ``journal`` (``<journal>.*.bak``), oldest name first."""
    if not journal.parent.is_dir():
        return []
    prefix = journal.name + "."
    return sorted(
        entry
        for entry in journal.parent.iterdir()
        if entry.name.startswith(prefix) and entry.name.endswith(".bak") and not entry.is_dir()
    )


def forget_targets(journal: Path) -> list[Path]:
    """The files :func:`forget` would delete: the journal, its -wal/-shm, and every backup beside it."""
    own = [journal, *(journal.with_name(journal.name + side) for side in SIDE_FILES)]
    return [path for path in own if path.exists() or path.is_symlink()] + backups_of(journal)


def forget(journal: Path) -> list[Path]:
    """Delete the journal, its -wal and -shm files and every backup beside it; return what went."""
    removed = []
    for path in forget_targets(journal):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


@contextlib.contextmanager
def staged_restore(file: Path, journal: Path) -> Iterator[Path]:
    """A checked copy of backup ``file``, staged beside ``journal``; removed on exit unless put in place.

    ``file`` is only read: it is copied through a read-only connection, and the
    checks (a sound SQLite file holding a Rebound journal this version can
    open) run on the copy.
    """
    if not file.is_file():
        raise ValidationError("FILE", f"{file} is not a file")
    private_dir(journal.parent)
    staged = journal.with_name(f".{journal.name}.restoring-{os.getpid()}")
    try:
        try:
            with contextlib.closing(
                sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
            ) as source:
                _copy(source, staged)
            _check_journal(staged, file)
        except sqlite3.DatabaseError as error:
            raise ValidationError(
                "FILE", f"{file} is not a Rebound journal ({error}); nothing was changed"
            ) from None
        yield staged
    finally:
        staged.unlink(missing_ok=True)


def put_back(staged: Path, journal: Path) -> Path | None:
    """Put a staged copy in place of ``journal`` atomically; return the backup of the journal it replaced.

    The replaced journal is first copied, with everything in its -wal, to
    ``<journal>.replaced-<stamp>.bak``; its -wal and -shm go, so nothing stale
    is ever replayed onto the restored file.
    """
    replaced = None
    if journal.exists():
        replaced = backup(journal, journal.with_name(f"{journal.name}.replaced-{stamp()}.bak"))
    for side in SIDE_FILES:
        journal.with_name(journal.name + side).unlink(missing_ok=True)
    os.replace(staged, journal)
    return replaced


def _require_journal(journal: Path) -> None:
    if not journal.is_file():
        raise JournalError(f"journal: {journal}: there is no journal there to copy")


@contextlib.contextmanager
def _connection(journal: Path) -> Iterator[sqlite3.Connection]:
    # A connection of our own, so the copy never shares a transaction with the journal's writers.
    conn = sqlite3.connect(journal, timeout=BUSY_TIMEOUT)
    try:
        yield conn
    finally:
        conn.close()


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` into a new private file ``target`` in one step (one consistent snapshot)."""
    os.close(private_opener(str(target), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    try:
        with contextlib.closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
            # A backup is one self-contained file: no -wal beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _check_journal(copy: Path, named: Path) -> None:
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if problems != ["ok"]:
        raise ValidationError("FILE", f"{named} is damaged ({problems[0]}); nothing was changed")
    if version < 1 or "applications" not in tables:
        raise ValidationError("FILE", f"{named} is not a Rebound journal; nothing was changed")
    if version > CURRENT_VERSION:
        raise ValidationError(
            "FILE",
            f"{named} was written by a newer version of Rebound (schema {version}); "
            "upgrade Rebound to restore it. Nothing was changed.",
        )
