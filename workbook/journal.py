"""The journal: one SQLite file that keeps every entry safe.

Typed records (:mod:`workbook.records`) go in; pandas DataFrames come out.  The
file is created with mode 0600, runs in WAL mode with foreign keys on and a
busy timeout, and every write is one transaction, so a failed write leaves
nothing half-stored.  Opening a file from an older schema migrates it forward
after writing a backup copy beside it; a file from a newer one is refused and
left untouched (opening itself lives in :mod:`workbook.journal_file`, and the
work of each write in :mod:`workbook.journal_writes`).

Every SQLite failure leaves a Journal method as the project's own error:
:class:`~workbook.errors.JournalBusyError` when another program keeps the file
locked, :class:`~workbook.errors.StorageError` for the rest.  Reading never
validates: rules apply when a record is built, on the way in.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sqlite3
import threading
import warnings
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from workbook import messages
from workbook.backups import AutoBackups
from workbook.errors import NotFoundError, StorageError, ValidationError
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview
from workbook.journal_file import check_sound, connect, is_read_only, translate
from workbook.journal_writes import Transaction, Writer, singular
from workbook.records import (
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
from workbook.sql_values import from_sql, series, to_sql

if TYPE_CHECKING:
    import pandas as pd

R = TypeVar("R", bound=Record)
P = ParamSpec("P")
T = TypeVar("T")

#: Seconds a write waits for another program to let go of the file.
BUSY_TIMEOUT = 30.0


def _sqlite_errors_in_words(method: Callable[P, T]) -> Callable[P, T]:
    """Run a Journal method holding the journal's lock, its sqlite3.Error turned into the project's own.

    The lock matters because JupyterLab sends widget messages to a kernel
    subshell (ipykernel 7), a thread of its own: a form's callback and a cell
    may use one journal at the same moment.  A failure becomes JournalBusyError
    or StorageError.
    """

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> T:
        journal: Journal = args[0]  # type: ignore[assignment]
        with journal._lock:
            try:
                return method(*args, **kwargs)
            except sqlite3.Error as error:
                raise translate(error, journal.path, journal.busy_timeout) from error

    return guarded


class Journal:
    """A person's journal in one SQLite file.

    Use it as a context manager, or call :meth:`close`.  ``Journal(path)``
    creates the file (0600, and its folder 0700) when it does not exist.  A
    write waits up to ``busy_timeout`` seconds for another program to finish
    its own.
    """

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self._depth = 0
        #: How many groups of changes this journal object has stored; grows by one per commit.
        self.revision = 0
        self._listeners: list[Callable[[], None]] = []
        #: The last DataFrame read of each record type, with the stamp it was read at (see :meth:`frame`).
        self._frames: dict[type[Record], tuple[tuple[int, int], pd.DataFrame]] = {}
        #: Held by every use of the connection, and by a transaction for all of its block (see above).
        self._lock = threading.RLock()
        self._conn = connect(self.path, busy_timeout)
        #: True when the file or its disk cannot be written: reading works, every write is refused.
        self.read_only = is_read_only(self._conn)
        # connect() checked the file; it is checked again before a write only when another program changed it.
        self._checked_version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        self._backups = None if self.read_only else AutoBackups(self.path, self._conn)

    # --- lifecycle --------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; the journal object cannot be used after this."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    @property
    @_sqlite_errors_in_words
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def transaction(self) -> Transaction:
        """Group writes: all of them are stored, or none is.

        Transactions nest: an inner block that raises takes back only its own
        writes (a SAVEPOINT), and the outer block may catch that and go on.
        Only the outermost block commits; a commit that fails takes everything
        back and leaves the journal ready for the next write.
        """
        return Transaction(self)

    def on_change(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` after every change this journal stores; returns a function that stops it.

        Summaries, charts and drop-downs use this to redraw after a save in
        the same kernel.  A listener that fails is reported as a warning and
        never turns a stored change into a failed one.
        """
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _announce(self) -> None:
        self.revision += 1
        if self._backups is not None:
            with self._lock:  # it copies through this journal's connection
                self._backups.after_commit()  # warns, never raises: the change is stored
        for listener in list(self._listeners):
            try:
                listener()
            except Exception as error:  # noqa: BLE001 - the change is stored; a redraw failing must not undo that
                warnings.warn(f"a view of the journal could not refresh: {error}", stacklevel=2)

    @_sqlite_errors_in_words
    def _begin(self, depth: int) -> None:
        if depth == 0:
            if self.read_only:
                raise StorageError(messages.JOURNAL_READ_ONLY_WRITE.format(path=self.path))
            self._conn.execute("BEGIN IMMEDIATE")
            self._check_before_write()
        elif not self._conn.in_transaction:
            # SQLite itself gave up the outer transaction after an earlier failure
            # (a full disk can do that); writing on would store half of it.
            raise StorageError(
                f"journal: {self.path}: an earlier failure took back this group of changes; "
                "nothing of it was saved"
            )
        else:
            self._conn.execute(f"SAVEPOINT level_{depth}")

    def _check_before_write(self) -> None:
        """Check the file again when another program changed it since it was last checked (inside the lock)."""
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._checked_version:
            try:
                check_sound(self._conn, self.path)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._checked_version = version

    @_sqlite_errors_in_words
    def _undo(self, depth: int) -> None:
        if not self._conn.in_transaction:
            return  # SQLite already took it all back
        if depth == 0:
            self._conn.execute("ROLLBACK")
        else:
            self._conn.execute(f"ROLLBACK TO level_{depth}")
            self._conn.execute(f"RELEASE level_{depth}")

    @_sqlite_errors_in_words
    def _finish(self, depth: int) -> None:
        if depth > 0:
            self._conn.execute(f"RELEASE level_{depth}")
            return
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    # --- writing ----------------------------------------------------------------

    @_sqlite_errors_in_words
    def add(self, record: R, *, keep_id: bool = False) -> R:
        """Store a new record and return it with its id, exactly as :meth:`get` would read it.

        With ``keep_id``, the record's own id is used when it is free (imports
        use this so that a round trip keeps its ids).  A link to an application
        that does not exist is refused naming the field.
        """
        with self.transaction():
            return Writer(self._conn).add(record, keep_id)

    @_sqlite_errors_in_words
    def add_new(
        self, records: Sequence[R], *, keep_id: bool = False, histories_given: Collection[int] = ()
    ) -> list[tuple[int, bool]]:
        """Store those of ``records`` (all of one type) not yet in the journal, in one transaction.

        A record whose identifying fields match a stored one, or one earlier in
        ``records``, is not stored again.  Returns, for each record in order, the
        id it has in the journal and whether it was added now.  ``keep_id`` keeps
        each record's own id where it is free.  Applications get their stage
        history started, as with :meth:`add`, except those whose own id is in
        ``histories_given``: the caller replaces their history next (with
        :meth:`set_stage_histories`, in the same transaction), so their start
        is not written only to be deleted.  Every other row gets the id it
        would have had, so the journal ends up exactly as if it had been.
        """
        if not records:
            return []
        with self.transaction():
            return Writer(self._conn).add_new(records, keep_id, histories_given)

    @_sqlite_errors_in_words
    def update(self, record: R, *, stage_on: dt.date | str | None = None) -> R:
        """Replace the stored record that has ``record.id`` with ``record``; return it as stored.

        When an application's stage differs from the stored one, the new stage
        is recorded as reached on ``stage_on``, which is then required.  The
        record's own ``stage_on`` is never used here: on a record read from the
        journal it is the date of the old stage.  With the stage unchanged,
        ``stage_on`` is not used.
        """
        if record.id is None:
            raise ValidationError("id", "is required to update a record")
        with self.transaction():
            return Writer(self._conn).update(record, stage_on)

    @_sqlite_errors_in_words
    def delete(self, kind: type[Record], record_id: int) -> None:
        """Delete one record; its call notes, feedback and stage history go with it."""
        with self.transaction():
            cursor = self._conn.execute(f"DELETE FROM {kind.TABLE} WHERE id = ?", (record_id,))
            if cursor.rowcount == 0:
                raise NotFoundError(f"no {singular(kind)} with id {record_id}")

    @_sqlite_errors_in_words
    def set_stage_histories(self, histories: dict[int, list[StageChange]]) -> None:
        """Replace the stage history of each application in ``histories`` (used by imports).

        All the old rows go before any new one is written, so the new rows can keep
        their own ids wherever those are free.
        """
        if not histories:
            return
        with self.transaction():
            Writer(self._conn).set_stage_histories(histories)

    # --- reading ----------------------------------------------------------------

    @_sqlite_errors_in_words
    def get(self, kind: type[R], record_id: int) -> R:
        """The record of type ``kind`` with ``record_id``; NotFoundError if there is none."""
        found = self._read(kind, "WHERE id = ?", (record_id,))
        if not found:
            raise NotFoundError(f"no {singular(kind)} with id {record_id}")
        return found[0]

    @_sqlite_errors_in_words
    def records(self, kind: type[R]) -> list[R]:
        """Every record of type ``kind``, oldest id first."""
        return self._read(kind, "ORDER BY id", ())

    @_sqlite_errors_in_words
    def find(self, record: Record) -> int | None:
        """The id of a stored record with the same identifying fields, if any."""
        where = " AND ".join(f'"{name}" IS ?' for name in record.KEY)
        values = [to_sql(kind, getattr(record, name)) for name, kind in _key_kinds(record)]
        row = self._conn.execute(
            f"SELECT id FROM {record.TABLE} WHERE {where} ORDER BY id LIMIT 1", values
        ).fetchone()
        return None if row is None else row[0]

    @_sqlite_errors_in_words
    def counts(self) -> dict[str, int]:
        """How many records of each type the journal holds."""
        return {
            kind.TABLE: self._conn.execute(f"SELECT count(*) FROM {kind.TABLE}").fetchone()[0]
            for kind in RECORD_TYPES
        }

    @_sqlite_errors_in_words
    def frame(self, kind: type[Record]) -> pd.DataFrame:
        """All records of ``kind`` as a DataFrame with typed columns, oldest id first.

        A notebook asks for the same table many times between two saves (each
        chart and summary reads what it needs), so the last read is kept and
        handed out again, as a copy, until this journal stores a change or
        another connection commits one (SQLite's ``data_version`` tells).
        """
        if self._conn.in_transaction:
            return self._read_frame(kind)  # uncommitted writes are visible here and nowhere else
        stamp = (self.revision, self._conn.execute("PRAGMA data_version").fetchone()[0])
        kept = self._frames.get(kind)
        if kept is None or kept[0] != stamp:
            kept = self._frames[kind] = (stamp, self._read_frame(kind))
        return kept[1].copy()

    def _read_frame(self, kind: type[Record]) -> pd.DataFrame:
        import pandas as pd  # deferred: it takes seconds to import, and the CLI's writes never need it

        columns = kind.columns()
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = self._conn.execute(f"SELECT {quoted} FROM {kind.TABLE} ORDER BY id").fetchall()
        raw = pd.DataFrame.from_records(rows, columns=list(columns))
        return pd.DataFrame(
            {name: series(name, kind_, raw[name], kind) for name, kind_ in kind.kinds().items()}
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

    @_sqlite_errors_in_words
    def mood_times(self) -> list[tuple[dt.datetime, int]]:
        """When each mood was logged and its score, oldest first: all a daily mean needs, without pandas."""
        rows = self._conn.execute(f"SELECT at, mood FROM {MoodEntry.TABLE} ORDER BY at, id")
        return [(dt.datetime.fromisoformat(at), mood) for at, mood in rows]

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

    def people(self) -> pd.DataFrame:
        """People met during applications, with how to reach them."""
        return self.frame(Person)

    def follow_ups(self) -> pd.DataFrame:
        """Thank-you notes and reconnect dates, with when each was done."""
        return self.frame(FollowUp)

    def self_reviews(self) -> pd.DataFrame:
        """The person's own ratings of their interviews (``id=score`` words)."""
        return self.frame(SelfReview)

    def motivations(self) -> pd.DataFrame:
        """What drew the person to each role, what they would avoid, how much they wanted it."""
        return self.frame(Motivation)

    def check_ins(self) -> pd.DataFrame:
        """Resilience check-ins with their scores."""
        return self.frame(CheckIn)

    # --- internals --------------------------------------------------------------

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
            values = {name: from_sql(k, value) for (name, k), value in zip(kinds, row)}
            if kind is Application:
                values["stage_on"] = from_sql("date", row[-1])
            records.append(kind.trusted(**values))
        return records


# --- module internals -----------------------------------------------------------


def _key_kinds(record: Record) -> list[tuple[str, str]]:
    kinds = record.kinds()
    return [(name, kinds[name]) for name in record.KEY]
