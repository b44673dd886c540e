"""scripts/supervise.sh, on a stand-in app: restarted after kill -9 and after a non-zero
exit, not after a clean exit, and a stop signal to the process group (what
scripts/stack.sh down sends) ends both without a restart or an orphan."""

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from tests.integration.conftest import ROOT

APP = """
echo $$ >> "$1"
trap 'exit 0' TERM
while [ ! -f "$1.exit" ]; do sleep 0.1; done
exit "$(cat "$1.exit")"
"""


def _pids(log: Path) -> list[int]:
    return [int(p) for p in log.read_text().split()] if log.exists() else []


def _wait(predicate: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    # A zombie of ours counts as gone; so does one that is reaped between the two looks (its
    # /proc entry can go between opening and reading it: ProcessLookupError).
    try:
        os.kill(pid, 0)
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except (ProcessLookupError, FileNotFoundError):
        return False


def _start(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    app, log = tmp_path / "app.sh", tmp_path / "pids"
    app.write_text(APP)
    sup = subprocess.Popen(
        [str(ROOT / "scripts" / "supervise.sh"), "bash", str(app), str(log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, like the dapr CLI's
    )
    _wait(lambda: len(_pids(log)) == 1)
    return sup, log


def test_a_crashed_app_is_restarted_and_a_stop_leaves_nothing(tmp_path: Path) -> None:
    sup, log = _start(tmp_path)
    try:
        os.kill(_pids(log)[0], signal.SIGKILL)
        _wait(lambda: len(_pids(log)) == 2)  # restarted after ~1 s
        (tmp_path / "pids.exit").write_text("3")
        second = _pids(log)[1]
        _wait(lambda: not _alive(second))
        (tmp_path / "pids.exit").unlink()
        _wait(lambda: len(_pids(log)) == 3)  # non-zero exit: restarted (backoff 2 s)
        _wait(lambda: _alive(_pids(log)[-1]))
        os.killpg(sup.pid, signal.SIGTERM)  # scripts/stack.sh down
        assert sup.wait(10) == 0
        time.sleep(1.5)
        assert len(_pids(log)) == 3  # nothing restarted after the stop
        assert not any(_alive(p) for p in _pids(log))
    finally:
        if sup.poll() is None:
            os.killpg(sup.pid, signal.SIGKILL)


def test_a_clean_exit_ends_the_supervisor(tmp_path: Path) -> None:
    sup, log = _start(tmp_path)
    (tmp_path / "pids.exit").write_text("0")
    assert sup.wait(10) == 0
    assert len(_pids(log)) == 1
