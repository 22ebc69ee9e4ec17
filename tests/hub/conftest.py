"""A real JupyterHub on loopback, and system users made for each test.

The hub runs as root from this test's environment with its
``configurable-http-proxy`` from npm, and spawns each user's server as that
user (the local process spawner).  Where the machine cannot do that (not root,
no ``useradd``, no proxy), the tests are skipped with the reason, unless
``REQUIRE_HUB=1`` (CI), where they fail instead.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from hub.hub_api import Hub
from hub.machine import (
    SystemUser,
    cannot_create_users,
    create_user,
    kill_processes_of,
    missing_hub_parts,
    remove_user,
    stop_pid,
    stop_process_group,
    user_environment,
)

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
NETGUARD = REPO / "tests" / "netguard"
#: Seconds the hub may take to answer its API after starting.
HUB_START_TIMEOUT = 90


def pytest_configure(config: pytest.Config) -> None:
    """Name this folder's marks: every test here is ``hub``; the ten-person check is also ``hub_load``."""
    config.addinivalue_line("markers", "hub: starts a real JupyterHub with system users (root only)")
    config.addinivalue_line("markers", "hub_load: the hub's bounded load check (10 people, 50 entries each)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``hub``."""
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.hub)


def _not_possible(reason: str) -> None:
    if os.environ.get("REQUIRE_HUB") == "1":
        pytest.fail(f"REQUIRE_HUB=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _readable_by_everyone(path: Path) -> bool:
    return all(folder.stat().st_mode & 0o001 for folder in (path, *path.parents))


def _readable_copy(target: Path) -> Path:
    """The parts of the repository the users' servers run (the package, the network guard, the start script)."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in ("workbook", "tests/netguard", "notebooks"):
        shutil.copytree(REPO / part, target / part, ignore=skip)
    (target / "tests" / "hub").mkdir(parents=True)
    shutil.copy(HERE / "first_start.py", target / "tests" / "hub" / "first_start.py")
    shutil.copy(REPO / "workbook.toml", target / "workbook.toml")
    for folder, _dirs, files in os.walk(target):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(Path(folder) / name, 0o644)
    return target


@dataclass
class RunningHub:
    """The hub under test: its API client and its log file."""

    api: Hub
    log: Path

    def log_tail(self, lines: int = 60) -> str:
        """The end of the hub's log, to explain a failure."""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="session")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningHub]:
    """JupyterHub on 127.0.0.1, its proxy and a user environment every test user can run."""
    reason = cannot_create_users() or missing_hub_parts()
    if reason:
        _not_possible(reason)
    shared = Path(tempfile.mkdtemp(prefix="rebound-hub-env-"))  # under /tmp: reachable by the test users
    shared.chmod(0o755)
    # A clone in a private folder (under /root, say) is copied where the test users can read it.
    source = REPO if _readable_by_everyone(REPO) else _readable_copy(shared / "repo")
    try:
        python = user_environment(shared / "venv")
    except RuntimeError as error:
        shutil.rmtree(shared)
        _not_possible(str(error))
    state = tmp_path_factory.mktemp("hub-state")
    url = f"http://127.0.0.1:{_free_port()}"
    token = secrets.token_hex(32)
    env = {
        **os.environ,
        "REBOUND_HUB_STATE": str(state),
        "REBOUND_HUB_PYTHON": str(python),
        "REBOUND_HUB_PORT": url.rsplit(":", 1)[1],
        "REBOUND_HUB_API_PORT": str(_free_port()),
        "REBOUND_HUB_PROXY_API_PORT": str(_free_port()),
        "REBOUND_HUB_PASSWORD": secrets.token_urlsafe(16),
        "REBOUND_HUB_SERVICE_TOKEN": token,
        "REBOUND_HUB_PYTHONPATH": os.pathsep.join([str(source / "tests" / "netguard"), str(source)]),
        "REBOUND_HUB_REPO": str(source),
        "REBOUND_HUB_FIRST_START": str(source / "tests" / "hub" / "first_start.py"),
    }
    log = state / "jupyterhub.log"
    with open(log, "wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(HERE / "jupyterhub_config.py")],
            cwd=state,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = RunningHub(Hub(url, token), log)
    try:
        _wait_for_api(running, process)
        yield running
    finally:
        stop_process_group(process)
        proxy_pid = state / "proxy.pid"
        if proxy_pid.is_file():
            stop_pid(int(proxy_pid.read_text().strip()))
        shutil.rmtree(shared, ignore_errors=True)


def _wait_for_api(running: RunningHub, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + HUB_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterHub exited while starting:\n{running.log_tail()}", pytrace=False)
        try:
            if requests.get(f"{running.api.url}/hub/api/", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    pytest.fail(
        f"JupyterHub did not answer within {HUB_START_TIMEOUT} s:\n{running.log_tail()}", pytrace=False
    )


@pytest.fixture
def people(hub: RunningHub) -> Iterator[Callable[[int], list[SystemUser]]]:
    """Make ``n`` system users, each with a running server on the hub; all removed when the test ends."""
    made: list[SystemUser] = []

    def make(count: int) -> list[SystemUser]:
        batch = [create_user() for _ in range(count)]
        made.extend(batch)
        for user in batch:
            hub.api.add_user(user.name)
            hub.api.start_server(user.name)
        try:
            for user in batch:
                hub.api.wait_ready(user.name)
        except AssertionError as error:
            raise AssertionError(f"{error}\n--- hub log ---\n{hub.log_tail()}") from None
        return batch

    try:
        yield make
    finally:
        # Their processes go first, so the hub finds each server already gone instead of waiting on it.
        kill_processes_of({user.uid for user in made})
        for user in made:
            try:
                hub.api.api("DELETE", f"users/{user.name}/server")
                hub.api.api("DELETE", f"users/{user.name}")
            except requests.RequestException:
                pass
            remove_user(user)
