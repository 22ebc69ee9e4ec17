"""Refusing a journal that others could read, change or swap for another file.

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
import shlex
import stat
from pathlib import Path

from workbook.errors import ExposedJournalError

#: Permission bits that let someone other than the owner read or change a file.
_OTHERS_FILE_BITS = stat.S_IRWXG | stat.S_IRWXO
#: Permission bits that let someone other than the owner add, remove or rename files in a folder.
_OTHERS_WRITE_BITS = stat.S_IWGRP | stat.S_IWOTH


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
