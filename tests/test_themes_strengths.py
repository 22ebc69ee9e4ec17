"""Praise is feedback too: strength themes are suggested for it, and it never counts as something asked for."""

from __future__ import annotations

import pytest

from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.themes import (
    classify,
    feedback_themes,
    is_strength,
    load_vocabulary,
    suggest_themes,
    theme_counts,
    themes_by_month,
)

# Praise as people report hearing it, written for these tests, with the themes a careful reader would pick.
PRAISE: list[tuple[str, set[str]]] = [
    ("Your portfolio was the best we saw this round.", {"stood_out", "work_samples"}),
    ("Great communication throughout the interview.", {"communication"}),
    ("Your technical answers were really strong.", {"technical_depth"}),
    ("You showed clear enthusiasm for the product.", {"enthusiasm"}),
    ("You were clearly well prepared.", {"preparation"}),
    ("You asked really good questions at the end.", {"good_questions"}),
    ("The team loved your energy and found you easy to talk to.", {"enthusiasm", "rapport"}),
    ("You came across as very personable and warm.", {"rapport"}),
    ("Your examples had clear, measurable results.", {"examples_impact"}),
    ("It was a very close decision; you were our runner-up.", {"stood_out"}),
    ("We were impressed by how quickly you pick things up.", {"stood_out", "learning"}),
    ("Your experience in retail was a real plus.", {"experience_level"}),
    ("You'd fit in really well with the team's culture.", {"culture_fit"}),
    ("The GitHub projects you showed us had real depth.", {"work_samples"}),
    ("Your presentation was engaging and easy to follow.", {"communication"}),
    ("You're clearly open to feedback and keen to grow.", {"learning"}),
    ("The case study you walked us through was thoughtful.", {"work_samples"}),
    ("You had a very positive attitude all day.", {"rapport"}),
    ("The questions you asked showed you'd done your research.", {"good_questions", "preparation"}),
    ("You were a strong candidate and we'd love you to apply again.", {"stood_out"}),
]


def test_praise_is_themed_with_good_precision_and_recall() -> None:
    true_pos = false_pos = false_neg = 0
    for text, expected in PRAISE:
        found = set(suggest_themes(text, positive=True))
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
    precision, recall = true_pos / (true_pos + false_pos), true_pos / (true_pos + false_neg)
    print(f"\npraise themes: precision {precision:.2f}, recall {recall:.2f} on {len(PRAISE)} sentences")
    assert precision >= 0.85
    assert recall >= 0.85


def test_every_strength_theme_is_used_by_some_praise() -> None:
    strengths = {theme.id for theme in load_vocabulary().values() if theme.strength is True}
    assert len(strengths) >= 5
    assert strengths <= set().union(*(themes for _, themes in PRAISE))


def test_the_same_words_praised_and_asked_for_name_the_same_ordinary_theme() -> None:
    assert suggest_themes("Great communication.", positive=True) == ["communication"]
    assert suggest_themes("Your communication needs work.", positive=False) == ["communication"]


def test_strengths_are_not_suggested_for_criticism_and_reasons_not_for_praise() -> None:
    criticism = "Your portfolio was thin and we went with a stronger candidate."
    assert suggest_themes(criticism, positive=False) == ["competition"]
    praise = "You stood out in a very competitive field."
    assert suggest_themes(praise, positive=True) == ["stood_out"]


def test_a_strength_named_by_the_same_words_as_an_ordinary_theme_is_named_alone() -> None:
    # "enthusiasm" is also a culture-fit keyword; praised, it is the strength.
    assert suggest_themes("Real enthusiasm.", positive=True) == ["enthusiasm"]
    assert suggest_themes("Not much enthusiasm.", positive=False) == ["culture_fit"]


def test_classify_keeps_its_old_call_and_answers_for_criticism() -> None:
    assert [m.theme for m in classify("You asked good questions but the coding was weak.")] == [
        "technical_depth"
    ]
    assert [m.theme for m in classify("You asked good questions.", positive=True)] == ["good_questions"]


def test_is_strength_knows_strength_only_themes() -> None:
    assert is_strength("good_questions")
    assert not is_strength("communication")
    assert not is_strength("competition")
    assert not is_strength("no_such_theme")


def test_a_coach_can_add_a_strength_and_mark_a_theme_never_praise() -> None:
    vocabulary = load_vocabulary(
        {
            "extend": True,
            "themes": {
                "leadership_shown": {
                    "label": "Leadership shown",
                    "strength": True,
                    "keywords": ["led the team"],
                },
                "communication": {"strength": False},
            },
        }
    )
    assert is_strength("leadership_shown", vocabulary)
    text = "You clearly led the team and communicated well."
    assert suggest_themes(text, vocabulary, positive=True) == ["leadership_shown"]
    assert suggest_themes(text, vocabulary, positive=False) == ["communication"]


def test_a_strength_that_is_not_true_or_false_is_refused() -> None:
    from workbook.errors import TemplateError

    with pytest.raises(TemplateError, match=r"themes\.x\.strength: must be true or false"):
        load_vocabulary({"themes": {"x": {"strength": "yes", "keywords": ["x"]}}})


# --- counting: praise never swells what employers asked for ---------------------------------


@pytest.fixture
def mixed(journal: Journal) -> Journal:
    app = journal.add(
        Application(
            company="Acme", role="Dev", applied_on="2026-01-05", outcome="rejected", outcome_on="2026-02-10"
        )
    )
    journal.add(FeedbackItem(application_id=app.id, text="Explain more clearly", themes=["communication"]))
    journal.add(
        FeedbackItem(
            application_id=app.id,
            text="Great communication",
            themes=["communication"],
            positive=True,
            confirmed=True,
        )
    )
    journal.add(
        FeedbackItem(
            application_id=app.id,
            text="Good questions",
            themes=["good_questions", "communication"],
            positive=True,
        )
    )
    return journal


def test_theme_counts_leave_praise_out_unless_asked(mixed: Journal) -> None:
    asked = theme_counts(mixed.feedback())
    assert asked[["theme", "items"]].values.tolist() == [["communication", 1]]
    praised = theme_counts(mixed.feedback(), positive=True)
    assert praised[["theme", "label", "items"]].values.tolist() == [
        ["communication", "Communication", 2],
        ["good_questions", "Good questions", 1],
    ]


def test_feedback_rows_and_months_leave_praise_out_unless_asked(mixed: Journal) -> None:
    assert feedback_themes(mixed.feedback())["theme"].tolist() == ["communication"]
    assert len(feedback_themes(mixed.feedback(), mixed.applications(), positive=True)) == 3
    assert themes_by_month(mixed.feedback(), mixed.applications()).loc["Communication"].tolist() == [1]
    grid = themes_by_month(mixed.feedback(), mixed.applications(), positive=True)
    assert grid.loc["Communication"].tolist() == [2]


def test_a_frame_without_a_positive_column_is_all_asked_for(mixed: Journal) -> None:
    frame = mixed.feedback().drop(columns=["positive"])
    assert theme_counts(frame)["items"].tolist() == [3, 1]
    assert theme_counts(frame, positive=True).empty
