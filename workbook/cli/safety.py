"""``workbook backup``, ``restore`` and ``forget``: keep a copy, put one back, or delete everything."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbook import backups
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

    restore = commands.add_parser(
        "restore",
        help="put a backup back in place of the journal (the current one is kept as a backup)",
        description="Replace the journal with a backup. The backup file itself is only read; "
        "the journal it replaces is kept beside it as <journal>.replaced-<date>T<time>.bak. "
        f"Answering no changes nothing and exits with {EXIT_DECLINED}.",
        parents=[parent],
    )
    restore.add_argument("file", metavar="FILE", help="the backup to put back")
    restore.add_argument("--yes", action="store_true", help="do not ask before replacing the journal")
    restore.set_defaults(handler=_restore)

    forget = commands.add_parser(
        "forget",
        help="delete the journal and every backup of it (cannot be undone)",
        description="Delete the journal, its -wal and -shm files, and every <journal>.*.bak beside it.",
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


def _restore(args: argparse.Namespace) -> int:
    journal = _journal(args)
    with backups.staged_restore(Path(args.file), journal) as staged:
        if not args.yes and not _confirmed(
            f"Replace {journal} with {args.file}? Your current journal is kept."
        ):
            print("Nothing was changed.")
            return EXIT_DECLINED
        replaced = backups.put_back(staged, journal)
    print(f"Restored {args.file} as your journal {journal}.")
    if replaced:
        print(f"The journal it replaced is kept in {replaced}.")
    return 0


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
    for path in backups.forget(journal):
        print(f"Deleted {path}")
    return 0
