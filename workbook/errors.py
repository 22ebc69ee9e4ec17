"""The one exception family of the package.

Every error a person can cause is a :class:`WorkbookError`.  The command line
(`workbook.cli.main`) is the only place that prints them and picks an exit
code; widgets show them next to the field they name.
"""

from __future__ import annotations


class WorkbookError(Exception):
    """Base of every error the package raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(WorkbookError):
    """A value was refused: ``field`` names it, ``reason`` says why in words."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class ImportRowError(ValidationError):
    """A row of an imported file was refused; the whole import is refused with it."""

    def __init__(self, file: str, line: int, field: str, reason: str) -> None:
        super().__init__(field, reason)
        self.file = file
        self.line = line
        self.message = f"{file}, line {line}: {field}: {reason}"

    def __str__(self) -> str:
        return self.message


class JournalError(WorkbookError):
    """The journal file cannot be used (newer schema, not a journal, locked)."""


class ExposedJournalError(JournalError):
    """The journal file, or its folder, is open to people other than its owner; it was not opened."""

    def _render_traceback_(self) -> list[str]:
        """What a notebook shows instead of a traceback: the message and its fix, nothing else (IPython's hook)."""
        return [self.message]


class NotFoundError(WorkbookError):
    """A record asked for by id does not exist."""


class TemplateError(WorkbookError):
    """A coach template (or the built-in one) is malformed."""


class JournalBusyError(JournalError):
    """Another program held the journal's write lock for longer than the busy timeout."""


class StorageError(JournalError):
    """SQLite could not read or write the journal (disk full, read-only, corrupt file)."""


class BundleError(WorkbookError):
    """A summary bundle was refused: ``bundle`` names the file, ``reason`` says why in words."""

    def __init__(self, bundle: str, reason: str) -> None:
        super().__init__(f"{bundle}: {reason}")
        self.bundle = bundle
        self.reason = reason


class DamagedJournalError(StorageError):
    """The journal failed SQLite's integrity check; it was not written to (the message names a backup)."""

    def _render_traceback_(self) -> list[str]:
        """What a notebook shows instead of a traceback: the message and the way back, nothing else."""
        return [self.message]
