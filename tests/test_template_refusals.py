"""A bad coach template is refused with one line, FILE:LINE: FIELD: reason, at the coach's own line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from workbook.errors import TemplateError
from workbook.template import load_template


def refusal(tmp_path: Path, text: str | bytes, name: str = "coach.yaml") -> str:
    """The error a coach sees for a template file holding ``text`` (FILE replaced by its name)."""
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    message = str(caught.value)
    assert "\n" not in message
    return message.replace(str(path), name)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title: Careers Hub\nchecklist:\n  before_call:\n    title: Ready\n",
            "coach.yaml:2: checklist: is not a template field; did you mean 'checklists'?",
        ),
        (
            "title: Careers Hub\nwelcome:\n  title: Hello\n  txt: Welcome aboard\n",
            "coach.yaml:4: welcome.txt: is not a field here; did you mean 'text'?",
        ),
        (
            "widgets:\n  saved:\n    delet: Remove\n",
            "coach.yaml:3: widgets.saved.delet: is not a text the widgets use; did you mean 'delete'?",
        ),
        (
            "title: Careers Hub\nsupport:\n  notice: 3\n",
            "coach.yaml:3: support.notice: must be text, not a number",
        ),
        (
            "checkin:\n  every_days: fortnightly\n",
            "coach.yaml:2: checkin.every_days: must be a whole number of days from 1 to 365, not text",
        ),
        (
            "checkin:\n  statements:\n    - id: recover_quickly\n      reverse: maybe\n",
            "coach.yaml:4: checkin.statements[0].reverse: must be true or false, not text",
        ),
        (
            "questions:\n  - id: why_no\n    text: Why not me?\n  - id: next_time\n    text: What next?\n"
            "  - id: why_no\n    text: Why not me, really?\n",
            "coach.yaml:6: questions[2].id: 'why_no' is used twice; ids must be unique",
        ),
        (
            "checklists:\n  before_call:\n    title: Ready\n    items:\n      - id: calm\n        text: Breathe\n"
            "      - id: calm\n        text: Breathe again\n",
            "coach.yaml:7: checklists.before_call.items[1].id: 'calm' is used twice; ids must be unique",
        ),
        (
            "title: One\nwelcome:\n  text: Hi\ntitle: Two\n",
            "coach.yaml:4: title: is given twice in the same place (first on line 1); keep one",
        ),
        (
            "welcome:\n  title: Hello\n  text: Hi\n  title: Hello again\n",
            "coach.yaml:4: welcome.title: is given twice in the same place (first on line 2); keep one",
        ),
        (
            "checklists:\n  portfolio_review:\n    title: Before a portfolio review\n    items: []\n",
            "coach.yaml:4: checklists.portfolio_review.items: must list at least one item",
        ),
        (
            "checklists:\n  portfolio_review:\n    title: Before a portfolio review\n",
            "coach.yaml:2: checklists.portfolio_review.items: is missing",
        ),
        (
            "checklists:\n  Before Call:\n    title: Ready\n    items: [{id: a, text: b}]\n",
            "coach.yaml:2: checklists: 'Before Call' is not an id (use lowercase letters, digits and _)",
        ),
        (
            "replace: [checklists]\nchecklists:\n  before_call:\n    title: Ready\n"
            "    items: [{id: calm, text: Breathe}]\n",
            "coach.yaml:2: checklists: needs a 'call_covered' checklist (what the employer covered on the call)",
        ),
        (
            "replace: [questionz]\n",
            "coach.yaml:1: replace[0]: 'questionz' is not one of: checklists, reflections, questions, "
            "self_review, checkin.statements",
        ),
        (
            "mood:\n  emotions: [sad, glad]\n",
            "coach.yaml:2: mood.emotions: has 2 words; give at least 12",
        ),
        (
            "mood:\n  tags: [walked, 'ran; swam']\n",
            "coach.yaml:2: mood.tags[1]: 'ran; swam' contains ';', which separates words",
        ),
        (
            "feedback_themes:\n  extend: true\n  themes:\n    portfolio:\n      label: Portfolio\n"
            "      keywords: portfolio\n",
            "coach.yaml:6: feedback_themes.themes.portfolio.keywords: must be a list, not text",
        ),
        (
            "follow_up:\n  thank_you: Dear {interviewr}, thank you.\n",
            "coach.yaml:2: follow_up.thank_you: {interviewr} is not filled in by the workbook; "
            "did you mean {interviewer}?",
        ),
        (
            "checkin:\n  meaning:\n    1: Hard going\n",
            "coach.yaml:3: checkin.meaning: 1 must be written in quotes",
        ),
        ("- a\n- list\n", "coach.yaml:1: template: must be a mapping of names to values, not a list"),
        ("", "coach.yaml:1: template: is empty; a template is a mapping of fields such as title and welcome"),
        (
            "title: Careers\nwelcome:\n  title: [unclosed\n",
            "coach.yaml:4: template: is not valid YAML (expected ',' or ']', but got '<stream end>')",
        ),
    ],
)
def test_each_problem_is_refused_at_its_line(tmp_path: Path, text: str, message: str) -> None:
    assert refusal(tmp_path, text) == message


def test_the_first_problem_in_the_file_is_the_one_named(tmp_path: Path) -> None:
    text = "title: 3\nwelcome:\n  txt: Hi\nsupport:\n  notice: 4\n"
    assert refusal(tmp_path, text) == "coach.yaml:1: title: must be text, not a number"


def test_a_problem_in_a_mapping_given_in_code_names_the_field_without_a_line() -> None:
    with pytest.raises(TemplateError) as caught:
        load_template({"welcome": {"title": ""}})
    assert str(caught.value) == "template: welcome.title: must not be empty"


# --- YAML that would run code --------------------------------------------------------


def test_a_python_tag_is_refused_as_code_and_nothing_runs(tmp_path: Path) -> None:
    target = tmp_path / "created_by_the_template"
    control = tmp_path / "created_by_an_unsafe_loader"
    payload = "title: !!python/object/apply:builtins.open [{path!r}, 'w']\n"
    # The payload is real: a loader that builds Python objects does create the file.
    yaml.unsafe_load(payload.format(path=str(control)))
    assert control.exists()

    message = refusal(tmp_path, payload.format(path=str(target)))
    assert message == (
        "coach.yaml:1: title: the tag '!!python/object/apply:builtins.open' asks to build a Python object; "
        "templates hold data, not code, so it is refused and nothing in the file was run"
    )
    assert not target.exists()


def test_a_python_tag_deep_inside_is_refused_at_its_line(tmp_path: Path) -> None:
    target = tmp_path / "hacked"
    text = (
        "checklists:\n  before_call:\n    title: Ready\n    items:\n      - id: calm\n"
        f"        text: !!python/object/apply:os.system ['touch {target}']\n"
    )
    message = refusal(tmp_path, text)
    assert message.startswith(
        "coach.yaml:6: checklists.before_call.items[0].text: the tag '!!python/object/apply:os.system'"
    )
    assert not target.exists()


def test_other_tags_are_refused_as_not_template_data(tmp_path: Path) -> None:
    assert refusal(tmp_path, "title: !!binary aGVsbG8=\n") == (
        "coach.yaml:1: title: the tag '!!binary' is not used in templates; "
        "they hold text, numbers, lists and mappings"
    )


def test_aliases_that_would_grow_without_end_are_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]" for n in range(1, 12)]
    message = refusal(tmp_path, "\n".join(lines) + "\n")
    assert "holds more than 200000 values; no template needs that" in message


# --- files that cannot be read ---------------------------------------------------------


def test_a_file_that_is_not_utf8_is_refused_at_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    text = "title: Careers\nwelcome:\n  text: Caf\xe9 chats\n".encode("latin-1")
    assert refusal(tmp_path, text) == (
        "coach.yaml:3: template: is not UTF-8 text (byte 0xe9); save the file as UTF-8"
    )


def test_a_utf8_file_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufefftitle: Café careers\n".encode())
    assert load_template(path).title == "Café careers"


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        load_template(tmp_path / "nowhere.yaml")
    assert (
        str(caught.value)
        == f"{tmp_path / 'nowhere.yaml'}: template: cannot read the file (no such file or directory)"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text("title: Locked\n", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(
        TemplateError, match=r"locked\.yaml: template: cannot read the file \(permission denied\)"
    ):
        load_template(path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r": template: is a folder, not a file"):
        load_template(tmp_path)


# --- on the command line ---------------------------------------------------------------


def test_the_command_line_reports_a_template_error_as_its_one_line() -> None:
    from workbook import error_words as failures

    error = TemplateError("coach.yaml:2: checklist: is not a template field; did you mean 'checklists'?")
    assert isinstance(error, failures.EXPECTED)
    assert failures.describe(error) == str(error)


# --- limits: size, depth, text (issue 22, defects 8 and 11) ---------------------------------------


def test_a_list_nested_20000_deep_is_refused_at_the_depth_limit(tmp_path: Path) -> None:
    message = refusal(tmp_path, "title: " + "[" * 20_000 + "]" * 20_000 + "\n")
    assert message == (
        "coach.yaml:1: template: is nested more than 32 levels deep; "
        "a template needs a few, so check its brackets and indents"
    )


def test_a_block_mapping_nested_past_the_limit_is_refused_at_the_line_where_it_passes(tmp_path: Path) -> None:
    text = (
        "title: Deep\nwidgets:\n" + "".join(f"{' ' * n}k{n}:\n" for n in range(1, 300)) + " " * 300 + "x: 1\n"
    )
    assert refusal(tmp_path, text).startswith("coach.yaml:33: template: is nested more than 32 levels deep")


def test_a_mapping_3000_levels_deep_is_refused_in_one_line(tmp_path: Path) -> None:
    flow = "title: " + "{a: " * 3_000 + "1" + "}" * 3_000 + "\n"
    assert refusal(tmp_path, flow).startswith("coach.yaml:1: template: is nested more than 32 levels deep")
    block = "".join(f"{' ' * n}k{n}:\n" for n in range(3_000)) + " " * 3_000 + "x: 1\n"
    assert refusal(tmp_path, block, "block.yaml") == (
        "block.yaml: template: is over 1 MB; a template is a few kilobytes, so is this the right file?"
    )


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    # 32 levels: the top mapping, `title` under it would be 2; a list 30 deep under an unknown key is
    # read, then refused by the schema (not by depth), at its line.
    message = refusal(tmp_path, "title: T\nextra: " + "[" * 30 + "]" * 30 + "\n")
    assert "nested" not in message and message.startswith("coach.yaml:2: extra:")


def test_a_file_over_one_megabyte_is_refused_unread(tmp_path: Path) -> None:
    import time

    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write("title: Huge\nwelcome:\n  text: '")
        out.write("a" * (50 * 1024 * 1024))
        out.write("'\n")
    started = time.perf_counter()
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    assert time.perf_counter() - started < 2  # 24-36 s on main, reading all 50 MB
    assert str(caught.value) == (
        f"{path}: template: is over 1 MB; a template is a few kilobytes, so is this the right file?"
    )


def test_a_template_of_one_megabyte_exactly_is_read(tmp_path: Path) -> None:
    from workbook.template.source import MAX_BYTES

    head = "title: Big but allowed\nwelcome:\n  text: '"
    text = head + "a" * (MAX_BYTES - len(head) - 2) + "'\n"
    path = tmp_path / "edge.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size == MAX_BYTES
    assert load_template(path).title == "Big but allowed"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'title: "Coach \\ud83d\\ude00"\n',
            "coach.yaml:1: title: holds an escaped character that is not valid text (\\ud83d); "
            "write the character itself, or \\U0001F600",
        ),
        (
            'title: Careers\nwelcome:\n  text: "Hello \\udc00 there"\n',
            "coach.yaml:3: welcome.text: holds an escaped character that is not valid text (\\udc00); "
            "write the character itself",
        ),
        (
            'title: Careers\n"key\\ud800": 1\n',
            "coach.yaml:2: template: holds an escaped character that is not valid text (\\ud800); "
            "write the character itself",
        ),
    ],
    ids=["pair", "lone-low-half", "in-a-key"],
)
def test_an_escaped_surrogate_is_refused_at_its_line_and_field(
    tmp_path: Path, text: str, message: str
) -> None:
    assert refusal(tmp_path, text) == message


def test_the_character_itself_or_its_long_escape_loads(tmp_path: Path) -> None:
    path = tmp_path / "smile.yaml"
    path.write_text('title: "Coach \\U0001F600"\nwelcome:\n  title: Hi 😀\n', encoding="utf-8")
    template = load_template(path)
    assert template.title == "Coach 😀"


def test_a_control_character_yaml_forbids_is_refused_at_its_line(tmp_path: Path) -> None:
    # Found by tests/reliability/test_fuzz_readers.py: PyYAML refuses it while opening the text,
    # before the parser runs, and its error spans two lines.
    assert refusal(tmp_path, "title: Careers\nwelcome:\n  text: a\x0bb\n") == (
        "coach.yaml:3: template: holds a control character (U+000B) that YAML does not allow; "
        "delete it and save the file again"
    )
