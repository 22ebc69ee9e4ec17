"""Ten people saving at once on one hub: fifty entries each through their own servers, nothing lost."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from hub.hub_api import Kernel, UserServer
from hub.journals import OPEN_DEFAULT_JOURNAL, SAVE_ENTRY, mode, notes_in, result

PEOPLE = 10
ENTRIES = 50


class Person(threading.Thread):
    """One person at their own server: open the journal, wait for everyone, then press Save fifty times."""

    def __init__(self, server: UserServer, gate: threading.Barrier) -> None:
        super().__init__(daemon=True)
        self.server, self.gate = server, gate
        self.journal: Path | None = None
        self.kernel: Kernel | None = None
        self.done_at = 0.0
        self.failure: BaseException | None = None

    def prepare(self) -> None:
        """Start a kernel in the home folder (no workbook above it) and open the journal there."""
        self.kernel = self.server.start_kernel()
        self.journal = Path(json.loads(result(self.kernel.run(OPEN_DEFAULT_JOURNAL))))

    def run(self) -> None:
        """Wait for everyone, then save."""
        try:
            self.gate.wait(timeout=300)
            for number in range(ENTRIES):
                self.kernel.run(SAVE_ENTRY.format(mood=1 + number % 10, number=number))
            self.kernel.run("journal.close()")
            self.done_at = time.monotonic()
        except BaseException as error:  # noqa: BLE001 (reported by the test, with the person)
            self.failure = error
            self.gate.abort()


@pytest.mark.hub_load
def test_ten_people_saving_fifty_entries_each_at_once_lose_nothing(hub, people, capsys) -> None:  # noqa: ANN001
    started = time.monotonic()
    users = people(PEOPLE)
    servers_up = time.monotonic()
    go: list[float] = []
    gate = threading.Barrier(PEOPLE, action=lambda: go.append(time.monotonic()))
    crowd = [Person(hub.api.server(user.name), gate) for user in users]
    try:
        # Kernels start one after another: the load under test is fifty saves each, at once.
        for person in crowd:
            person.prepare()
        kernels_ready = time.monotonic()
        for person in crowd:
            person.start()
        for person in crowd:
            person.join(timeout=400)
        stuck = [f"{user.name}: still saving" for user, p in zip(users, crowd, strict=True) if p.is_alive()]
        failed = [f"{user.name}: {p.failure!r}" for user, p in zip(users, crowd, strict=True) if p.failure]
        # The first person who failed broke the gate for the rest: name that failure, not theirs.
        first = [line for line in failed if "BrokenBarrierError" not in line]
        assert not (stuck or failed), (first or failed or stuck)[0]
        saving = max(person.done_at for person in crowd) - go[0]

        for user, person in zip(users, crowd, strict=True):
            assert person.journal == user.home / ".local" / "share" / "rebound" / "journal.db"
            assert notes_in(person.journal) == [f"entry {number}" for number in range(ENTRIES)]
            assert (mode(person.journal), mode(person.journal.parent)) == (0o600, 0o700)
        with capsys.disabled():
            print(
                f"\nhub load: {PEOPLE} people x {ENTRIES} entries saved at once in {saving:.1f} s "
                f"({PEOPLE * ENTRIES / saving:.0f} saves/s); servers started in {servers_up - started:.1f} s, "
                f"kernels ready {kernels_ready - servers_up:.1f} s later"
            )
    finally:
        for person in crowd:
            if person.kernel is not None:
                person.kernel.close()
        for person in crowd:
            person.server.stop_kernels()
