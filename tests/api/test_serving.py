"""``kyujin serve`` with several workers: a socket each, spread connections, restarts."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kyujin.api.serving import _reserved, listening_socket
from tests.support.servers import free_port


def test_every_worker_can_listen_on_the_same_port() -> None:
    port = free_port()
    first = listening_socket("127.0.0.1", port)
    second = listening_socket("127.0.0.1", port)
    try:
        assert first.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1
        assert second.getsockname() == first.getsockname()
    finally:
        first.close()
        second.close()


def test_port_zero_is_chosen_once_for_every_worker() -> None:
    reserve = _reserved("127.0.0.1", 0)
    port = reserve.__enter__()
    try:
        assert port > 0
        worker = listening_socket("127.0.0.1", port)
        worker.close()
    finally:
        reserve.__exit__(None, None, None)


def _children(pid: int) -> list[int]:
    """The worker processes of the server ``pid`` (not multiprocessing's resource tracker)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return [c for c in found if "spawn_main" in _cmdline(c)]


def _sockets_on(pid: int, port: int, state: str) -> set[str]:
    """Inodes of the TCP sockets on local ``port`` in ``state`` (01 established, 0A
    listening) that the process ``pid`` holds (from /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == port and fields[3] == state and fields[9] in inodes:
                found.add(fields[9])
    return found


def _healthy(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        response.read()
        return response.status == 200
    except OSError:
        return False
    finally:
        connection.close()


def _wait(condition: object, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = free_port()
    env = {
        **os.environ,
        "KYUJIN_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "KYUJIN_EMBEDDED_WORKER": "false",
        "KYUJIN_QUEUE_PATH": str(tmp_path / "queue.db"),
        "KYUJIN_IMPORT_DIR": str(tmp_path / "imports"),
    }
    kyujin = shutil.which("kyujin", path=str(Path(sys.executable).parent)) or "kyujin"
    command = [kyujin, "serve", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait(lambda: _healthy(port))
        _wait(lambda: len(_children(process.pid)) >= 2 and _healthy(port))
        yield process, port
    finally:
        # The workers first: killing the parent alone would leave them serving.
        if process.poll() is None:
            for child in _children(process.pid):
                os.kill(child, signal.SIGKILL)
            process.kill()
            process.wait()


def test_connections_spread_over_the_workers_and_a_killed_worker_is_replaced(
    served: tuple[subprocess.Popen[bytes], int],
) -> None:
    process, port = served
    workers = _children(process.pid)
    # Each worker listens on a socket of its own (uvicorn's workers share one).
    listening = [_sockets_on(pid, port, "0A") for pid in workers]
    assert all(len(own) == 1 for own in listening)
    assert len(set.union(*listening)) == len(workers) == 2
    # 16 connections opened at once (their handshakes done before any worker accepts):
    # with one shared socket, the first worker to wake accepts all of them; with a socket
    # each, the kernel has already spread them over the workers' queues.
    clients = [socket.socket() for _ in range(16)]
    try:
        for client in clients:
            client.setblocking(False)
            client.connect_ex(("127.0.0.1", port))
        time.sleep(0.5)
        for client in clients:
            client.setblocking(True)
            client.settimeout(5)
            client.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
            assert client.recv(4096).startswith(b"HTTP/1.1 200")
        held = {pid: len(_sockets_on(pid, port, "01")) for pid in workers}
        assert sum(held.values()) == 16
        assert all(count > 0 for count in held.values()), held
    finally:
        for client in clients:
            client.close()

    victim = workers[0]
    os.kill(victim, signal.SIGKILL)
    _wait(lambda: victim not in _children(process.pid) and len(_children(process.pid)) >= 2)
    _wait(lambda: _healthy(port))

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0


def test_head_is_answered_by_the_real_server(
    served: tuple[subprocess.Popen[bytes], int],
) -> None:
    """Through uvicorn, not the test client: a HEAD that the app answered as a GET once
    made uvicorn raise "Response content shorter than Content-Length"."""
    _, port = served
    for path, status in (("/healthz", 200), ("/v1/postings?limit=0", 422), ("/v1/extract", 405)):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("HEAD", path)
            response = connection.getresponse()
            assert response.status == status, path
            assert response.read() == b""
            if status != 405:
                assert int(response.getheader("content-length") or 0) > 0
            connection.request("GET", "/healthz")  # the connection is still in step
            assert connection.getresponse().read() == b'{"status":"ok","checks":{}}'
        finally:
            connection.close()


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def test_workers_stop_when_the_parent_is_killed(
    served: tuple[subprocess.Popen[bytes], int],
) -> None:
    process, port = served
    workers = _children(process.pid)
    process.kill()  # SIGKILL: the parent cannot stop them
    process.wait()

    def gone() -> bool:
        return not any(Path(f"/proc/{pid}").exists() and _cmdline(pid) for pid in workers)

    _wait(gone, timeout=30)
    assert not _healthy(port)
