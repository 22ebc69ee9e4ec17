"""Reading another tool's export as text: UTF-8 with or without a byte-order mark."""

from __future__ import annotations

from pathlib import Path

from workbook.errors import ImportRowError, WorkbookError
from workbook.files import not_a_file


def read_utf8(source: Path, advice: str) -> str:
    """The text of ``source``; a file that is not UTF-8 is refused at the line where it breaks.

    ``advice`` tells the person how to get a UTF-8 file (e.g. how to save it again).
    """
    kind = not_a_file(source)  # looked at, not opened: a named pipe would wait forever
    if kind is not None:
        raise WorkbookError(f"import: {source}: {kind}")
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        raise WorkbookError(f"import: {source}: does not exist") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportRowError(str(source), line, "file", f"is not UTF-8 text; {advice}") from None
