"""The *Share with your coach* widget: ticks, a preview of exactly what goes, and a guarded write."""

from __future__ import annotations

import json
import re
import stat
import zipfile
from pathlib import Path

from test_share import COMPANIES, TEXTS, fill

from workbook.journal import Journal
from workbook.session import Workbook
from workbook.widgets.share import ShareForm, share_widget


def filled(tmp_path: Path) -> Journal:
    journal = Journal(tmp_path / "journal.db")
    fill(journal)
    return journal


def test_the_preview_follows_the_ticks(tmp_path: Path) -> None:
    form = ShareForm(filled(tmp_path))
    assert "Feedback items: 2, what employers said kept back" in form.preview_text
    assert "Companies appear as Application 1, 2, 3" in form.preview_text
    form.includes["feedback"].value = True
    form.includes["companies"].value = True
    assert "Feedback items: 2, what employers said included" in form.preview_text
    assert "feedback.json" in form.preview_text
    assert "Companies appear as" not in form.preview_text
    assert form.path.value == str(tmp_path / "for-my-coach.zip")


def test_the_preview_follows_the_journal(tmp_path: Path) -> None:
    journal = filled(tmp_path)
    form = ShareForm(journal)
    from workbook.records import FeedbackItem

    journal.add(FeedbackItem(application_id=1, text="Answers could be shorter"))
    assert "Feedback items: 3," in form.preview_text


def test_writing_shares_exactly_what_was_ticked(tmp_path: Path) -> None:
    form = ShareForm(filled(tmp_path))
    form.includes["reflections"].value = True
    form.path.value = str(tmp_path / "mine.zip")
    form.share_button.click()
    out = tmp_path / "mine.zip"
    assert re.fullmatch(rf"Wrote {re.escape(str(out))} at \d\d:\d\d", form.status_text)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as archive:
        data = {name: archive.read(name) for name in archive.namelist()}
    assert json.loads(data["manifest.json"])["included"] == ["reflections"]
    assert [row["text"] for row in json.loads(data["reflections.json"])] == list(TEXTS["reflections"])
    kept_back = (*TEXTS["feedback"], *TEXTS["notes"], *COMPANIES)
    assert not [t for t in kept_back for raw in data.values() if t.encode() in raw]
    assert [line[2:] for line in form.preview_text.splitlines()[1:] if line.startswith("  ")][
        : len(data)
    ] == list(data)
    assert form.includes["reflections"].value is True  # the ticks stay for next time


def test_a_bad_file_name_writes_nothing_and_keeps_everything(tmp_path: Path) -> None:
    form = ShareForm(filled(tmp_path))
    form.includes["notes"].value = True
    form.path.value = str(tmp_path / "no-such-folder" / "mine.zip")
    form.share_button.click()
    assert "does not exist" in form.error_text("path")
    assert form.error_text("path").startswith("The file: the folder")
    assert "Wrote" not in form.status_text and form.status_text.startswith("Not saved yet")
    assert not (tmp_path / "no-such-folder").exists()
    assert form.includes["notes"].value is True and form.path.value.endswith("mine.zip")

    form.path.value = str(tmp_path)  # a folder, not a file
    form.share_button.click()
    assert "is a folder" in form.error_text("path")
    form.path.value = "  "
    form.share_button.click()
    assert "is empty" in form.error_text("path")
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(("journal.db", ".journal.db"))] == []


def test_a_failure_while_writing_says_so_and_writes_nothing(tmp_path: Path) -> None:
    journal = filled(tmp_path)
    form = ShareForm(journal)
    form.path.value = str(tmp_path / "mine.zip")
    journal.close()  # the journal can no longer be read
    form.share_button.click()
    assert form.status_text.startswith("Not saved: ")
    assert "Wrote" not in form.status_text
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(("journal.db", ".journal.db"))] == []
    assert form.path.value == str(tmp_path / "mine.zip")


def test_the_workbook_hands_out_the_widget(tmp_path: Path) -> None:
    book = Workbook(filled(tmp_path))
    form = share_widget(book)
    assert isinstance(form, ShareForm) and form.journal is book.journal
