"""JupyterHub configuration for the hub test: loopback only, shared-password login, one server per system user.

Everything that changes between runs comes from ``REBOUND_HUB_*`` variables
set by ``tests/hub/conftest.py``: the ports, the folder for the hub's own
files, the Python the users' servers run, the test's service token, and the
``PYTHONPATH`` that gives each server the project's ``workbook`` and the
network guard.  Each server starts through ``first_start.py``, run as its
user, which builds ``~/workbook`` when it does not exist (what a start hook
does on a real hub) and then becomes ``jupyterhub-singleuser``.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub defines get_config when it loads this file)
env = os.environ
state = Path(env["REBOUND_HUB_STATE"])
python = env["REBOUND_HUB_PYTHON"]

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(env["REBOUND_HUB_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env["REBOUND_HUB_API_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env['REBOUND_HUB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True

# A shared password (JupyterHub 5.3 deprecated DummyAuthenticator.password for this one).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env["REBOUND_HUB_PASSWORD"]
c.Authenticator.allow_all = True

# The test drives the hub through its REST API with this service's token.
c.JupyterHub.services = [{"name": "rebound-test", "api_token": env["REBOUND_HUB_SERVICE_TOKEN"]}]
c.JupyterHub.load_roles = [{"name": "admin", "services": ["rebound-test"]}]
c.JupyterHub.concurrent_spawn_limit = 20

c.JupyterHub.spawner_class = "localprocess"
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [python, env["REBOUND_HUB_FIRST_START"]]
c.Spawner.environment = {
    "PYTHONPATH": env["REBOUND_HUB_PYTHONPATH"],
    "PYTHONDONTWRITEBYTECODE": "1",
    "REBOUND_HUB_REPO": env["REBOUND_HUB_REPO"],
}
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
# No JupyterLab "news" checks or other calls out from the users' servers.
c.Spawner.args = ["--ServerApp.log_level=WARN"]
