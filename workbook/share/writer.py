"""Writing a bundle or a cohort page: private (0600) and all at once.

The file is written beside its target under a temporary name and renamed over
it only when complete, so a failure (a full disk, an interrupted run) never
leaves a half-written bundle or page, and a file that was there before stays
whole until the new one replaces it.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from workbook.errors import ValidationError
from workbook.files import FILE_MODE, open_private
from workbook.outputs import check_output


def check_target(
    path: str | os.PathLike[str],
    field: str,
    *,
    journal: str | os.PathLike[str] | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """``path`` as a file to write, else ValidationError on ``field``.

    Refused: a folder, a folder that does not exist, and whatever
    :func:`workbook.outputs.check_output` refuses (``journal`` and its files,
    one of the ``inputs``, a named pipe or a device).
    """
    target = Path(path)
    if target.is_dir():
        raise ValidationError(field, f"{target} is a folder; name the file to write inside it")
    folder = target.parent
    if not folder.is_dir():
        reason = "is a file, not a folder" if folder.exists() else "does not exist; create it first"
        raise ValidationError(field, f"the folder {folder} {reason}")
    return check_output(target, field, journal=journal, inputs=inputs)


def write_bundle(
    path: str | os.PathLike[str], members: Mapping[str, bytes], *, when: dt.datetime | None = None
) -> Path:
    """Write ``members`` (name -> bytes) as a zip at ``path``, mode 0600, atomically; return the path."""
    moment = (when or dt.datetime.now()).timetuple()[:6]

    def fill(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                info = zipfile.ZipInfo(name, date_time=moment)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (0o100000 | FILE_MODE) << 16  # a regular file, private
                archive.writestr(info, data)

    return replace_private(path, fill)


def write_page(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) at ``path``, mode 0600, atomically; return the path."""
    data = text.encode("utf-8")
    return replace_private(path, lambda handle: handle.write(data))


def replace_private(path: str | os.PathLike[str], fill: Callable[[BinaryIO], object]) -> Path:
    """Call ``fill(handle)`` on a new private file beside ``path``, then rename it over ``path``."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")
    try:
        with open_private(temporary, "xb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target
