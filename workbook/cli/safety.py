"""``workbook backup``, ``backups``, ``restore`` and ``forget``: keep a copy, see them, put one back, or delete everything."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from workbook import backups, messages
from workbook.cli.common import journal_option
from workbook.errors import ValidationError
from workbook.location import journal_path

#: Exit code when the person answers no: nothing went wrong, and nothing was done.
EXIT_DECLINED = 1


def register(commands: argparse._SubParsersAction) -> None:
    """Add the backup, restore and forget subcommands."""
    parent = journal_option()
    save = commands.add_parser(
        "backup",
        help="copy the journal to a backup file (safe while a notebook is open)",
        description="Copy the journal, as it is right now, to a private backup file.",
        parents=[parent],
    )
    save.add_argument(
        "dest",
        nargs="?",
        metavar="DEST",
        help="the file (or folder) to write (default: <journal>.backup-<date>T<time>.bak beside the journal)",
    )
    save.set_defaults(handler=_backup)

    listing = commands.add_parser(
        "backups",
        help="list the journal's backups, newest first, and whether each is good",
        description="List every backup of the journal (the automatic ones Rebound keeps by itself, "
        "and those you made), newest first: when, how big, how many entries, and whether it is good.",
        parents=[parent],
    )
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    listing.set_defaults(handler=_backups)

    restore = commands.add_parser(
        "restore",
        help="put a backup back in place of the journal (the current one is kept as a backup)",
        description="Replace the journal with a backup. The backup file itself is only read; "
        "the journal it replaces is kept beside it as <journal>.replaced-<date>T<time>.bak. "
        f"Answering no changes nothing and exits with {EXIT_DECLINED}.",
        parents=[parent],
    )
    restore.add_argument("file", metavar="FILE", nargs="?", help="the backup to put back")
    restore.add_argument("--latest", action="store_true", help="put back the newest good backup")
    restore.add_argument("--yes", action="store_true", help="do not ask before replacing the journal")
    restore.set_defaults(handler=_restore)

    forget = commands.add_parser(
        "forget",
        help="delete the journal and every backup of it (cannot be undone)",
        description="Delete the journal, its -wal and -shm files, and every backup of it (the "
        "<journal>.*.bak files beside it and the automatic ones in .<journal>.backups/). When the "
        "journal is a symbolic link, the real file it points at goes, with its backups, and the link.",
        parents=[parent],
    )
    forget.add_argument("--yes", action="store_true", help="confirm: everything listed is deleted for good")
    forget.set_defaults(handler=_forget)


def _journal(args: argparse.Namespace) -> Path:
    return journal_path(getattr(args, "journal", None))


def _backup(args: argparse.Namespace) -> int:
    written = backups.backup(_journal(args), Path(args.dest) if args.dest else None)
    print(f"Backed up your journal to {written}.")
    return 0


def _backups(args: argparse.Namespace) -> int:
    journal = _journal(args)
    found = backups.listed(journal)
    if args.json:
        rows = [
            {
                "path": str(info.path),
                "taken": info.taken.isoformat(timespec="seconds"),
                "size": info.size,
                "entries": info.entries,
                "good": info.good,
            }
            for info in found
        ]
        print(json.dumps(rows, indent=2))
        return 0
    if not found:
        print(messages.NO_BACKUPS.format(journal=journal))
        return 0
    for info in found:
        entries = (
            "-" if info.entries is None else f"{info.entries:,} {'entry' if info.entries == 1 else 'entries'}"
        )
        state = "good" if info.good else "DAMAGED or not a journal"
        print(f"{info.taken:%Y-%m-%d %H:%M}  {info.size:>12,} bytes  {entries:>14}  {state:<5}  {info.path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    journal = _journal(args)
    file = _which_backup(args, journal)
    with backups.staged_restore(file, journal) as staged:
        if not args.yes and not _confirmed(f"Replace {journal} with {file}? Your current journal is kept."):
            print("Nothing was changed.")
            return EXIT_DECLINED
        replaced = backups.put_back(staged, journal)
    print(f"Restored {file} as your journal {journal}.")
    if replaced:
        print(f"The journal it replaced is kept in {replaced}.")
    return 0


def _which_backup(args: argparse.Namespace, journal: Path) -> Path:
    if args.latest == bool(args.file):
        raise ValidationError("FILE", messages.RESTORE_WHICH)
    if args.file:
        return Path(args.file)
    newest = backups.newest_good(journal)
    if newest is None:
        raise ValidationError("--latest", messages.RESTORE_NO_GOOD_BACKUP.format(journal=journal))
    return newest


def _confirmed(question: str) -> bool:
    """Ask on the terminal; only an explicit yes counts (no answer, or end of input, is no)."""
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _forget(args: argparse.Namespace) -> int:
    journal = _journal(args)
    doomed = backups.forget_targets(journal)
    if not doomed:
        print(f"There is nothing to delete: no journal at {journal}, and no backups beside it.")
        return 0
    if not args.yes:
        raise ValidationError(
            "--yes",
            f"this deletes {len(doomed)} files for good ({', '.join(str(p) for p in doomed)}); "
            "add --yes to delete them",
        )
    if journal.is_symlink():
        print(messages.FORGET_LINK.format(link=journal, real=os.path.realpath(journal)))
    for path in backups.forget(journal):
        print(f"Deleted {path}")
    return 0
