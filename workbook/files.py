"""Files and folders the package writes: private to their owner, new or overwritten.

Every file Rebound writes (the journal, its backups, exports, reports, bundles)
is mode 0600, and every folder it creates is 0700.  An existing file is made
private again before a byte is written into it, so exporting over a file that
others could read never leaves the new content readable by them.  Folders that
already exist are left as they are: the file's own mode protects it.

Two checks guard every path a command reads or writes.  :func:`not_a_file`
tells a named pipe, a device, a socket or a folder from a file by looking
(``os.stat``), never by opening: opening a named pipe waits for a writer
forever.  :func:`same_file` sees through links; :mod:`workbook.outputs` uses
both to keep every command from writing over what it reads or the journal.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import IO

FILE_MODE = 0o600
DIR_MODE = 0o700
#: What a path that is not a regular file is, in words, by the test that tells it.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` and any missing parents with mode 0700; return it.

    Folders that exist already keep their mode.  A regular file in the way
    raises ``NotADirectoryError`` or ``FileExistsError`` (both ``OSError``).
    """
    folder = Path(path)
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            candidate.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not candidate.is_dir():
                raise
        # mkdir's mode is filtered by the umask; say it once more, exactly.
        os.chmod(candidate, DIR_MODE)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    return folder


def private_opener(path: str, flags: int) -> int:
    """An ``open()`` opener: the file is created 0600, or made 0600 before it is truncated."""
    descriptor = os.open(path, flags, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def open_private(path: str | os.PathLike[str], mode: str = "w", **kwargs: object) -> IO:
    """``open(path, mode)`` for writing a private file (0600 whether new or overwritten)."""
    return open(path, mode, opener=private_opener, **kwargs)  # type: ignore[call-overload]


def write_private_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to a private file at ``path``, creating its folder 0700."""
    target = Path(path)
    private_dir(target.parent)
    with open_private(target, "w", encoding="utf-8") as handle:
        handle.write(text)
    return target


def write_private_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a private file at ``path``, creating its folder 0700."""
    target = Path(path)
    private_dir(target.parent)
    with open_private(target, "wb") as handle:
        handle.write(data)
    return target


def not_a_file(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be read or written as a file, e.g. ``"is a named pipe (FIFO), not a file"``.

    None when it is a regular file (links followed) or when nothing is there:
    the caller's own open then says what is missing.  Only looks, never opens.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # missing, or not reachable: the open that follows reports it in its own words
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "something other than a file")
    return f"is {kind}, not a file"


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: the same inode when both exist, else the same real path."""
    try:
        return os.path.samestat(os.stat(first), os.stat(second))
    except OSError:
        return os.path.realpath(first) == os.path.realpath(second)
