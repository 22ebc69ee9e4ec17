"""``workbook lab`` and ``workbook app`` as real servers, without a browser.

Each test starts the command in a temporary workbook folder and checks what a
person relies on: it listens on 127.0.0.1 only, refuses requests without the
printed token, Ctrl+C stops it with no kernel left running, the terminal shows
the journal and the address rather than Jupyter's log, ``--demo`` opens the
sample journal, and JupyterLab keeps its workspaces in the workbook folder.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from e2e import servers


def still_running(processes: list[psutil.Process]) -> list[psutil.Process]:
    """Those of ``processes`` that are still alive (a zombie waiting to be reaped counts as gone)."""
    _, alive = psutil.wait_procs(processes, timeout=30)
    running = []
    for process in alive:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:
                running.append(process)
        except psutil.NoSuchProcess:
            pass
    return running


def interrupt(server: servers.RunningServer) -> int:
    """Press Ctrl+C: SIGINT to the workbook process alone; return its exit code."""
    os.kill(server.process.pid, signal.SIGINT)
    return server.process.wait(timeout=servers.STOP_PATIENCE)


def kernel_processes(server: servers.RunningServer) -> list[psutil.Process]:
    """The ipykernel processes started below the workbook process."""
    below = psutil.Process(server.process.pid).children(recursive=True)
    return [p for p in below if "ipykernel" in " ".join(_command_line(p))]


def _command_line(process: psutil.Process) -> list[str]:
    # The server starts short-lived helpers too; one may end (or be a zombie) while we look.
    try:
        return process.cmdline()
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return []


@pytest.mark.parametrize("kind", ["lab", "app"])
def test_server_listens_on_loopback_and_prints_its_tokened_address(
    kind: str, workbook_folder: Path, tmp_path: Path
) -> None:
    server = servers.start(kind, workbook_folder, tmp_path)
    try:
        listening = {
            conn.laddr.ip
            for p in [psutil.Process(server.process.pid), *psutil.Process(server.process.pid).children()]
            for conn in p.net_connections(kind="inet")
            if conn.status == psutil.CONN_LISTEN and conn.laddr.port == server.port
        }
        assert listening == {"127.0.0.1"}
        start_page = "lab/tree/00_start_here.ipynb" if kind == "lab" else "voila/render/00_start_here.ipynb"
        assert server.url.startswith(f"http://127.0.0.1:{server.port}/{start_page}?token=")
        assert len(server.token) >= 24
    finally:
        servers.stop(server)


def test_lab_refuses_requests_without_the_token(lab_server: servers.RunningServer) -> None:
    assert servers.get(f"{lab_server.base}/api/status")[0] == 403
    assert servers.get(f"{lab_server.base}/api/status", "not-the-token")[0] == 403
    status, headers, _ = servers.get(f"{lab_server.base}/lab")
    assert status == 302 and "/login" in headers["Location"]
    assert servers.get(f"{lab_server.base}/api/status", lab_server.token)[0] == 200


def test_app_refuses_requests_without_the_token(app_server: servers.RunningServer) -> None:
    page = f"{app_server.base}/voila/render/00_start_here.ipynb"
    for url in (page, f"{app_server.base}/", f"{page}?token=not-the-token"):
        status, headers, body = servers.get(url)
        assert status in (302, 403), url
        assert status == 403 or "/login" in headers["Location"]
        assert b"Your journal" not in body


def test_app_serves_the_start_notebook_with_its_code_hidden(app_server: servers.RunningServer) -> None:
    assert app_server.url.endswith(f"/voila/render/00_start_here.ipynb?token={app_server.token}")
    status, _, body = servers.get(app_server.url)
    html = body.decode("utf-8")
    code_cells = re.findall(r'class="([^"]*\bjp-CodeCell\b[^"]*)"', html)
    assert status == 200
    assert "Welcome to your Rebound workbook" in html
    assert code_cells and all("jp-mod-noInput" in classes for classes in code_cells)
    assert not re.search(r'class="[^"]*\bjp-InputPrompt\b', html)


def test_lab_turns_off_the_jupyter_news_question(lab_server: servers.RunningServer) -> None:
    url = f"{lab_server.base}/lab/api/settings/@jupyterlab/apputils-extension:notification"
    status, _, body = servers.get(url, lab_server.token)
    defaults = json.loads(body)["schema"]["properties"]
    assert status == 200
    assert defaults["fetchNews"]["default"] == "false"
    assert defaults["checkForUpdates"]["default"] is False


def test_lab_ctrl_c_stops_the_server_and_its_kernel(lab_server: servers.RunningServer) -> None:
    status, _, body = servers.request("POST", f"{lab_server.base}/api/kernels", lab_server.token, b"{}")
    assert status == 201, body
    kernels = kernel_processes(lab_server)
    everything = psutil.Process(lab_server.process.pid).children(recursive=True)
    assert len(kernels) == 1

    assert interrupt(lab_server) == 0

    assert still_running(everything) == []
    assert "Stopped." in (lab_server.log.with_suffix(".out")).read_text("utf-8")


def test_app_ctrl_c_stops_the_server_and_its_kernel(app_server: servers.RunningServer) -> None:
    # Voila starts a kernel for each page it renders.
    assert servers.get(app_server.url)[0] == 200
    kernels = kernel_processes(app_server)
    everything = psutil.Process(app_server.process.pid).children(recursive=True)
    assert len(kernels) == 1

    assert interrupt(app_server) == 0

    assert still_running(everything) == []


def test_app_refuses_a_notebook_that_is_not_there(workbook_folder: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbook",
            "app",
            str(workbook_folder),
            "--notebook",
            "nope.ipynb",
            "--no-browser",
        ],
        env=servers.private_env(tmp_path, tmp_path / "journal.db"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: notebook:")
    assert "nope.ipynb" in result.stderr


def command_lines_holding(secret: str) -> list[str]:
    """The command line of every process on this machine that shows ``secret`` (as `ps` would)."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        line = " ".join(process.info["cmdline"] or [])
        if secret in line:
            found.append(line)
    return found


