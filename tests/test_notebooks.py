"""The committed notebooks: stripped, short, linked, and each opening the journal one way."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_the_seven_notebooks_are_there_in_order() -> None:
    assert [p.name[:3] for p in NOTEBOOKS] == ["00_", "01_", "02_", "03_", "04_", "05_", "06_"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    for cell in json.loads(path.read_text())["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["source"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_are_short_and_open_the_journal_once(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    assert code[0].splitlines()[-1].startswith("wb = workbook.open(")
    assert sum("workbook.open(" in source for source in code) == 1
    for source in code:
        lines = [line for line in source.splitlines() if line.strip() and not line.startswith("#")]
        assert len(lines) <= 3, source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_links_point_at_notebooks_that_exist(path: Path) -> None:
    names = {p.name for p in NOTEBOOKS}
    text = " ".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    linked = {part.split(")")[0] for part in text.split("](")[1:]}
    assert linked, "every notebook links onward"
    assert linked <= names
