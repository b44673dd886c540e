#!/usr/bin/env python3
"""Restart a sidecar that exits, the way Kubernetes restarts a container.

`dapr run -f dapr.yaml` starts each app's daprd once: when a daprd exits (kill -9, OOM, a
fatal error such as "Host registration lost"), the CLI leaves its app running without a
sidecar until the whole stack is restarted. scripts/supervise.sh restarts the apps; this
watcher does the same for their sidecars. scripts/stack.sh starts it once every sidecar is
up and stops it before it stops the stack.

    watch_sidecars.py --parent PID --run-dir DIR APP_ID...

Every second it looks up each app's daprd (by `--app-id`, among processes started in the
same directory as the watcher). It remembers the command line, environment, working
directory and log file of each daprd it sees. When an app's daprd is gone and no other
daprd has that app-id, it starts one again from what it remembered, appending to the same
log, after a backoff (1 s, doubling to 30 s; back to 1 s once a run lasted 60 s). The pid
of a daprd it started goes to DIR/adopted/<app-id>-daprd.pid, which `stack.sh down` stops.
The watcher ends when process PARENT (the dapr CLI) is gone, or on SIGTERM/SIGINT. Its
daprds run in their own sessions and outlive it. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

POLL_S = 1.0
BACKOFF_MAX_S = 30.0
STABLE_RUN_S = 60.0


def log(level: str, message: str, **fields: object) -> None:
    line = {"level": level, "service": "watch-sidecars", "message": message, **fields}
    line["timestamp"] = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    print(json.dumps(line), flush=True)


@dataclass
class Sidecar:
    """What is needed to start an app's daprd again."""

    argv: list[str]
    env: dict[str, str]
    cwd: str
    log_path: str


@dataclass
class Watched:
    pid: int | None = None
    spec: Sidecar | None = None
    started: float = field(default_factory=time.monotonic)
    delay: float = 1.0
    restart_at: float | None = None
    restarts: int = 0
    child: subprocess.Popen[bytes] | None = None


def _read_argv(proc: Path) -> list[str]:
    return [a.decode() for a in (proc / "cmdline").read_bytes().split(b"\0") if a]


def find_sidecars(app_ids: set[str], cwd: str) -> dict[str, int]:
    """app-id -> pid of a live daprd started in `cwd` (zombies have no command line)."""
    found: dict[str, int] = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = _read_argv(proc)
            if not argv or not argv[0].endswith("daprd") or "--app-id" not in argv:
                continue
            app_id = argv[argv.index("--app-id") + 1]
            if app_id in app_ids and os.readlink(proc / "cwd") == cwd:
                found[app_id] = int(proc.name)
        except (OSError, IndexError):
            continue
    return found


def read_spec(pid: int) -> Sidecar | None:
    """The running daprd's command line, environment, directory and log file."""
    proc = Path(f"/proc/{pid}")
    try:
        environ = (proc / "environ").read_bytes().split(b"\0")
        return Sidecar(
            argv=_read_argv(proc),
            env=dict(item.decode().split("=", 1) for item in environ if b"=" in item),
            cwd=os.readlink(proc / "cwd"),
            log_path=os.readlink(proc / "fd" / "1"),
        )
    except OSError:
        return None


def start(spec: Sidecar, note: str) -> subprocess.Popen[bytes]:
    """Start the daprd again in its own session, appending to its old log."""
    log_path = spec.log_path if spec.log_path.startswith("/") else os.devnull
    with open(log_path, "ab") as out:
        out.write(f"\n---- watch-sidecars: {note}\n".encode())
        return subprocess.Popen(
            spec.argv,
            env=spec.env,
            cwd=spec.cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def alive(pid: int) -> bool:
    """True while the process runs (a zombie, exited but not yet reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


class Watcher:
    def __init__(self, app_ids: list[str], run_dir: Path, cwd: str) -> None:
        self.apps = {app_id: Watched() for app_id in app_ids}
        self.adopted = run_dir / "adopted"
        self.cwd = cwd

    def step(self, now: float) -> None:
        for child in (w.child for w in self.apps.values() if w.child is not None):
            child.poll()  # reap an adopted daprd that exited, so it stops showing in /proc
        if all(w.pid is not None and alive(w.pid) for w in self.apps.values()):
            running = {app_id: w.pid for app_id, w in self.apps.items() if w.pid is not None}
        else:  # the first look, or one is gone: a walk through /proc (the costly part)
            running = find_sidecars(set(self.apps), self.cwd)
        for app_id, watched in self.apps.items():
            pid = running.get(app_id)
            if pid is not None:
                if pid != watched.pid:
                    if watched.child is None or watched.child.pid != pid:
                        log("info", f"{app_id}'s daprd is pid {pid}")
                    watched.pid, watched.started = pid, now
                    watched.spec = read_spec(pid) or watched.spec
                    watched.restart_at = None
                if now - watched.started >= STABLE_RUN_S:
                    watched.delay = 1.0
                continue
            if watched.spec is None:
                continue  # never seen running: nothing to start it from
            if watched.restart_at is None:
                watched.restart_at = now + watched.delay
                gone = f"{app_id}'s daprd (pid {watched.pid}) is gone"
                log("warning", f"{gone}; restarting in {watched.delay:.0f} s")
                continue
            if now < watched.restart_at:
                continue
            watched.restarts += 1
            note = f"restart {watched.restarts} after pid {watched.pid} exited"
            watched.child = start(watched.spec, note)
            watched.pid, watched.started, watched.restart_at = watched.child.pid, now, None
            watched.delay = min(watched.delay * 2, BACKOFF_MAX_S)
            self.adopted.mkdir(parents=True, exist_ok=True)
            (self.adopted / f"{app_id}-daprd.pid").write_text(str(watched.child.pid))
            again = f"{app_id}'s daprd started again as pid {watched.child.pid}"
            log("warning", again, restarts=watched.restarts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parent", type=int, required=True, help="stop when this process is gone")
    parser.add_argument("--run-dir", type=Path, required=True)
    parser.add_argument("app_ids", nargs="+")
    args = parser.parse_args(argv)

    stopping: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda signum, _frame: stopping.append(signum))
    # A signal also lands in this pipe, which ends the wait between two looks at once.
    wake, wakeup = os.pipe()
    os.set_blocking(wakeup, False)
    signal.set_wakeup_fd(wakeup)
    watcher = Watcher(args.app_ids, args.run_dir, os.getcwd())
    log("info", "watching", apps=args.app_ids, parent=args.parent)
    while not stopping and alive(args.parent):
        watcher.step(time.monotonic())
        select.select([wake], [], [], POLL_S)
    log("info", "stopped" if stopping else f"parent {args.parent} is gone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
