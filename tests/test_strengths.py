"""Your strengths: what employers keep praising, beside what they keep asking for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbook import messages, sections, strengths
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.session import Workbook


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.db")


def said(journal: Journal, themes: tuple[str, ...], *, positive: bool = False) -> None:
    app = journal.add(Application(company="Acme", role="Analyst", applied_on=dt.date(2026, 3, 1)))
    journal.add(FeedbackItem(application_id=app.id, text="what they said", themes=themes, positive=positive))


@pytest.fixture
def heard(journal: Journal) -> Journal:
    """Communication praised three times and asked for once; examples asked for twice; one stronger field."""
    for _ in range(3):
        said(journal, ("communication",), positive=True)
    said(journal, ("communication", "examples_impact"))
    said(journal, ("examples_impact", "examples_impact"))  # a theme twice on one item counts once
    said(journal, ("competition",))
    return journal


def test_each_theme_counts_the_items_praising_it_and_asking_for_more(heard: Journal) -> None:
    balance = strengths.theme_balance(heard.feedback())
    assert balance.to_dict("records") == [
        {"theme": "communication", "label": "Communication", "praised": 3, "asked": 1},
        {"theme": "examples_impact", "label": "Examples and impact", "praised": 0, "asked": 2},
    ]


def test_a_stronger_field_is_neither_a_strength_nor_an_ask(heard: Journal) -> None:
    assert "competition" not in set(strengths.theme_balance(heard.feedback())["theme"])
    assert set(strengths.NOT_ABOUT_YOU) >= {"competition", "position_closed", "no_feedback"}


def test_the_summary_names_praise_and_asks_with_how_often(heard: Journal) -> None:
    text = sections.strengths(Workbook(heard)).text
    assert "What employers keep praising: Communication (3 times)." in text
    assert "What they keep asking for more of: Examples and impact (twice) and Communication (once)." in text
    assert "Communication comes up both ways" in text
    assert "Resting on 6 mentions of a theme in your feedback." in text


def test_with_no_praise_yet_the_summary_suggests_asking_what_went_well(journal: Journal) -> None:
    said(journal, ("preparation",))
    text = sections.strengths(Workbook(journal)).text
    assert text.startswith("No praise logged yet")
    assert "'what did I do well?'" in text


def test_an_empty_journal_says_what_to_log_first(journal: Journal) -> None:
    assert sections.strengths(Workbook(journal)).text == messages.STRENGTHS_EMPTY


def test_the_chart_pairs_a_praise_bar_and_an_ask_bar_per_theme(heard: Journal) -> None:
    axes = sections.CHARTS["strengths"][2](Workbook(heard)).axes[0]
    widths = {c.get_label(): [bar.get_width() for bar in c] for c in axes.containers}
    assert widths == {"praised": [3, 0], "asked for more": [1, 2]}
    assert [t.get_text() for t in axes.get_yticklabels()] == ["Communication", "Examples and impact"]
