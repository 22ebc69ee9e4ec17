"""What you want next: draws and avoids that recur, and whether roles wanted less hit as hard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook import metrics, sections, wants
from workbook.growth_records import Motivation
from workbook.journal import Journal
from workbook.records import Application, MoodEntry
from workbook.session import Workbook
from workbook.views import LiveView

FIRST = dt.date(2026, 1, 10)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.db")


def application(journal: Journal, number: int) -> int:
    return journal.add(Application(company=f"Co {number}", role="Analyst", applied_on=FIRST)).id


def rejected(journal: Journal, number: int, *, dip: int, wanted: int) -> int:
    """A rejection a month after the last, with a usual mood of 8 and a low of 8 - ``dip`` on the day."""
    day = FIRST + dt.timedelta(days=30 * number)
    app = journal.add(
        Application(
            company=f"Co {number}",
            role="Analyst",
            applied_on=day - dt.timedelta(days=20),
            outcome="rejected",
            outcome_on=day,
        )
    )
    for back in (3, 2, 1):
        journal.add(MoodEntry(at=dt.datetime.combine(day - dt.timedelta(days=back), dt.time(9)), mood=8))
    journal.add(MoodEntry(at=dt.datetime.combine(day, dt.time(18)), mood=8 - dip))
    journal.add(Motivation(application_id=app.id, wanted=wanted))
    return app.id


def test_a_word_recurs_when_two_applications_name_it_whatever_its_case(journal: Journal) -> None:
    first, second, third = (application(journal, n) for n in range(3))
    journal.add(Motivation(application_id=first, draws=("Remote work", "mentoring"), avoids=("on-call",)))
    journal.add(Motivation(application_id=second, draws=("remote  WORK",), avoids=("on-call",)))
    journal.add(Motivation(application_id=third, draws=("mentoring", "small team"), avoids=("long commute",)))
    draws = wants.recurring(journal.motivations(), "draws")
    assert draws.to_dict("records") == [
        {"word": "Remote work", "applications": 2},  # shown as first written
        {"word": "mentoring", "applications": 2},
    ]
    assert wants.recurring(journal.motivations(), "avoids").to_dict("records") == [
        {"word": "on-call", "applications": 2}
    ]


def test_a_word_named_twice_for_one_application_counts_once(journal: Journal) -> None:
    only = application(journal, 0)
    journal.add(Motivation(application_id=only, draws=("data", "Data")))
    assert wants.recurring(journal.motivations(), "draws").empty


def test_roles_wanted_less_hitting_less_hard_is_said_with_what_it_rests_on(journal: Journal) -> None:
    for number, (dip, wanted) in enumerate([(4, 5), (4, 4), (3, 5), (1, 1), (1, 2), (2, 3)]):
        rejected(journal, number, dip=dip, wanted=wanted)
    dips = wants.dips_by_wanted(
        metrics.rejection_metrics(journal.applications(), journal.moods()), journal.motivations()
    )
    reading = wants.wanted_reading(dips)
    assert (reading.more_n, reading.less_n) == (3, 3)
    assert reading.more_dip == pytest.approx(11 / 3) and reading.less_dip == pytest.approx(4 / 3)
    assert reading.enough and reading.softer_when_wanted_less is True
    text = sections.wants(Workbook(journal)).text
    assert "Roles you wanted less hit less hard: a mean dip of 1.3 against 3.7" in text
    assert "3 rejections from roles you wanted a lot (4–5), 3 from roles you wanted less" in text


def test_no_claim_about_wanting_from_fewer_than_three_on_a_side(journal: Journal) -> None:
    for number, (dip, wanted) in enumerate([(4, 5), (4, 4), (3, 5), (1, 1), (1, 2)]):
        rejected(journal, number, dip=dip, wanted=wanted)
    text = sections.wants(Workbook(journal)).text
    assert "not enough to say yet" in text
    assert "Roles you wanted less" not in text


def test_about_the_same_dip_is_said_as_such(journal: Journal) -> None:
    for number, (dip, wanted) in enumerate([(2, 5), (2, 4), (3, 5), (2, 1), (3, 2), (2, 3)]):
        rejected(journal, number, dip=dip, wanted=wanted)
    assert "about as hard" in sections.wants(Workbook(journal)).text


def test_the_persons_own_words_are_shown_as_typed_not_read_as_markdown(journal: Journal) -> None:
    for number in range(2):
        journal.add(Motivation(application_id=application(journal, number), draws=("*remote*",)))
    summary = sections.wants(Workbook(journal))
    assert "**\\*remote\\*** (2 applications)" in summary._repr_markdown_()
    assert "*remote* (2 applications)" in summary.text


def test_an_empty_journal_says_what_to_note_first(journal: Journal) -> None:
    assert sections.wants(Workbook(journal)).text.startswith("Nothing noted yet about what you want")


def test_the_summary_redraws_after_a_save(journal: Journal) -> None:
    book = Workbook(journal)
    section = sections.SECTIONS["wants"]
    view = LiveView(
        journal, lambda: section.summary(book), lambda: [getattr(journal, r)() for r in section.reads]
    )
    assert view.text.startswith("Nothing noted yet")
    for number in range(2):
        journal.add(Motivation(application_id=application(journal, number), avoids=("on-call",)))
    assert "What you'd rather avoid: on-call (2 applications)." in view.text


def test_the_chart_shows_each_rejection_at_how_much_it_was_wanted(journal: Journal) -> None:
    for number, (dip, wanted) in enumerate([(4, 5), (1, 1), (2, 1)]):
        rejected(journal, number, dip=dip, wanted=wanted)
    figure = sections.CHARTS["wants"][2](Workbook(journal))
    dips = figure.axes[1]
    dots = dips.lines[0]
    assert sorted(dots.get_ydata()) == [1.0, 2.0, 4.0]
    assert [t.get_text() for t in dips.get_xticklabels()] == [
        "1\n(2)",
        "2\n(0)",
        "3\n(0)",
        "4\n(0)",
        "5\n(1)",
    ]
