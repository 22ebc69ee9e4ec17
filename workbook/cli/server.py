"""``workbook lab``: JupyterLab on the workbook, private to this machine."""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

from workbook.cli.common import journal_option
from workbook.journal import Journal
from workbook.location import ENV_VAR, find_workbook_dir, journal_path

LOOPBACK = "127.0.0.1"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the lab subcommand."""
    lab = commands.add_parser(
        "lab", help="open the workbook in JupyterLab (this machine only)", parents=[journal_option()]
    )
    lab.add_argument(
        "folder", nargs="?", metavar="DIR", help="the workbook folder (default: found from here)"
    )
    lab.add_argument("--port", type=int, default=8888)
    lab.add_argument(
        "--no-browser", action="store_true", help="print the address instead of opening a browser"
    )
    lab.set_defaults(handler=_lab)


def workbook_folder(folder: str | None) -> Path:
    """The workbook folder named, or the one found from the working directory, or it."""
    if folder:
        return Path(folder).resolve()
    return find_workbook_dir() or Path.cwd()


def _lab(args: argparse.Namespace) -> int:
    folder = workbook_folder(args.folder)
    journal = journal_path(getattr(args, "journal", None), start=folder)
    Journal(journal).close()  # create it now, so the first notebook finds it
    token = secrets.token_urlsafe(24)
    notebooks = folder / "notebooks" if (folder / "notebooks").is_dir() else folder
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.ip={LOOPBACK}",
        f"--ServerApp.port={args.port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={notebooks}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.open_browser={not args.no_browser}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = dict(os.environ, **{ENV_VAR: str(journal.resolve())})
    print(f"Journal: {journal}")
    print("Open this address in your browser (it holds your private token):")
    print(f"http://{LOOPBACK}:{args.port}/lab?token={token}", flush=True)
    return run_server(command, env)


def run_server(command: list[str], env: dict[str, str]) -> int:
    """Run a server until it exits or Ctrl+C; on Ctrl+C stop it and its kernels cleanly."""
    process = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        return process.wait()
    except KeyboardInterrupt:
        # Jupyter shuts its kernels down on SIGTERM without asking for confirmation.
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        print("Stopped.")
        return 0
