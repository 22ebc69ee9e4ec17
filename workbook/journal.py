"""The journal: one SQLite file that keeps every entry safe.

Typed records (:mod:`workbook.records`) go in; pandas DataFrames come out.  The
file is created with mode 0600, runs in WAL mode with foreign keys on and a
busy timeout, and every write is one transaction, so a failed write leaves
nothing half-stored.  Opening a file from an older schema migrates it forward
after writing a backup copy beside it; a file from a newer one is refused and
left untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workbook.errors import JournalError, NotFoundError, ValidationError
from workbook.records import (
    CATEGORIES,
    RECORD_TYPES,
    Action,
    Application,
    CallNotes,
    ChecklistRun,
    FeedbackItem,
    MoodEntry,
    Record,
    Reflection,
    StageChange,
    SupportContact,
)
from workbook.schema import CURRENT_VERSION, MIGRATIONS

if TYPE_CHECKING:
    import pandas as pd

R = TypeVar("R", bound=Record)

BUSY_TIMEOUT_MS = 30_000
FILE_MODE = 0o600


class Journal:
    """A person's journal in one SQLite file.

    Use it as a context manager, or call :meth:`close`.  ``Journal(path)``
    creates the file (and its folder) when it does not exist.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._depth = 0
        self._conn = _connect(self.path)
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # --- lifecycle --------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; the journal object cannot be used after this."""
        self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: all of them are stored, or none is.

        Transactions nest; only the outermost one commits.
        """
        if self._depth == 0:
            self._conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self._conn.execute("COMMIT")

    # --- writing ----------------------------------------------------------------

    def add(self, record: R, *, keep_id: bool = False) -> R:
        """Store a new record and return it with its id.

        With ``keep_id``, the record's own id is used when it is free (imports
        use this so that a round trip keeps its ids).
        """
        row = _to_row(record)
        if not (keep_id and record.id is not None and not self._exists(type(record), record.id)):
            row.pop("id")
        with self.transaction():
            self._check_links(record)
            cursor = self._insert(record.TABLE, row)
            saved = record.replace(id=cursor.lastrowid)
            if isinstance(saved, Application):
                self._start_history(saved)
        return self.get(type(record), saved.id)  # type: ignore[arg-type]

    def update(self, record: R) -> R:
        """Replace the stored record that has ``record.id`` with ``record``."""
        if record.id is None:
            raise ValidationError("id", "is required to update a record")
        with self.transaction():
            old = self.get(type(record), record.id)
            self._check_links(record)
            row = _to_row(record)
            sets = ", ".join(f'"{name}" = ?' for name in row if name != "id")
            values = [value for name, value in row.items() if name != "id"]
            self._conn.execute(f"UPDATE {record.TABLE} SET {sets} WHERE id = ?", [*values, record.id])
            if isinstance(record, Application) and isinstance(old, Application):
                self._extend_history(old, record)
        return self.get(type(record), record.id)

    def delete(self, kind: type[Record], record_id: int) -> None:
        """Delete one record; its call notes, feedback and stage history go with it."""
        with self.transaction():
            self.get(kind, record_id)
            self._conn.execute(f"DELETE FROM {kind.TABLE} WHERE id = ?", (record_id,))

    def set_stage_histories(self, histories: dict[int, list[StageChange]]) -> None:
        """Replace the stage history of each application in ``histories`` (used by imports).

        All the old rows go before any new one is written, so the new rows can keep
        their own ids wherever those are free.
        """
        with self.transaction():
            for application_id in histories:
                self.get(Application, application_id)
                self._conn.execute("DELETE FROM stage_changes WHERE application_id = ?", (application_id,))
            for application_id, changes in histories.items():
                for change in changes:
                    row = _to_row(change.replace(application_id=application_id))
                    if change.id is None or self._exists(StageChange, change.id):
                        row.pop("id")
                    self._insert(StageChange.TABLE, row)

    # --- reading ----------------------------------------------------------------

    def get(self, kind: type[R], record_id: int) -> R:
        """The record of type ``kind`` with ``record_id``; NotFoundError if there is none."""
        found = self._read(kind, "WHERE id = ?", (record_id,))
        if not found:
            raise NotFoundError(f"no {_singular(kind)} with id {record_id}")
        return found[0]

    def records(self, kind: type[R]) -> list[R]:
        """Every record of type ``kind``, oldest id first."""
        return self._read(kind, "ORDER BY id", ())

    def find(self, record: Record) -> int | None:
        """The id of a stored record with the same identifying fields, if any."""
        where = " AND ".join(f'"{name}" IS ?' for name in record.KEY)
        values = [_to_sql(kind, getattr(record, name)) for name, kind in _key_kinds(record)]
        row = self._conn.execute(
            f"SELECT id FROM {record.TABLE} WHERE {where} ORDER BY id LIMIT 1", values
        ).fetchone()
        return None if row is None else row[0]

    def counts(self) -> dict[str, int]:
        """How many records of each type the journal holds."""
        return {
            kind.TABLE: self._conn.execute(f"SELECT count(*) FROM {kind.TABLE}").fetchone()[0]
            for kind in RECORD_TYPES
        }

    def frame(self, kind: type[Record]) -> pd.DataFrame:
        """All records of ``kind`` as a DataFrame with typed columns, oldest id first."""
        import pandas as pd  # deferred: it takes seconds to import, and the CLI's writes never need it

        columns = kind.columns()
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = self._conn.execute(f"SELECT {quoted} FROM {kind.TABLE} ORDER BY id").fetchall()
        raw = pd.DataFrame.from_records(rows, columns=list(columns))
        return pd.DataFrame(
            {name: _series(name, kind_, raw[name], kind) for name, kind_ in kind.kinds().items()}
        )

    def applications(self) -> pd.DataFrame:
        """Applications, with ``stage_on``: the date the current stage was reached."""
        frame = self.frame(Application)
        latest = self.stage_changes().groupby("application_id")["changed_on"].max()
        return frame.join(latest.rename("stage_on"), on="id")

    def stage_changes(self) -> pd.DataFrame:
        """Every stage each application reached, with its date."""
        return self.frame(StageChange)

    def call_notes(self) -> pd.DataFrame:
        """Notes from rejection calls."""
        return self.frame(CallNotes)

    def feedback(self) -> pd.DataFrame:
        """Feedback items with their themes (lists)."""
        return self.frame(FeedbackItem)

    def moods(self) -> pd.DataFrame:
        """Mood entries, oldest id first; emotions and tags as lists."""
        return self.frame(MoodEntry)

    def reflections(self) -> pd.DataFrame:
        """Answers to reflection prompts."""
        return self.frame(Reflection)

    def checklist_runs(self) -> pd.DataFrame:
        """Saved checklists, with the ticked items as lists."""
        return self.frame(ChecklistRun)

    def actions(self) -> pd.DataFrame:
        """Things to practise or learn."""
        return self.frame(Action)

    def support_contacts(self) -> pd.DataFrame:
        """People the person talked to."""
        return self.frame(SupportContact)

    # --- internals --------------------------------------------------------------

    def _migrate(self) -> None:
        version = self.schema_version
        if version > CURRENT_VERSION:
            raise JournalError(
                f"{self.path} was written by a newer version of Rebound (schema {version}; "
                f"this one knows up to {CURRENT_VERSION}). Upgrade Rebound to open it; the file was not changed."
            )
        if version == CURRENT_VERSION:
            return
        if version == 0 and self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise JournalError(
                f"{self.path} is an SQLite file but not a Rebound journal; it was not changed."
            )
        if version > 0:
            _backup(self._conn, self.path, version)
        for number in range(version, CURRENT_VERSION):
            try:
                self._conn.executescript(
                    f"BEGIN IMMEDIATE; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;"
                )
            except sqlite3.Error as error:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise JournalError(
                    f"{self.path}: could not upgrade to schema {number + 1}: {error}"
                ) from error

    def _insert(self, table: str, row: dict[str, Any]) -> sqlite3.Cursor:
        names = ", ".join(f'"{n}"' for n in row)
        marks = ", ".join("?" for _ in row)
        return self._conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))

    def _exists(self, kind: type[Record], record_id: int) -> bool:
        return (
            self._conn.execute(f"SELECT 1 FROM {kind.TABLE} WHERE id = ?", (record_id,)).fetchone()
            is not None
        )

    def _check_links(self, record: Record) -> None:
        for name in record.LINKS:
            target = getattr(record, name)
            if target is not None and not self._exists(Application, target):
                raise ValidationError(name, f"there is no application with id {target}")

    def _start_history(self, app: Application) -> None:
        changes = [StageChange(application_id=app.id, stage="applied", changed_on=app.applied_on)]
        if app.stage != "applied":
            changes.append(StageChange(application_id=app.id, stage=app.stage, changed_on=_stage_date(app)))
        for change in changes:
            self._insert(StageChange.TABLE, _to_row(change))

    def _extend_history(self, old: Application, new: Application) -> None:
        if new.stage != old.stage:
            change = StageChange(application_id=new.id, stage=new.stage, changed_on=_stage_date(new))
            self._insert(StageChange.TABLE, _to_row(change))

    def _read(self, kind: type[R], clause: str, params: tuple[Any, ...]) -> list[R]:
        columns = [f'"{c}"' for c in kind.columns()]
        if kind is Application:
            # The date the current stage was reached comes from the stage history, in the same query.
            columns.append(
                "(SELECT max(changed_on) FROM stage_changes WHERE application_id = applications.id)"
            )
        rows = self._conn.execute(
            f"SELECT {', '.join(columns)} FROM {kind.TABLE} {clause}", params
        ).fetchall()
        kinds = list(kind.kinds().items())
        records = []
        for row in rows:
            values = {name: _from_sql(k, value) for (name, k), value in zip(kinds, row)}
            if kind is Application:
                values["stage_on"] = row[-1]
            records.append(kind(**values))
        return records


# --- module internals -----------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        # Create the file ourselves so it is private from the first byte;
        # SQLite gives its -wal and -shm files the same mode.
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise JournalError(f"{path} is not a Rebound journal ({error}); it was not changed.") from error
    if version <= CURRENT_VERSION:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE))
    with sqlite3.connect(target) as copy:
        conn.backup(copy)
    copy.close()
    return target


def _stage_date(app: Application) -> dt.date:
    if app.stage_on is not None:
        return app.stage_on
    return app.outcome_on or max(app.applied_on, dt.date.today())


def _singular(kind: type[Record]) -> str:
    return kind.__name__.lower()


def _key_kinds(record: Record) -> list[tuple[str, str]]:
    kinds = record.kinds()
    return [(name, kinds[name]) for name in record.KEY]


def _to_sql(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "words":
        return json.dumps(list(value), ensure_ascii=False)
    if kind == "timestamp":
        return value.isoformat(timespec="seconds")
    if kind == "date":
        return value.isoformat()
    if kind == "bool":
        return int(value)
    return value


def _from_sql(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "words":
        return tuple(json.loads(value))
    if kind == "bool":
        return bool(value)
    return value


def _to_row(record: Record) -> dict[str, Any]:
    return {name: _to_sql(kind, getattr(record, name)) for name, kind in record.kinds().items()}


def _series(name: str, kind: str, column: pd.Series, record: type[Record]) -> pd.Series:
    import pandas as pd

    if name in CATEGORIES:
        return pd.Categorical(column, categories=list(CATEGORIES[name]))
    if kind in ("date", "timestamp"):
        return pd.to_datetime(column, format="ISO8601").astype("datetime64[ns]")
    if kind == "words":
        return pd.Series([json.loads(v) for v in column], dtype=object)
    if kind == "bool":
        return column.astype(bool)
    if kind == "int":
        optional = name != "id" and record.__dataclass_fields__[name].default is None
        return column.astype("Int64" if optional else "int64")
    return column.astype("str")
