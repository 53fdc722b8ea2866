"""`claimledger serve` for real: a subprocess on a free port of 127.0.0.1, fetched over HTTP, then stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

STARTUP_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_api_serve_answers_over_http(ledger: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMLEDGER_")}
    command = [sys.executable, "-m", "claimledger", "--db", str(ledger), "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        response = _get_when_up(f"http://127.0.0.1:{port}/api/claims?limit=2", server)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        assert len(body["items"]) == 2 and body["total"] > 2
    finally:
        server.terminate()
        stdout, stderr = server.communicate(timeout=15)
    assert server.returncode in (0, -15), stderr
    assert stdout == ""
    assert f"on http://127.0.0.1:{port}/api/claims" in stderr


def _get_when_up(url: str, server: subprocess.Popen[str]) -> httpx.Response:
    """GET `url` once the server listens; fails if it exits or does not come up in time."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        assert server.poll() is None, "the server exited before it answered"
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
