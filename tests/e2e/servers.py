"""Starting and stopping real ``workbook lab`` / ``workbook app`` servers for the end-to-end tests.

Each server runs in a temporary workbook folder (a copy of ``notebooks/`` and
``workbook.toml``) with its own journal, home and Jupyter config folders, in a
process group of its own, on a free loopback port.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"
#: Generous: on a busy two-core machine JupyterLab has taken over 20 s to answer.
START_PATIENCE = 180
STOP_PATIENCE = 60


@dataclass
class RunningServer:
    """A started ``workbook lab`` or ``workbook app`` and what a test needs to reach it."""

    kind: str
    process: subprocess.Popen
    port: int
    url: str  # the address the command printed, token included
    token: str
    journal: Path
    folder: Path
    log: Path

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT`` without a path or token."""
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def out(self) -> Path:
        """What the command printed to the terminal (its standard output)."""
        return self.log.with_suffix(".out")

    @property
    def server_log(self) -> Path:
        """Where the command sends Jupyter's or Voila's own log: ``.workbook/logs/`` of the workbook folder."""
        return self.folder / ".workbook" / "logs" / f"{self.kind}.log"

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's output and of its own log, for failure messages."""
        parts = [
            path.read_text("utf-8", errors="replace") for path in (self.log, self.server_log) if path.exists()
        ]
        return "\n".join("\n".join(parts).splitlines()[-lines:])


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def make_workbook(target: Path) -> Path:
    """A workbook folder at ``target`` with copies of the project's notebooks and workbook.toml."""
    target.mkdir(parents=True)
    shutil.copytree(
        ROOT / "notebooks", target / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    shutil.copy2(ROOT / "workbook.toml", target / "workbook.toml")
    (target / "data").mkdir()
    return target


def private_env(scratch: Path, journal: Path) -> dict[str, str]:
    """An environment whose home and Jupyter/matplotlib folders are temporary, and whose journal is ``journal``."""
    home = scratch / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("JUPYTER_CONFIG_PATH", None)
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
        JUPYTER_DATA_DIR=str(home / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
        IPYTHONDIR=str(home / "ipython"),
        MPLCONFIGDIR=str(home / "matplotlib"),
        WORKBOOK_JOURNAL=str(journal),
        PYTHONUNBUFFERED="1",
    )
    return env


def start(kind: str, folder: Path, scratch: Path, *extra: str) -> RunningServer:
    """Start ``workbook KIND FOLDER`` on a free port and wait until it answers."""
    journal = scratch / "journal.db"
    port = free_port()
    out, log = scratch / f"{kind}.out", scratch / f"{kind}.log"
    command = [
        sys.executable,
        "-m",
        "workbook",
        kind,
        str(folder),
        "--port",
        str(port),
        "--no-browser",
        *extra,
    ]
    with open(out, "wb") as stdout, open(log, "wb") as stderr:
        process = subprocess.Popen(
            command,
            cwd=folder,
            env=private_env(scratch, journal),
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
        )
    server = RunningServer(kind, process, port, "", "", journal, folder, log)
    try:
        server.url = _printed_url(process, out)
        server.token = server.url.split("token=", 1)[1]
        _wait_until_ready(server)
    except BaseException:
        stop(server)
        raise
    return server


def stop(server: RunningServer) -> int | None:
    """Stop a server the way a person does (Ctrl+C to its pid), killing its group only if that fails."""
    process = server.process
    below = _descendants(process.pid)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=STOP_PATIENCE)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    for leftover in below:
        if leftover.is_running():
            leftover.kill()
    return process.returncode


def get(url: str, token: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET a loopback URL without following redirects: status, headers and body."""
    return request("GET", url, token)


def request(
    method: str, url: str, token: str | None = None, body: bytes | None = None
) -> tuple[int, dict, bytes]:
    """Send one HTTP request to the loopback server (never anywhere else), redirects not followed."""
    assert url.startswith(f"http://{LOOPBACK}:"), url
    headers = {"Authorization": f"token {token}"} if token else {}
    if body is not None:
        headers["Content-Type"] = "application/json"
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(
            urllib.request.Request(url, data=body, method=method, headers=headers), timeout=60
        ) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as refusal:
        return refusal.code, dict(refusal.headers), refusal.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
        return None


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _printed_url(process: subprocess.Popen, out: Path) -> str:
    deadline = time.monotonic() + START_PATIENCE
    while time.monotonic() < deadline:
        for line in out.read_text("utf-8", errors="replace").splitlines():
            if line.startswith("http://"):
                return line.strip()
        if process.poll() is not None:
            break
        time.sleep(0.2)
    raise RuntimeError(f"the server printed no address; it said:\n{out.read_text('utf-8', errors='replace')}")


def _wait_until_ready(server: RunningServer) -> None:
    # Voila runs the notebook on every page GET, so for it only the port is probed.
    deadline = time.monotonic() + START_PATIENCE
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the {server.kind} server exited early:\n{server.log_tail()}")
        if _port_open(server.port) and (server.kind != "lab" or _lab_answers(server)):
            return
        time.sleep(0.25)
    raise RuntimeError(f"the {server.kind} server did not become ready:\n{server.log_tail()}")


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection((LOOPBACK, port), timeout=1):
            return True
    except OSError:
        return False


def _lab_answers(server: RunningServer) -> bool:
    try:
        status, _, _ = get(f"{server.base}/api/status", server.token)
    except OSError:
        return False
    return status == 200
