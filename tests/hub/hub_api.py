"""Talking to the hub and to each person's server as a program would: REST calls and a kernel websocket.

:class:`Hub` uses the test service's admin token for the hub's own API
(create users, start servers, issue each user a token).  :class:`UserServer`
uses that user's token, through the hub's proxy, to start kernels, run code in
them over the kernel websocket (Jupyter messaging protocol 5), fetch pages
and stop the kernels again.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field

import requests
import websocket


class KernelFailed(AssertionError):
    """Code run in a kernel raised; carries the kernel's error name, value and traceback."""

    def __init__(self, name: str, value: str, traceback: list[str]) -> None:
        super().__init__(f"{name}: {value}\n" + "\n".join(traceback))
        self.name = name
        self.value = value


@dataclass
class Hub:
    """A running hub at ``url`` (the proxy's public address), driven with an admin service token."""

    url: str
    token: str

    def api(self, method: str, path: str, **kwargs: object) -> requests.Response:
        """One call to ``/hub/api/<path>``; raises on an HTTP error."""
        response = requests.request(
            method,
            f"{self.url}/hub/api/{path}",
            headers={"Authorization": f"token {self.token}"},
            timeout=60,
            **kwargs,
        )
        response.raise_for_status()
        return response

    def add_user(self, name: str) -> None:
        """Register the system user ``name`` with the hub."""
        self.api("POST", f"users/{name}")

    def start_server(self, name: str) -> None:
        """Ask the hub to start ``name``'s server (it answers before the server is up)."""
        self.api("POST", f"users/{name}/server")

    def wait_ready(self, name: str, timeout: float = 240) -> None:
        """Wait until ``name``'s server is up and its proxy route answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.api("GET", f"users/{name}").json().get("servers", {}).get("")
            if server and server.get("ready"):
                return
            if server is None and time.monotonic() > deadline - timeout + 5:
                raise AssertionError(f"the server of {name} stopped while starting (see the hub log)")
            time.sleep(0.5)
        raise AssertionError(f"the server of {name} was not ready after {timeout:g} s")

    def token_for(self, name: str) -> str:
        """A new API token owned by ``name`` (with that user's own permissions)."""
        return self.api("POST", f"users/{name}/tokens", json={"note": "rebound hub test"}).json()["token"]

    def server(self, name: str) -> UserServer:
        """``name``'s server, reached through the hub's proxy with a token of their own."""
        return UserServer(f"{self.url}/user/{name}", self.token_for(name))


@dataclass
class UserServer:
    """One person's Jupyter server behind the proxy, used with that person's token."""

    url: str
    token: str
    kernels: list[str] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        """The authorisation header every call carries."""
        return {"Authorization": f"token {self.token}"}

    def get(self, path: str, timeout: float = 120) -> requests.Response:
        """GET a page of this server (``path`` without a leading slash)."""
        return requests.get(f"{self.url}/{path}", headers=self.headers, timeout=timeout)

    def start_kernel(self, folder: str = "") -> Kernel:
        """Start a Python kernel whose working folder is ``folder`` (relative to the home) and connect to it."""
        response = requests.post(
            f"{self.url}/api/kernels",
            headers=self.headers,
            json={"name": "python3", "path": folder},
            timeout=120,
        )
        response.raise_for_status()
        kernel_id = response.json()["id"]
        self.kernels.append(kernel_id)
        socket_url = self.url.replace("http://", "ws://", 1) + f"/api/kernels/{kernel_id}/channels"
        return Kernel(websocket.create_connection(socket_url, header=self.headers, timeout=120))

    def stop_kernels(self) -> None:
        """Shut down every kernel this object started."""
        for kernel_id in self.kernels:
            requests.delete(f"{self.url}/api/kernels/{kernel_id}", headers=self.headers, timeout=60)
        self.kernels.clear()


@dataclass
class Kernel:
    """A kernel's websocket: run code, get back what it printed."""

    socket: websocket.WebSocket
    session: str = field(default_factory=lambda: uuid.uuid4().hex)

    def run(self, code: str, timeout: float = 120) -> str:
        """Run ``code`` and return its printed output; raise :class:`KernelFailed` if it raised."""
        msg_id = uuid.uuid4().hex
        self.socket.send(json.dumps(self._request(msg_id, code)))
        printed, error, replied, idle = [], None, False, False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise AssertionError(f"the kernel did not finish within {timeout:g} s: {code[:80]!r}")
            message = json.loads(self.socket.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "error":
                error = KernelFailed(content["ename"], content["evalue"], content["traceback"])
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        if error is not None:
            raise error
        return "".join(printed)

    def close(self) -> None:
        """Close the websocket (the kernel keeps running until its server stops it)."""
        self.socket.close()

    def _request(self, msg_id: str, code: str) -> dict:
        header = {
            "msg_id": msg_id,
            "msg_type": "execute_request",
            "session": self.session,
            "username": "rebound-test",
            "version": "5.3",
            "date": "",
        }
        content = {
            "code": code,
            "silent": False,
            "store_history": False,
            "allow_stdin": False,
            "stop_on_error": True,
        }
        return {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}
