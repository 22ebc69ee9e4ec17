"""Two people on one JupyterHub: each writes through their own server, and neither can read the other's journal."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from hub.journals import READ_SOMEONE_ELSES, WRITE_ONE_MOOD, mode, notes_in, result
from workbook import messages

START_HERE = "workbook/notebooks/00_start_here.ipynb"


def test_each_person_writes_only_their_own_private_journal(hub, people) -> None:  # noqa: ANN001
    alice, bob = people(2)
    servers = {user.name: hub.api.server(user.name) for user in (alice, bob)}
    journals: dict[str, Path] = {}
    try:
        for user in (alice, bob):
            kernel = servers[user.name].start_kernel("workbook/notebooks")
            written = json.loads(
                result(kernel.run(WRITE_ONE_MOOD.format(note=f"a good day for {user.name}")))
            )
            kernel.close()
            journals[user.name] = Path(written["path"])
            assert written == {"path": str(user.home / "workbook" / "data" / "journal.db"), "moods": 1}

        for user in (alice, bob):
            journal = journals[user.name]
            assert notes_in(journal) == [f"a good day for {user.name}"]
            assert (mode(journal), mode(journal.parent)) == (0o600, 0o700)
            assert journal.stat().st_uid == journal.parent.stat().st_uid == user.uid

        kernel = servers[bob.name].start_kernel()
        refused = json.loads(result(kernel.run(READ_SOMEONE_ELSES.format(path=str(journals[alice.name])))))
        kernel.close()
        assert refused == ["open", "Journal"]
        assert notes_in(journals[alice.name]) == [f"a good day for {alice.name}"]
    finally:
        for server in servers.values():
            server.stop_kernels()


def test_app_mode_shows_the_workbook_through_the_hub(hub, people) -> None:  # noqa: ANN001
    (carol,) = people(1)
    server = hub.api.server(carol.name)

    page = server.get(f"voila/render/{START_HERE}", timeout=180)

    assert page.status_code == 200, page.text[-2000:]
    notebook = nbformat.read(carol.home / START_HERE, as_version=4)
    heading = next(cell.source for cell in notebook.cells if cell.cell_type == "markdown").splitlines()[0]
    assert heading.lstrip("# ") in page.text  # the workbook's own words, code hidden
    assert messages.OWN_BANNER.format(name="journal.db") in page.text  # it ran, on her own journal
    journal = carol.home / "workbook" / "data" / "journal.db"
    assert (mode(journal), mode(journal.parent)) == (0o600, 0o700)
