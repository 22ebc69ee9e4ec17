"""Expected failures, each told as one line: ``<what>: <why>``, the why in plain words.

``workbook.cli.main`` catches exactly :data:`EXPECTED` and prints
``error: `` followed by :func:`describe`.  Anything else is a bug and keeps
its traceback.
"""

from __future__ import annotations

import csv
import errno
import os
import sqlite3
from pathlib import Path

from workbook.errors import WorkbookError

#: The failures a person can cause or meet (a bad value, a full disk, a busy or damaged file).
EXPECTED: tuple[type[BaseException], ...] = (
    WorkbookError,
    OSError,
    sqlite3.Error,
    csv.Error,
    UnicodeError,
    OverflowError,
)

_OS_WORDS = {
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "a part of this path is a file, not a folder",
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "is on a read-only disk",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "too many symbolic links",
    errno.EBUSY: "is in use",
}

_SQLITE_WORDS = {
    "database is locked": "is in use by another program; close it (a notebook or another workbook command) "
    "and try again",
    "database disk image is malformed": "is damaged (database disk image is malformed); "
    "put a backup back with `workbook restore FILE`",
    "file is not a database": "is not a journal (file is not a database)",
    "attempt to write a readonly database": "is read-only; check its permissions",
    "database or disk is full": "the disk is full; free some space and try again",
}


def describe(error: BaseException, journal: Path | None = None) -> str:
    """``<what>: <why>`` for an expected failure, on one line; ``journal`` names the file for SQLite errors."""
    if isinstance(error, WorkbookError):
        text = str(error)
    elif isinstance(error, OSError):
        text = _os_error(error)
    elif isinstance(error, sqlite3.Error):
        where = f"journal: {journal}" if journal else "journal"
        text = f"{where}: {_SQLITE_WORDS.get(str(error), str(error))}"
    elif isinstance(error, UnicodeDecodeError):
        text = (
            f"text: is not UTF-8 (byte 0x{error.object[error.start]:02x} at position {error.start}); "
            "save the file as UTF-8 and try again"
        )
    elif isinstance(error, UnicodeError):
        text = "text: holds bytes that are not UTF-8; type it again in a UTF-8 terminal"
    elif isinstance(error, csv.Error):
        text = f"CSV: {error}"
    else:
        text = f"value: is out of range ({error})"
    return " ".join(text.split())


def _os_error(error: OSError) -> str:
    if error.filename is None:
        return f"file: {error.strerror or error}"
    why = _OS_WORDS.get(error.errno or 0, (error.strerror or str(error)).lower())
    if error.errno == errno.EEXIST:
        why = "is a file, not a folder" if _is_file(error.filename) else "already exists"
    names = [os.fsdecode(error.filename)]
    if error.filename2 is not None:
        names.append(os.fsdecode(error.filename2))
    return f"{' -> '.join(names)}: {why}"


def _is_file(name: str | bytes) -> bool:
    path = Path(os.fsdecode(name))
    return path.exists() and not path.is_dir()
