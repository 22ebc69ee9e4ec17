"""Refusing a journal that others could read, change or swap for another file.

A journal is Rebound's to open when it is a regular file (a named pipe, a
device or a folder is refused by looking, never by opening, so nothing
hangs), and when the file and its real folder, links followed, belong to the
person running Rebound: a journal in someone else's folder, or a link to
someone else's file, is theirs to change or read, not this person's.  A folder
that belongs to the system (root) is fine too: only root can change it.

A journal is private when its file gives no permission to anyone but its owner
(no group or world bits) and its folder does not let others add, remove or
rename files in it (no group or world write bit, unless the sticky bit is set,
as on /tmp).  A folder others may merely list is fine: the file's own mode
protects what is in it, which is how the repository's ``data/`` looks after a
clone (0755).

:func:`workbook.journal_file.connect` runs these checks each time a journal is
opened, so the notebooks, the CLI and the servers all refuse the same files.
Files Rebound creates are private already (:mod:`workbook.files`); these
checks catch a journal copied in, restored by hand, or put in a shared folder.
"""

from __future__ import annotations

import os
import pwd
import shlex
import stat
from pathlib import Path

from workbook.errors import ExposedJournalError, JournalError
from workbook.files import not_a_file

#: Permission bits that let someone other than the owner read or change a file.
_OTHERS_FILE_BITS = stat.S_IRWXG | stat.S_IRWXO
#: Permission bits that let someone other than the owner add, remove or rename files in a folder.
_OTHERS_WRITE_BITS = stat.S_IWGRP | stat.S_IWOTH


#: Who may own a journal's folder besides the person: the system, which can change any folder anyway.
_SYSTEM_UID = 0


def user_name(uid: int) -> str:
    """The login name of ``uid``, or ``user <uid>`` when the system knows no name for it."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"user {uid}"


def _login(uid: int) -> str:
    """What ``chown`` takes for ``uid``: its login name, else the number."""
    name = user_name(uid)
    return shlex.quote(name) if name != f"user {uid}" else str(uid)


def check_before_open(path: Path) -> None:
    """Refuse, before anything is created, a journal that is not a file or is not the person's own.

    The real folder (or, when it is still to be made, the nearest folder
    above it that exists) must belong to the person or to the system, and an
    existing file, links followed, to the person.
    """
    kind = not_a_file(path)
    if kind is not None:
        raise JournalError(f"journal: {path}: {kind}; name a journal file with --journal")
    _check_folder_owner(_existing(real_folder(path)), path)
    _check_file_owner(path)


def _check_folder_owner(folder: Path, journal: Path) -> None:
    me, owner = os.geteuid(), os.stat(folder).st_uid
    if owner not in (me, _SYSTEM_UID):
        raise ExposedJournalError(
            f"journal: {journal}: its folder {folder} belongs to {user_name(owner)}, not to you "
            f"({user_name(me)}); keep your journal in a folder of your own, e.g. --journal ~/rebound/journal.db"
        )


def _check_file_owner(path: Path) -> None:
    try:
        owner = os.stat(path).st_uid
    except OSError:
        return  # not there yet, or not reachable: creating or opening it says which
    me = os.geteuid()
    if owner != me:
        real = os.path.realpath(path)
        raise ExposedJournalError(
            f"journal: {path}: the file {real} belongs to {user_name(owner)}, not to you ({user_name(me)}); "
            f"name a journal of your own with --journal, or if it is yours: chown {_login(me)} "
            f"{shlex.quote(real)}"
        )


def _existing(folder: Path) -> Path:
    """``folder``, or the nearest folder above it that exists (where a missing one would be made)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return folder


def real_folder(path: Path) -> Path:
    """The folder the journal file really sits in (symbolic links followed)."""
    return Path(os.path.realpath(path)).parent


def check_folder(folder: Path, journal: Path) -> None:
    """Refuse when others may add, remove or rename files in ``folder`` (the sticky bit makes it safe)."""
    mode = os.stat(folder).st_mode
    if mode & _OTHERS_WRITE_BITS and not mode & stat.S_ISVTX:
        raise ExposedJournalError(
            f"journal: {journal}: its folder {folder} lets other people add or replace files "
            f"(mode {stat.S_IMODE(mode):04o}); make it yours alone with: chmod 700 {shlex.quote(str(folder))}"
        )


def check_file(path: Path) -> None:
    """Refuse when the journal file at ``path`` gives any permission to its group or to everyone."""
    mode = os.stat(path).st_mode
    if mode & _OTHERS_FILE_BITS:
        who = "read" if mode & (stat.S_IRGRP | stat.S_IROTH) else "change"
        raise ExposedJournalError(
            f"journal: {path}: other people can {who} it (mode {stat.S_IMODE(mode):04o}); "
            f"make it yours alone with: chmod 600 {shlex.quote(str(path))}"
        )


def check_journal(path: Path) -> None:
    """Refuse a journal that is not private: first its folder, then the file itself."""
    check_folder(real_folder(path), path)
    check_file(path)
