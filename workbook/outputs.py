"""Where a command may write: never over one of its own inputs, nor over the journal or its own files.

:func:`check_output` runs before a command writes its first byte, so a refusal
leaves everything as it was.  It looks, never opens (a named pipe cannot hang
it), and sees through links (:func:`workbook.files.same_file`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from workbook import backups
from workbook.errors import ValidationError
from workbook.files import not_a_file, same_file


def check_output(
    target: str | os.PathLike[str],
    field: str,
    *,
    journal: str | os.PathLike[str] | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """``target`` as a file a command may write; else ValidationError on ``field``, before anything is written.

    Refused: something there that is not a file (a folder, a named pipe, a
    device), one of the command's ``inputs``, and, when ``journal`` is given,
    the journal, its ``-wal``/``-shm``/``-journal`` files and its backups,
    whether named directly or through a link.
    """
    path = Path(target)
    kind = not_a_file(path)
    if kind is not None:
        raise ValidationError(field, f"{path} {kind}; name a new file to write (nothing was written)")
    for source in inputs:
        if same_file(path, source):
            which = "" if str(source) == str(path) else f" (the same file as {source})"
            raise ValidationError(
                field,
                f"{path} is read by this command{which}; name a new file to write (nothing was written)",
            )
    reason = _over_journal(path, Path(journal)) if journal is not None else None
    if reason is not None:
        raise ValidationError(field, f"{path} {reason}; name a new file to write (nothing was written)")
    return path


def _over_journal(path: Path, journal: Path) -> str | None:
    """Why writing ``path`` would harm ``journal`` (as named, and its real file), or None."""
    real = Path(os.path.realpath(path))
    for named in {journal, Path(os.path.realpath(journal))}:
        if same_file(path, named):
            return "is your journal: writing there would replace every entry"
        for side in backups.SIDE_FILES:
            if same_file(path, named.with_name(named.name + side)):
                return f"is your journal's {side} file: writing there would damage the journal"
        beside = os.path.realpath(named.parent) == str(real.parent)
        if beside and real.name.startswith(named.name + ".") and real.name.endswith(".bak"):
            return "is named as a backup of your journal, which `workbook forget` would delete"
    if any(same_file(path, copy) for copy in backups.backups_of(journal)):
        return "is a backup of your journal: writing there would lose that copy"
    return None
