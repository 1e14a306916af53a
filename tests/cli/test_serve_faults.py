"""8. Sphinx's own crash in `serve` filled the terminal and the page banner with its
report: now it is one line, in both. 10. `serve` answered any `Host:` and accepted
WebSocket connections from any `Origin` (DNS rebinding): now only this machine's."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..briefs import CLI, basic_project, interrupt


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return basic_project(tmp_path / "brief")


CRASH = '\ndef setup(app):\n    app.connect("builder-inited", lambda app: 1 / 0)\n'


def serve(project: Path, log: Path) -> Iterator[tuple[int, Path]]:
    process = subprocess.Popen(
        [*CLI, "serve", "--source", ".", "--port", "0"],
        cwd=project,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        end = time.monotonic() + 90
        while not (found := re.search(r"http://127\.0\.0\.1:(\d+)/", log.read_text("utf-8"))):
            assert process.poll() is None and time.monotonic() < end, log.read_text("utf-8")
            time.sleep(0.2)
        yield int(found.group(1)), log
    finally:
        interrupt(process)


@pytest.fixture
def crashing(project: Path, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(CRASH)
    yield from serve(project, tmp_path / "serve.log")


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    yield from serve(project, tmp_path / "serve.log")


def request(port: int, path: str = "/", **headers: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host="Host" in headers)
    for name, value in headers.items():
        connection.putheader(name.replace("_", "-"), value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace") if response.status != 101 else ""
    connection.close()
    return response.status, body


def test_a_sphinx_crash_is_one_line_in_the_terminal_and_the_banner(
    crashing: tuple[int, Path],
) -> None:
    port, log = crashing
    status, page = request(port)
    assert status == 200
    banner = page.split('id="briefing-serve-problems"', 1)[1]
    items = re.findall(r"<li>(.*?)</li>", banner)
    assert len(items) <= 2, items
    assert "ZeroDivisionError" in items[0] and "Sphinx stopped" in items[0]
    terminal = log.read_text("utf-8")
    assert "Traceback" not in terminal
    assert len([line for line in terminal.splitlines() if "ZeroDivisionError" in line]) == 1


def test_only_this_machine_is_answered(server: tuple[int, Path]) -> None:
    port, _ = server
    assert request(port)[0] == 200
    assert request(port, Host=f"localhost:{port}")[0] == 200
    assert request(port, Host=f"[::1]:{port}")[0] == 200
    status, body = request(port, Host=f"evil.example:{port}")
    assert status == 403 and "only for this machine" in body
    assert request(port, Host="127.0.0.1.evil.example")[0] == 403


def test_the_reload_socket_takes_only_the_preview_own_pages(server: tuple[int, Path]) -> None:
    port, _ = server
    upgrade = {
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    }
    path = "/websocket-reload"
    assert request(port, path, **upgrade, Origin=f"http://127.0.0.1:{port}")[0] == 101
    assert request(port, path, **upgrade, Origin=f"http://localhost:{port}")[0] == 101
    assert request(port, path, **upgrade, Origin="http://evil.example")[0] == 403
    assert request(port, path, **upgrade, Origin=f"http://127.0.0.1:{port + 1}")[0] == 403
    assert request(port, path, **upgrade, Origin=f"https://evil.example:{port}")[0] == 403
