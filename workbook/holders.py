"""Which programs hold a file open, as Linux's ``/proc`` shows them.

Used to tell a person which program to close when the journal stays locked.
Where ``/proc`` is missing or a process cannot be inspected, it is left out:
the answer is a hint, never a reason to fail.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")


def holders(path: str | os.PathLike[str]) -> list[str]:
    """The programs other than this one with ``path`` (or its ``-wal``/``-shm`` file) open.

    Each as ``"name (pid N)"``, in pid order; empty when none is found.
    """
    target = Path(path).resolve()
    wanted = {str(target), f"{target}-wal", f"{target}-shm", f"{target}-journal"}
    found = []
    for pid in _other_pids():
        if _holds(pid, wanted):
            found.append(f"{_name(pid)} (pid {pid})")
    return found


def _other_pids() -> list[int]:
    try:
        entries = os.listdir(PROC)
    except OSError:
        return []
    own = os.getpid()
    return sorted(int(entry) for entry in entries if entry.isdigit() and int(entry) != own)


def _holds(pid: int, wanted: set[str]) -> bool:
    folder = PROC / str(pid) / "fd"
    try:
        descriptors = os.listdir(folder)
    except OSError:
        return False
    for descriptor in descriptors:
        try:
            if os.readlink(folder / descriptor) in wanted:
                return True
        except OSError:
            continue
    return False


def _name(pid: int) -> str:
    try:
        return (PROC / str(pid) / "comm").read_text(encoding="utf-8", errors="replace").strip() or "a program"
    except OSError:
        return "a program"
