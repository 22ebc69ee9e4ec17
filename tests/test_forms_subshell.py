"""Forms answer widget messages that arrive on a kernel subshell, as JupyterLab sends them.

ipykernel 7 runs each subshell on a thread of its own, and JupyterLab's widget
manager talks to the kernel through one; a cell runs on the main thread.  The
journal's connection is shared by both, so a form's callback must be able to
use it (it once failed with sqlite3's same-thread check, silently, and the
rejection form kept the first application's fields for the second).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

from workbook.journal import Journal
from workbook.records import Application

OPEN = "import datetime as dt, workbook\nwb = workbook.open()\nform = wb.rejection_log()"
FILL = """
form.company.value, form.role.value = {company!r}, "Analyst"
form.applied_on.value, form.outcome.value = dt.date(2026, 11, 1), "rejected"
form.outcome_on.value, form.channel.value = dt.date(2026, 11, 20), {channel!r}
form.save()
print(form.status.value)
"""


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


def run(
    client, code: str, subshell: str | None = None, msg_type: str = "execute_request", content=None
) -> str:  # noqa: ANN001
    """Send one shell request (on ``subshell`` when given); return what it printed once the kernel is idle."""
    content = content or {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                          "allow_stdin": False, "stop_on_error": True}  # fmt: skip
    request = client.session.msg(msg_type, content)
    if subshell:
        request["header"]["subshell_id"] = subshell
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


def subshell(client) -> str:  # noqa: ANN001
    """A new subshell of the kernel (the control channel's create_subshell_request)."""
    request = client.session.msg("create_subshell_request", {})
    client.control_channel.send(request)
    reply = client.get_control_msg(timeout=30)
    return reply["content"]["subshell_id"]


def test_choosing_a_new_application_on_a_subshell_empties_the_form(kernel, tmp_path: Path) -> None:  # noqa: ANN001
    run(kernel, OPEN)
    assert "Saved" in run(kernel, FILL.format(company="Contoso", channel="phone"))
    model = run(kernel, "print(form.choose.model_id)")
    widgets = subshell(kernel)
    # A comm answers on the subshell that last heard from it, as JupyterLab's widget manager arranges.
    run(kernel, "form.choose.send_state()", widgets)
    update = {"comm_id": model, "data": {"method": "update", "state": {"index": 0}, "buffer_paths": []}}
    run(kernel, "", widgets, "comm_msg", update)  # "(a new application)", as the browser sends it

    assert run(kernel, "print(repr(form.company.value), repr(form.role.value))") == "'' ''"
    assert "Saved" in run(kernel, FILL.format(company="Fabrikam", channel="email"))
    with Journal(tmp_path / "journal.db") as journal:
        companies = sorted(app.company for app in journal.records(Application))
    assert companies == ["Contoso", "Fabrikam"]
