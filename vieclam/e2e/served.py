"""A real server for the browser tests: a SQLite site folder, the demo province in it, `vieclam runserver` on it.

The demo province (1.500 persons) takes most of a module's setup; it is built once per seed in a test run and
each module gets its own copy of the folder, so no module sees another's writes.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

VIECLAM = [sys.executable, "-m", "vieclam"]
_demo_folders: dict[int, Path] = {}


def site_env(folder: Path) -> dict[str, str]:
    return {**os.environ, "VIECLAM_VAR_DIR": str(folder), "DATABASE_URL": f"sqlite:///{folder}/e2e.sqlite3",
            "DEBUG": "true"}  # fmt: skip


def demo_folder(tmp_path_factory, *, seed: int) -> Path:
    """A new site folder holding the demo province of `seed`, copied from the one built for this run."""
    if seed not in _demo_folders:
        built = tmp_path_factory.mktemp(f"demo-seed{seed}")
        demo = [*VIECLAM, "demo", "--size", "1500", "--seed", str(seed)]
        subprocess.run(demo, env=site_env(built), check=True, capture_output=True)
        _demo_folders[seed] = built
    folder = tmp_path_factory.mktemp("e2e")
    shutil.copytree(_demo_folders[seed], folder, dirs_exist_ok=True)
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """Start `vieclam runserver` with `env` on a free port; return the process and its base address once it answers."""
    port = free_port()
    server = subprocess.Popen([*VIECLAM, "runserver", f"127.0.0.1:{port}", "--noreload"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    return server, base


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=10)
