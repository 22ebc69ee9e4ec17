"""The question bank: pick questions before the call, mark them answered after, reopen them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from workbook.journal import Journal
from workbook.records import Application, ChecklistRun
from workbook.widgets import QuestionBank
from workbook.widgets.questions import ANSWERED, TO_ASK


def stored_runs(journal_file: Path) -> dict[str, ChecklistRun]:
    with Journal(journal_file) as again:
        return {run.checklist_id: run for run in again.records(ChecklistRun)}


def test_picked_and_answered_questions_are_saved_together(journal: Journal, journal_file: Path) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date.today()))
    bank = QuestionBank(journal, application_id=app.id)
    bank.ask["specific_feedback"].value = True
    bank.ask["apply_again"].value = True
    bank.answered["specific_feedback"].value = True
    assert bank.progress.value == "2 to ask, 1 answered"
    bank.save_button.click()

    runs = stored_runs(journal_file)
    assert runs[TO_ASK].ticked == ("specific_feedback", "apply_again")
    assert runs[ANSWERED].ticked == ("specific_feedback",)
    assert runs[TO_ASK].application_id == runs[ANSWERED].application_id == app.id
    assert runs[TO_ASK].at == runs[ANSWERED].at
    assert re.fullmatch(r"Saved at \d\d:\d\d", bank.status_text)


def test_reopening_shows_the_last_picks(journal: Journal) -> None:
    bank = QuestionBank(journal)
    bank.ask["stay_in_touch"].value = True
    bank.save_button.click()
    again = QuestionBank(journal)
    assert again.to_ask == ("stay_in_touch",)
    assert again.answered_ids == ()


def test_every_question_has_a_visible_label(journal: Journal) -> None:
    bank = QuestionBank(journal)
    assert all(box.description for box in [*bank.ask.values(), *bank.answered.values()])
    assert "stronger answer" in bank.ask["stronger_answer"].description


def test_a_bad_link_stores_neither_list_and_keeps_the_ticks(journal: Journal) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date.today()))
    bank = QuestionBank(journal, application_id=app.id)
    bank.ask["other_roles"].value = True
    with Journal(journal.path) as elsewhere:  # deleted by another program: the form cannot know
        elsewhere.delete(Application, app.id)
    before = journal.counts()
    bank.save_button.click()
    assert "there is no application" in bank.error_text("application_id")
    assert journal.counts() == before
    assert bank.to_ask == ("other_roles",)


def test_creating_and_displaying_the_bank_writes_nothing(journal: Journal) -> None:
    before = journal.counts()
    QuestionBank(journal)._repr_mimebundle_()
    assert journal.counts() == before
