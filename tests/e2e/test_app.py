"""App mode (Voila) in a real browser: the workbook with its code hidden, behind the token."""

from __future__ import annotations

from e2e import app_ui
from e2e.servers import RunningServer

START = "00_start_here.ipynb"


def test_app_shows_the_start_notebook_without_its_code(app_server: RunningServer, page) -> None:
    app_ui.open_app(page, app_server.url)

    assert page.get_by_role("heading", name="Rebound", exact=True).count() == 1
    assert page.locator(".jp-CodeCell").count() >= 1  # the code ran; only its source is hidden
    assert app_ui.code_on_page(page) == 0
    assert app_ui.tracebacks(page) == []


def test_app_without_the_token_shows_only_the_login_page(app_server: RunningServer, page) -> None:
    page.goto(app_server.url.split("?", 1)[0], timeout=app_ui.PAGE_PATIENCE_MS)

    assert "/login" in page.url
    assert page.locator(".jp-Cell").count() == 0
    assert page.get_by_role("heading", name="Rebound", exact=True).count() == 0


def test_every_notebook_is_linked_from_the_start_page_and_opens_as_an_app(
    app_server: RunningServer, page
) -> None:
    others = sorted(p.name for p in (app_server.folder / "notebooks").glob("*.ipynb") if p.name != START)
    app_ui.open_app(page, app_server.url)
    links = page.eval_on_selector_all("a[href*='.ipynb']", "links => links.map(a => a.href)")
    linked = {link.split("?")[0].rsplit("/", 1)[-1]: link for link in links}

    assert sorted(set(linked) & set(others)) == others
    for name in others:
        page.goto(
            linked[name], timeout=app_ui.PAGE_PATIENCE_MS
        )  # the cookie from the tokened visit lets it in
        app_ui.wait_for_cells(page)
        assert "/login" not in page.url, name
        assert app_ui.code_on_page(page) == 0, name
        assert app_ui.tracebacks(page) == [], name


#: Words that only make sense where a person can see and edit code, or that belong to the tests.
NOT_FOR_THE_APP = ("Shift+Enter", "workbook.open(", "NBVAL", "nbval")


def test_every_app_page_reads_as_an_app_with_no_code_instructions_or_test_markers(
    app_server: RunningServer, page
) -> None:
    names = sorted(p.name for p in (app_server.folder / "notebooks").glob("*.ipynb"))
    app_ui.open_app(page, app_server.url)  # the tokened visit sets the cookie for the others
    for name in names:
        if name != START:
            page.goto(f"{app_server.base}/voila/render/{name}", timeout=app_ui.PAGE_PATIENCE_MS)
            app_ui.wait_for_cells(page)
        text = page.locator("body").inner_text()
        assert [words for words in NOT_FOR_THE_APP if words in text] == [], name
