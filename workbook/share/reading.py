"""Reading a bundle a client sent: untrusted input, checked before anything in it is used.

Nothing is ever extracted to disk.  The archive's directory is checked first
(every name one of the bundle's own, no folders, links, absolute paths, ``..``
or drive letters, nothing encrypted, no name twice); then each member is read
into memory in chunks, counting the bytes as they come, so a member over
:data:`MEMBER_LIMIT`, a bundle over :data:`BUNDLE_LIMIT` or a member that
inflates more than :data:`MAX_RATIO` times is refused as soon as it shows,
whatever the zip's header claims.  The JSON members are then checked field by
field.  Any refusal is a :class:`~workbook.errors.BundleError` naming the
bundle and the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.errors import BundleError
from workbook.files import not_a_file
from workbook.messages import BUNDLE_DATE_OUT_OF_RANGE, BUNDLE_NUMBER_OUT_OF_RANGE, BUNDLE_TEXT_TOO_LONG
from workbook.share.layout import (
    ALLOWED_MEMBERS,
    CHART_NAMES,
    CHECK_INS,
    COUNTS,
    FORMAT_VERSION,
    INCLUDES,
    MANIFEST,
    REJECTIONS,
    TEXT_MEMBERS,
    THEMES,
    chart_member,
)
from workbook.values import EARLIEST, MAX_TEXT, MAX_WORD, invalid_text, shown, today

#: The most one member may hold once inflated, in bytes (50 MB).
MEMBER_LIMIT = 50 * 1024 * 1024
#: The most a whole bundle may hold once inflated, in bytes (200 MB).
BUNDLE_LIMIT = 200 * 1024 * 1024
#: A member may inflate at most this many times its packed size once it is past :data:`RATIO_FLOOR` bytes.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
#: Bytes read from a member at a time.
CHUNK = 64 * 1024
#: The most entries an archive's directory may list (a bundle has about twenty).
MAX_ENTRIES = 100
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The largest count and the most days a bundle may state (a lifetime of job searching is far less).
MAX_COUNT = 10**9
MAX_DAYS = 100_000
#: Days a bundle's dates may lie after today: its maker's clock may be a time zone ahead of ours.
DAYS_AHEAD = 2
#: The most characters in one text of a bundle (the journal's own limit) and in one word.
MAX_BUNDLE_TEXT = MAX_TEXT
#: Said of a field that is absent or not the kind of value it must be.
_WRONG_KIND = "is missing or of the wrong kind"

_DRIVE = re.compile(r"^[A-Za-z]:")
_S_IFMT, _S_IFLNK = 0o170000, 0o120000


@dataclass(frozen=True)
class ClientBundle:
    """What one bundle holds, checked: nothing here came from the file unchecked."""

    path: Path
    format_version: int
    created: dt.datetime
    title: str
    included: tuple[str, ...]
    counts: dict[str, int]
    rejections: list[dict[str, Any]]
    themes: list[dict[str, Any]]
    check_ins: list[dict[str, Any]]
    charts: dict[str, bytes] = field(default_factory=dict)
    texts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def read_bundle(path: str | os.PathLike[str]) -> ClientBundle:
    """Read and check the bundle at ``path``; refuse it with :class:`BundleError` on anything amiss."""
    source = Path(path)
    name = str(source)
    kind = not_a_file(source)  # looked at, not opened: a named pipe would wait forever
    if kind is not None:
        raise BundleError(name, f"{kind}; name a bundle (.zip) your client sent you")
    if source.stat().st_size > BUNDLE_LIMIT:  # before zipfile reads its directory into memory
        raise BundleError(name, f"is over {_mb(BUNDLE_LIMIT)}")
    members = _members(source, name)
    return _checked(source, name, members)


# --- the archive ------------------------------------------------------------------------------


def _members(source: Path, name: str) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(source) as archive:
            entries = archive.infolist()
            _check_directory(name, entries)
            total = [0]
            return {entry.filename: _read_member(archive, entry, name, total) for entry in entries}
    except zipfile.BadZipFile as error:
        raise BundleError(name, f"is not a bundle (not a readable zip file: {error})") from None
    except (zlib.error, struct.error, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
        raise BundleError(name, f"is damaged and cannot be read ({error})") from None


def _check_directory(name: str, entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise BundleError(name, f"lists {len(entries)} files; a bundle holds at most {MAX_ENTRIES}")
    seen: set[str] = set()
    for entry in entries:
        member = entry.filename
        _check_name(name, member)
        if (entry.external_attr >> 16) & _S_IFMT == _S_IFLNK:
            raise BundleError(name, f"holds {member!r} as a symbolic link; a bundle holds plain files only")
        if entry.flag_bits & 0x1:
            raise BundleError(name, f"holds {member!r} encrypted; a bundle is never encrypted")
        if member in seen:
            raise BundleError(name, f"holds {member!r} twice")
        seen.add(member)
        if member not in ALLOWED_MEMBERS:
            raise BundleError(name, f"holds {member!r}, which is not part of a bundle")
    if MANIFEST not in seen:
        raise BundleError(name, f"has no {MANIFEST}; it is not a summary bundle")


def _check_name(name: str, member: str) -> None:
    parts = member.replace("\\", "/").split("/")
    if member.startswith(("/", "\\")):
        raise BundleError(name, f"holds {member!r}, an absolute path")
    if _DRIVE.match(member):
        raise BundleError(name, f"holds {member!r}, a path on a drive")
    if ".." in parts:
        raise BundleError(name, f"holds {member!r}, a path that leads out of the bundle")
    if "\\" in member or "\x00" in member or member.endswith("/"):
        raise BundleError(name, f"holds {member!r}, which is not part of a bundle")


def _read_member(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str, total: list[int]) -> bytes:
    """The member's bytes, counted as they inflate; refused the moment a limit is passed."""
    chunks = []
    size = 0
    with archive.open(entry) as stream:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            total[0] += len(chunk)
            if size > MEMBER_LIMIT:
                raise BundleError(name, f"{entry.filename} is over {_mb(MEMBER_LIMIT)} once unpacked")
            if total[0] > BUNDLE_LIMIT:
                raise BundleError(name, f"is over {_mb(BUNDLE_LIMIT)} once unpacked")
            if size > RATIO_FLOOR and size > MAX_RATIO * max(entry.compress_size, 1):
                raise BundleError(
                    name, f"{entry.filename} unpacks to over {MAX_RATIO} times its size (a zip bomb?)"
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _mb(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB"


# --- the members' contents ----------------------------------------------------------------------


def _checked(source: Path, name: str, members: dict[str, bytes]) -> ClientBundle:
    manifest = _json(name, MANIFEST, members[MANIFEST])
    if not isinstance(manifest, dict):
        raise BundleError(name, f"{MANIFEST} is not a JSON object")
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise BundleError(name, f"{MANIFEST}: format_version is missing or not a whole number")
    if version != FORMAT_VERSION:
        raise BundleError(
            name,
            f"format version {version} is not one this workbook reads (it reads version {FORMAT_VERSION})",
        )
    created = _moment(name, f"{MANIFEST}: created", manifest.get("created"))
    title = manifest.get("title")
    if not isinstance(title, str):
        raise BundleError(name, f"{MANIFEST}: title is missing or not text")
    _refuse(name, f"{MANIFEST}: title", _text(title))
    included = manifest.get("included")
    if not isinstance(included, list) or any(word not in INCLUDES for word in included):
        raise BundleError(name, f"{MANIFEST}: included must be a list drawn from {', '.join(INCLUDES)}")
    for word, member in TEXT_MEMBERS.items():
        if member in members and word not in included:
            raise BundleError(name, f"holds {member} though its manifest does not include {word}")
    for member in (COUNTS, REJECTIONS, THEMES, CHECK_INS):
        if member not in members:
            raise BundleError(name, f"has no {member}")
    return ClientBundle(
        path=source,
        format_version=version,
        created=created,
        title=title,
        included=tuple(word for word in INCLUDES if word in included),
        counts=_counts(name, _json(name, COUNTS, members[COUNTS])),
        rejections=_rows(name, REJECTIONS, members, _REJECTION_FIELDS, optional={"company": _text}),
        themes=_rows(name, THEMES, members, _THEME_FIELDS),
        check_ins=_rows(name, CHECK_INS, members, _CHECK_IN_FIELDS),
        charts=_charts(name, members),
        texts={
            word: _rows(name, member, members, {"text": _text}, optional=_TEXT_EXTRAS)
            for word, member in TEXT_MEMBERS.items()
            if member in members
        },
    )


def _json(name: str, member: str, data: bytes) -> Any:
    def refuse_constant(word: str) -> Any:
        raise ValueError(f"{word} is not a number JSON allows")

    try:
        return json.loads(data.decode("utf-8"), parse_constant=refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise BundleError(name, f"{member} is not valid JSON ({_short(error)})") from None


def _short(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 80 else text[:79] + "…"


def _counts(name: str, data: Any) -> dict[str, int]:
    if not isinstance(data, dict) or not all(
        _whole(value) and 0 <= value <= MAX_COUNT for value in data.values()
    ):
        raise BundleError(name, f"{COUNTS} must map each kind of record to a whole number")
    for kind in data:
        _refuse(name, f"{COUNTS}: {shown(kind)}", _word(kind))
    return {str(kind): int(value) for kind, value in data.items()}


def _refuse(name: str, where: str, reason: str | None) -> None:
    """Refuse the bundle when a check gave a ``reason``: ``BUNDLE: WHERE: reason`` (or "is missing...")."""
    if reason is None:
        return
    if reason == _WRONG_KIND:
        raise BundleError(name, f"{where} {reason}")
    raise BundleError(name, f"{where}: {reason}")


def _rows(
    name: str,
    member: str,
    members: dict[str, bytes],
    fields: dict[str, Check],
    *,
    optional: dict[str, Check] | None = None,
) -> list[dict[str, Any]]:
    """The member's list of records, each holding ``fields`` (and perhaps ``optional`` ones) of the right kind."""
    data = _json(name, member, members[member])
    if not isinstance(data, list):
        raise BundleError(name, f"{member} is not a list of records")
    optional = optional or {}
    rows = []
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise BundleError(name, f"{member}: record {number} is not a JSON object")
        row = {}
        for key, check in {**fields, **optional}.items():
            if key not in item and key in optional:
                continue
            _refuse(
                name, f"{member}: record {number}: {key}", check(item[key]) if key in item else _WRONG_KIND
            )
            row[key] = item[key]
        rows.append(row)
    return rows


def _charts(name: str, members: dict[str, bytes]) -> dict[str, bytes]:
    charts = {}
    for chart in CHART_NAMES:
        data = members.get(chart_member(chart))
        if data is None:
            continue
        if not data.startswith(PNG_SIGNATURE):
            raise BundleError(name, f"{chart_member(chart)} is not a PNG image")
        charts[chart] = data
    return charts


def _moment(name: str, where: str, value: Any) -> dt.datetime:
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            _refuse(name, where, _in_range(moment.date(), value))
            return moment
    raise BundleError(name, f"{where} is missing or not a date and time")


#: A check of one field: None when the value is good, else the reason it is refused.
Check = Callable[[Any], "str | None"]


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    # JSON's 1e400 reads as infinity; NaN is refused while parsing.  Both fail the range checks.
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: Any, limit: int = MAX_BUNDLE_TEXT) -> str | None:
    if not isinstance(value, str):
        return _WRONG_KIND
    if len(value) > limit:
        return BUNDLE_TEXT_TOO_LONG.format(length=len(value), limit=limit)
    return invalid_text(value)


def _word(value: Any) -> str | None:
    return _text(value, MAX_WORD)


def _maybe(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _in_range(day: dt.date, value: Any) -> str | None:
    """Refuse a date before 1900 or after today (and a margin): such a date is a damaged bundle's."""
    latest = today() + dt.timedelta(days=DAYS_AHEAD)
    if EARLIEST <= day <= latest:
        return None
    return BUNDLE_DATE_OUT_OF_RANGE.format(
        value=shown(value), earliest=EARLIEST.isoformat(), latest=latest.isoformat()
    )


def _iso_date(value: Any) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return _WRONG_KIND
    return _in_range(day, value)


def _iso_moment(value: Any) -> str | None:
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return _WRONG_KIND
    if moment.tzinfo is not None:  # the journal's times are local and naive; a bundle's are too
        return _WRONG_KIND
    return _in_range(moment.date(), value)


def _between(low: float, high: float, kind: Callable[[Any], bool]) -> Check:
    def check(value: Any) -> str | None:
        if not kind(value):
            return _WRONG_KIND
        if low <= value <= high:
            return None
        return BUNDLE_NUMBER_OUT_OF_RANGE.format(value=shown(value), low=low, high=high)

    return check


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else _WRONG_KIND


def _words(value: Any) -> str | None:
    if not isinstance(value, list):
        return _WRONG_KIND
    for word in value:
        reason = _word(word)
        if reason is not None:
            return reason
    return None


_score = _between(1, 5, _number)

_REJECTION_FIELDS: dict[str, Check] = {
    "application": _text,
    "role": _text,
    "rejected_on": _iso_date,
    "baseline": _maybe(_between(1, 10, _number)),
    "dip": _maybe(_between(-10, 10, _number)),
    "recovery_days": _maybe(_between(0, MAX_DAYS, _whole)),
    "recovered": _maybe(_flag),
    "bounce_back_days": _maybe(_between(0, MAX_DAYS, _whole)),
}
_THEME_FIELDS: dict[str, Check] = {
    "theme": _word,
    "label": _text,
    "items": _between(0, MAX_COUNT, _whole),
}
_CHECK_IN_FIELDS: dict[str, Check] = {"at": _iso_moment, "score": _score}
_TEXT_EXTRAS: dict[str, Check] = {
    "kind": _word,
    "application": _text,
    "company": _text,
    "prompt": _text,
    "at": _maybe(_iso_moment),
    "on": _maybe(_iso_date),
    "themes": _words,
    "positive": _flag,
}


def read_folder(folder: str | os.PathLike[str]) -> list[Path]:
    """The bundles (``*.zip``) in ``folder``, by name; none when the folder does not exist."""
    place = Path(folder)
    if not place.is_dir():
        return []
    return sorted(path for path in place.glob("*.zip") if path.is_file())
