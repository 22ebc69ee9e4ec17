"""A cell run again in JupyterLab replaces its forms; the old ones stop following the journal.

A real kernel, sent the requests JupyterLab sends (each names its cell in the
message's metadata), so the workbook can tell a cell run again from a new cell.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

SET_UP = "import workbook\nwb = workbook.open()"
LISTENERS = "print(len(wb.journal._listeners))"


@pytest.fixture
def kernel(tmp_path: Path) -> Iterator[object]:
    env = {**os.environ, "WORKBOOK_JOURNAL": str(tmp_path / "journal.db"), "PYTHONWARNINGS": "ignore"}
    env.pop("WORKBOOK_DEMO", None)
    manager, client = start_new_kernel(kernel_name="python3", env=env)
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def run(client, code: str, cell: str) -> str:  # noqa: ANN001
    """Run ``code`` as JupyterLab runs the cell ``cell``; return what it printed."""
    content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
               "allow_stdin": False, "stop_on_error": True}  # fmt: skip
    request = client.session.msg("execute_request", content, metadata={"cellId": cell})
    client.shell_channel.send(request)
    printed = []
    while True:
        message = client.get_iopub_msg(timeout=60)
        if message["parent_header"].get("msg_id") != request["header"]["msg_id"]:
            continue
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            raise AssertionError("\n".join(message["content"]["traceback"]))
        elif message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return "".join(printed).strip()


def test_running_a_form_cell_again_lets_the_old_form_go(kernel) -> None:  # noqa: ANN001
    run(kernel, SET_UP, "setup")
    before = int(run(kernel, LISTENERS, "probe"))
    for _ in range(5):
        run(kernel, 'form = wb.mood("after_call")', "mood-cell")
        run(kernel, "journal_view = wb.your_journal()", "journal-cell")
    save = "import datetime as dt\nfrom workbook.records import MoodEntry\nwb.journal.add(MoodEntry(at=dt.datetime.now().replace(microsecond=0), mood=6))"
    run(kernel, save, "save")  # a closed form's application picker lets go at the next save
    after = int(run(kernel, LISTENERS, "probe"))
    assert after - before <= 4  # one mood form and one journal view, each with at most one picker
    assert run(kernel, "print(form.widget.comm is not None)", "probe") == "True"  # the newest still works


def test_two_forms_from_one_run_of_a_cell_both_stay(kernel) -> None:  # noqa: ANN001
    run(kernel, SET_UP, "setup")
    run(kernel, 'first = wb.mood("before_call"); second = wb.mood("after_call")', "two-forms")
    alive = "print(first.widget.comm is not None, second.widget.comm is not None)"
    assert run(kernel, alive, "probe") == "True True"
    run(kernel, 'first = wb.mood("before_call"); second = wb.mood("after_call")', "two-forms")
    assert run(kernel, alive, "probe") == "True True"
