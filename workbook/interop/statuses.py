"""What people write in a spreadsheet's status and channel columns, in Rebound's terms.

A status word says how far an application got (its stage), how it ended (its
outcome), or both: "Interviewing" is the interview stage, still pending;
"Rejected" is a rejection at an unknown stage; "Rejected after interview" is
both.  None means the word says nothing about that part.
"""

from __future__ import annotations

from workbook.errors import ValidationError
from workbook.records import STAGES

Meaning = tuple[str | None, str | None]

_STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "applied": (
        "applied", "application sent", "sent", "submitted", "pending", "waiting",
        "awaiting response", "in progress", "open", "active",
    ),
    "screen": (
        "screen", "screening", "screened", "phone screen", "phone call", "phone interview",
        "recruiter call", "recruiter screen", "hr screen", "hr call",
    ),
    "interview": (
        "interview", "interviewing", "interviewed", "interview scheduled", "technical interview",
        "tech interview", "second interview", "2nd interview", "onsite", "on site", "assessment",
        "take home",
    ),
    "final": ("final", "final round", "final interview", "final stage"),
}  # fmt: skip
_OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "rejected": ("rejected", "rejection", "not selected", "unsuccessful", "turned down"),
    "ghosted": ("ghosted", "no response", "no reply", "no answer", "never heard back", "no news"),
    "offer": ("offer", "offered", "offer received", "got an offer", "accepted", "hired"),
    "withdrawn": ("withdrawn", "withdrew", "withdrew application", "pulled out"),
}
#: Channel words, as people write them, for each of Rebound's channels.
_CHANNEL_WORDS: dict[str, tuple[str, ...]] = {
    "video_call": ("video call", "video", "zoom", "teams", "google meet", "meet", "skype", "webex"),
    "phone": ("phone", "phone call", "call", "telephone"),
    "email": ("email", "e mail", "mail"),
    "in_person": ("in person", "face to face", "onsite", "on site"),
    "none": ("none", "n a", "na", "no", "nothing"),
}
#: The words a refusal suggests: one or two per meaning, as a person would type them.
SUGGESTED_STATUSES = (
    "Applied", "Phone screen", "Interviewing", "Final round", "Rejected",
    "Rejected after interview", "No response", "Ghosted", "Offer", "Withdrawn",
)  # fmt: skip


def _status_table() -> dict[str, Meaning]:
    table: dict[str, Meaning] = {}
    for stage, words in _STAGE_WORDS.items():
        table.update({word: (stage, "pending") for word in words})
        for outcome_word in ("rejected", "unsuccessful"):
            table.update({f"{outcome_word} after {word}": (stage, "rejected") for word in words})
            table.update({f"{outcome_word} at {word}": (stage, "rejected") for word in words})
    for outcome, words in _OUTCOME_WORDS.items():
        stage = "final" if outcome == "offer" else None
        table.update({word: (stage, outcome) for word in words})
    return table


_STATUSES = _status_table()
_CHANNELS = {word: channel for channel, words in _CHANNEL_WORDS.items() for word in words}


def normalise(text: str) -> str:
    """Lower case, with punctuation as spaces and runs of spaces as one."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in text.lower())
    return " ".join(cleaned.split())


def status_meaning(field: str, text: str) -> Meaning:
    """The (stage, outcome) a status word means; (None, None) for an empty cell."""
    word = normalise(text)
    if not word:
        return (None, None)
    if word in _STATUSES:
        return _STATUSES[word]
    if word in STAGES:
        return (word, "pending")
    raise ValidationError(
        field,
        f"{text.strip()!r} is not a status Rebound knows; use words like {', '.join(SUGGESTED_STATUSES)}",
    )


def combine(field: str, meanings: list[Meaning]) -> tuple[str, str]:
    """One stage and outcome from several columns' meanings: the furthest stage, the one outcome.

    Two different outcomes (one column says Offer, another Rejected) are refused.
    """
    stages = [stage for stage, _ in meanings if stage]
    outcomes = {outcome for _, outcome in meanings if outcome and outcome != "pending"}
    if len(outcomes) > 1:
        raise ValidationError(
            field, f"the columns disagree about the outcome ({', '.join(sorted(outcomes))})"
        )
    stage = max(stages, key=STAGES.index) if stages else "applied"
    return stage, outcomes.pop() if outcomes else "pending"


def channel_of(field: str, text: str) -> str:
    """Rebound's channel for a word such as "Zoom", "E-mail" or "in person"; empty is none."""
    word = normalise(text)
    if not word:
        return "none"
    if word in _CHANNELS:
        return _CHANNELS[word]
    if word.replace(" ", "_") in _CHANNELS.values():
        return word.replace(" ", "_")
    raise ValidationError(
        field, f"{text.strip()!r} is not a channel Rebound knows; use video call, phone, email or in person"
    )
