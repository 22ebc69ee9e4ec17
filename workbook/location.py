"""Where the journal lives.

The first of these that applies: ``--journal``, else ``WORKBOOK_JOURNAL``, else
``data/journal.db`` of the nearest workbook folder (one holding workbook.toml),
else the person's own data folder: ``$XDG_DATA_HOME/rebound/journal.db``, or
``~/.local/share/rebound/journal.db`` when that variable is unset.  The last
one is what a JupyterHub user gets when they open a notebook outside a workbook
folder: a place in their own home, never a shared one.  Opening creates any
missing folder 0700 and the file 0600 (:mod:`workbook.files`).
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = "workbook.toml"
ENV_VAR = "WORKBOOK_JOURNAL"
DEFAULT_NAME = Path("data") / "journal.db"
#: The XDG Base Directory variable naming the person's data folder.
XDG_ENV = "XDG_DATA_HOME"
#: The journal's place inside the person's data folder.
DATA_HOME_NAME = Path("rebound") / "journal.db"


def find_workbook_dir(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: the working directory) holding workbook.toml."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def workbook_inputs(start: str | os.PathLike[str] | None = None) -> list[Path]:
    """What commands read from the nearest workbook folder: its workbook.toml and the templates beside it.

    A command's output must never be one of these (:func:`workbook.outputs.check_output`).
    """
    folder = find_workbook_dir(start)
    if folder is None:
        return []
    return [folder / MARKER, *sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))]


def data_home() -> Path:
    """The person's own data folder: ``$XDG_DATA_HOME``, else ``~/.local/share``.

    The XDG Base Directory rules ignore a relative ``XDG_DATA_HOME``, and so
    does this: a relative path would move with the working directory.
    """
    named = os.environ.get(XDG_ENV, "")
    if named and Path(named).is_absolute():
        return Path(named)
    return Path.home() / ".local" / "share"


def personal_journal_path() -> Path:
    """Where the journal lives when no workbook folder is found: ``<data home>/rebound/journal.db``."""
    return data_home() / DATA_HOME_NAME


def journal_path(
    explicit: str | os.PathLike[str] | None = None, start: str | os.PathLike[str] | None = None
) -> Path:
    """Resolve the journal file by the rule above (``start`` is where the workbook folder search begins)."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    folder = find_workbook_dir(start)
    if folder is None:
        return personal_journal_path()
    return folder / DEFAULT_NAME
