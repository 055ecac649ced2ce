"""The portal as it is started: ``python examples/portal/app.py --port N`` on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import PORTAL


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_the_real_server_answers_the_list(tmp_path: Path) -> None:
    """The script starts uvicorn on a free port and '/' lists the demo contract."""
    port = free_port()
    command = [sys.executable, str(PORTAL / "app.py"), "--port", str(port), "--demo"]
    command += ["--db", str(tmp_path / "portal.sqlite3")]
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    status, body = answer.status, answer.read().decode()
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "the server did not answer in 30 s"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "Uvicorn running on http://127.0.0.1:" in log.read_text()
    assert status == 200
    assert "<title>Comprovação de Métricas</title>" in body
    assert "COMÉRCIO DE AÇÚCAR SÃO JOÃO LTDA" in body
    assert "11.222.333/0001-81" in body
