"""Opening the journal's SQLite file safely, and SQLite's failures in words.

Opening follows one order so that nothing changes a file before it is known to
be a journal, and so that any number of programs may open a new journal at
once: create the file race-free (0600, in a 0700 folder), look at what it is
(read only), upgrade its schema under the write lock (re-reading the version
once the lock is held, after a private backup), and only then switch it to WAL.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

from workbook import messages
from workbook.errors import DamagedJournalError, JournalBusyError, JournalError, StorageError
from workbook.files import open_private, private_dir, private_opener
from workbook.holders import holders
from workbook.privacy_check import check_before_open, check_file, check_folder, real_folder
from workbook.schema import CURRENT_VERSION, MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLite's primary result codes that have a plain explanation.
_READONLY, _BUSY, _LOCKED, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 8, 5, 6, 10, 11, 13, 14, 26


def connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """Open (creating when missing) the journal at ``path``, at the current schema, in WAL mode.

    A journal others could read, or one in a folder others could write to, is
    refused before anything is written (:mod:`workbook.privacy_check`).  A
    damaged one is refused naming its newest good backup (:func:`check_sound`).
    A journal on a read-only disk (or a file or folder not writable) is opened
    read-only: it can be read, and :func:`is_read_only` tells writers to refuse.
    """
    check_before_open(path)  # a file, the person's own: looked at, never opened (a named pipe would hang)
    private_dir(path.parent)
    check_folder(real_folder(path), path)
    try:
        os.close(private_opener(str(path), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        pass  # it exists, or another program created it a moment ago: both are fine
    _check_header(path)
    read_only = not writable(path)
    try:
        conn = _open(path, busy_timeout, read_only)
    except sqlite3.Error as error:
        raise translate(error, path, busy_timeout) from error
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        _identify(conn, path)
        check_file(path)  # after it is known to be a journal, before anything is written into it
        check_sound(conn, path)  # a damaged file is never migrated, switched to WAL or written to
        if read_only:
            _refuse_old_read_only(conn, path)
        else:
            migrate(conn, path)
            _use_wal(conn, busy_timeout)
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        conn.close()
        raise translate(error, path, busy_timeout) from error
    except BaseException:
        conn.close()
        raise
    return conn


def translate(error: sqlite3.Error, path: Path, busy_timeout: float) -> JournalError:
    """The project's own error for an SQLite failure on the journal at ``path``."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(error).lower()
    if code in (_BUSY, _LOCKED) or "database is locked" in text:
        who = holders(path)
        names = ", ".join(who) if who else "another program"
        them = "them" if len(who) > 1 else "it"
        return JournalBusyError(
            f"journal: {path}: {names} kept it locked for more than {busy_timeout:g} seconds; "
            f"close {them} and try again"
        )
    if code == _FULL or "disk is full" in text:
        reason = "the disk is full; free some space and try again"
    elif code == _READONLY or "readonly" in text:
        reason = messages.JOURNAL_READ_ONLY
    elif code in (_CORRUPT, _NOTADB) or "malformed" in text:
        return DamagedJournalError(damaged_message(path, str(error)))
    elif code == _IOERR:
        reason = f"the disk could not be read or written ({error})"
    elif code == _CANTOPEN:
        reason = f"the file could not be opened ({error})"
    else:
        reason = str(error)
    return StorageError(f"journal: {path}: {reason}")


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file to the current schema, backing it up first when it holds an older one.

    The version is read again once the write lock is held, so that of several
    programs opening one new journal at once, exactly one builds it.
    """
    version = _version(conn)
    if version == CURRENT_VERSION:
        return
    backup = None
    while True:
        # SQLite cannot copy a file while this connection holds its write lock, so
        # copy first, then lock, and copy again if another program wrote in between.
        seen = conn.execute("PRAGMA data_version").fetchone()[0]
        if 0 < version < CURRENT_VERSION:
            backup = _backup(conn, path, version, backup)
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("PRAGMA data_version").fetchone()[0] == seen:
            break
        conn.execute("ROLLBACK")
        version = _version(conn)
    try:
        version = _version(conn)
        for number in range(version, CURRENT_VERSION):
            _run_script(conn, MIGRATIONS[number], number + 1, path, backup)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _run_script(conn: sqlite3.Connection, script: str, target: int, path: Path, backup: Path | None) -> None:
    try:
        for statement in _statements(script):
            conn.execute(statement)
    except sqlite3.Error as error:
        restore = (
            f" A copy from before is at {backup}; to go back to it, run: workbook restore {backup}"
            if backup
            else ""
        )
        raise StorageError(
            f"journal: {path}: could not upgrade to schema {target} ({error}); "
            f"the file was not changed.{restore}"
        ) from error


def _statements(script: str) -> list[str]:
    """Split a migration into single statements (``execute`` runs one at a time, inside our transaction)."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _check_header(path: Path) -> None:
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise JournalError(
            f"journal: {path}: is not a Rebound journal (not an SQLite file); it was not changed."
        )


