"""``import workbook`` stays cheap: its public names load on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import workbook


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_importing_the_package_builds_no_record_types_yet() -> None:
    loaded = _run("import sys, workbook; print(sorted(m for m in sys.modules if m.startswith('workbook')))")
    assert loaded.strip() == "['workbook']"


def test_each_public_name_loads_on_first_use() -> None:
    assert workbook.Journal.__module__ == "workbook.journal"
    assert workbook.Workbook.__module__ == "workbook.session"
    assert workbook.open.__name__ == "open_workbook"
    assert issubclass(workbook.ValidationError, workbook.WorkbookError)
    assert set(workbook.__all__) <= set(dir(workbook))


def test_a_name_the_package_does_not_have_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Jornal'"):
        workbook.Jornal  # noqa: B018
