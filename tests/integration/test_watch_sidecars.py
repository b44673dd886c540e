"""scripts/watch_sidecars.py restarts a daprd that exits (the dapr CLI does not), against a
real daprd: killed with -9, it is started again from its own command line, environment and
log file, and recorded for stack.sh down; a stopped watcher restarts nothing."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.integration.test_name_resolution import DAPRD, ROOT, _free_ports

WATCHER = ROOT / "scripts" / "watch_sidecars.py"
APP_ID = "watch-test"


def _wait(predicate: Callable[[], object], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"{what} within {seconds} s"
        time.sleep(0.1)


def _daprd_pids() -> list[int]:
    """Live daprds with our app-id (a zombie has no command line)."""
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv[0].endswith(b"daprd") and APP_ID.encode() in argv:
            pids.append(int(proc.name))
    return pids


def _healthy(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/v1.0/healthz/outbound", timeout=1).status_code == 204
    except httpx.HTTPError:
        return False


class Stack:
    """A daprd started the way the dapr CLI starts one (own directory, log file, env), a
    stand-in parent for the CLI, and the watcher."""

    def __init__(self, tmp_path: Path) -> None:
        self.dir = tmp_path
        (tmp_path / "resources").mkdir()
        self.http, grpc, internal, metrics = _free_ports(4)
        self.log = tmp_path / "daprd.log"
        command = [str(DAPRD), "--app-id", APP_ID, "--resources-path", str(tmp_path / "resources")]
        command += ["--dapr-http-port", str(self.http), "--dapr-grpc-port", str(grpc)]
        command += ["--dapr-internal-grpc-port", str(internal), "--metrics-port", str(metrics)]
        env = {**os.environ, "WATCH_TEST_MARK": "from-the-first-start"}
        with self.log.open("w") as out:
            self.daprd = subprocess.Popen(
                command, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        self.parent = subprocess.Popen(["sleep", "600"])
        self.watcher_log = tmp_path / "watcher.log"
        watch = [sys.executable, str(WATCHER), "--parent", str(self.parent.pid)]
        watch += ["--run-dir", str(tmp_path / "run"), APP_ID]
        with self.watcher_log.open("w") as out:
            self.watcher = subprocess.Popen(
                watch,
                cwd=tmp_path,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        _wait(lambda: _healthy(self.http), 30, "daprd healthy")
        seen = f"daprd is pid {self.daprd.pid}"
        _wait(lambda: seen in self.watcher_log.read_text(), 10, "the watcher saw it")

    def close(self) -> None:
        for proc in (self.watcher, self.parent, self.daprd):
            proc.kill()
            proc.wait()
        for pid in _daprd_pids():
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    s = Stack(tmp_path)
    try:
        yield s
    finally:
        s.close()


def test_a_killed_daprd_is_started_again_as_it_was(stack: Stack) -> None:
    first = stack.daprd.pid
    argv = Path(f"/proc/{first}/cmdline").read_bytes()
    stack.daprd.kill()
    stack.daprd.wait()
    _wait(lambda: [p for p in _daprd_pids() if p != first], 15, "a new daprd")
    [again] = _daprd_pids()
    proc = Path(f"/proc/{again}")
    assert (proc / "cmdline").read_bytes() == argv
    assert b"WATCH_TEST_MARK=from-the-first-start" in (proc / "environ").read_bytes().split(b"\0")
    assert os.readlink(proc / "cwd") == str(stack.dir)
    assert (stack.dir / "run" / "adopted" / f"{APP_ID}-daprd.pid").read_text() == str(again)
    _wait(lambda: _healthy(stack.http), 30, "the new daprd healthy")
    log = stack.log.read_text()
    assert f"---- watch-sidecars: restart 1 after pid {first} exited" in log
    assert log.index("---- watch-sidecars") > log.index("dapr initialized")  # appended, not truncated

    # The watcher ends with its parent (the dapr CLI); the daprd it started outlives it.
    stack.parent.kill()
    assert stack.watcher.wait(5) == 0
    assert _daprd_pids() == [again]


def test_a_stopped_watcher_restarts_nothing(stack: Stack) -> None:
    stack.watcher.send_signal(signal.SIGTERM)
    assert stack.watcher.wait(5) == 0
    stack.daprd.kill()
    stack.daprd.wait()
    time.sleep(3)
    assert _daprd_pids() == []
    assert "started again" not in stack.watcher_log.read_text()
