"""The support log: who the person talked to, when, how much it helped."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from workbook.journal import Journal
from workbook.records import SupportContact
from workbook.widgets import SupportLog


def stored_contacts(journal_file: Path) -> list[SupportContact]:
    with Journal(journal_file) as again:
        return again.records(SupportContact)


def test_a_contact_is_saved_and_listed(journal: Journal, journal_file: Path) -> None:
    log = SupportLog(journal)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    log.who.value = "Sam, my old manager"
    log.talked_on.value = yesterday
    log.helped.value = 4
    log.note.value = "She said it happens to everyone."
    log.save_button.click()

    [contact] = stored_contacts(journal_file)
    assert (contact.who, contact.talked_on, contact.helped) == ("Sam, my old manager", yesterday, 4)
    assert contact.note == "She said it happens to everyone."
    assert re.fullmatch(r"Saved at \d\d:\d\d", log.status_text)
    [row] = log.saved.rows.values()
    assert "Sam, my old manager · helped 4 of 5" in row.text.value
    assert "happens to everyone" in row.text.value
    assert log.who.value == ""
    assert log.helped.value == 4  # "How much it helped" keeps its value after Save


def test_how_much_it_helped_is_optional(journal: Journal, journal_file: Path) -> None:
    log = SupportLog(journal)
    log.who.value = "My sister"
    log.save_button.click()
    assert stored_contacts(journal_file)[0].helped is None


def test_a_missing_name_is_explained_and_the_note_is_kept(journal: Journal) -> None:
    log = SupportLog(journal)
    log.note.value = "Long chat on the phone"
    log.helped.value = 5
    before = journal.counts()
    log.save_button.click()
    assert log.error_text("who") == "Who you talked to: must not be empty"
    assert journal.counts() == before
    assert (log.note.value, log.helped.value) == ("Long chat on the phone", 5)


def test_a_future_date_is_refused(journal: Journal) -> None:
    log = SupportLog(journal)
    log.who.value = "Coach"
    log.talked_on.value = dt.date.today() + dt.timedelta(days=2)
    log.save_button.click()
    assert log.error_text("talked_on").endswith("is in the future")
    assert journal.counts()["support_contacts"] == 0
    assert log.who.value == "Coach"


def test_creating_and_displaying_the_log_writes_nothing(journal: Journal) -> None:
    before = journal.counts()
    SupportLog(journal)._repr_mimebundle_()
    assert journal.counts() == before
