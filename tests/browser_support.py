"""Helpers for the browser tests (tests/test_web_browser.py): the app served by uvicorn in a
background thread, and Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# flags that keep Chromium quiet and offline on a closed network
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_required() -> bool:
    """A missing Chromium fails instead of skipping in CI or where the set-up can install it
    (root with apt-get: scripts/_browser.sh)."""
    can_install = Path("/usr/bin/apt-get").exists() and hasattr(os, "geteuid") and os.geteuid() == 0
    return bool(os.environ.get("CI")) or can_install


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn serving `app` on 127.0.0.1:<free port> until stop()."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self, timeout: float = 20.0) -> "ServerThread":
        self.thread.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/api/meta", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"the test server did not answer at {self.url} within {timeout} s")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def get_json(url: str):
    import json

    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)
