"""Driving the app (Voila) in the browser: open a page, wait for its cells, look for code and errors.

Voila runs the whole notebook for each page and shows a spinner until it is
done; the cells appear (``#rendered_cells`` shown, ``#loading`` removed) only then.
"""

from __future__ import annotations

from playwright.sync_api import Page

#: Anything that would show a person code: a code cell's input, a prompt, an editor.
CODE_ON_PAGE = ".jp-CodeCell .jp-InputArea, .jp-InputPrompt, .cm-editor, .CodeMirror, .jp-CodeMirrorEditor"
#: A limit for a busy machine, not an expectation: the page is complete only after the notebook ran.
PAGE_PATIENCE_MS = 180_000


def open_app(page: Page, url: str) -> None:
    """Go to an app page and wait until Voila has run the notebook and shown its cells."""
    page.goto(url, timeout=PAGE_PATIENCE_MS)
    wait_for_cells(page)


def wait_for_cells(page: Page) -> None:
    """Wait until the spinner is gone and the notebook's cells are shown."""
    page.wait_for_selector("#rendered_cells", state="visible", timeout=PAGE_PATIENCE_MS)
    page.wait_for_selector("#loading", state="detached", timeout=PAGE_PATIENCE_MS)


def code_on_page(page: Page) -> int:
    """How many elements on the page would show code."""
    return page.locator(CODE_ON_PAGE).count()


def tracebacks(page: Page) -> list[str]:
    """The outputs that show a Python traceback (or Voila's note that a cell failed)."""
    outputs = page.locator(".jp-OutputArea-output").all_text_contents()
    return [
        text for text in outputs if "Traceback" in text or "There was an error when executing cell" in text
    ]
