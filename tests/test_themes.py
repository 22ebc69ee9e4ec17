"""Feedback themes: the vocabulary as data, classification with reasons, and its accuracy."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.errors import TemplateError
from workbook.journal import Journal
from workbook.records import Application, FeedbackItem
from workbook.themes import (
    ThemeMatch,
    classify,
    feedback_themes,
    load_vocabulary,
    theme_counts,
    theme_label,
    themes_by_month,
)

# Feedback as people report hearing it, written for these tests, with the themes a careful reader would pick.
SENTENCES: list[tuple[str, set[str]]] = [
    ("We needed someone with deeper technical knowledge of distributed systems.", {"technical_depth"}),
    ("Your system design answer didn't go far enough into trade-offs.", {"technical_depth"}),
    ("The coding exercise had a few bugs you didn't catch.", {"technical_depth"}),
    ("You struggled with the algorithms question in the second round.", {"technical_depth"}),
    ("The panel felt your answers rambled and were hard to follow.", {"communication"}),
    ("Try to be more concise when you explain your past projects.", {"communication"}),
    ("You came across as nervous; more confidence would help.", {"communication"}),
    ("We were looking for someone with five years of experience in fintech.", {"experience_level"}),
    ("You don't yet have the track record we need for this one.", {"experience_level"}),
    ("Your background in retail is great but we need domain knowledge in healthcare.", {"experience_level"}),
    ("Honestly, you'd be overqualified for this position.", {"role_fit"}),
    ("The role needs more people management than you've done so far.", {"role_fit", "experience_level"}),
    ("We think you'd be too junior for the scope of the role.", {"role_fit"}),
    ("We weren't sure you'd fit in with how the team works day to day.", {"culture_fit"}),
    ("Our culture is very fast-paced and we weren't sure it suited you.", {"culture_fit"}),
    ("The interviewers didn't sense much enthusiasm for our mission.", {"culture_fit", "preparation"}),
    ("We had a very strong pool of applicants this time.", {"competition"}),
    ("It was a tough decision, but we went with someone who was a closer match.", {"competition"}),
    ("Another candidate had slightly more relevant experience.", {"competition", "experience_level"}),
    ("The field was extremely competitive for this opening.", {"competition"}),
    ("It seemed you hadn't researched our product before the interview.", {"preparation"}),
    ("You couldn't really say why you wanted to work here.", {"preparation"}),
    ("Better preparation on our customers would have made a difference.", {"preparation"}),
    ("Your answers needed more specific examples of what you did.", {"examples_impact"}),
    ("We didn't hear about the measurable impact of your work.", {"examples_impact"}),
    ("Using the STAR method would make your stories land better.", {"examples_impact"}),
    ("Your salary expectations were above our budget for the role.", {"salary_logistics"}),
    ("We need someone on-site four days a week and you asked for remote.", {"salary_logistics"}),
    ("Unfortunately we can't offer visa sponsorship.", {"salary_logistics"}),
    ("Your notice period of three months was too long for us.", {"salary_logistics"}),
    ("We've decided to hire an internal candidate.", {"position_closed"}),
    ("The position has been put on hold after the restructuring.", {"position_closed"}),
    ("There's a hiring freeze across the company now.", {"position_closed"}),
    ("The role was filled internally before we finished interviews.", {"position_closed"}),
    ("We're not able to give feedback due to company policy.", {"no_feedback"}),
    ("They just sent a generic email with no reason.", {"no_feedback"}),
    ("We've decided not to move forward with your application. Best of luck!", {"no_feedback"}),
    ("We will not be moving forward at this time; we'll keep your CV on file.", {"no_feedback"}),
    (
        "Great communication, but we went with a candidate who had more hands-on experience.",
        {"competition", "experience_level"},
    ),
    (
        "You explained things clearly but your technical depth on databases was thin.",
        {"technical_depth", "communication"},
    ),
    ("Lovely to meet you; the team enjoyed chatting with you.", set()),
    (
        "The decision came down to relocation: the role is in Berlin and you'd need to move.",
        {"salary_logistics"},
    ),
    ("We'd like more evidence of leadership at a senior level.", {"role_fit"}),
    ("You talked for too long on each question and ran out of time.", {"communication"}),
    ("They said I needed to show more ownership of results in my examples.", {"examples_impact"}),
]


def precision_recall(cases: list[tuple[str, set[str]]]) -> tuple[float, float]:
    """Micro-averaged precision and recall of classify() over labelled sentences."""
    true_pos = false_pos = false_neg = 0
    for text, expected in cases:
        found = {match.theme for match in classify(text)}
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
    return true_pos / (true_pos + false_pos), true_pos / (true_pos + false_neg)


def test_classifier_precision_and_recall_on_realistic_feedback() -> None:
    assert len(SENTENCES) >= 40
    precision, recall = precision_recall(SENTENCES)
    print(f"\nfeedback themes: precision {precision:.2f}, recall {recall:.2f} on {len(SENTENCES)} sentences")
    assert precision >= 0.85
    assert recall >= 0.85


def test_every_default_theme_for_criticism_is_used_by_some_sentence() -> None:
    expected = set().union(*(themes for _, themes in SENTENCES))
    assert expected == {theme.id for theme in load_vocabulary().values() if theme.strength is not True}
    assert len(expected) >= 10


def test_classify_says_which_words_matched() -> None:
    matches = classify("You RAMBLED a bit, and the coding challenge was weak.")
    assert matches == [
        ThemeMatch("technical_depth", "Technical depth", ("coding challenge",)),
        ThemeMatch("communication", "Communication", ("RAMBLED",)),
    ]


def test_matching_respects_word_boundaries() -> None:
    # "pay" must not match inside "paying"; "culture" not inside "agriculture".
    assert classify("We are paying attention to agriculture startups.") == []


def test_hyphen_and_space_match_each_other_and_curly_apostrophes_are_read() -> None:
    assert [m.theme for m in classify("Needs more hands on work")] == ["technical_depth"]
    assert [m.theme for m in classify("We won\u2019t be moving forward.")] == ["no_feedback"]


def test_polite_closings_count_only_when_nothing_specific_was_said() -> None:
    themes = [m.theme for m in classify("Best of luck! We hired an internal candidate.")]
    assert themes == ["position_closed"]


def test_theme_label_for_known_and_unknown_ids() -> None:
    assert theme_label("technical_depth") == "Technical depth"
    assert theme_label("public_speaking") == "Public speaking"


def test_a_coach_vocabulary_replaces_the_default() -> None:
    vocabulary = load_vocabulary(
        {"themes": {"portfolio": {"label": "Portfolio", "keywords": ["portfolio", "case stud*"]}}}
    )
    assert list(vocabulary) == ["portfolio"]
    assert classify("Your case studies were thin.", vocabulary)[0].matched == ("case studies",)
    assert classify("Your coding was weak.", vocabulary) == []


def test_a_coach_vocabulary_can_extend_the_default_from_yaml(tmp_path: Path) -> None:
    path = tmp_path / "themes.yaml"
    path.write_text(
        "extend: true\nthemes:\n  portfolio:\n    label: Portfolio\n    keywords: [portfolio]\n"
        "  communication:\n    label: Communication\n    keywords: [mumbled]\n",
        encoding="utf-8",
    )
    vocabulary = load_vocabulary(path)
    assert "technical_depth" in vocabulary and "portfolio" in vocabulary
    assert [m.theme for m in classify("You mumbled through the portfolio review.", vocabulary)] == [
        "communication",
        "portfolio",
    ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"themes": ["a", "b"]}, "themes:"),
        ({"themes": {"Bad Id": {"keywords": ["x"]}}}, "themes:"),
        ({"themes": {"ok": {"keywords": "x"}}}, "themes.ok.keywords"),
        ({"themes": {"ok": {"keywords": ["x", 3]}}}, "themes.ok.keywords"),
    ],
)
def test_a_malformed_vocabulary_is_refused_naming_the_field(data: dict, field: str) -> None:
    with pytest.raises(TemplateError, match=field.replace(".", r"\.")):
        load_vocabulary(data)


def test_broken_yaml_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n  ok: [unclosed\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"themes\.yaml:3: template: is not valid YAML"):
        load_vocabulary(path)


# --- themes of stored feedback ---------------------------------------------------------


def test_stored_themes_are_counted_confirmed_or_not(journal: Journal) -> None:
    app = journal.add(
        Application(
            company="Acme", role="Dev", applied_on="2026-01-05", outcome="rejected", outcome_on="2026-02-10"
        )
    )
    # The person overrode the classifier here: their choice is what is stored and counted.
    journal.add(
        FeedbackItem(
            application_id=app.id,
            text="Went with a stronger candidate",
            themes=["communication"],
            confirmed=True,
        )
    )
    journal.add(
        FeedbackItem(
            application_id=app.id, text="Your coding was slow", themes=["technical_depth", "communication"]
        )
    )
    journal.add(FeedbackItem(application_id=app.id, text="Nothing specific", themes=[]))
    counts = theme_counts(journal.feedback())
    assert counts[["theme", "items"]].values.tolist() == [["communication", 2], ["technical_depth", 1]]
    rows = feedback_themes(journal.feedback(), journal.applications())
    assert set(rows["month"].dt.strftime("%Y-%m")) == {"2026-02"}
    grid = themes_by_month(journal.feedback(), journal.applications())
    assert grid.loc["Communication"].tolist() == [2]


@pytest.mark.parametrize(
    "text",
    [
        "You were up against a very strong candidate.",
        "Another candidate was a stronger fit for the team.",
        "We had some very strong candidates this round.",
        "In the end it came down to a stronger match on experience with payments.",
    ],
)
def test_strong_candidate_feedback_is_competition(text: str) -> None:
    assert "competition" in {m.theme for m in classify(text)}


def test_being_called_a_strong_candidate_is_not_competition() -> None:
    assert "competition" not in {
        m.theme for m in classify("You were a strong candidate and we liked your answers.")
    }
