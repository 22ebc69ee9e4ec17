"""Exactly what a bundle will share, in words a person reads before saying yes.

The same lines show in the terminal (``workbook share``) and in the *Share
with your coach* widget: every file the bundle will hold, then per kind of
record how many there are and whether their text goes with them.
"""

from __future__ import annotations

from pathlib import Path

from workbook.messages import (
    SHARE_ALWAYS,
    SHARE_COUNT_ONLY,
    SHARE_HEADING,
    SHARE_HOLDS,
    SHARE_INCLUDE_NAMES,
    SHARE_KIND_LINE,
    SHARE_KIND_NAMES,
    SHARE_NO_COMPANIES,
    SHARE_NUMBERS,
    SHARE_TEXT_IN,
    SHARE_TEXT_OUT,
)
from workbook.share.contents import TEXT_OF, Bundle, Outline


def preview_lines(bundle: Bundle | Outline, path: str | Path) -> list[str]:
    """The preview of ``bundle`` as lines of plain text, naming ``path``."""
    lines = [SHARE_HEADING.format(path=path)]
    lines += [f"  {name}" for name in bundle.member_names]
    lines += ["", SHARE_HOLDS]
    for kind, number in bundle.counts.items():
        name = SHARE_KIND_NAMES.get(kind, kind.replace("_", " ").capitalize())
        lines.append(
            SHARE_KIND_LINE.format(name=name, count=f"{number:,}", text=text_words(kind, bundle.included))
        )
    lines += ["", SHARE_ALWAYS]
    if "companies" not in bundle.included:
        lines.append(SHARE_NO_COMPANIES)
    return lines


def text_words(kind: str, included: tuple[str, ...]) -> str:
    """Whether the text of ``kind`` goes into the bundle: "your notes kept back", "only how many"."""
    if kind in SHARE_NUMBERS:
        return SHARE_NUMBERS[kind]
    opt_ins = TEXT_OF.get(kind, ())
    if not opt_ins:
        return SHARE_COUNT_ONLY
    parts = []
    for word in opt_ins:
        template = SHARE_TEXT_IN if word in included else SHARE_TEXT_OUT
        parts.append(template.format(what=SHARE_INCLUDE_NAMES[word]))
    return "; ".join(parts)


def preview_text(bundle: Bundle | Outline, path: str | Path) -> str:
    """The preview as one text."""
    return "\n".join(preview_lines(bundle, path))
