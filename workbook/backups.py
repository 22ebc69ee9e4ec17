"""Backups of a journal: take a consistent copy, put one back, or forget the journal altogether.

Every backup of a journal ``X.db`` sits beside it and is named ``X.db.*.bak``
(``X.db.backup-<stamp>.bak`` from :func:`backup`, ``X.db.replaced-<stamp>.bak``
for the journal a restore replaced, ``X.db.v1-<stamp>.bak`` from a migration),
or, for the copies Rebound makes by itself (:class:`AutoBackups`), sits in the
private folder ``.X.db.backups/`` beside it as ``X.db.auto-<stamp>-n<mark>.bak``;
:func:`backups_of` and :func:`forget` find them all.  Copies are taken with SQLite's online
backup API through a connection of their own: a notebook may go on writing
while a backup runs, and the copy is the journal as it was at one moment.
Backups are single files (rollback journal mode, no ``-wal`` beside them),
private (0600), and are never written over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workbook import messages
from workbook.errors import JournalError, ValidationError
from workbook.files import private_dir, private_opener, same_file
from workbook.schema import CURRENT_VERSION

#: How long a backup waits for a writer that holds the journal, in seconds.
BUSY_TIMEOUT = 5
#: The files beside a journal that belong to it while it is open.
SIDE_FILES = ("-wal", "-shm", "-journal")
#: An automatic backup is taken after this many changed rows since the last one (a mood is one row).
EVERY = 50
#: Automatic backups kept: the newest few, plus the newest of each of the last days and weeks that have one.
KEEP_NEWEST, KEEP_DAYS, KEEP_WEEKS = 3, 7, 4
_AUTO_NAME = re.compile(r"\.auto-(\d{8}T\d{6}(?:\.\d+)?)-n(\d+)\.bak$")


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
    for named in {journal, Path(os.path.realpath(journal))}:
        if any(same_file(target, named.with_name(named.name + side)) for side in SIDE_FILES):
            raise ValidationError(
                "DEST",
                f"{target} is named as one of your journal's own files; choose a new name, nothing was written",
            )
    if target.exists() or target.is_symlink():
        raise ValidationError("DEST", f"{target} already exists; choose a new name, nothing was written")
    private_dir(target.parent)
    with _connection(journal) as source:
        _copy(source, target)
    return target


def auto_folder(journal: Path) -> Path:
    """The private folder beside ``journal`` that holds its automatic backups: ``.<name>.backups``."""
    return journal.with_name(f".{journal.name}.backups")


def backups_of(journal: Path) -> list[Path]:
    """Every backup of ``journal``: ``<journal>.*.bak`` beside it and its automatic ones, oldest name first."""
    found: list[Path] = []
    for name in dict.fromkeys(
        [journal, Path(os.path.realpath(journal))]
    ):  # a link's backups sit by the real file
        prefix = name.name + "."
        for folder in (name.parent, auto_folder(name)):
            if folder.is_dir() and not folder.is_symlink():
                found += [
                    entry
                    for entry in folder.iterdir()
                    if entry.name.startswith(prefix) and entry.name.endswith(".bak") and not entry.is_dir()
                ]
    # The journal named through a link, or by a relative path, finds the same files twice: keep each once.
    once = {os.path.realpath(path): path for path in reversed(found)}
    return sorted(once.values(), key=lambda path: path.name)


@dataclass(frozen=True)
class BackupInfo:
    """One backup as ``workbook backups`` shows it."""

    path: Path
    taken: dt.datetime
    size: int
    entries: int | None
    good: bool


def listed(journal: Path) -> list[BackupInfo]:
    """Every backup of ``journal``, newest first, each checked (read only, nothing created beside it)."""
    infos = []
    for path in backups_of(journal):
        facts = path.stat()
        entries = _entries(path)
        infos.append(
            BackupInfo(
                path, dt.datetime.fromtimestamp(facts.st_mtime), facts.st_size, entries, entries is not None
            )
        )
    return sorted(infos, key=lambda info: (info.taken, info.path.name), reverse=True)


def newest_good(journal: Path) -> Path | None:
    """The newest backup of ``journal`` that is a sound Rebound journal this version can open, if any."""
    by_age = sorted(backups_of(journal), key=lambda path: (path.stat().st_mtime, path.name), reverse=True)
    return next((path for path in by_age if _entries(path) is not None), None)


def _entries(path: Path) -> int | None:
    """How many entries the backup at ``path`` holds; None when it is damaged or not a journal."""
    try:
        # immutable: a file on read-only media, or a copy made by hand in WAL mode, gets no -wal/-shm beside it.
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        ) as conn:
            if [row[0] for row in conn.execute("PRAGMA quick_check(1)")] != ["ok"]:
                return None
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            if not 1 <= version <= CURRENT_VERSION or "applications" not in tables:
                return None
            return sum(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables)
    except (sqlite3.Error, OSError):
        return None


def forget_targets(journal: Path) -> list[Path]:
    """The files :func:`forget` would delete: the journal, its -wal/-shm, and every backup of it.

    When ``journal`` is a symbolic link, the file it points at (with its side
    files and backups, found beside the real file) goes, and the link too.
    """
    real = Path(os.path.realpath(journal))
    targets: list[Path] = []
    for name in dict.fromkeys([real, journal]):
        own = [name, *(name.with_name(name.name + side) for side in SIDE_FILES)]
        targets += [path for path in own if path.exists() or path.is_symlink()]
    return list(dict.fromkeys(targets + backups_of(journal)))


def forget(journal: Path) -> list[Path]:
    """Delete the journal (what a link points at, and the link), its -wal and -shm and every backup; return what went."""
    removed = []
    names = dict.fromkeys([Path(os.path.realpath(journal)), journal])  # before the link goes
    for path in forget_targets(journal):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    for name in names:
        with contextlib.suppress(FileNotFoundError, OSError):
            auto_folder(name).rmdir()  # only when empty: nothing but its backups was ever in it
    return removed


@contextlib.contextmanager
def staged_restore(file: Path, journal: Path) -> Iterator[Path]:
    """A checked copy of backup ``file``, staged beside ``journal``; removed on exit unless put in place.

    ``file`` is only read, byte for byte (with its -wal when a copy made by hand
    has one), so nothing is ever created beside it, even on read-only media;
    the checks (a sound SQLite file holding a Rebound journal this version can
    open) run on the copy.
    """
    if not file.is_file():
        raise ValidationError("FILE", f"{file} is not a file")
    private_dir(journal.parent)
    staged = journal.with_name(f".{journal.name}.restoring-{os.getpid()}")
    try:
        try:
            _copy_bytes(file, staged)
            wal = file.with_name(file.name + "-wal")
            if wal.is_file() and wal.stat().st_size:
                _copy_bytes(wal, staged.with_name(staged.name + "-wal"))
            _settle(staged)
            _check_journal(staged, file)
        except sqlite3.DatabaseError as error:
            raise ValidationError(
                "FILE", f"{file} is not a Rebound journal ({error}); nothing was changed"
            ) from None
        yield staged
    finally:
        for path in (staged, *(staged.with_name(staged.name + side) for side in SIDE_FILES)):
            path.unlink(missing_ok=True)


def put_back(staged: Path, journal: Path) -> Path | None:
    """Put a staged copy in place of ``journal`` atomically; return the backup of the journal it replaced.

    The replaced journal is first copied, with everything in its -wal, to
    ``<journal>.replaced-<stamp>.bak`` (byte for byte when it is too damaged to
    copy through SQLite); its -wal and -shm go, so nothing stale is ever
    replayed onto the restored file.
    """
    replaced = None
    if journal.exists():
        target = journal.with_name(f"{journal.name}.replaced-{stamp()}.bak")
        try:
            replaced = backup(journal, target)
        except sqlite3.DatabaseError:
            _copy_bytes(journal, target)
            replaced = target
    for side in SIDE_FILES:
        journal.with_name(journal.name + side).unlink(missing_ok=True)
    os.replace(staged, journal)
    return replaced


class AutoBackups:
    """The backups a journal keeps by itself: at the first write of each day, and after every :data:`EVERY`.

    Deciding costs nothing per write: the day and SQLite's count of changed
    rows are kept in memory (the count since the newest backup is read once,
    when the journal opens).  A backup that fails is a warning, never a failed
    save, and the next write tries again.
    """

    def __init__(self, journal: Path, conn: sqlite3.Connection) -> None:
        self.journal = Path(os.path.realpath(journal))  # beside the real file, where forget looks
        self._conn = conn
        newest = max(_auto_backups(journal), default=None, key=lambda found: found[:2])
        self._day = newest[0].date() if newest else None
        self._base = max(0, _mark(conn) - newest[1]) if newest else 0
        self._seen = conn.total_changes

    def after_commit(self) -> Path | None:
        """Take a backup when one is due (call after each commit); return it, or None."""
        if self._day == dt.date.today() and self._base + self._conn.total_changes - self._seen < EVERY:
            return None
        try:
            taken = self.take()
        except (OSError, sqlite3.Error, JournalError) as error:
            # Said as one line (no source line of ours under it): it is for the person, not a programmer.
            warnings.warn_explicit(
                messages.AUTO_BACKUP_FAILED.format(path=self.journal, reason=error), UserWarning, "rebound", 0
            )
            return None
        self._day, self._base, self._seen = dt.date.today(), 0, self._conn.total_changes
        return taken

    def take(self) -> Path:
        """Write an automatic backup now and prune the old ones (see :func:`to_prune`)."""
        if auto_folder(self.journal).is_symlink():  # never follow a link planted where the copies go
            raise JournalError(f"{auto_folder(self.journal)} is a link, not Rebound's own folder")
        folder = private_dir(auto_folder(self.journal))
        now = dt.datetime.now()
        target = folder / f"{self.journal.name}.auto-{now:%Y%m%dT%H%M%S.%f}-n{_mark(self._conn)}.bak"
        _copy(self._conn, target)
        for old in to_prune([path for _, _, path in _auto_backups(self.journal)]):
            old.unlink(missing_ok=True)
        return target


def to_prune(autos: list[Path]) -> list[Path]:
    """The automatic backups the rotation lets go.

    Kept: the newest :data:`KEEP_NEWEST`; the newest of each of the last
    :data:`KEEP_DAYS` days that have one; the newest of each of the last
    :data:`KEEP_WEEKS` weeks that have one.  Everything else goes.
    """
    dated = sorted(((_when(path), path) for path in autos if _when(path)), reverse=True)
    keep = {path for _, path in dated[:KEEP_NEWEST]}
    for period, limit in (
        (lambda when: when.date(), KEEP_DAYS),
        (lambda when: when.isocalendar()[:2], KEEP_WEEKS),
    ):
        seen: dict[object, Path] = {}
        for when, path in dated:
            if len(seen) == limit and period(when) not in seen:
                break
            seen.setdefault(period(when), path)
        keep.update(seen.values())
    return [path for _, path in dated if path not in keep]


def _auto_backups(journal: Path) -> list[tuple[dt.datetime, int, Path]]:
    folder = auto_folder(journal)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        match = _AUTO_NAME.search(name)
        if name.startswith(journal.name + ".") and match:
            found.append((_parse_stamp(match[1]), int(match[2]), folder / name))
    return found


def _when(path: Path) -> dt.datetime | None:
    match = _AUTO_NAME.search(path.name)
    return _parse_stamp(match[1]) if match else None


def _parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y%m%dT%H%M%S.%f" if "." in text else "%Y%m%dT%H%M%S")


def _mark(conn: sqlite3.Connection) -> int:
    """The sum of every table's largest row id: grows by one per row added, read without a scan."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    if not tables:
        return 0
    parts = " + ".join(f'coalesce((SELECT max(rowid) FROM "{table}"), 0)' for table in tables)
    return conn.execute(f"SELECT {parts}").fetchone()[0]


def _copy_bytes(source: Path, target: Path) -> None:
    """Copy ``source`` byte for byte into a new private file ``target`` (only ever reading ``source``)."""
    with open(source, "rb") as reading:
        fd = private_opener(str(target), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        try:
            with open(fd, "wb") as writing:
                shutil.copyfileobj(reading, writing)
        except BaseException:
            target.unlink(missing_ok=True)
            raise


def _settle(staged: Path) -> None:
    """Fold a staged copy's -wal into it, so it is one self-contained file like every backup."""
    with contextlib.closing(sqlite3.connect(staged)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")


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
