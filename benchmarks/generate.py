"""A large, deterministic journal and Daylio export for the benchmarks.

``generate.py --journal out/journal.db --daylio out/daylio.csv`` writes ten
years (by default) of someone's job search, ending on END: per year 550 mood
entries (with gaps of a week or more, and several entries on some days), 100
applications with stage histories (59 of them rejected), feedback with themes,
call notes, reflections, actions, checklist runs and support contacts, and
the newer kinds: praise, people met, follow-ups, self-reviews, what the person
wanted from each role, and a check-in every two weeks.  The
same seed always gives the same journal.  Everything goes in through
:class:`workbook.journal.Journal` and :mod:`workbook.records`, in one
transaction.

The Daylio export holds the same mood entries in Daylio's layout (newest
first, 12-hour times, activities joined by " | ").  It uses Daylio's five
default mood names exactly, with no byte-order mark, so that the
``daylio-parser`` package can read it too.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from workbook.checkin import score
from workbook.growth_records import CheckIn, FollowUp, Motivation, Person, SelfReview, score_words
from workbook.journal import Journal
from workbook.records import (
    Action,
    Application,
    CallNotes,
    ChecklistRun,
    FeedbackItem,
    MoodEntry,
    Reflection,
    StageChange,
    SupportContact,
)
from workbook.template import default_template

#: The last day of the generated history: in the past, so no "not in the future" rule fires.
END = dt.date(2026, 10, 31)
DAYS_PER_YEAR = 365
#: Counts per year of history.
MOODS_PER_YEAR = 550
MOOD_DAYS_PER_YEAR = 300
APPLICATIONS_PER_YEAR = 100
REJECTIONS_PER_YEAR = 59
REFLECTIONS_PER_YEAR = 30
ACTIONS_PER_YEAR = 15
CHECKLISTS_PER_YEAR = 60
SUPPORT_PER_YEAR = 40
PRAISE_PER_YEAR = 30
PEOPLE_PER_YEAR = 40
SELF_REVIEWS_PER_YEAR = 40
MOTIVATIONS_PER_YEAR = 80
CHECK_IN_EVERY_DAYS = 14
#: How far a rejection pulls the mood down at first, and for how many days.
DIP_DEPTH = 3.0
DIP_DAYS = 14

COMPANIES = ("Blue Alder", "Larkspur", "Harbourline", "Orchard Grid", "Copperleaf", "Northwind", "Tallis")
ROLES = ("Data Analyst", "BI Analyst", "Analytics Engineer", "Junior Data Scientist", "Reporting Analyst")
STAGE_WEIGHTS = {"applied": 40, "screen": 30, "interview": 20, "final": 10}
OTHER_OUTCOMES = {"pending": 15, "ghosted": 16, "withdrawn": 5, "offer": 5}
CHANNELS = ("email", "phone", "video_call", "none")
THEMES = {
    "technical_depth": "They wanted deeper SQL and more hands-on coding.",
    "communication": "I could explain my thinking more clearly and concisely.",
    "experience_level": "They went with someone who had more years of experience.",
    "role_fit": "The role needed more stakeholder management than I showed.",
    "culture_fit": "They felt the team's way of working did not suit me.",
    "competition": "It was a strong field and someone else edged it.",
    "preparation": "I should research the company and its products more.",
    "examples_impact": "Give concrete examples with numbers about impact.",
}
EMOTIONS = ("disappointed", "sad", "frustrated", "anxious", "tired", "calm", "hopeful", "grateful", "proud")
TAGS = ("walked", "exercised", "slept well", "slept badly", "talked to a friend", "learned something")
PROMPTS = {
    "after_call.feel": "How are you feeling right now?",
    "after_call.learned": "What did you learn from this process?",
    "gibbs.analysis": "Analysis: why do you think it went that way?",
    "long_term.skills": "Which interview skills are stronger now than when you started?",
}
CHECKLISTS = {
    "before_call": ("calm", "open", "questions", "notes", "courteous"),
    "after_call": ("feel", "talk", "notes", "learned", "strengths", "next"),
}
COVERED = ("thanks", "reason", "feedback", "questions", "reapply")
PEOPLE = ("Sam", "Priya", "Mum", "Coach Jo", "Alex")
STRENGTHS = {
    "stood_out": "You were one of the strongest we saw.",
    "good_questions": "Your questions about the team were thoughtful.",
    "rapport": "The panel enjoyed talking with you.",
    "enthusiasm": "Your interest in the role came through.",
}
INTERVIEWERS = ("Dana Whitfield", "Omar Reyes", "Lena Park", "Tom Okafor", "Ruth Mills")
SELF_REVIEW = ("preparation", "examples_impact", "technical_depth", "communication", "questions_asked")
DRAWS = ("remote", "mentoring", "small team", "mission", "learning budget", "short commute")
AVOIDS = ("on-call", "long commute", "vague role", "big agency")
#: Rebound's 1-10 mood and Daylio's default names, worst first.
DAYLIO_MOODS = ("awful", "bad", "meh", "good", "rad")
DAYLIO_HEADER = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")


@dataclass
class History:
    """Everything to write, as records (applications without ids yet)."""

    applications: list[Application] = field(default_factory=list)
    stages: list[list[tuple[str, dt.date]]] = field(default_factory=list)
    moods: list[MoodEntry] = field(default_factory=list)


def build_history(years: int, seed: int) -> History:
    """The applications and moods of ``years`` years ending on END, from ``seed``."""
    rng = random.Random(seed)
    start = END - dt.timedelta(days=years * DAYS_PER_YEAR - 1)
    history = History()
    rejected = set(rng.sample(range(years * APPLICATIONS_PER_YEAR), years * REJECTIONS_PER_YEAR))
    for number in range(years * APPLICATIONS_PER_YEAR):
        app, stages = _application(rng, start, number, number in rejected)
        history.applications.append(app)
        history.stages.append(stages)
    rejections = sorted(a.outcome_on for a in history.applications if a.outcome == "rejected")
    history.moods = _moods(rng, start, years, rejections)
    return history


def _application(
    rng: random.Random, start: dt.date, number: int, rejected: bool
) -> tuple[Application, list[tuple[str, dt.date]]]:
    span = (END - start).days - 70
    applied = start + dt.timedelta(days=rng.randrange(span))
    stage = rng.choices(list(STAGE_WEIGHTS), weights=list(STAGE_WEIGHTS.values()))[0]
    reached = list(STAGE_WEIGHTS)[: list(STAGE_WEIGHTS).index(stage) + 1]
    stages, day = [], applied
    for name in reached:
        stages.append((name, day))
        day += dt.timedelta(days=rng.randint(3, 12))
    outcome = "rejected" if rejected else rng.choices(list(OTHER_OUTCOMES), list(OTHER_OUTCOMES.values()))[0]
    outcome_on = None if outcome == "pending" else day
    app = Application(
        company=f"{rng.choice(COMPANIES)} {number}",
        role=rng.choice(ROLES),
        applied_on=applied,
        stage=stage,
        stage_on=stages[-1][1],
        outcome=outcome,
        outcome_on=outcome_on if outcome != "ghosted" else day + dt.timedelta(days=21),
        channel=rng.choice(CHANNELS) if outcome_on else "none",
        notes=f"Application {number}.",
    )
    return app, stages


def _moods(rng: random.Random, start: dt.date, years: int, rejections: list[dt.date]) -> list[MoodEntry]:
    days = _mood_days(rng, start, years)
    extra = rng.choices(range(len(days)), k=years * (MOODS_PER_YEAR - MOOD_DAYS_PER_YEAR))
    per_day = [1] * len(days)
    for index in extra:
        per_day[index] += 1
    entries = []
    for day, count in zip(days, per_day):
        level = _mood_level(day, start, rejections)
        for slot in range(count):
            hour = 8 + (slot * 13 // max(count, 1)) + rng.randint(0, 2)
            mood = max(1, min(10, round(level + rng.gauss(0, 1.2))))
            entries.append(
                MoodEntry(
                    at=dt.datetime.combine(day, dt.time(min(hour, 23), rng.randrange(60))),
                    mood=mood,
                    emotions=tuple(rng.sample(EMOTIONS, rng.randint(0, 2))),
                    tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
                    energy=rng.randint(1, 5) if rng.random() < 0.6 else None,
                    note=f"Entry on {day:%d %B}, slot {slot}." if rng.random() < 0.3 else "",
                    context=rng.choice(("daily", "daily", "daily", "before_call", "after_call")),
                )
            )
    return entries


def _mood_days(rng: random.Random, start: dt.date, years: int) -> list[dt.date]:
    """MOOD_DAYS_PER_YEAR distinct days a year, with a few gaps of one to three weeks."""
    total = years * DAYS_PER_YEAR
    blocked: set[int] = set()
    for _ in range(years * 3):
        first = rng.randrange(total)
        blocked.update(range(first, first + rng.randint(7, 21)))
    open_days = [d for d in range(total) if d not in blocked]
    chosen = sorted(rng.sample(open_days, years * MOOD_DAYS_PER_YEAR))
    return [start + dt.timedelta(days=d) for d in chosen]


def _mood_level(day: dt.date, start: dt.date, rejections: list[dt.date]) -> float:
    """A gently drifting mood that dips after each recent rejection and climbs back."""
    level = 6.5 + ((day - start).days % 120) / 120
    first = bisect.bisect_left(rejections, day - dt.timedelta(days=DIP_DAYS - 1))
    for rejected_on in rejections[first : bisect.bisect_right(rejections, day)]:
        level -= DIP_DEPTH * (1 - (day - rejected_on).days / DIP_DAYS)
    return level


def write_journal(path: Path, history: History, seed: int) -> dict[str, int]:
    """Write ``history`` and its notes into a new journal at ``path``; return the counts."""
    rng = random.Random(seed + 1)
    with Journal(path) as journal, journal.transaction():
        ids = [journal.add(app).id for app in history.applications]
        journal.set_stage_histories(
            {
                app_id: [StageChange(application_id=app_id, stage=s, changed_on=d) for s, d in stages]
                for app_id, stages in zip(ids, history.stages)
            }
        )
        for mood in history.moods:
            journal.add(mood)
        for record in _notes(rng, history, ids):
            journal.add(record)
        return journal.counts()


def _notes(rng: random.Random, history: History, ids: list[int]) -> list:
    """Feedback, call notes, reflections, actions, checklists, the newer kinds and support contacts."""
    records: list = []
    years = len(history.applications) // APPLICATIONS_PER_YEAR
    rejected = [(i, a) for i, a in zip(ids, history.applications) if a.outcome == "rejected"]
    for app_id, app in rejected:
        if rng.random() < 0.6:
            for theme in rng.sample(list(THEMES), rng.randint(1, 3)):
                text = f"{THEMES[theme]} ({app.company})"
                records.append(FeedbackItem(application_id=app_id, text=text, themes=(theme,)))
        if app.channel in ("phone", "video_call"):
            covered = tuple(rng.sample(COVERED, rng.randint(1, 4)))
            records.append(CallNotes(application_id=app_id, held_on=app.outcome_on, covered=covered))
    for number in range(years * REFLECTIONS_PER_YEAR):
        app_id, app = rng.choice(rejected)
        prompt_id = rng.choice(list(PROMPTS))
        at = dt.datetime.combine(app.outcome_on, dt.time(20, number % 60))
        answer = f"Reflection {number}: steadier than last time."
        records.append(Reflection(at=at, prompt_id=prompt_id, prompt=PROMPTS[prompt_id], answer=answer))
    for number in range(years * ACTIONS_PER_YEAR):
        _, app = rng.choice(rejected)
        done = app.outcome_on + dt.timedelta(days=rng.randint(3, 30))
        records.append(
            Action(
                title=f"Practise {number}",
                theme=rng.choice(list(THEMES)),
                created_on=app.outcome_on,
                due_on=app.outcome_on + dt.timedelta(days=21),
                done_on=done if done <= END and rng.random() < 0.7 else None,
            )
        )
    for number in range(years * CHECKLISTS_PER_YEAR):
        app_id, app = rng.choice(rejected)
        checklist = rng.choice(list(CHECKLISTS))
        ticked = tuple(rng.sample(CHECKLISTS[checklist], rng.randint(1, 4)))
        at = dt.datetime.combine(app.outcome_on, dt.time(9 + number % 10, number % 60))
        records.append(ChecklistRun(at=at, checklist_id=checklist, ticked=ticked, application_id=app_id))
    records += _growth(rng, history, ids, rejected)
    for number in range(years * SUPPORT_PER_YEAR):
        day = END - dt.timedelta(days=rng.randrange(years * DAYS_PER_YEAR))
        records.append(
            SupportContact(
                talked_on=day, who=rng.choice(PEOPLE), helped=rng.randint(1, 5), note=f"Talk {number}"
            )
        )
    return records


def _growth(rng: random.Random, history: History, ids: list[int], rejected: list) -> list:
    """Praise, people met, follow-ups, self-reviews, what was wanted, and fortnightly check-ins."""
    records: list = []
    years = len(history.applications) // APPLICATIONS_PER_YEAR
    interviewed = [
        (app_id, app, stages)
        for app_id, app, stages in zip(ids, history.applications, history.stages)
        if app.stage in ("interview", "final")
    ]
    for app_id, app in rng.sample(rejected, min(len(rejected), years * PRAISE_PER_YEAR)):
        theme = rng.choice(list(STRENGTHS))
        text = f"{STRENGTHS[theme]} ({app.company})"
        records.append(FeedbackItem(application_id=app_id, text=text, themes=(theme,), positive=True))
    for app_id, app, _stages in rng.sample(interviewed, min(len(interviewed), years * PEOPLE_PER_YEAR)):
        name = rng.choice(INTERVIEWERS)
        records.append(Person(application_id=app_id, name=name, role="Hiring manager"))
        if app.outcome == "rejected":
            records.append(
                FollowUp(
                    application_id=app_id,
                    kind="reconnect",
                    created_on=app.outcome_on,
                    due_on=app.outcome_on + dt.timedelta(days=90),
                    done_on=_done(rng, app.outcome_on + dt.timedelta(days=95)),
                    person=name,
                )
            )
    for app_id, _app, stages in rng.sample(interviewed, min(len(interviewed), years * SELF_REVIEWS_PER_YEAR)):
        ratings = {point: rng.randint(2, 5) for point in SELF_REVIEW}
        records.append(
            SelfReview(
                application_id=app_id,
                held_on=stages[-1][1],
                ratings=score_words(ratings),
                differently="Lead with the result, then the method.",
            )
        )
    chosen = rng.sample(range(len(ids)), min(len(ids), years * MOTIVATIONS_PER_YEAR))
    for index in chosen:
        records.append(
            Motivation(
                application_id=ids[index],
                wanted=rng.randint(1, 5),
                draws=tuple(rng.sample(DRAWS, rng.randint(0, 2))),
                avoids=tuple(rng.sample(AVOIDS, rng.randint(0, 1))),
            )
        )
    records += _check_ins(rng, history)
    return records


def _done(rng: random.Random, day: dt.date) -> dt.date | None:
    """Half the follow-ups are done on ``day``, when that is not after END."""
    return day if day <= END and rng.random() < 0.5 else None


def _check_ins(rng: random.Random, history: History) -> list[CheckIn]:
    """A check-in every two weeks, answered around the person's mood at the time."""
    questionnaire = default_template().checkin
    first = min(app.applied_on for app in history.applications)
    found = []
    for offset in range(0, (END - first).days, CHECK_IN_EVERY_DAYS):
        day = first + dt.timedelta(days=offset)
        leaning = 2.5 + 2 * offset / (END - first).days
        answers = {}
        for statement in questionnaire.statements:
            agree = 6 - leaning if statement.reverse else leaning
            answers[statement.id] = min(5, max(1, round(agree + rng.gauss(0, 0.8))))
        found.append(
            CheckIn(
                at=dt.datetime.combine(day, dt.time(19, 30)),
                questionnaire_id=questionnaire.id,
                answers=score_words(answers),
                score=score(answers, questionnaire),
            )
        )
    return found


