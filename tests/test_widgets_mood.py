"""The mood logger: fill it in, save, read the entry back; bad input keeps what was typed and stores nothing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Application, MoodEntry
from workbook.template import load_template
from workbook.widgets import MoodLogger


def stored_moods(journal_file: Path) -> list[MoodEntry]:
    with Journal(journal_file) as again:
        return again.records(MoodEntry)


def add_application(journal: Journal) -> Application:
    return journal.add(Application(company="Acme", role="Designer", applied_on=dt.date.today()))


def test_a_filled_in_entry_is_saved_and_the_form_resets_but_keeps_the_context(
    journal: Journal, journal_file: Path
) -> None:
    app = add_application(journal)
    logger = MoodLogger(journal)
    logger.mood.value = 3
    logger.emotions["disappointed"].value = True
    logger.own_emotions.value = "gutted, a bit shaky"
    logger.tags["walked"].value = True
    logger.own_tags.value = "called mum"
    logger.energy.value = 2
    logger.note.value = "Hard call this morning."
    logger.context.value = "after_call"
    logger.application.value = app.id
    logger.save_button.click()

    [entry] = stored_moods(journal_file)
    assert entry.mood == 3
    assert entry.emotions == ("disappointed", "gutted", "a bit shaky")
    assert entry.tags == ("walked", "called mum")
    assert (entry.energy, entry.note, entry.context, entry.application_id) == (
        2,
        "Hard call this morning.",
        "after_call",
        app.id,
    )
    assert entry.at.date() == dt.date.today()
    assert re.fullmatch(r"Saved at \d\d:\d\d", logger.status_text)

    assert logger.mood.value == 5
    assert not logger.emotions["disappointed"].value and not logger.tags["walked"].value
    assert logger.own_emotions.value == logger.note.value == ""
    assert logger.energy.label == "not noted"
    assert logger.context.value == "after_call"


def test_an_earlier_moment_can_be_logged(journal: Journal, journal_file: Path) -> None:
    logger = MoodLogger(journal)
    logger.at.value = "2024-03-01 21:30"
    logger.save_button.click()
    assert stored_moods(journal_file)[0].at == dt.datetime(2024, 3, 1, 21, 30)


def test_a_bad_time_is_explained_next_to_it_and_nothing_typed_is_lost(journal: Journal) -> None:
    logger = MoodLogger(journal)
    logger.mood.value = 7
    logger.emotions["hopeful"].value = True
    logger.note.value = "Felt better after the walk"
    logger.at.value = "last tuesday"
    before = journal.counts()
    logger.save_button.click()

    assert logger.error_text("at") == "When: 'last tuesday' is not a date and time (use YYYY-MM-DDTHH:MM:SS)"
    assert "Not saved" in logger.status_text
    assert journal.counts() == before
    assert logger.mood.value == 7
    assert logger.emotions["hopeful"].value
    assert logger.note.value == "Felt better after the walk"
    assert logger.at.value == "last tuesday"


def test_a_future_time_and_a_bad_own_word_are_refused_by_field(journal: Journal) -> None:
    logger = MoodLogger(journal)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    logger.at.value = f"{tomorrow.isoformat()} 09:00"
    logger.save_button.click()
    assert logger.error_text("at") == f"When: {tomorrow.isoformat()} is in the future"

    logger.at.value = ""
    logger.own_emotions.value = "tired;sad"
    logger.save_button.click()
    assert logger.error_text("at") == ""
    assert logger.error_text("emotions") == "Feelings: 'tired;sad' contains ';', which separates words"
    assert journal.counts()["mood_entries"] == 0


def test_creating_and_displaying_the_logger_writes_nothing(journal: Journal) -> None:
    add_application(journal)
    before = journal.counts()
    logger = MoodLogger(journal, context="before_call")
    bundle = logger._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert journal.counts() == before


def test_the_emotion_words_come_from_the_template(journal: Journal) -> None:
    data = load_template()
    custom = data.mood.emotions[:11] + ("wobbly",)
    template = load_template(
        {
            "title": data.title,
            "welcome": {"title": data.welcome_title, "text": data.welcome_text},
            "mood": {"low": "Awful", "high": "Great", "emotions": list(custom)},
            "checklists": {
                "call_covered": {"title": "Covered", "items": [{"id": "thanks", "text": "Thanks"}]}
            },
            "reflections": {"one": {"title": "One", "prompts": [{"id": "p", "text": "How was it?"}]}},
            "questions": [{"id": "q", "text": "Why?"}],
            "actions": {"suggestion": "Work on {theme}"},
            "support": {"notice": "Talk to someone.", "where_to_find_help": "Your doctor."},
        }
    )
    logger = MoodLogger(journal, template)
    assert list(logger.emotions) == list(custom)
    assert (logger.low_word.value, logger.high_word.value) == ("Awful", "Great")


def test_a_run_of_low_days_shows_the_gentle_support_notice(journal: Journal) -> None:
    today = dt.datetime.combine(dt.date.today(), dt.time(12))
    for days_ago in range(4, 0, -1):
        journal.add(MoodEntry(at=today - dt.timedelta(days=days_ago), mood=2))
    logger = MoodLogger(journal)
    assert not logger.notice.visible

    logger.mood.value = 2
    logger.save_button.click()
    assert logger.notice.visible
    assert load_template().support.notice.split(".")[0] in logger.notice.widget.value
    assert logger.notice.widget in logger.widget.children


def test_no_notice_while_moods_are_fine(journal: Journal) -> None:
    today = dt.datetime.combine(dt.date.today(), dt.time(12))
    for days_ago in range(6):
        journal.add(MoodEntry(at=today - dt.timedelta(days=days_ago), mood=7))
    assert not MoodLogger(journal).notice.visible
