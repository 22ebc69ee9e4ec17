"""Pieces every subcommand shares: the --journal option, opening the journal, printing data."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from typing import Any

from workbook.journal import Journal
from workbook.location import journal_path


def journal_option(*, top_level: bool = False) -> argparse.ArgumentParser:
    """A parent parser with ``--journal PATH``, usable before or after the subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--journal",
        metavar="PATH",
        # On subcommands the default is suppressed so it never hides a top-level value.
        default=None if top_level else argparse.SUPPRESS,
        help="the journal file (default: $WORKBOOK_JOURNAL, else data/journal.db of the workbook folder)",
    )
    return parent


def open_journal(args: argparse.Namespace) -> Journal:
    """Open the journal that the arguments and environment point at."""
    return Journal(journal_path(getattr(args, "journal", None)))


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
