"""The faults, and a readiness watcher that records what each app's /ready answered."""

import asyncio
import contextlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.integration.conftest import APPS, ROOT

MODULES = {app_id: app_id.replace("-", "_") for app_id in APPS}  # task-service -> task_service


def _processes() -> list[tuple[int, list[str]]]:
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = [a.decode() for a in (proc / "cmdline").read_bytes().split(b"\0") if a]
        except OSError:
            continue
        if argv:
            found.append((int(proc.name), argv))
    return found


def app_pids(app_id: str) -> list[int]:
    """The app's python process (not scripts/supervise.sh, whose argv names it too)."""
    module = MODULES[app_id]
    return [pid for pid, argv in _processes() if argv[0].endswith("python") and argv[1:3] == ["-m", module]]


def sidecar_pids(app_id: str) -> list[int]:
    return [
        pid
        for pid, argv in _processes()
        if argv[0].endswith("daprd") and "--app-id" in argv and argv[argv.index("--app-id") + 1] == app_id
    ]


async def ready_status(client: httpx.AsyncClient, port: int) -> str:
    try:
        return str((await client.get(f"http://127.0.0.1:{port}/ready", timeout=1.0)).status_code)
    except httpx.HTTPError:
        return "down"


async def wait_ready(app_ids: list[str], seconds: float = 90) -> float:
    """Seconds until every app answers /ready 200."""
    started = time.monotonic()
    async with httpx.AsyncClient() as client:
        while True:
            statuses = [await ready_status(client, APPS[a]) for a in app_ids]
            if all(s == "200" for s in statuses):
                return time.monotonic() - started
            assert time.monotonic() - started < seconds, (
                f"not ready after {seconds} s: {dict(zip(app_ids, statuses, strict=True))}"
            )
            await asyncio.sleep(0.25)


@dataclass
class ReadinessWatch:
    """Polls every app's /ready directly (every 0.2 s) and keeps the transitions."""

    seen: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    _task: asyncio.Task[None] | None = None
    _started: float = 0.0

    async def _poll(self) -> None:
        async with httpx.AsyncClient() as client:
            while True:
                for app_id, port in APPS.items():
                    status = await ready_status(client, port)
                    history = self.seen.setdefault(app_id, [])
                    if not history or history[-1][1] != status:
                        history.append((time.monotonic() - self._started, status))
                await asyncio.sleep(0.2)

    def start(self) -> None:
        self._started = time.monotonic()
        self._task = asyncio.create_task(self._poll())

    async def stop(self) -> None:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    def statuses(self, app_id: str) -> list[str]:
        return [s for _, s in self.seen.get(app_id, [])]

    def went_unready_and_back(self, app_id: str) -> bool:
        s = self.statuses(app_id)
        return len(s) >= 3 and s[0] == "200" and s[-1] == "200" and any(x != "200" for x in s[1:-1])

    def describe(self, app_id: str) -> str:
        return " -> ".join(f"{s}@{t:.1f}s" for t, s in self.seen.get(app_id, []))


async def run_script(*args: str, timeout: float = 240) -> None:
    proc = await asyncio.create_subprocess_exec(
        str(ROOT / "scripts" / args[0]), *args[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    assert proc.returncode == 0, f"{' '.join(args)} failed: {out.decode()[-2000:]}"


async def kill_app(app_id: str) -> str:
    """kill -9 the app; scripts/supervise.sh starts it again. Returns what happened."""
    [pid] = app_pids(app_id)
    os.kill(pid, signal.SIGKILL)
    killed = time.monotonic()
    while not (new := [p for p in app_pids(app_id) if p != pid]):
        assert time.monotonic() - killed < 60, f"{app_id} was not restarted within 60 s"
        await asyncio.sleep(0.1)
    respawned = time.monotonic() - killed
    ready = await wait_ready([app_id]) + respawned
    return (
        f"kill -9 {app_id} (pid {pid}); supervise.sh restarted it as pid {new[0]} "
        f"after {respawned:.1f} s, ready after {ready:.1f} s"
    )


async def kafka_outage(seconds: float) -> str:
    started = time.monotonic()
    await run_script("kafka.sh", "stop")
    await asyncio.sleep(seconds)
    await run_script("kafka.sh", "start")
    return (
        f"kafka stopped for {seconds:.0f} s (down {time.monotonic() - started:.1f} s in all, start included)"
    )


async def postgres_restart(down_for: float = 3.0) -> str:
    """Stop PostgreSQL, keep it down `down_for` seconds (long enough for the readiness
    polls to see it: a bare restart takes half a second), start it again."""
    started = time.monotonic()
    await run_script("postgres.sh", "stop")
    await asyncio.sleep(down_for)
    await run_script("postgres.sh", "start")
    return f"postgresql stopped, down {down_for:.0f} s, started again ({time.monotonic() - started:.1f} s)"


async def kill_sidecar(app_id: str, seconds: float = 30) -> str:
    """kill -9 the app's daprd; scripts/watch_sidecars.py (started by stack.sh) must start
    it again, with the same command line, and record it for stack.sh down."""
    [pid] = sidecar_pids(app_id)
    argv = (Path(f"/proc/{pid}") / "cmdline").read_bytes()
    started = time.monotonic()
    os.kill(pid, signal.SIGKILL)
    while not (restarted := [p for p in sidecar_pids(app_id) if p != pid]):
        assert time.monotonic() - started < seconds, f"nothing restarted {app_id}'s daprd in {seconds} s"
        await asyncio.sleep(0.2)
    [new] = restarted
    took = time.monotonic() - started
    assert (Path(f"/proc/{new}") / "cmdline").read_bytes() == argv
    assert (ROOT / ".run" / "adopted" / f"{app_id}-daprd.pid").read_text() == str(new)
    ready = await wait_ready([app_id])
    return (
        f"kill -9 {app_id}'s daprd (pid {pid}); the watcher started it again as pid {new} "
        f"{took:.1f} s later; app ready {ready:.1f} s after that"
    )
