"""The real server on a free port of 127.0.0.1 and Debian's Chromium driven by Playwright.

Playwright's own browser download does not work everywhere; the tests use /usr/bin/chromium (or
CLAIMLEDGER_CHROMIUM). Without it they skip on a developer's machine and fail in CI (CI=true).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

STARTUP_SECONDS = 30.0
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium; skipped when missing, except in CI where a missing browser is a failure."""
    path = os.environ.get("CLAIMLEDGER_CHROMIUM", "/usr/bin/chromium")
    if Path(path).exists() or shutil.which(path):
        return path
    message = f"{path} is missing: install it (apt-get install chromium, or `make test` does it)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {message}")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def server(web_ledger: Path) -> Iterator[str]:
    """`python -m claimledger --db <ledger> serve --port <free port>`; yields its base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMLEDGER_")}
    command = [sys.executable, "-m", "claimledger", "--db", str(web_ledger), "serve", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, "the server exited before it answered"
            try:
                httpx.get(f"{base}/static/style.css", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.communicate(timeout=15)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Chromium, headless, with no background connections (this machine's network is closed)."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