def write_daylio(path: Path, history: History) -> int:
    """Write the moods as a Daylio export (newest first); return the number of rows."""
    rows = []
    for entry in sorted(history.moods, key=lambda m: m.at, reverse=True):
        rows.append(
            (
                entry.at.date().isoformat(),
                f"{entry.at.day} {entry.at:%B}",
                f"{entry.at:%A}",
                _clock(entry.at.time()),
                DAYLIO_MOODS[(entry.mood - 1) // 2],
                " | ".join(entry.tags),
                "",
                entry.note,
            )
        )
    with path.open("w", newline="", encoding="utf-8") as handle:
        handle.write(",".join(DAYLIO_HEADER) + "\n")
        for row in rows:
            # Daylio quotes the last three fields always and the others never.
            handle.write(",".join([*row[:5], *(_quoted(v) for v in row[5:])]) + "\n")
    return len(rows)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _clock(time: dt.time) -> str:
    """Daylio's 12-hour clock: "10:05 pm"."""
    hour = time.hour % 12 or 12
    return f"{hour}:{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"


def main(argv: list[str] | None = None) -> None:
    """Write the journal and/or the Daylio export named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journal", type=Path, help="the journal file to create (must not exist)")
    parser.add_argument("--daylio", type=Path, help="the Daylio CSV export to write")
    parser.add_argument("--years", type=int, default=10, help="years of history (default 10)")
    parser.add_argument("--seed", type=int, default=14, help="random seed (default 14)")
    args = parser.parse_args(argv)
    history = build_history(args.years, args.seed)
    if args.journal:
        if args.journal.exists():
            parser.error(f"{args.journal} exists; give a new file")
        counts = write_journal(args.journal, history, args.seed)
        print(f"{args.journal}: " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    if args.daylio:
        args.daylio.parent.mkdir(parents=True, exist_ok=True)
        print(f"{args.daylio}: {write_daylio(args.daylio, history)} rows")


if __name__ == "__main__":
    main()
