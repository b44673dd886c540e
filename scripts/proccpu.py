"""CPU seconds per part of the local stack over a benchmark's window, from /proc.

    before = proccpu.snapshot()
    ...                                  # the load
    used = proccpu.used(before, proccpu.snapshot())

`snapshot()` reads utime + stime of every process of the stack `make run` starts (the
services, their sidecars, PostgreSQL, Kafka, Next.js, ...) and the machine's busy and idle
time from /proc/stat. `used()` sums the difference per part: a process that started during
the window counts whole; one that ended during it is missed (a PostgreSQL backend that
disconnected, the load generator's child: bench_load.py adds that one from its own count).
"""

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")
_APP_ID = re.compile(r"--app-id\s+(\S+)")
_SERVICE = re.compile(r"python\S*\s+-m\s+(\w+_service)\b")


def part_of(cmdline: str) -> str | None:
    """Which part of the stack a process command line belongs to, or None for another
    process of the machine."""
    if (m := _APP_ID.search(cmdline)) and "daprd" in cmdline.split(" ", 1)[0]:
        return f"daprd {m.group(1)}"
    if m := _SERVICE.search(cmdline):
        return m.group(1).replace("_", "-")
    first = cmdline.split(" ", 1)[0]
    name = first.rsplit("/", 1)[-1]
    if name == "postgres" or cmdline.startswith("postgres:"):
        return "PostgreSQL"
    if "kafka.Kafka" in cmdline:
        return "Kafka"
    if cmdline.startswith("next-server") or "build/server.js" in cmdline:
        return "Next.js"
    if "loadgen.py" in cmdline:
        return "load generator"
    if name == "dapr":
        return "dapr CLI"
    if name in ("sentry", "scheduler", "placement"):
        return f"dapr {name}"
    if name == "redis-server":
        return "Redis"
    return None


@dataclass
class Snapshot:
    """CPU seconds per process (pid -> (part, seconds)) and the machine's jiffies."""

    processes: dict[int, tuple[str, float]] = field(default_factory=dict)
    busy: float = 0.0
    idle: float = 0.0


def _cmdline(pid: int) -> str:
    raw = (PROC / str(pid) / "cmdline").read_bytes()
    if raw:
        return raw.replace(b"\0", b" ").decode(errors="replace").strip()
    # A process that renamed itself (PostgreSQL backends) may keep an empty cmdline.
    return (PROC / str(pid) / "comm").read_text().strip()


def _seconds(pid: int, tick: float) -> float:
    stat = (PROC / str(pid) / "stat").read_text()
    # Fields after the command (which may hold spaces) start after the last ')'.
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / tick  # utime, stime


def snapshot() -> Snapshot:
    tick = float(os.sysconf("SC_CLK_TCK"))
    shot = Snapshot()
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        try:
            part = part_of(_cmdline(pid))
            if part is not None:
                shot.processes[pid] = (part, _seconds(pid, tick))
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue  # gone meanwhile
    cpu = (PROC / "stat").read_text().splitlines()[0].split()[1:]
    jiffies = [int(v) for v in cpu]
    idle = jiffies[3] + jiffies[4]  # idle, iowait
    shot.busy, shot.idle = (sum(jiffies[:8]) - idle) / tick, idle / tick
    return shot


def used(before: Snapshot, after: Snapshot) -> dict[str, float]:
    """CPU seconds per part between the two snapshots, largest first."""
    parts: dict[str, float] = {}
    for pid, (part, seconds) in after.processes.items():
        earlier = before.processes.get(pid)
        spent = seconds - earlier[1] if earlier is not None and earlier[0] == part else seconds
        parts[part] = parts.get(part, 0.0) + max(spent, 0.0)
    return dict(sorted(((k, round(v, 2)) for k, v in parts.items()), key=lambda kv: -kv[1]))


def busy_share(before: Snapshot, after: Snapshot) -> float:
    """The share of the machine's CPU time that was busy between the snapshots (0..1)."""
    busy, idle = after.busy - before.busy, after.idle - before.idle
    return round(busy / (busy + idle), 3) if busy + idle > 0 else 0.0


def machine_speed_ms(runs: int = 5) -> float:
    """A fixed piece of CPU work (Python summing ten million integers), the best of `runs`,
    in ms. This machine does the same work up to half again slower in some hours; the
    benchmarks print this beside their figures so that runs of different hours compare
    (about 130 ms in a fast hour, 186 in a slow one on 2026-11-26)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        sum(range(10_000_000))
        best = min(best, time.perf_counter() - start)
    return round(best * 1000, 1)
