"""The committed notebooks: stripped, one plain line a cell, free of test markers, linked, opening the journal one way."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXPECTED = ROOT / "tests" / "notebook_outputs.json"
#: The metadata tag nbval reads as "compare this cell's output".
CHECK_TAG = "nbval-check-output"


def test_the_eight_notebooks_are_there_in_order() -> None:
    assert [p.name[:3] for p in NOTEBOOKS] == ["00_", "01_", "02_", "03_", "04_", "05_", "06_", "07_"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    for cell in json.loads(path.read_text())["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["source"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_are_one_plain_line_and_open_the_journal_once(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    # papermill's parameters cell comes first: a journal can be named when the notebook is run by a tool.
    assert cells[0].source == "journal = None" and cells[0].metadata.get("tags") == ["parameters"]
    code = [c.source for c in cells]
    assert code[1] == "import workbook\n\nwb = workbook.open(journal=journal)"
    assert sum("workbook.open(" in source for source in code) == 1
    for source in code[2:]:
        assert "\n" not in source and not source.startswith("#") and len(source) <= 60, source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_test_machinery_shows_and_checked_cells_carry_the_tag(path: Path) -> None:
    cells = nbformat.read(path, as_version=4).cells
    assert not [c.source for c in cells if "NBVAL" in c.source.upper()]
    checked = [c for c in cells if CHECK_TAG in c.metadata.get("tags", [])]
    # Every notebook checks what one summary says, and only code cells are checked.
    assert checked and all(c.cell_type == "code" for c in checked)
    assert {c.id for c in checked} == set(json.loads(EXPECTED.read_text())["demo"][path.name])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_text_fits_the_app_where_no_code_can_be_edited(path: Path) -> None:
    text = " ".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    for words in ("Shift+Enter", "workbook.open(", "run the cell", "in the next cell"):
        assert words.lower() not in text.lower(), words


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_links_point_at_notebooks_that_exist(path: Path) -> None:
    names = {p.name for p in NOTEBOOKS}
    text = " ".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    linked = {part.split(")")[0] for part in text.split("](")[1:]}
    assert linked, "every notebook links onward"
    assert linked <= names
