"""Fixtures for the end-to-end tests: Debian's chromium through Playwright, and real workbook servers.

Browser tests skip, with the reason, when chromium or Playwright is missing,
and fail instead when ``REQUIRE_BROWSER=1`` (as ``.ci/run`` sets).  Every test
that used a page leaves a screenshot of it in ``test-artifacts/<test>.png``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e import servers

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = servers.ROOT / "test-artifacts"
#: Flags measured to work on these machines (root, no GPU, no outside network).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def browser_unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail with it when the run requires a browser."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (REQUIRE_BROWSER=1, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's chromium, and Playwright to drive it; never a downloaded browser."""
    if not CHROMIUM.exists():
        browser_unavailable(f"no browser: Debian's chromium is not at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        browser_unavailable("no browser driver: playwright is not installed (pip install -e '.[test]')")
    return CHROMIUM


@pytest.fixture(scope="package")
def browser(chromium: Path) -> Iterator[object]:
    """One headless chromium for the end-to-end tests, closed when they are done."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page (own cookies) whose final state is saved as test-artifacts/<test name>.png."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    try:
        yield opened
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            opened.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        finally:
            context.close()


@pytest.fixture
def workbook_folder(tmp_path: Path) -> Path:
    """A temporary workbook folder: copies of notebooks/ and workbook.toml, an empty data/."""
    return servers.make_workbook(tmp_path / "workbook")


@pytest.fixture
def lab_server(workbook_folder: Path, tmp_path: Path) -> Iterator[servers.RunningServer]:
    """``workbook lab`` on a free loopback port, with a temporary journal and home."""
    yield from _running("lab", workbook_folder, tmp_path)


@pytest.fixture
def app_server(workbook_folder: Path, tmp_path: Path) -> Iterator[servers.RunningServer]:
    """``workbook app`` (Voila) on a free loopback port, with a temporary journal and home."""
    yield from _running("app", workbook_folder, tmp_path)


def _running(kind: str, folder: Path, scratch: Path) -> Iterator[servers.RunningServer]:
    try:
        server = servers.start(kind, folder, scratch)
    except RuntimeError as failure:
        pytest.fail(str(failure), pytrace=False)
    try:
        yield server
    finally:
        servers.stop(server)
