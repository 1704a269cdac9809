"""Ralph's LRS server (FastAPI app ``ralph.api:app`` under uvicorn) with its file-system backend,
started on 127.0.0.1 for a test and stopped after it.

``start_lrs(folder)`` writes a basic-auth users file (bcrypt hash) and starts the server on a free
loopback port; the returned ``LocalLrs`` knows its endpoint and credentials, reads back what it
stored (``stored()``) and stops the process (``stop()``). When Ralph's server cannot be imported
or does not answer, ``LrsUnavailable`` says why (the tests then fail in CI and skip elsewhere).
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

USER, PASSWORD = "trainer", "lrs-test-secret"
START_PATIENCE = 60.0


class LrsUnavailable(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalLrs:
    process: subprocess.Popen[bytes]
    port: int
    folder: Path

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def _get(self, path: str) -> Any:
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers={
            "Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def stored(self) -> list[dict[str, Any]]:
        """Every statement the LRS stored (read from its file-system backend's file)."""
        path = self.folder / "data" / "fs_lrs.jsonl"
        if not path.is_file():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_lrs(folder: Path) -> LocalLrs:
    try:
        # The server's dependencies; ralph.api itself builds its backend from settings on import,
        # so it is imported only in the server process.
        import bcrypt
        import fastapi  # noqa: F401
        import requests  # noqa: F401 - ralph.api.auth imports it
        import uvicorn  # noqa: F401
        if importlib.util.find_spec("ralph.api") is None:
            raise ImportError("ralph-malph is not installed")
    except Exception as error:  # noqa: BLE001 - any import failure means: no server here
        raise LrsUnavailable(f"Ralph's LRS server cannot be imported: {error}") from None
    (folder / "data").mkdir(parents=True, exist_ok=True)
    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()
    users = [{"agent": {"objectType": "Agent", "account": {"homePage": "http://127.0.0.1", "name": USER}},
              "scopes": ["all"], "hash": hashed, "username": USER}]
    (folder / "auth.json").write_text(json.dumps(users), encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, RALPH_APP_DIR=str(folder), RALPH_AUTH_FILE=str(folder / "auth.json"),
               RALPH_RUNSERVER_BACKEND="fs", RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(folder / "data"))
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - kept open for the server's lifetime
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "ralph.api:app", "--host", "127.0.0.1",
                                "--port", str(port), "--log-level", "warning"], env=env, stdout=log,
                               stderr=subprocess.STDOUT, cwd=folder)
    lrs = LocalLrs(process, port, folder)
    deadline = time.monotonic() + START_PATIENCE
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            lrs._get("/whoami")
            return lrs
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    lrs.stop()
    tail = (folder / "server.log").read_text(encoding="utf-8", errors="replace")[-600:]
    raise LrsUnavailable(f"Ralph's LRS did not answer on 127.0.0.1:{port}: {tail}")
