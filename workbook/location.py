"""Where the journal lives: ``--journal``, else ``WORKBOOK_JOURNAL``, else the workbook folder's."""

from __future__ import annotations

import os
from pathlib import Path

from workbook.errors import WorkbookError

MARKER = "workbook.toml"
ENV_VAR = "WORKBOOK_JOURNAL"
DEFAULT_NAME = Path("data") / "journal.db"


def find_workbook_dir(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: the working directory) holding workbook.toml."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def journal_path(
    explicit: str | os.PathLike[str] | None = None, start: str | os.PathLike[str] | None = None
) -> Path:
    """Resolve the journal file by the rule above; refuse when no rule applies."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    folder = find_workbook_dir(start)
    if folder is None:
        raise WorkbookError(
            f"journal: no {MARKER} found in {Path(start or Path.cwd()).resolve()} or above; "
            f"pass --journal PATH or set {ENV_VAR}"
        )
    return folder / DEFAULT_NAME
