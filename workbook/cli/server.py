"""``workbook lab`` and ``workbook app``: the workbook in JupyterLab or as an app, private to this machine.

Both start a server bound to 127.0.0.1 with a fresh token, print which journal
is in use, where the server's log goes and the address (token included) on a
line of its own, and stop the server and its kernels on Ctrl+C.  The journal
reaches the kernels through ``WORKBOOK_JOURNAL`` (and ``WORKBOOK_DEMO`` with
``--demo``); ``WORKBOOK_MODE`` tells them whether they run in the lab or the app.

Jupyter's and Voila's own log goes to ``.workbook/logs/`` in the workbook
folder (``--verbose`` shows it in the terminal instead), and JupyterLab keeps
its workspaces and settings in ``.workbook/lab/`` there, never in ``~/.jupyter``:
a tab layout saved by some other JupyterLab never reopens here.

The token never appears on the server's command line (which every local user
can read through ``ps``): it goes into a 0600 config file in a private 0700
folder made for this run and removed when the server stops.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import webbrowser
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlsplit

from workbook.cli.common import journal_at, journal_option
from workbook.errors import ValidationError
from workbook.files import open_private, private_dir, write_private_text
from workbook.location import ENV_VAR, find_workbook_dir, journal_path
from workbook.session import DEMO_ENV, DEMO_FILE

LOOPBACK = "127.0.0.1"
LAB_PORT = 8888
APP_PORT = 8866
START_NOTEBOOK = "00_start_here.ipynb"
#: How long a server may take to shut its kernels down before it is killed.
STOP_TIMEOUT = 20
#: JupyterLab defaults for servers we start: never ask about, or fetch, news and updates.
LAB_SETTING_DEFAULTS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}
}

#: Config files a server reads its token from, in its private folder.
LAB_CONFIG = "workbook_server_config.json"
APP_CONFIG = "voila.json"
#: The workbook folder's own corner for the servers: logs, JupyterLab workspaces and settings.
STATE_DIR = ".workbook"
#: Tells the kernels where they run: "lab" (code visible) or "app" (code hidden).
MODE_ENV = "WORKBOOK_MODE"  # read by workbook.session

CommandBuilder = Callable[[Path, int, Path, Path], list[str]]


def register(commands: argparse._SubParsersAction) -> None:
    """Add the lab and app subcommands."""
    lab = _add_server_parser(commands, "lab", "open the workbook in JupyterLab (this machine only)", LAB_PORT)
    lab.set_defaults(handler=_lab)
    app = _add_server_parser(
        commands, "app", "open the workbook as an app, code hidden (this machine only)", APP_PORT
    )
    app.add_argument(
        "--notebook",
        default=START_NOTEBOOK,
        metavar="NAME",
        help=f"the notebook to open first (default: {START_NOTEBOOK})",
    )
    app.set_defaults(handler=_app)


def _add_server_parser(
    commands: argparse._SubParsersAction, name: str, help_text: str, port: int
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, parents=[journal_option()])
    parser.add_argument(
        "folder", nargs="?", metavar="DIR", help="the workbook folder (default: found from here)"
    )
    parser.add_argument("--port", type=int, default=port, help=f"the port to listen on (default: {port})")
    parser.add_argument(
        "--no-browser", action="store_true", help="print the address instead of opening a browser"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the sample journal (data/demo.db, a made-up job search); your own journal is untouched",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help=f"show the server's own log here instead of in {STATE_DIR}/logs/ of the workbook folder",
    )
    return parser


def workbook_folder(folder: str | None) -> Path:
    """The workbook folder named, or the one found from the working directory, or it."""
    if folder:
        return Path(folder).resolve()
    return find_workbook_dir() or Path.cwd()


def notebooks_folder(folder: Path) -> Path:
    """Where a workbook keeps its notebooks: ``notebooks/`` when it has one, else the folder itself."""
    notebooks = folder / "notebooks"
    return notebooks if notebooks.is_dir() else folder


def state_folder(folder: Path) -> Path:
    """Where the servers keep their logs and JupyterLab its workspaces and settings: ``.workbook/``."""
    return folder / STATE_DIR


def lab_command(notebooks: Path, port: int, config_dir: Path, state: Path) -> list[str]:
    """The command line that starts JupyterLab on ``notebooks``, on loopback only.

    Its token comes from ``config_dir`` (see :func:`write_token`), never from this line.
    Workspaces and user settings live in ``state`` (given here, so no config file overrides them).
    """
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.ip={LOOPBACK}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={notebooks}",
        # Read last, so no other config file can change or remove the token.
        f"--ServerApp.config_file={config_dir / LAB_CONFIG}",
        # The login page would otherwise offer to save a password into the person's home folder.
        "--PasswordIdentityProvider.allow_password_change=False",
        "--ServerApp.open_browser=False",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.workspaces_dir={private_dir(state / 'lab' / 'workspaces')}",
        f"--LabApp.user_settings_dir={private_dir(state / 'lab' / 'user-settings')}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def app_command(notebooks: Path, port: int, config_dir: Path, state: Path) -> list[str]:
    """The command line that starts Voila on ``notebooks`` (code hidden), on loopback only.

    Its token comes from ``config_dir`` (see :func:`write_token`), never from this line.
    """
    return [
        sys.executable,
        "-m",
        "voila",
        f"--Voila.ip={LOOPBACK}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        f"--Voila.root_dir={notebooks}",
        # Voila serves without a token unless given one; the journal is private.  Only our
        # folder is searched for voila.json, so no other config file can change the token.
        f"--Voila.config_file_paths={config_dir}",
        "--Voila.open_browser=False",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
    ]


def _lab(args: argparse.Namespace) -> int:
    # Open on "Start here" so a first-time user sees where to begin.
    start = notebooks_folder(workbook_folder(args.folder)) / START_NOTEBOOK
    return _serve(args, lab_command, f"lab/tree/{START_NOTEBOOK}" if start.is_file() else "lab")


def _app(args: argparse.Namespace) -> int:
    notebooks = notebooks_folder(workbook_folder(args.folder))
    if not (notebooks / args.notebook).is_file():
        raise ValidationError("notebook", f"there is no {args.notebook} in {notebooks}")
    return _serve(args, app_command, f"voila/render/{quote(args.notebook)}")


def _serve(args: argparse.Namespace, build_command: CommandBuilder, page: str) -> int:
    folder = workbook_folder(args.folder)
    own = journal_path(getattr(args, "journal", None), start=folder).resolve()
    journal = open_in_kernels(own, demo=args.demo)
    kind = args.command
    state = state_folder(folder)
    token = secrets.token_urlsafe(24)
    url = f"http://{LOOPBACK}:{args.port}/{page}?token={token}"
    # mkdtemp makes the folder 0700: only this user can list or read it.
    with tempfile.TemporaryDirectory(prefix="workbook-jupyter-config-") as private:
        config_dir = Path(private)
        write_token(config_dir, token)
        command = build_command(notebooks_folder(folder), args.port, config_dir, state)
        env = server_env(own, config_dir, demo=args.demo, mode=kind)
        log = None if args.verbose else state / "logs" / f"{kind}.log"
        print(f"Journal: {journal}" + (" (the sample journal; yours is untouched)" if args.demo else ""))
        if log:
            print(f"Server log: {log}")
        print("Open this address in your browser (it holds your private token):")
        print(url, flush=True)
        return run_server(command, env, open_url=None if args.no_browser else url, log=log)


def open_in_kernels(own: Path, *, demo: bool) -> Path:
    """Create the journal the kernels will open (the sample one filled in) and return its path.

    Done before the server starts, so the first notebook finds it ready.  The
    sample sits beside the person's journal, as ``workbook.open()`` places it.
    """
    if not demo:
        journal_at(own).close()
        return own
    from workbook.demo import build_demo_if_empty

    sample = own.with_name(DEMO_FILE)
    with journal_at(sample) as journal:
        build_demo_if_empty(journal)
    return sample


def write_token(config_dir: Path, token: str) -> None:
    """Write ``token`` into the JupyterLab and Voila config files in ``config_dir``, each 0600."""
    write_private_text(config_dir / LAB_CONFIG, json.dumps({"IdentityProvider": {"token": token}}))
    write_private_text(config_dir / APP_CONFIG, json.dumps({"Voila": {"token": token}}))


def server_env(journal: Path, config_dir: Path, *, demo: bool = False, mode: str = "lab") -> dict[str, str]:
    """The environment for a server: the journal for its kernels, and our JupyterLab defaults.

    ``journal`` is the person's own; with ``demo`` the kernels open the sample
    beside it.  ``mode`` ("lab" or "app") tells the kernels where they run.
    The defaults go into ``config_dir`` (put first on ``JUPYTER_CONFIG_PATH``),
    so nothing is written into the person's home folder.
    """
    write_private_text(
        config_dir / "labconfig" / "default_setting_overrides.json", json.dumps(LAB_SETTING_DEFAULTS)
    )
    config_path = [
        str(config_dir),
        *filter(None, os.environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep)),
    ]
    env = dict(
        os.environ,
        **{ENV_VAR: str(journal), MODE_ENV: mode, "JUPYTER_CONFIG_PATH": os.pathsep.join(config_path)},
    )
    # Only --demo opens the sample, so the journal printed is the one the kernels use.
    env.pop(DEMO_ENV, None)
    if demo:
        env[DEMO_ENV] = "1"
    return env


def run_server(
    command: list[str], env: dict[str, str], open_url: str | None = None, log: Path | None = None
) -> int:
    """Run a server until it exits or Ctrl+C; on Ctrl+C stop it and its kernels cleanly.

    The server runs in its own session, so Ctrl+C reaches only this process,
    which then asks the server to shut down.  SIGTERM and SIGHUP (a closed
    terminal) are treated like Ctrl+C.  With ``open_url``, the browser opens
    it once the server listens.  With ``log``, everything the server and its
    kernels print goes into that file (0600, in a 0700 folder), not the terminal.
    """
    if log is None:
        return _run(subprocess.Popen(command, env=env, start_new_session=True), open_url)
    private_dir(log.parent)
    with open_private(log, "wb") as output:
        process = subprocess.Popen(
            command, env=env, start_new_session=True, stdout=output, stderr=subprocess.STDOUT
        )
    code = _run(process, open_url)
    if code:
        print(f"The server stopped unexpectedly; its log is in {log}", file=sys.stderr)
    return code


def _run(process: subprocess.Popen, open_url: str | None) -> int:
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    # Even when started in the background with SIGINT ignored, Ctrl+C (SIGINT) must stop it cleanly.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    signal.signal(signal.SIGHUP, _raise_interrupt)
    try:
        if open_url:
            threading.Thread(target=_open_when_listening, args=(open_url, process), daemon=True).start()
        return process.wait()
    except KeyboardInterrupt:
        # A second Ctrl+C must not cut the shutdown short and strand a kernel.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stop_server(process)
        print("Stopped.")
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def stop_server(process: subprocess.Popen, timeout: float = STOP_TIMEOUT) -> None:
    """Ask a Jupyter or Voila server to stop (it shuts its kernels down), and make sure it did."""
    kernels = _descendants(process.pid)
    # Jupyter and Voila shut their kernels down on SIGTERM, without asking for confirmation.
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    _end(kernels)


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _open_when_listening(url: str, process: subprocess.Popen, patience: float = 60) -> None:
    port = urlsplit(url).port
    deadline = time.monotonic() + patience
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with socket.create_connection((LOOPBACK, port), timeout=1):
                webbrowser.open(url)
                return
        except OSError:
            time.sleep(0.25)


def _descendants(pid: int) -> list:
    """Every process below ``pid`` (kernels run in sessions of their own), when psutil can tell."""
    try:
        import psutil  # comes with ipykernel; only needed on the way out
    except ImportError:
        return []
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _end(processes: list) -> None:
    """Terminate whichever of ``processes`` outlived their server (after a kill, say)."""
    if not processes:
        return
    import psutil

    for leftover in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            leftover.terminate()
    _, stubborn = psutil.wait_procs(processes, timeout=5)
    for leftover in stubborn:
        with contextlib.suppress(psutil.NoSuchProcess):
            leftover.kill()