@pytest.mark.parametrize("kind", ["lab", "app"])
def test_the_token_is_on_no_command_line_and_still_guards_the_server(
    kind: str, workbook_folder: Path, tmp_path: Path
) -> None:
    server = servers.start(kind, workbook_folder, tmp_path)
    try:
        assert command_lines_holding(server.token) == []
        config = next(Path(arg.split("=", 1)[1]) for arg in _server_command(server) if "config" in arg)
        folder = config if config.is_dir() else config.parent
        assert folder.stat().st_mode & 0o777 == 0o700
        assert all(f.stat().st_mode & 0o777 == 0o600 for f in folder.rglob("*") if f.is_file())
        probe = (
            f"{server.base}/api/status"
            if kind == "lab"
            else f"{server.base}/voila/render/00_start_here.ipynb"
        )
        assert servers.get(probe)[0] in (302, 403)
        assert servers.get(probe, "not-the-token")[0] in (302, 403)
        assert servers.get(probe, server.token)[0] == 200
    finally:
        servers.stop(server)
    assert not folder.exists()


def _server_command(server: servers.RunningServer) -> list[str]:
    below = psutil.Process(server.process.pid).children()
    lines = [_command_line(p) for p in below]
    return next(line for line in lines if "jupyterlab" in line or "voila" in line)


def printed_lines(server: servers.RunningServer) -> list[str]:
    """What the command printed to the terminal, line by line."""
    return server.out.read_text("utf-8").splitlines()


def kernel_environment(server: servers.RunningServer) -> dict[str, str]:
    """The environment of the one kernel running below the server."""
    [kernel] = kernel_processes(server)
    return kernel.environ()


