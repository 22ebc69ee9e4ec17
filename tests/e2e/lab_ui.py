"""Driving JupyterLab in the browser: open a notebook, run it all, read what it showed.

Selectors and pitfalls were measured on this stack (see the team's KNOWN.md):
the cell execution indicator reads idle before a kernel is attached, so the
status bar's "| Idle" is what tells that the kernel is ready.
"""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page

from e2e.servers import RunningServer

KERNEL_IDLE = ".jp-StatusBar-TextItem:has-text('| Idle')"
RUN_MENU = ".lm-MenuBar-item:has-text('Run')"
RUN_ALL = ".lm-Menu-item[data-command='runmenu:run-all']"
STDERR_OUTPUT = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
#: Kernel start and a full run can be slow on a loaded CI machine; these are limits, not expectations.
KERNEL_PATIENCE_MS = 120_000
RUN_PATIENCE_MS = 300_000

# Done when no cell is queued or running ("[*]"), and every code cell has a number,
# unless an error stopped the run (the cells after it then keep an empty prompt).
_RUN_FINISHED = """
(stderrSelector) => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
    .map(p => p.textContent.trim());
  if (prompts.some(p => p.includes('*'))) return false;
  const failed = document.querySelector(stderrSelector) !== null;
  return failed || prompts.every(p => /\\[\\d+\\]/.test(p));
}
"""


def open_notebook(page: Page, server: RunningServer, name: str) -> None:
    """Open notebook ``name`` of the server's workbook and wait until its kernel is idle."""
    page.goto(f"{server.base}/lab/tree/{quote(name)}?token={server.token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=KERNEL_PATIENCE_MS)
    wait_for_idle_kernel(page)


def wait_for_idle_kernel(page: Page) -> None:
    """Wait until the status bar says the notebook's kernel is attached and idle."""
    page.wait_for_selector(KERNEL_IDLE, timeout=KERNEL_PATIENCE_MS)


def run_all(page: Page) -> None:
    """Run every cell through the Run menu, then wait for the run to finish."""
    page.click(RUN_MENU)
    page.click(RUN_ALL)
    wait_for_run(page)


def wait_for_run(page: Page) -> None:
    """Wait until no cell is queued or running and the kernel is idle again."""
    page.wait_for_function(_RUN_FINISHED, arg=STDERR_OUTPUT, timeout=RUN_PATIENCE_MS)
    wait_for_idle_kernel(page)


def stderr_outputs(page: Page) -> list[str]:
    """The text of every error or warning output on the page (tracebacks render as these)."""
    return page.locator(STDERR_OUTPUT).all_text_contents()


def tracebacks(page: Page) -> list[str]:
    """The outputs that show a Python traceback."""
    return [text for text in page.locator(".jp-OutputArea-output").all_text_contents() if "Traceback" in text]


def code_cell_prompts(page: Page) -> list[str]:
    """Each code cell's prompt text (``[3]:``, ``[ ]:``), top to bottom."""
    return [
        text.strip() for text in page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").all_text_contents()
    ]
