"""An import worked out in full before anything is written: its rows, a dry run, and storing it.

Readers of other tools' files (Daylio, spreadsheets) parse the whole file into
an :class:`ImportPlan` first, so one bad row refuses the import before the
journal is touched.  :func:`preview` shows the plan row by row without writing;
:func:`store` writes it in one transaction, skipping entries already there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.interop.importing import ImportSummary, ParsedImport, import_records
from workbook.journal import Journal
from workbook.records import Record


@dataclass(frozen=True, init=False)
class PlannedRow:
    """One record to add, the file line it came from, and how the dry run shows it."""

    line: int
    record: Record
    #: The dry run's text for the row, or what writes it (only a dry run asks, so a reader may defer it).
    show: str | Callable[[], str]

    def __init__(self, line: int, record: Record, show: str | Callable[[], str]) -> None:
        # What the frozen dataclass's own __init__ does, without object.__setattr__ per field:
        # an import plans one row per entry.
        fields = self.__dict__
        fields["line"], fields["record"], fields["show"] = line, record, show

    @property
    def shown(self) -> str:
        """How the dry run shows the row."""
        return self.show if isinstance(self.show, str) else self.show()


@dataclass
class ImportPlan:
    """Everything an import would add, plus notes on how the file was read."""

    source: Path
    rows: list[PlannedRow] = field(default_factory=list)
    #: How the file was understood (columns, mood names, statuses), for the dry run.
    notes: list[str] = field(default_factory=list)

    def by_kind(self) -> dict[type[Record], list[tuple[int, Record]]]:
        """The planned records grouped by type, each with its line number."""
        grouped: dict[type[Record], list[tuple[int, Record]]] = defaultdict(list)
        for row in self.rows:
            grouped[type(row.record)].append((row.line, row.record))
        return dict(grouped)


def store(journal: Journal, plan: ImportPlan) -> ImportSummary:
    """Add the plan's records in one transaction; records already in the journal are skipped."""
    rows = plan.by_kind()
    return import_records(journal, ParsedImport(rows, {kind: plan.source for kind in rows}))


def preview(journal: Journal, plan: ImportPlan) -> str:
    """The dry run: how the file was read, each row and whether it would be added. Writes nothing."""
    lines = [*plan.notes]
    if plan.notes:
        lines.append("")
    seen: set[tuple[Any, ...]] = set()
    added = skipped = 0
    for row in plan.rows:
        identity = (type(row.record), row.record.key())
        known = identity in seen or journal.find(row.record) is not None
        seen.add(identity)
        if known:
            skipped += 1
            lines.append(f"line {row.line}: skip (already in the journal) {row.shown}")
        else:
            added += 1
            lines.append(f"line {row.line}: add {row.shown}")
    if not plan.rows:
        lines.append("The file holds no entries.")
    lines.append("")
    lines.append(f"Dry run: {added} would be added, {skipped} already in the journal. Nothing was stored.")
    return "\n".join(lines)


def clip(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
