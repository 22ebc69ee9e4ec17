"""One source for the notebooks: the repository's ``notebooks/`` are the build of the built-in template.

After changing a skeleton in ``workbook/notebooks/``, run ``python -m workbook.build notebooks/``.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from workbook import build
from workbook.template import default_template

ROOT = Path(__file__).resolve().parent.parent


def cells(notebook: nbformat.NotebookNode) -> list[tuple[str, str, list[str]]]:
    return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in notebook.cells]


@pytest.mark.parametrize("stem", build.available())
def test_the_repository_notebook_is_the_build_of_the_built_in_template(stem: str) -> None:
    committed = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    assert cells(committed) == cells(build.build_notebook(default_template(), stem)), (
        "run: python -m workbook.build notebooks/"
    )


def test_the_repository_has_no_notebook_the_build_does_not_make() -> None:
    assert sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb")) == list(build.available())
