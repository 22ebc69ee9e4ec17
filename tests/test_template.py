"""The built-in template holds the guidance; a coach's file is checked and refused with file and field."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from workbook import themes
from workbook.errors import TemplateError
from workbook.template import DEFAULT_TEMPLATE, load_template


@pytest.fixture
def default_data() -> dict[str, Any]:
    """The built-in template as plain data, to change and write back as a coach would."""
    return yaml.safe_load(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: Any, name: str = "coach.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def ids(items: tuple[Any, ...]) -> list[str]:
    return [item.id for item in items]


# --- the built-in template --------------------------------------------------------


def test_default_has_the_three_checklists_of_the_guidance() -> None:
    template = load_template()
    assert list(template.checklists) == ["before_call", "call_covered", "after_call"]
    assert ids(template.checklist("call_covered").items) == [
        "thanks",
        "reason",
        "feedback",
        "questions",
        "reapply",
    ]
    assert all(item.text for checklist in template.checklists.values() for item in checklist.items)


def test_default_reflections_are_after_call_gibbs_and_thought_record() -> None:
    template = load_template()
    assert ids(template.prompt_set("after_call").prompts) == ["feel", "talk", "learned", "did_well"]
    assert ids(template.prompt_set("gibbs").prompts) == [
        "description",
        "feelings",
        "evaluation",
        "analysis",
        "conclusion",
        "action_plan",
    ]
    thought = ids(template.prompt_set("thought_record").prompts)
    for step in ("situation", "automatic_thought", "belief", "emotion", "evidence_for", "evidence_against"):
        assert step in thought
    assert thought[-2:] == ["balanced_thought", "rerate"]


def test_default_question_bank_covers_feedback_better_answers_reapplying_and_keeping_in_touch() -> None:
    questions = ids(load_template().questions)
    for wanted in ("specific_feedback", "stronger_answer", "apply_again", "stay_in_touch"):
        assert wanted in questions


def test_default_mood_words_support_texts_and_welcome() -> None:
    template = load_template()
    assert len(template.mood.emotions) >= 12
    assert len(set(template.mood.emotions)) == len(template.mood.emotions)
    assert template.mood.low and template.mood.high
    assert "talk" in template.support.notice
    assert template.support.where_to_find_help
    assert template.welcome_title and template.welcome_text
    assert template.feedback_themes is None


def test_default_action_texts_name_only_known_themes() -> None:
    template = load_template()
    assert set(template.actions.by_theme) <= set(themes.load_vocabulary())
    assert template.actions.title_for("communication", "Communication").startswith("Record yourself")
    assert template.actions.title_for("brand_new", "Brand new") == "Practise: Brand new"


def test_default_rejection_log_speaks_of_a_call_an_email_or_news_not_said() -> None:
    texts = load_template().rejection_log
    assert (texts.call.heading, texts.email.heading) == ("The call", "What the email said")
    assert "email" in texts.email.held_on and "email" in texts.email.notes
    assert texts.other.heading and texts.stage_on == "Reached that stage on"
    assert "not saved" in texts.notes_kept and "still in the form" in texts.notes_kept
    messages = load_template().messages
    assert messages.not_saved == "Not saved: {reason}. Your text is still here."
    assert messages.discard == "Discard my changes"


# --- a coach's template -------------------------------------------------------------


def test_a_coach_file_from_before_the_rejection_log_texts_loads_with_the_built_in_ones(
    tmp_path: Path, default_data: dict[str, Any]
) -> None:
    del default_data["rejection_log"], default_data["messages"]
    default_data["title"] = "Coach Kim's workbook"
    template = load_template(write(tmp_path, default_data))
    assert template.title == "Coach Kim's workbook"
    assert template.rejection_log == load_template().rejection_log
    assert template.messages == load_template().messages


def test_a_coach_can_word_the_email_notes_and_messages(tmp_path: Path, default_data: dict[str, Any]) -> None:
    default_data["rejection_log"]["email"]["heading"] = "Their email"
    default_data["messages"]["discard"] = "Let my changes go"
    template = load_template(write(tmp_path, default_data))
    assert (template.rejection_log.email.heading, template.messages.discard) == (
        "Their email",
        "Let my changes go",
    )


def test_coach_file_replaces_the_texts(tmp_path: Path, default_data: dict[str, Any]) -> None:
    default_data["checklists"]["before_call"]["items"][0]["text"] = "Drink a glass of water"
    default_data["feedback_themes"] = {
        "themes": {"portfolio": {"label": "Portfolio", "keywords": ["portfolio"]}}
    }
    template = load_template(write(tmp_path, default_data))
    assert template.checklist("before_call").items[0].text == "Drink a glass of water"
    vocabulary = themes.load_vocabulary(template.feedback_themes)
    assert [m.theme for m in themes.classify("Your portfolio was thin", vocabulary)] == ["portfolio"]


def test_a_mapping_and_a_string_path_load_too(tmp_path: Path, default_data: dict[str, Any]) -> None:
    assert load_template(default_data).title == "Rebound"
    assert load_template(str(write(tmp_path, default_data))).source.endswith("coach.yaml")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["checklists"]["before_call"]["items"][1].pop("text"),
            "checklists.before_call.items[1].text: is missing",
        ),
        (
            lambda d: d["checklists"]["after_call"]["items"][0].update(id="Not An Id"),
            "items[0].id: 'Not An Id' is not an id",
        ),
        (
            lambda d: d["checklists"]["after_call"]["items"][1].update(id="feel"),
            "items[1].id: 'feel' is used twice",
        ),
        (
            lambda d: (d["checklists"].pop("call_covered"), d.update(replace=["checklists"])),
            "checklists: needs a 'call_covered' checklist",
        ),
        (
            lambda d: d["mood"].update(emotions=["sad", "glad"]),
            "mood.emotions: has 2 words; give at least 12",
        ),
        (
            lambda d: d["reflections"]["gibbs"].update(prompts="just text"),
            "reflections.gibbs.prompts: must be a list, not text",
        ),
        (lambda d: d["support"].update(notice=3), "support.notice: must be text, not a number"),
        (lambda d: d["welcome"].update(title="  "), "welcome.title: must not be empty"),
        (lambda d: d.update(checklist={}), "checklist: is not a template field"),
        (
            lambda d: d["checklists"]["before_call"].update(items=[]),
            "checklists.before_call.items: must list at least one item",
        ),
        (lambda d: d["messages"].update(not_saved=["x"]), "messages.not_saved: must be text, not a list"),
        (
            lambda d: d.update(feedback_themes={"themes": {"Bad Id": {"keywords": ["x"]}}}),
            "feedback_themes.themes: 'Bad Id' is not an id",
        ),
    ],
)
def test_a_malformed_coach_file_is_refused_naming_file_and_field(
    tmp_path: Path, default_data: dict[str, Any], change: Any, message: str
) -> None:
    data = copy.deepcopy(default_data)
    change(data)
    with pytest.raises(TemplateError) as caught:
        load_template(write(tmp_path, data))
    assert "coach.yaml:" in str(caught.value)
    assert message in str(caught.value)


def test_invalid_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: Rebound\nwelcome:\n  title: [unclosed\n  text: hi\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"broken\.yaml:4: template: is not valid YAML"):
        load_template(path)


def test_yaml_is_loaded_safely_never_as_code(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("title: !!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"evil\.yaml"):
        load_template(path)


def test_a_missing_file_or_a_list_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot read the file"):
        load_template(tmp_path / "nowhere.yaml")
    with pytest.raises(TemplateError, match=r"coach\.yaml:1: template: must be a mapping"):
        load_template(write(tmp_path, ["a", "list"]))


def test_asking_for_a_checklist_the_template_lacks_names_the_ones_it_has() -> None:
    with pytest.raises(TemplateError, match="has no 'during_call' .*before_call, call_covered, after_call"):
        load_template().checklist("during_call")


# --- the widgets' own words -------------------------------------------------------------


def test_the_widgets_words_come_from_the_template() -> None:
    labels = load_template().labels
    assert labels["support.helped"] == "How much it helped"
    assert labels["rejection_log.new_application"] == "(a new application)"
    assert labels.fill("common.last_saved", when="3 Oct 2026, 14:02") == "Last saved 3 Oct 2026, 14:02"


def test_a_coach_words_some_labels_and_keeps_the_rest(tmp_path: Path, default_data: dict[str, Any]) -> None:
    default_data["widgets"] = {"saved": {"delete": "Remove"}}
    labels = load_template(write(tmp_path, default_data)).labels
    assert labels["saved.delete"] == "Remove"
    assert labels["saved.edit"] == "Edit"


def test_a_coach_file_without_widget_words_loads_with_the_built_in_ones(
    tmp_path: Path, default_data: dict[str, Any]
) -> None:
    del default_data["widgets"]
    assert load_template(write(tmp_path, default_data)).labels["saved.confirm"] == "Delete this for good?"


def test_an_unknown_widget_text_is_refused_naming_it(tmp_path: Path, default_data: dict[str, Any]) -> None:
    default_data["widgets"] = {"saved": {"delet": "Remove"}}
    with pytest.raises(TemplateError, match=r"widgets\.saved\.delet: is not a text the widgets use"):
        load_template(write(tmp_path, default_data))


def test_dates_read_the_same_everywhere() -> None:
    import datetime as dt

    labels = load_template().labels
    assert labels.day(dt.date(2026, 10, 3)) == "3 Oct 2026"
    assert labels.moment(dt.datetime(2026, 10, 3, 14, 2)) == "3 Oct 2026, 14:02"
