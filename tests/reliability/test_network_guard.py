"""The suite runs with the network shut except for loopback, in this process and in every one it starts.

192.0.2.1 is in TEST-NET-1 (RFC 5737), reserved for documentation: nothing
answers there.  The guard must refuse before ``connect`` is called, so no
packet leaves for it at all.
"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from reliability.harness import child_env

NOWHERE = ("192.0.2.1", 9)

CHILD = """
import socket, sys
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen()
with socket.create_connection(listener.getsockname(), timeout=5):
    pass
print("loopback works")
for attempt in ("connect", "connect_ex", "create_connection", "udp"):
    try:
        if attempt == "connect":
            socket.socket().connect(("192.0.2.1", 9))
        elif attempt == "connect_ex":
            code = socket.socket().connect_ex(("192.0.2.1", 9))
            print(f"{attempt} refused ({code})" if code else f"{attempt} CONNECTED")
            continue
        elif attempt == "create_connection":
            socket.create_connection(("192.0.2.1", 9), timeout=5)
        else:
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("192.0.2.1", 9))
        print(f"{attempt} CONNECTED")
    except PermissionError as refused:
        print(f"{attempt} refused: {refused}")
"""


def test_a_child_process_reaches_loopback_and_nothing_else() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=child_env(), timeout=60
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "loopback works"
    assert [line.split(" ", 1)[1].startswith("refused") for line in lines[1:]] == [True] * 4, done.stdout
    assert "network guard" in done.stdout


def test_child_processes_inherit_the_guard_without_being_told() -> None:
    # The CLI runs and Jupyter servers that other tests start get os.environ as it is.
    done = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 9), timeout=5)"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0 and "network guard" in done.stderr, done.stderr


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_this_process_is_guarded_by_pytest_socket() -> None:
    with pytest.raises(Exception, match="192.0.2.1") as refused, socket.socket() as probe:
        probe.connect(NOWHERE)
    assert not isinstance(refused.value, TimeoutError)


def test_this_process_still_reaches_loopback() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname(), timeout=5):
            pass
