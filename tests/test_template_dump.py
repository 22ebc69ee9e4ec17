"""A coach's edited template is saved as YAML that loads back to the same template; the schema is public."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from workbook.errors import TemplateError
from workbook.template import TEMPLATES, dump_template, load_template, merged_template_data, template_schema


@pytest.mark.parametrize("name", ["default.yaml", "graduates.yaml"])
def test_dumped_data_loads_back_to_an_equal_template(tmp_path: Path, name: str) -> None:
    original = load_template(TEMPLATES / name)
    saved = tmp_path / "saved.yaml"
    saved.write_text(dump_template(merged_template_data(TEMPLATES / name)), encoding="utf-8")
    assert load_template(saved) == original


def test_an_edit_survives_the_round_trip(tmp_path: Path) -> None:
    data = merged_template_data(TEMPLATES / "graduates.yaml")
    data["checklists"]["before_call"]["items"].append({"id": "water", "text": "A glass of water nearby"})
    data["welcome"]["text"] = "Line one.\nLine two, café and all."
    text = dump_template(data)
    assert "café" in text and "\\u" not in text  # unicode written as is
    assert "text: |-\n" in text  # several lines stay readable as a block
    saved = tmp_path / "edited.yaml"
    saved.write_text(text, encoding="utf-8")
    template = load_template(saved)
    assert template.checklist("before_call").items[-1].text == "A glass of water nearby"
    assert template.welcome_text == "Line one.\nLine two, café and all."
    assert template.questions == load_template(TEMPLATES / "graduates.yaml").questions


def test_dump_keeps_the_order_of_the_fields() -> None:
    text = dump_template(merged_template_data())
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys[:4] == ["title", "coach", "notebooks", "welcome"]


def test_a_template_that_would_not_load_is_not_dumped() -> None:
    data = merged_template_data()
    data["checklists"]["after_call"]["items"] = []
    with pytest.raises(TemplateError, match="checklists.after_call.items: must list at least one item"):
        dump_template(data)


def test_merged_data_is_a_fresh_copy_each_time() -> None:
    first = merged_template_data()
    first["title"] = "Changed"
    first["checklists"]["before_call"]["items"].clear()
    assert merged_template_data()["title"] == "Rebound"
    assert load_template().checklist("before_call").items


def test_merged_data_holds_the_coach_changes_over_the_built_in_texts(tmp_path: Path) -> None:
    path = tmp_path / "coach.yaml"
    path.write_text("welcome:\n  text: Hi there.\n", encoding="utf-8")
    data = merged_template_data(path)
    assert data["welcome"] == {"title": load_template().welcome_title, "text": "Hi there."}
    assert yaml.safe_load(dump_template(data))["welcome"]["text"] == "Hi there."


def test_the_schema_is_a_valid_json_schema_that_accepts_the_merged_templates() -> None:
    from jsonschema import Draft202012Validator

    schema = template_schema()
    Draft202012Validator.check_schema(schema)
    for name in ("default.yaml", "graduates.yaml"):
        assert list(Draft202012Validator(schema).iter_errors(merged_template_data(TEMPLATES / name))) == []
    assert "saved" in schema["properties"]["widgets"]["properties"]
    schema["properties"].clear()  # a copy: changing it changes nothing
    assert template_schema()["properties"]
