"""Failures in words: which ones a person can cause or meet, and how each is told.

:func:`describe` is the one place an expected failure becomes ``<what>: <why>``
on one line: the command line prints it after ``error: ``, and a form shows
it after "Not saved: ".  Anything that is not :data:`EXPECTED` is a bug;
:mod:`workbook.error_log` keeps its traceback, and the person is told so in
one line (:data:`workbook.messages.UNEXPECTED_COMMAND`, ``UNEXPECTED_FORM``).
"""

from __future__ import annotations

import csv
import errno
import os
import sqlite3
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.journal_file import translate
from workbook.location import journal_path

#: The failures a person can cause or meet (a bad value, a full disk, a busy or damaged file).
EXPECTED: tuple[type[BaseException], ...] = (
    WorkbookError,
    OSError,
    sqlite3.Error,
    csv.Error,
    UnicodeError,
    OverflowError,
)
#: How long a command waits for another program before it says the journal is busy (cli.common.BUSY_TIMEOUT).
_COMMAND_BUSY_TIMEOUT = 5.0

_OS_WORDS = {
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "a part of this path is a file, not a folder",
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full; free some space and try again",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "is on a read-only disk",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "too many symbolic links",
    errno.EBUSY: "is in use",
}


def is_expected(error: BaseException) -> bool:
    """Whether ``error`` is one a person can cause or meet (told in words), not a bug (told as unexpected)."""
    return isinstance(error, EXPECTED)


def describe(error: BaseException, journal: Path | None = None) -> str:
    """``<what>: <why>`` for an expected failure, on one line.

    ``journal`` names the file an SQLite failure happened on (default: the
    journal the usual rules find); SQLite's failures are worded by
    :func:`workbook.journal_file.translate`, the same words the journal uses.
    """
    if isinstance(error, WorkbookError):
        text = str(error)
    elif isinstance(error, OSError):
        text = _os_error(error)
    elif isinstance(error, sqlite3.Error):
        text = str(translate(error, journal or _usual_journal(), _COMMAND_BUSY_TIMEOUT))
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


def _usual_journal() -> Path:
    try:
        return journal_path()
    except OSError:  # the working folder is gone: the journal can only be named in general
        return Path("journal.db")


def _os_error(error: OSError) -> str:
    if error.filename is None:
        why = _OS_WORDS.get(error.errno or 0)
        return f"file: {why or error.strerror or error}"
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
