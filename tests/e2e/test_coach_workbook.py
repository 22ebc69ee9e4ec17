"""A coach's workbook in JupyterLab: built by ``workbook init``, opened by ``workbook lab``, the coach's words on screen.

No ``WORKBOOK_JOURNAL`` is set: the server finds the journal in the folder's
``data/``, and the kernels read the template the folder's ``workbook.toml`` names.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from e2e import lab_ui, servers
from workbook.folder import create_folder
from workbook.template import DEFAULT_TEMPLATE

WELCOME = "Your first search is a marathon, not a sprint: this workbook keeps you company on every mile."
CHECK_ITEM = "I have my graduate portfolio open in another tab"


@pytest.fixture
def coach_folder(tmp_path: Path) -> Path:
    """A workbook folder built from a coach's template: own title, welcome, coach and checklist item."""
    data = yaml.safe_load(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    data["title"] = "Bounce Forward"
    data["welcome"] = {"title": "Welcome, graduates", "text": WELCOME}
    data["coach"] = {"name": "Sam Okafor", "contact": "sam@careers.example.org"}
    data["checklists"]["before_call"]["items"].append({"id": "portfolio", "text": CHECK_ITEM})
    template = tmp_path / "graduates.yaml"
    template.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return create_folder(tmp_path / "client", template)


@pytest.fixture
def coach_lab(
    coach_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[servers.RunningServer]:
    """``workbook lab`` in the coach's folder, the journal left for the folder to decide."""
    yield from _serving("lab", coach_folder, tmp_path, monkeypatch)


@pytest.fixture
def coach_app(
    coach_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[servers.RunningServer]:
    """``workbook app`` in the coach's folder, the journal left for the folder to decide."""
    yield from _serving("app", coach_folder, tmp_path, monkeypatch)


def _serving(
    kind: str, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[servers.RunningServer]:
    private_env = servers.private_env

    def folder_journal_env(scratch: Path, journal: Path) -> dict[str, str]:
        env = private_env(scratch, journal)
        env.pop("WORKBOOK_JOURNAL")
        return env

    monkeypatch.setattr(servers, "private_env", folder_journal_env)
    (tmp_path / "scratch").mkdir()
    try:
        server = servers.start(kind, folder, tmp_path / "scratch")
    except RuntimeError as failure:
        pytest.fail(str(failure), pytrace=False)
    try:
        yield server
    finally:
        servers.stop(server)


def test_the_coachs_words_show_in_jupyterlab_and_the_journal_is_the_folders(
    coach_lab: servers.RunningServer, coach_folder: Path, page
) -> None:
    printed = coach_lab.out.read_text("utf-8")
    assert f"Journal: {coach_folder / 'data' / 'journal.db'}" in printed

    lab_ui.open_notebook(page, coach_lab, "01_before_the_call.ipynb")
    lab_ui.run_all(page)
    assert lab_ui.tracebacks(page) == []
    page.locator(".rebound-checklist").first.wait_for()
    assert page.locator(".rebound-checklist .widget-checkbox", has_text=CHECK_ITEM).count() == 1

    # Opened second: a run-all waits on every notebook on the page, and Start here is not run.
    lab_ui.open_notebook(page, coach_lab, "00_start_here.ipynb")
    welcome = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown", has_text="Bounce Forward")
    welcome.wait_for()
    assert page.get_by_role("heading", name="Bounce Forward").count() == 1
    assert page.get_by_role("heading", name="Welcome, graduates").count() == 1
    assert WELCOME in welcome.inner_text()
    assert "Sam Okafor · sam@careers.example.org" in welcome.inner_text()


def test_the_app_serves_the_coachs_start_here_from_the_folder(coach_app: servers.RunningServer) -> None:
    status, _, body = servers.get(coach_app.url)
    assert status == 200
    assert WELCOME in body.decode("utf-8")
    assert "Traceback" not in body.decode("utf-8")
