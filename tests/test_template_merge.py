"""A coach's template names only what it changes; the rest comes from the built-in one."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.errors import TemplateError
from workbook.template import TEMPLATES, load_template

BUILT_IN = load_template()


def coach(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "coach.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def ids(items: tuple) -> list[str]:
    return [item.id for item in items]


def test_giving_only_the_welcome_text_keeps_every_other_text(tmp_path: Path) -> None:
    template = load_template(coach(tmp_path, "welcome:\n  text: Hello from the careers team.\n"))
    assert template.welcome_text == "Hello from the careers team."
    assert template.welcome_title == BUILT_IN.welcome_title
    assert template.title == "Rebound"
    assert template.checklists == BUILT_IN.checklists
    assert template.labels == BUILT_IN.labels


def test_a_checklist_given_by_its_id_replaces_the_built_in_one_and_a_new_id_adds_one(tmp_path: Path) -> None:
    template = load_template(
        coach(
            tmp_path,
            "checklists:\n"
            "  before_call:\n"
            "    title: Ready?\n"
            "    items:\n"
            "      - {id: water, text: A glass of water nearby}\n"
            "  portfolio_review:\n"
            "    title: Before a portfolio review\n"
            "    items:\n"
            "      - {id: pick_three, text: I picked my three strongest pieces}\n",
        )
    )
    assert list(template.checklists) == ["before_call", "call_covered", "after_call", "portfolio_review"]
    assert template.checklist("before_call").title == "Ready?"
    assert ids(template.checklist("before_call").items) == ["water"]
    assert template.checklist("after_call") == BUILT_IN.checklist("after_call")
    assert ids(template.checklist("portfolio_review").items) == ["pick_three"]


def test_a_prompt_set_given_by_its_id_replaces_the_built_in_one(tmp_path: Path) -> None:
    template = load_template(
        coach(
            tmp_path,
            "reflections:\n  gibbs:\n    title: Short cycle\n    prompts:\n      - {id: what, text: 'What?'}\n",
        )
    )
    assert ids(template.prompt_set("gibbs").prompts) == ["what"]
    assert template.prompt_set("thought_record") == BUILT_IN.prompt_set("thought_record")


def test_a_question_with_a_known_id_is_reworded_in_place_and_a_new_one_is_added_last(tmp_path: Path) -> None:
    template = load_template(
        coach(
            tmp_path,
            "questions:\n"
            "  - {id: next_intake, text: 'When does the next intake open?'}\n"
            '  - {id: apply_again, text: "Could I apply to next year\'s scheme?"}\n',
        )
    )
    assert ids(template.questions) == ids(BUILT_IN.questions) + ["next_intake"]
    reworded = {q.id: q.text for q in template.questions}
    assert reworded["apply_again"] == "Could I apply to next year's scheme?"
    assert reworded["stay_in_touch"] == {q.id: q.text for q in BUILT_IN.questions}["stay_in_touch"]


def test_a_self_review_dimension_and_a_check_in_statement_merge_by_id(tmp_path: Path) -> None:
    template = load_template(
        coach(
            tmp_path,
            "self_review:\n"
            "  - {id: tests, text: Tests and group tasks}\n"
            "checkin:\n"
            "  statements:\n"
            "    - id: hard_to_return\n"
            "      text: I take a while to feel like myself after bad news.\n",
        )
    )
    assert ids(template.self_review) == ids(BUILT_IN.self_review) + ["tests"]
    statement = {s.id: s for s in template.checkin.statements}["hard_to_return"]
    # Reworded, and still reverse-scored: a coach changing the words does not flip the score.
    assert statement.text == "I take a while to feel like myself after bad news."
    assert statement.reverse is True
    assert len(template.checkin.statements) == len(BUILT_IN.checkin.statements)
    assert template.checkin.title == BUILT_IN.checkin.title


def test_replace_gives_a_section_whole(tmp_path: Path) -> None:
    template = load_template(
        coach(tmp_path, "replace: [questions]\nquestions:\n  - {id: only_one, text: 'Just this one?'}\n")
    )
    assert ids(template.questions) == ["only_one"]
    assert template.self_review == BUILT_IN.self_review


def test_a_check_in_with_an_id_of_its_own_replaces_the_built_in_one(tmp_path: Path) -> None:
    template = load_template(
        coach(
            tmp_path,
            "checkin:\n"
            "  id: confidence\n"
            "  title: How confident do you feel?\n"
            "  low: Not at all\n"
            "  high: Very\n"
            "  statements:\n"
            "    - {id: ready, text: I feel ready for the next interview.}\n",
        )
    )
    assert template.checkin.id == "confidence"
    assert ids(template.checkin.statements) == ["ready"]
    assert template.checkin.meaning == {}


def test_a_new_check_in_must_still_be_complete(tmp_path: Path) -> None:
    path = coach(tmp_path, "checkin:\n  id: confidence\n  title: How confident?\n  statements: []\n")
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    assert str(caught.value) == f"{path}:1: checkin.low: is missing"


def test_widget_words_merge_one_by_one(tmp_path: Path) -> None:
    labels = load_template(coach(tmp_path, "widgets:\n  saved:\n    delete: Remove\n")).labels
    assert (labels["saved.delete"], labels["saved.edit"]) == ("Remove", "Edit")
    assert labels.keys() == BUILT_IN.labels.keys()


def test_feedback_themes_keep_their_shape_extend_or_replace(tmp_path: Path) -> None:
    from workbook import themes

    extended = load_template(
        coach(
            tmp_path,
            "feedback_themes:\n  extend: true\n  themes:\n    portfolio: {label: Portfolio, keywords: [portfolio]}\n",
        )
    )
    assert dict(extended.feedback_themes) == {
        "extend": True,
        "themes": {"portfolio": {"label": "Portfolio", "keywords": ["portfolio"]}},
    }
    vocabulary = themes.load_vocabulary(extended.feedback_themes)
    assert "portfolio" in vocabulary and "communication" in vocabulary
    replaced = load_template(coach(tmp_path, "feedback_themes:\n  portfolio: {keywords: [portfolio]}\n"))
    assert list(themes.load_vocabulary(replaced.feedback_themes)) == ["portfolio"]


def test_an_error_in_a_merged_entry_names_the_coach_file_and_its_own_position(tmp_path: Path) -> None:
    path = coach(
        tmp_path,
        "title: Careers\n"
        "questions:\n"
        "  - {id: next_intake, text: 'When is the next intake?'}\n"
        "  - id: apply_again\n"
        "    text: 42\n",
    )
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    # Merged, apply_again sits at its built-in place; the error still names the coach's line and index.
    assert str(caught.value) == f"{path}:5: questions[1].text: must be text, not a number"


def test_a_mapping_merges_like_a_file() -> None:
    template = load_template({"title": "In code", "questions": [{"id": "extra", "text": "One more?"}]})
    assert template.title == "In code"
    assert ids(template.questions)[-1] == "extra"
    assert template.source == "template"


def test_the_built_in_template_is_its_own_merge() -> None:
    assert load_template(TEMPLATES / "default.yaml") == BUILT_IN


# --- the graduates template ---------------------------------------------------------------


def test_the_graduates_template_loads_complete_and_in_its_own_words() -> None:
    template = load_template(TEMPLATES / "graduates.yaml")
    assert template.title == "Your first job search"
    assert "Careers Service" in template.coach.name and "@" in template.coach.contact
    assert "graduate" in template.welcome_text
    assert "call_covered" in template.checklists
    assert "assessment_centre" in template.checklists
    assert "first_search" in template.reflections
    assert "other_schemes" in ids(template.questions)
    assert "specific_feedback" not in [q.text for q in template.questions]  # its own words
    assert ids(template.self_review)[3] == "tests_and_tasks"
    assert "worried about money" in template.mood.emotions
    assert "went to a careers event" in template.mood.tags
    assert template.follow_up.reconnect_after_days == 120
    assert template.notebooks == BUILT_IN.notebooks
    assert template.checkin.statements == BUILT_IN.checkin.statements
    assert "careers service" in template.support.notice
    # Everything a person reads differs from the built-in texts, where the template gives it.
    assert template.welcome_text != BUILT_IN.welcome_text
    assert template.checklist("before_call") != BUILT_IN.checklist("before_call")


def test_the_graduates_themes_extend_the_built_in_ones() -> None:
    from workbook import themes

    template = load_template(TEMPLATES / "graduates.yaml")
    vocabulary = themes.load_vocabulary(template.feedback_themes)
    assert {"work_experience", "tests_and_tasks", "degree_fit", "communication"} <= set(vocabulary)
    text = "You did well but struggled in the group exercise, and we wanted a year in industry."
    assert themes.suggest_themes(text, vocabulary, positive=False) == ["work_experience", "tests_and_tasks"]
    assert themes.suggest_themes("A 2:1 was needed for this scheme.", vocabulary, positive=False) == [
        "degree_fit"
    ]
