"""The coach notebook *Your clients*: stripped, short cells, and it runs on a folder of bundles and on none."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from test_cohort import bundle_of

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "coach" / "your_clients.ipynb"


def test_committed_stripped_with_short_cells_and_a_parameters_cell() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert all(cell.source.count("\n") <= 1 for cell in code)
    [parameters] = [cell for cell in code if "parameters" in cell.metadata.get("tags", [])]
    assert parameters.source.splitlines()[0] == 'bundles = "bundles"'


def run(folder: Path) -> str:
    """Run a copy of the notebook in ``folder``; return every text and HTML output joined."""
    copy = folder / NOTEBOOK.name
    shutil.copy(NOTEBOOK, copy)
    notebook = nbformat.read(copy, as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    return "\n".join(
        str(output.get("data", {}).get("text/html", "")) + str(output.get("data", {}).get("text/plain", ""))
        for output in outputs
    )


def test_the_notebook_shows_the_cohort_and_says_what_to_do_without_bundles(tmp_path: Path) -> None:
    (tmp_path / "bundles").mkdir()
    bundle_of(tmp_path / "bundles", "ana", ("feedback",))
    bundle_of(tmp_path / "bundles", "ben", ())
    shown = run(tmp_path)
    assert "Client 1" in shown and "Client 2" in shown
    assert "Technical depth" in shown
    assert "Portfolio was the clearest we saw" in shown  # Ana shared what employers said

    empty = tmp_path / "empty"
    empty.mkdir()
    assert "No bundles found in bundles yet" in run(empty)
