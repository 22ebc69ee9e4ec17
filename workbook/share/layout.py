"""The bundle's layout: its format version, what a person can opt into, and the only member names it may hold.

Writer and reader both follow this one list, so a bundle holding any other
name (or a name in a folder) is refused before anything in it is read.
"""

from __future__ import annotations

from workbook.errors import ValidationError
from workbook.messages import SHARE_BAD_INCLUDE

#: The bundle format this code writes and the only one it reads.
FORMAT_VERSION = 1

#: What a person may add to a bundle, one opt-in each.
INCLUDES = ("feedback", "notes", "reflections", "companies")

MANIFEST = "manifest.json"
COUNTS = "counts.json"
REJECTIONS = "rejections.json"
THEMES = "themes.json"
CHECK_INS = "check_ins.json"
#: The free-text members, each written only when its opt-in is ticked.
TEXT_MEMBERS = {"feedback": "feedback.json", "notes": "notes.json", "reflections": "reflections.json"}

#: The charts a bundle may carry, in the order they are shown.
CHART_NAMES = (
    "recovery",
    "mood_timeline",
    "check_ins",
    "theme_frequency",
    "themes_over_time",
    "rejections_by_month",
    "funnel",
    "dip_by_stage",
)


def chart_member(name: str) -> str:
    """The member name of chart ``name``."""
    return f"charts/{name}.png"


#: Every member name a bundle may hold.
ALLOWED_MEMBERS = frozenset(
    {MANIFEST, COUNTS, REJECTIONS, THEMES, CHECK_INS, *TEXT_MEMBERS.values()}
    | {chart_member(name) for name in CHART_NAMES}
)


def parse_includes(words: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """The opt-ins in ``words`` ("feedback,notes" or a list), in the order of :data:`INCLUDES`.

    An unknown word raises :class:`ValidationError` naming ``--include``.
    """
    if words is None:
        return ()
    parts = words.split(",") if isinstance(words, str) else list(words)
    chosen = {part.strip().lower() for part in parts if part.strip()}
    for word in sorted(chosen):
        if word not in INCLUDES:
            raise ValidationError(
                "--include", SHARE_BAD_INCLUDE.format(word=word, choices=", ".join(INCLUDES))
            )
    return tuple(word for word in INCLUDES if word in chosen)