@pytest.mark.parametrize("kind", ["lab", "app"])
def test_demo_prints_the_sample_journal_and_its_kernels_open_it(
    kind: str, workbook_folder: Path, tmp_path: Path
) -> None:
    server = servers.start(kind, workbook_folder, tmp_path, "--demo")
    try:
        journal_line = next(line for line in printed_lines(server) if line.startswith("Journal: "))
        sample = tmp_path / "demo.db"
        assert journal_line.startswith(f"Journal: {sample} ")
        assert "journal.db" not in journal_line
        assert sample.stat().st_size > 0  # built before the first notebook asks for it
        if kind == "app":
            status, _, body = servers.get(server.url)
            assert status == 200
            assert "Using the sample journal (demo.db)" in body.decode("utf-8")
        else:
            status, _, _ = servers.request("POST", f"{server.base}/api/kernels", server.token, b"{}")
            assert status == 201
        env = kernel_environment(server)
        assert env["WORKBOOK_DEMO"] == "1" and env["WORKBOOK_MODE"] == kind
    finally:
        servers.stop(server)


def test_without_demo_the_kernels_open_the_persons_journal_even_if_demo_was_set(
    workbook_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBOOK_DEMO", "1")  # left over in the shell; the printed journal must not lie
    server = servers.start("lab", workbook_folder, tmp_path)
    try:
        assert f"Journal: {tmp_path / 'journal.db'}" in printed_lines(server)
        servers.request("POST", f"{server.base}/api/kernels", server.token, b"{}")
        assert "WORKBOOK_DEMO" not in kernel_environment(server)
    finally:
        servers.stop(server)


@pytest.mark.parametrize("kind", ["lab", "app"])
def test_the_terminal_shows_the_address_and_the_log_goes_to_a_private_file(
    kind: str, workbook_folder: Path, tmp_path: Path
) -> None:
    server = servers.start(kind, workbook_folder, tmp_path)
    try:
        if kind == "app":
            servers.get(server.url)  # a kernel runs the notebook and writes to the log too
        lines = printed_lines(server)
        before_address = lines[: lines.index(server.url)]
        log = server.server_log
        assert len(before_address) <= 3, lines
        assert f"Server log: {log}" in before_address
        assert log.stat().st_mode & 0o777 == 0o600
        assert log.parent.stat().st_mode & 0o777 == 0o700
        assert ("ServerApp" if kind == "lab" else "Voila") in log.read_text("utf-8")
        assert server.log.read_text("utf-8") == ""  # nothing on the terminal's error stream either
    finally:
        servers.stop(server)


def test_verbose_shows_the_servers_own_log_in_the_terminal(workbook_folder: Path, tmp_path: Path) -> None:
    server = servers.start("lab", workbook_folder, tmp_path, "--verbose")
    try:
        assert "ServerApp" in server.log.read_text("utf-8")
        assert not any(line.startswith("Server log:") for line in printed_lines(server))
    finally:
        servers.stop(server)


def test_lab_keeps_its_workspace_and_settings_in_the_workbook_folder(
    lab_server: servers.RunningServer,
) -> None:
    space = json.dumps({"data": {}, "metadata": {"id": "rebound-probe"}}).encode()
    status, _, body = servers.request(
        "PUT", f"{lab_server.base}/lab/api/workspaces/rebound-probe", lab_server.token, space
    )
    assert status == 204, body
    setting = json.dumps({"raw": '{"theme": "JupyterLab Dark"}'}).encode()
    url = f"{lab_server.base}/lab/api/settings/@jupyterlab/apputils-extension:themes"
    assert servers.request("PUT", url, lab_server.token, setting)[0] == 204

    state = lab_server.folder / ".workbook" / "lab"
    [workspace] = (state / "workspaces").iterdir()  # JupyterLab adds a short hash to the name
    assert workspace.name.startswith("rebound-probe") and workspace.suffix == ".jupyterlab-workspace"
    assert (
        state / "user-settings" / "@jupyterlab" / "apputils-extension" / "themes.jupyterlab-settings"
    ).is_file()
    home = Path(servers.private_env(lab_server.log.parent, lab_server.journal)["HOME"])
    assert not [p for p in home.rglob("*") if "workspace" in p.name or p.suffix == ".jupyterlab-settings"]
