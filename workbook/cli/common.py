"""Pieces every subcommand shares: the --journal option, opening the journal, printing data."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.errors import ValidationError
from workbook.location import journal_path
from workbook.values import MAX_ID, shown, shown_number, spells_number, whole_number

if TYPE_CHECKING:
    from workbook.journal import Journal

#: Seconds the command waits for another program to finish writing before it says so.
BUSY_TIMEOUT = 5


def journal_option(*, top_level: bool = False) -> argparse.ArgumentParser:
    """A parent parser with ``--journal PATH``, usable before or after the subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--journal",
        metavar="PATH",
        # On subcommands the default is suppressed so it never hides a top-level value.
        default=None if top_level else argparse.SUPPRESS,
        help="the journal file (default: $WORKBOOK_JOURNAL, else data/journal.db of the workbook folder, "
        "else ~/.local/share/rebound/journal.db)",
    )
    return parent


def open_journal(args: argparse.Namespace) -> Journal:
    """Open the journal that the arguments and environment point at."""
    return journal_at(journal_path(getattr(args, "journal", None)))


def journal_at(path: str | os.PathLike[str]) -> Journal:
    """Open the journal at ``path``, waiting at most :data:`BUSY_TIMEOUT` seconds for another writer."""
    from workbook.journal import Journal  # here, so commands that open no journal never load it

    return Journal(path, busy_timeout=BUSY_TIMEOUT)


def record_id(field: str) -> Callable[[str], int]:
    """An argparse ``type`` for a record id: a whole number from 1 to SQLite's largest.

    A bad id raises :class:`ValidationError` naming ``field``; ``main`` prints it as one line.
    """

    def parse(text: str) -> int:
        try:
            value: int | None = whole_number(field, text)
        except ValidationError:  # not a number at all, or one of too many digits
            value = None
        if value is None and not spells_number(text):
            raise ValidationError(field, f"{shown(text)} is not an id; ids are whole numbers such as 3")
        if value is None or not 1 <= value <= MAX_ID:
            raise ValidationError(
                field, f"{shown_number(text)} is not an id; see `workbook list` for the ids in use"
            )
        return value

    return parse


def journal_named(args: argparse.Namespace | None) -> Path | None:
    """The journal the arguments point at, for messages; None when no rule names one."""
    try:
        return journal_path(getattr(args, "journal", None))
    except Exception:  # noqa: BLE001 - only a hint for an error message already being written
        return None


def comma_list(text: str) -> list[str]:
    """Split ``a, b,c`` into words."""
    return [part.strip() for part in text.split(",") if part.strip()]


def print_json(data: Any) -> None:
    """Print data as indented JSON, keeping non-ASCII text readable."""
    print(json.dumps(data, indent=2, ensure_ascii=False))


def print_table(rows: Iterable[dict[str, Any]], empty: str) -> None:
    """Print rows of plain values as an aligned table, or ``empty`` when there are none."""
    rows = list(rows)
    if not rows:
        print(empty)
        return
    columns = list(rows[0])
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(value)
    text = str(value).replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"
