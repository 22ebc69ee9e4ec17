"""`workbook init DIR [--template FILE]`: a client's workbook folder, built whole or not at all."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from workbook.cli import main
from workbook.folder import folder_template, toml_string, workbook_toml
from workbook.journal import Journal
from workbook.template import DEFAULT_TEMPLATE

ROOT = Path(__file__).resolve().parent.parent
EVERY_NOTEBOOK = [
    "00_start_here.ipynb",
    "01_before_the_call.ipynb",
    "02_the_call.ipynb",
    "03_after_the_call.ipynb",
    "04_your_rejection_history.ipynb",
    "05_feedback_themes.ipynb",
    "06_resilience_over_time.ipynb",
    "07_what_helps.ipynb",
]


def coach_template(tmp_path: Path, **changes: object) -> Path:
    """A complete template file: the built-in one with a coach's ``changes`` (top-level keys)."""
    data = yaml.safe_load(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "coach.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def everything_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_builds_the_folder_with_private_files_and_a_toml_naming_the_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = coach_template(tmp_path, title="Bounce Forward")
    folder = tmp_path / "clients" / "alex"

    assert main(["init", str(folder), "--template", str(template)]) == 0

    assert sorted(p.name for p in folder.iterdir()) == ["data", "notebooks", "template.yaml", "workbook.toml"]
    assert sorted(p.name for p in (folder / "notebooks").iterdir()) == EVERY_NOTEBOOK
    assert list((folder / "data").iterdir()) == []
    assert (folder / "template.yaml").read_bytes() == template.read_bytes()
    settings = tomllib.loads((folder / "workbook.toml").read_text())
    assert settings["workbook"] == {"title": "Bounce Forward", "template": "template.yaml"}
    for path in [folder, folder / "data", folder / "notebooks"]:
        assert mode(path) == 0o700, path
    for path in [folder / "workbook.toml", folder / "template.yaml", *(folder / "notebooks").iterdir()]:
        assert mode(path) == 0o600, path
    assert str(folder) in capsys.readouterr().out
    assert [p.name for p in (tmp_path / "clients").iterdir()] == ["alex"]  # no staging folder left


def test_without_a_template_the_folder_gets_a_copy_of_the_built_in_one(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "mine")]) == 0
    assert (tmp_path / "mine" / "template.yaml").read_bytes() == DEFAULT_TEMPLATE.read_bytes()


def test_the_shipped_template_file_works_as_a_template(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbook",
            "init",
            "built",
            "--template",
            str(ROOT / "workbook/templates/default.yaml"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "built" / "notebooks" / "00_start_here.ipynb").is_file()


def test_an_empty_folder_is_filled_and_keeps_its_own_mode(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir(mode=0o750)
    os.chmod(folder, 0o750)
    assert main(["init", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["data", "notebooks", "template.yaml", "workbook.toml"]
    assert mode(folder) == 0o750


def test_a_folder_with_anything_in_it_is_refused_in_one_line_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")

    assert main(["init", str(folder)]) == 2

    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith(f"error: {folder}: is not empty")
    assert everything_under(folder) == ["notes.txt"]


def test_a_folder_holding_a_journal_is_refused_and_the_journal_is_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "someone"
    with Journal(folder / "data" / "journal.db"):
        pass
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    assert main(["init", str(folder)]) == 2

    assert "holds a journal" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_file_in_the_way_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x")
    assert main(["init", str(tmp_path / "file")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ["not", "text"]}, "title"),
        ({"checklists": {"before_call": {"title": "Before", "items": []}}}, "checklists.before_call.items"),
        ({"notebooks": ["00_start_here", "07_not_a_notebook"]}, "notebooks[1]"),
        ({"notebooks": ["01_before_the_call"]}, "notebooks"),
    ],
)
def test_a_bad_template_is_refused_naming_its_field_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict, field: str
) -> None:
    template = coach_template(tmp_path, **changes)
    before = everything_under(tmp_path)

    assert main(["init", str(tmp_path / "new" / "client"), "--template", str(template)]) == 2

    error = capsys.readouterr().err
    assert error.startswith(f"error: {template}") and f": {field}: " in error and error.count("\n") == 1
    assert everything_under(tmp_path) == before


def test_yaml_that_would_build_a_python_object_is_refused_and_nothing_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "evil.yaml"
    template.write_text(f"title: !!python/object/apply:os.system ['touch {tmp_path}/ran']\n")
    assert main(["init", str(tmp_path / "client"), "--template", str(template)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {template}")
    assert not (tmp_path / "ran").exists() and not (tmp_path / "client").exists()


def test_notebooks_in_the_folder_read_the_template_the_toml_names(tmp_path: Path) -> None:
    template = coach_template(tmp_path, title="Bounce Forward")
    folder = tmp_path / "client"
    assert main(["init", str(folder), "--template", str(template)]) == 0

    assert folder_template(folder / "notebooks").title == "Bounce Forward"
    assert folder_template(folder / "notebooks").source == str(folder / "template.yaml")


def test_a_folder_naming_no_template_uses_the_built_in_one(tmp_path: Path) -> None:
    (tmp_path / "workbook.toml").write_text('[workbook]\ntitle = "Rebound"\n')
    assert folder_template(tmp_path).source == str(DEFAULT_TEMPLATE)
    assert folder_template(ROOT / "notebooks").source == str(DEFAULT_TEMPLATE)


def test_a_broken_workbook_toml_is_refused_naming_it(tmp_path: Path) -> None:
    from workbook.errors import TemplateError

    (tmp_path / "workbook.toml").write_text("[workbook]\ntemplate = 3\n")
    with pytest.raises(TemplateError, match="workbook.toml: workbook.template: must name"):
        folder_template(tmp_path)
    (tmp_path / "workbook.toml").write_text("[workbook\n")
    with pytest.raises(TemplateError, match="workbook.toml: is not valid TOML"):
        folder_template(tmp_path)


@pytest.mark.parametrize("title", ['Say "hi"', "back\\slash", "two\nlines", "tab\there", "del\x7f", "ünï ✓"])
def test_any_title_is_written_as_toml_that_reads_back_the_same(title: str) -> None:
    assert tomllib.loads(workbook_toml(title))["workbook"]["title"] == title
    assert tomllib.loads(f"x = {toml_string(title)}")["x"] == title


def test_a_coachs_title_welcome_and_coach_line_appear_on_the_built_start_here(tmp_path: Path) -> None:
    import nbformat

    template = coach_template(
        tmp_path,
        title="Bounce Forward",
        welcome={"title": "Welcome, graduates", "text": "Your first search is a marathon, not a sprint."},
        coach={"name": "Sam Okafor", "contact": "sam@careers.example.org"},
    )
    folder = tmp_path / "client"
    assert main(["init", str(folder), "--template", str(template)]) == 0

    start = nbformat.read(folder / "notebooks" / "00_start_here.ipynb", as_version=4).cells[0].source
    assert start.startswith(
        "# Bounce Forward\n\n## Welcome, graduates\n\nYour first search is a marathon, not a sprint.\n\n"
        "**Your coach:** Sam Okafor · sam@careers.example.org\n\n"
    )
