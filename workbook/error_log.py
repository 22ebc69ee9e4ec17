"""Where a failure Rebound did not expect is written down, so that it can be found and fixed.

The person sees one line (:data:`workbook.messages.UNEXPECTED_COMMAND`); the
traceback goes to ``.workbook/logs/errors.log`` in the workbook folder, beside
the servers' own logs, else to ``rebound/logs/errors.log`` in the person's data
folder.  The file is 0600 in 0700 folders, like everything Rebound writes.

What it holds is kept to what finds the bug: the time, the command's name,
Rebound's and Python's versions, and each frame of the traceback with the
exception's type.  Never argument values, and never the exception's own
message: both can quote what the person typed (``int()`` quotes its input),
and that is theirs.  ``--debug`` shows the whole traceback on their own screen.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from workbook import __version__, messages
from workbook.files import private_dir, private_opener
from workbook.location import data_home, find_workbook_dir

#: The log's place in a workbook folder (the servers' logs live beside it, see workbook.cli.server).
WORKBOOK_LOG = Path(".workbook") / "logs" / "errors.log"
#: The log's place in the person's data folder, when no workbook folder is found.
DATA_HOME_LOG = Path("rebound") / "logs" / "errors.log"
#: A log grown past this many bytes starts again: the newest failures are the ones worth reading.
MAX_BYTES = 1_000_000
_APPEND = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW


def log_places() -> list[Path]:
    """Where the log may go, in order: the workbook folder's, then the person's data folder's."""
    places = []
    try:
        folder = find_workbook_dir()
    except OSError:  # the working folder is gone
        folder = None
    if folder is not None:
        places.append(folder / WORKBOOK_LOG)
    places.append(data_home() / DATA_HOME_LOG)
    return places


def record_unexpected(error: BaseException, where: str) -> Path | None:
    """Append ``error``'s traceback, headed by ``where`` (a command's or form's name), to the log.

    Returns the log's path, or None when no place could be written (a
    read-only disk, a full one): recording must never become a second failure.
    """
    try:
        entry = _entry(error, where)
        places = log_places()
    except Exception:  # noqa: BLE001 - no home folder at all: say so by returning None
        return None
    for path in places:
        try:
            _append(path, entry)
        except Exception:  # noqa: BLE001 - try the next place; the person still gets their one line
            continue
        return path
    return None


def report_unexpected(error: BaseException, where: str, words: str) -> str:
    """Record ``error`` (see :func:`record_unexpected`) and return ``words`` filled in for the person.

    ``words`` is one of the ``UNEXPECTED_*`` texts of :mod:`workbook.messages`:
    it gets the error's type (never its message) and, when it was written, the log's path.
    """
    log = record_unexpected(error, where)
    logged = messages.UNEXPECTED_LOGGED.format(log=log) if log else ""
    return words.format(kind=type(error).__name__, logged=logged)


def _append(path: Path, entry: str) -> None:
    private_dir(path.parent)
    flags = _APPEND
    try:
        if path.stat().st_size > MAX_BYTES:
            flags |= os.O_TRUNC
    except FileNotFoundError:
        pass
    descriptor = private_opener(str(path), flags)
    with os.fdopen(descriptor, "a", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(entry)


def _entry(error: BaseException, where: str) -> str:
    moment = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    head = f"--- {moment} {where} (Rebound {__version__}, Python {sys.version.split()[0]})\n"
    return head + "".join(_frames(error)) + "\n"


def _frames(error: BaseException) -> list[str]:
    """The traceback of ``error`` and of the errors it came from, each ending in its type alone."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    lines: list[str] = []
    for number, link in enumerate(reversed(chain)):
        if number:
            lines.append("\nwhich led to:\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(traceback.extract_tb(link.__traceback__)))
        lines.append(f"{type(link).__module__}.{type(link).__qualname__}\n")
    return lines
