"""Notebooks built from a template: the coach's words on Start here, the notebooks it names, linked in order."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest

from workbook import build
from workbook.template import Coach, default_template

LINK = re.compile(r"\]\(([^)\s]+\.ipynb)\)")


def markdown(notebook: nbformat.NotebookNode) -> str:
    return "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def code(notebook: nbformat.NotebookNode) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def test_start_here_carries_the_templates_title_welcome_and_coach() -> None:
    template = replace(
        default_template(),
        title="Bounce Forward",
        welcome_title="Hello, and welcome",
        welcome_text="This workbook is for graduates on their first job search.\n\nTake it slowly.",
        coach=Coach(name="Sam Okafor", contact="sam@careers.example.org"),
    )
    first = build.build_notebook(template, "00_start_here").cells[0].source

    assert first.startswith(
        "# Bounce Forward\n\n## Hello, and welcome\n\n"
        "This workbook is for graduates on their first job search.\n\nTake it slowly.\n\n"
        "**Your coach:** Sam Okafor · sam@careers.example.org\n\n"
    )
    assert "{{" not in first


def test_without_a_coach_no_coach_line_and_no_gap_is_left() -> None:
    first = build.build_notebook(default_template(), "00_start_here").cells[0].source
    assert "coach" not in first.lower() and "\n\n\n" not in first
    assert first.startswith(f"# {default_template().title}\n\n## {default_template().welcome_title}\n\n")


def test_a_title_on_several_lines_stays_one_heading_and_braces_in_texts_stay_as_written() -> None:
    template = replace(default_template(), title="Bounce\nForward", welcome_text="Write {{next}} here")
    first = build.build_notebook(template, "00_start_here").cells[0].source
    assert first.startswith("# Bounce Forward\n") and "Write {{next}} here" in first


@pytest.mark.parametrize("stem", build.available())
def test_each_notebook_keeps_the_code_of_its_skeleton_starting_with_a_parameters_cell(stem: str) -> None:
    built = build.build_notebook(default_template(), stem)
    skeleton = nbformat.read(build.SKELETONS / f"{stem}.ipynb", as_version=4)

    parameters = next(cell for cell in built.cells if cell.cell_type == "code")
    assert parameters.metadata["tags"] == ["parameters"] and parameters.source == "journal = None"
    assert code(built) == code(skeleton)
    assert code(built)[1] == "import workbook\n\nwb = workbook.open(journal=journal)"
    assert [c.id for c in built.cells] == [c.id for c in skeleton.cells]
    assert "{{" not in markdown(built)
    nbformat.validate(built)


def test_every_notebook_leads_to_the_next_and_the_last_says_it_is_the_end() -> None:
    stems = build.available()
    for stem, following in zip(stems[1:], stems[2:]):
        last = build.build_notebook(default_template(), stem).cells[-1].source
        assert (
            last
            == f"**Next:** [{build.notebook_title(following)}]({following}.ipynb) · [Start here](00_start_here.ipynb)"
        )
    end = build.build_notebook(default_template(), stems[-1]).cells[-1].source
    assert end.startswith("That's the whole workbook.") and end.endswith("[Start here](00_start_here.ipynb).")


def test_a_template_with_fewer_notebooks_links_only_to_those(tmp_path: Path) -> None:
    chosen = ("00_start_here", "01_before_the_call", "03_after_the_call", "06_resilience_over_time")
    template = replace(default_template(), notebooks=chosen)

    written = build.build_notebooks(template, tmp_path)

    assert [p.stem for p in written] == list(chosen)
    start = markdown(nbformat.read(tmp_path / "00_start_here.ipynb", as_version=4))
    assert re.findall(r"^(\d+)\. \[([^]]+)\]", start, flags=re.M) == [
        ("1", "Before the call"),
        ("2", "After the call"),
        ("3", "Resilience over time"),
    ]
    before = nbformat.read(tmp_path / "01_before_the_call.ipynb", as_version=4)
    assert before.cells[-1].source.startswith("**Next:** [After the call](03_after_the_call.ipynb)")
    for path in written:
        linked = set(LINK.findall(markdown(nbformat.read(path, as_version=4))))
        assert linked <= {f"{stem}.ipynb" for stem in chosen}, path.name


def test_the_template_order_decides_what_comes_next(tmp_path: Path) -> None:
    template = replace(
        default_template(), notebooks=("00_start_here", "03_after_the_call", "01_before_the_call")
    )
    after = build.build_notebook(template, "03_after_the_call").cells[-1].source
    assert after.startswith("**Next:** [Before the call](01_before_the_call.ipynb)")
    assert (
        build.build_notebook(template, "01_before_the_call").cells[-1].source.startswith("That's the whole")
    )


def test_the_skeletons_are_stripped_and_start_here_comes_first() -> None:
    for stem in build.available():
        skeleton = nbformat.read(build.SKELETONS / f"{stem}.ipynb", as_version=4)
        assert all(
            c.outputs == [] and c.execution_count is None for c in skeleton.cells if c.cell_type == "code"
        )
        assert sum("parameters" in c.metadata.get("tags", []) for c in skeleton.cells) == 1
    assert build.available()[0] == build.START


def test_a_skeleton_without_its_parameters_cell_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook.errors import WorkbookError

    skeleton = nbformat.read(build.SKELETONS / "02_the_call.ipynb", as_version=4)
    skeleton.cells = [c for c in skeleton.cells if c.id != "parameters"]
    for path in build.SKELETONS.glob("*.ipynb"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    nbformat.write(skeleton, tmp_path / "02_the_call.ipynb")
    monkeypatch.setattr(build, "SKELETONS", tmp_path)
    with pytest.raises(WorkbookError, match="02_the_call: its first code cell must be tagged 'parameters'"):
        build.build_notebook(default_template(), "02_the_call")