def _identify(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file from a newer Rebound or from another program, before anything changes it."""
    # One statement, so both answers come from the same moment: a program building
    # this journal right now is seen either not at all or finished.
    version, tables = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if version > CURRENT_VERSION:
        raise JournalError(
            f"journal: {path}: was written by a newer version of Rebound (schema {version}; "
            f"this one knows up to {CURRENT_VERSION}). Upgrade Rebound to open it; the file was not changed."
        )
    if version == 0 and tables:
        raise JournalError(
            f"journal: {path}: is an SQLite file but not a Rebound journal; it was not changed."
        )


def _use_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    # Switching needs a moment alone with the file; another program opening it
    # at the same time makes SQLite say "locked" at once, so wait and try again.
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() == "wal":
                return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")
        time.sleep(0.02)


def _backup(conn: sqlite3.Connection, path: Path, version: int, target: Path | None) -> Path:
    """Copy the journal, private, to ``X.db.v<version>-<stamp>.bak`` beside it (or over ``target``)."""
    if target is None:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    open_private(target, "wb").close()
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


def writable(path: Path) -> bool:
    """Whether the journal at ``path`` can be written: the file and its real folder (a read-only disk is not)."""
    return os.access(path, os.W_OK) and os.access(real_folder(path), os.W_OK)


def is_read_only(conn: sqlite3.Connection) -> bool:
    """Whether ``conn`` was opened read-only by :func:`connect`."""
    return bool(conn.execute("PRAGMA query_only").fetchone()[0])


def check_sound(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged journal (SQLite's quick check) in one line naming its newest good backup."""
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    if problems != ["ok"]:
        raise DamagedJournalError(damaged_message(path, problems[0]))


def damaged_message(path: Path, problem: str) -> str:
    """The one line for a damaged journal: what is wrong, and the newest good backup with its command."""
    from workbook.backups import newest_good  # backups imports this module

    good = newest_good(path)
    if good is None:
        return messages.JOURNAL_DAMAGED_NO_BACKUP.format(path=path, problem=_short(problem))
    return messages.JOURNAL_DAMAGED.format(
        path=path, problem=_short(problem), backup=good, taken=_taken(good)
    )


def _short(problem: str) -> str:
    return " ".join(problem.split())[:120]


def _taken(backup: Path) -> str:
    return dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def _open(path: Path, busy_timeout: float, read_only: bool) -> sqlite3.Connection:
    # Any thread may use the connection (a form's callback runs on a kernel subshell's thread):
    # Journal serialises every use with its lock.
    if not read_only:
        return sqlite3.connect(path, isolation_level=None, timeout=busy_timeout, check_same_thread=False)
    # On a read-only disk nothing can change the file, so SQLite may skip the -wal/-shm it cannot create;
    # a -wal left holding changes must still be read, so then SQLite is left to read it.
    real = Path(os.path.realpath(path))
    wal = real.with_name(real.name + "-wal")
    settled = not wal.exists() or wal.stat().st_size == 0
    immutable = "&immutable=1" if settled and not os.access(real_folder(path), os.W_OK) else ""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro{immutable}",
        uri=True,
        isolation_level=None,
        timeout=busy_timeout,
        check_same_thread=False,
    )
    conn.execute("PRAGMA query_only = ON")
    return conn


def _refuse_old_read_only(conn: sqlite3.Connection, path: Path) -> None:
    if _version(conn) < CURRENT_VERSION:
        raise StorageError(messages.JOURNAL_READ_ONLY_OLD.format(path=path))
