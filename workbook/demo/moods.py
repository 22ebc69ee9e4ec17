"""The sample journal's moods: a steady baseline, a dip after each rejection, shorter recoveries over time.

Time is counted in days from the first day of the sample, with the hour as a
fraction (day 24 at 14:00 is 24.58).  The mood *level* at a moment is a
smooth curve; each entry is that level plus a little noise, rounded to the
1–10 scale.  All randomness comes from the ``random.Random`` passed in.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from workbook.demo.notes import DAILY_NOTES, SUPPORT
from workbook.demo.story import APPLICATIONS, SPAN, StoryApplication
from workbook.records import MoodEntry

#: Hours of the day: interviews in the morning, calls with news after lunch, emails read first thing.
INTERVIEW_HOUR = 10
CALL_HOUR = 14
EMAIL_HOUR = 9
#: A few days away with the phone off: a gap in the entries.
HOLIDAY = range(35, 39)
#: Parts of the day when people log, as (first hour, last hour).
SLOTS = {"morning": (7, 9), "midday": (12, 14), "evening": (19, 22)}
CALL_DAY_SLOTS = ("morning", "evening")
SUPPORT_DAYS = frozenset(day for day, *_ in SUPPORT)
APPLIED_DAYS = frozenset(app.applied for app in APPLICATIONS)

EMOTIONS_BY_LEVEL = (
    (3, ("disappointed", "sad", "tired", "numb", "frustrated")),
    (5, ("tired", "anxious", "frustrated", "flat", "restless", "calm")),
    (7, ("calm", "hopeful", "content", "focused", "motivated")),
    (10, ("hopeful", "grateful", "proud", "motivated", "relieved", "content")),
)


@dataclass(frozen=True)
class Call:
    """A call on a given day: an interview, a rejection or an offer."""

    day: int
    kind: str
    app: StoryApplication


def baseline(t: float) -> float:
    """The usual mood, rising a little over the six months."""
    return 6.1 + 0.7 * t / SPAN


def recovery_length(day: int) -> float:
    """Days the mood takes to climb back after a rejection on ``day``: about twelve at first, three at the end."""
    return 12 - 10 * day / SPAN


def news_time(app: StoryApplication) -> float:
    """The moment the outcome arrived, in fractional days."""
    hour = EMAIL_HOUR if app.channel == "email" else CALL_HOUR
    return (app.outcome_day or 0) + hour / 24


def level(t: float) -> float:
    """The mood level at moment ``t``: baseline, minus what each rejection still weighs, plus the offer."""
    value = baseline(t)
    for app in APPLICATIONS:
        if app.outcome_day is None:
            continue
        since = t - news_time(app)
        if since < 0:
            continue
        if app.outcome == "rejected":
            value -= app.dip * max(0.0, 1 - since / recovery_length(app.outcome_day))
        elif app.outcome == "offer":
            value += 0.5 + 1.5 * max(0.0, 1 - since / 8)
    return value


def calls() -> list[Call]:
    """Every interview, rejection call and offer call in the story."""
    found = []
    for app in APPLICATIONS:
        found += [Call(day, "interview", app) for stage, day in app.stages if stage in ("interview", "final")]
        if app.outcome == "rejected" and app.channel in ("video_call", "phone"):
            found.append(Call(app.outcome_day or 0, "rejection", app))
        if app.outcome == "offer":
            found.append(Call(app.outcome_day or 0, "offer", app))
    return sorted(found, key=lambda call: call.day)


def mood_entries(start: dt.date, app_ids: dict[str, int], rng: random.Random) -> list[MoodEntry]:
    """Every mood entry of the sample, oldest first."""
    by_day: dict[int, list[Call]] = {}
    for call in calls():
        by_day.setdefault(call.day, []).append(call)
    entries: list[MoodEntry] = []
    for day in range(SPAN + 1):
        todays = by_day.get(day, [])
        slots = _slots(day, todays)
        if day in HOLIDAY or (slots == tuple(SLOTS) and rng.random() < 0.1):
            continue
        entries += _daily(start, day, slots, rng)
        for call in todays:
            entries += _around_call(start, call, app_ids[call.app.key], rng)
    return sorted(entries, key=lambda entry: entry.at)


def _slots(day: int, todays: list[Call]) -> tuple[str, ...]:
    # On the day bad news arrives, the day's entries come after it.
    news = [news_time(app) for app in APPLICATIONS if app.outcome == "rejected" and app.outcome_day == day]
    if news:
        return tuple(slot for slot, (first, _) in SLOTS.items() if day + first / 24 > min(news))
    return CALL_DAY_SLOTS if todays else tuple(SLOTS)


def _daily(start: dt.date, day: int, slots: tuple[str, ...], rng: random.Random) -> list[MoodEntry]:
    count = min(rng.choices((1, 2, 3), weights=(4, 4, 2))[0], len(slots))
    picked = rng.sample(slots, count)
    chosen = [slot for slot in slots if slot in picked]
    entries = []
    for slot in chosen:
        first, last = SLOTS[slot]
        at = _moment(start, day, rng.randint(first, last), rng.randint(0, 59))
        mood = _mood(level(_fraction(day, at)) + rng.gauss(0, 0.6))
        entries.append(
            MoodEntry(
                at=at,
                mood=mood,
                emotions=_emotions(mood, rng),
                tags=_tags(day, slot, mood, rng),
                energy=_energy(mood, rng),
                note=_note(day, at, slot, rng),
            )
        )
    return entries


def _around_call(start: dt.date, call: Call, app_id: int, rng: random.Random) -> list[MoodEntry]:
    hour = INTERVIEW_HOUR if call.kind == "interview" else CALL_HOUR
    company = call.app.company
    entries = []
    # Interviews and video calls are booked ahead; a phone call just rings.
    if call.kind == "interview" or call.app.channel == "video_call":
        before = _moment(start, call.day, hour - 1, 35)
        mood = _mood(level(_fraction(call.day, before)) - 1 + rng.gauss(0, 0.4))
        text = "Interview" if call.kind == "interview" else "Call"
        entries.append(
            MoodEntry(
                at=before,
                mood=mood,
                emotions=("anxious", "hopeful"),
                energy=_energy(mood, rng),
                note=f"{text} with {company} soon. Questions are written down; breathing slowly.",
                context="before_call",
                application_id=app_id,
            )
        )
    after = _moment(start, call.day, hour + 1, 10)
    mood = _mood(
        level(_fraction(call.day, after)) + (0.5 if call.kind == "interview" else 0) + rng.gauss(0, 0.4)
    )
    entries.append(
        MoodEntry(
            at=after,
            mood=mood,
            emotions=_call_emotions(call),
            tags=("walked",) if call.kind == "rejection" and call.day > SPAN / 2 else (),
            energy=_energy(mood, rng),
            note=_after_note(call),
            context="after_call",
            application_id=app_id,
        )
    )
    return entries


def _call_emotions(call: Call) -> tuple[str, ...]:
    if call.kind == "interview":
        return ("relieved", "hopeful")
    if call.kind == "offer":
        return ("relieved", "proud", "grateful")
    # Later in the search the same news lands on firmer ground.
    return ("disappointed", "calm") if call.day > SPAN / 2 else ("disappointed", "sad")


def _after_note(call: Call) -> str:
    company = call.app.company
    if call.kind == "interview":
        return f"Interview with {company} done. Some good moments in there."
    if call.kind == "offer":
        return f"An offer from {company}! Still taking it in."
    return f"It's a no from {company}. Wrote down what they said."


def _moment(start: dt.date, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(start + dt.timedelta(days=day), dt.time(hour, minute))


def _fraction(day: int, at: dt.datetime) -> float:
    return day + (at.hour + at.minute / 60) / 24


def _mood(value: float) -> int:
    return max(1, min(10, round(value)))


def _energy(mood: int, rng: random.Random) -> int | None:
    if rng.random() < 0.15:
        return None
    return max(1, min(5, round(mood / 2 + rng.gauss(0, 0.5))))


def _emotions(mood: int, rng: random.Random) -> tuple[str, ...]:
    words = next(words for top, words in EMOTIONS_BY_LEVEL if mood <= top)
    return tuple(rng.sample(words, rng.choice((1, 1, 2))))


def _tags(day: int, slot: str, mood: int, rng: random.Random) -> tuple[str, ...]:
    progress = day / SPAN
    # Habits that help grow a little more common as the months go by.
    chances = {
        "slept badly": (0.45 if mood <= 4 else 0.1) if slot == "morning" else 0.0,
        "slept well": 0.25 if mood >= 7 and slot == "morning" else 0.0,
        "walked": 0.2 + 0.2 * progress,
        "exercised": 0.08 + 0.2 * progress,
        "talked to a friend": 0.9 if slot == "evening" and day in SUPPORT_DAYS else 0.06,
        "worked on applications": 0.8 if day in APPLIED_DAYS else 0.08,
        "learned something": 0.1,
        "rested": 0.2 if mood <= 5 else 0.05,
    }
    return tuple(tag for tag, chance in chances.items() if rng.random() < chance)


def _note(day: int, at: dt.datetime, slot: str, rng: random.Random) -> str:
    for app in APPLICATIONS:
        if app.outcome == "rejected" and app.channel == "email" and app.outcome_day == day:
            if _fraction(day, at) >= news_time(app):
                return f"Email from {app.company}: it's a no. Short and polite."
    return rng.choice(DAILY_NOTES) if slot == "evening" and rng.random() < 0.25 else ""
