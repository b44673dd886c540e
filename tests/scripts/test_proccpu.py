"""scripts/proccpu.py: which process is which part of the stack, and the sums."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import proccpu
import pytest


@pytest.mark.parametrize(
    ("cmdline", "part"),
    [
        (
            "/root/.dapr/bin/daprd --config /work/main/config/task-service.yaml"
            " --app-id task-service --app-port 8001",
            "daprd task-service",
        ),
        ("/root/.dapr/bin/daprd --app-id frontend --dapr-http-port 3500", "daprd frontend"),
        (".venv/bin/python -m task_service", "task-service"),
        ("/work/main/.venv/bin/python3 -m chat_service --reload", "chat-service"),
        ("postgres: todo todo_tasks 127.0.0.1(60730) idle", "PostgreSQL"),
        ("/usr/lib/postgresql/15/bin/postgres -D /work/main/.run/postgres/data -p 25432", "PostgreSQL"),
        ("java -Xms256m -cp /x/libs/* kafka.Kafka /work/main/.run/kafka/server.properties", "Kafka"),
        ("next-server (v16.4.6)", "Next.js"),
        ("node build/server.js -H 127.0.0.1 -p 3000", "Next.js"),
        (".venv/bin/python /work/main/scripts/loadgen.py /tmp/plan.json /tmp/result.json", "load generator"),
        ("/root/.dapr/bin/dapr run -f /work/main/dapr.yaml", "dapr CLI"),
        ("/root/.dapr/bin/scheduler --etcd-data-dir /work/main/.run/scheduler/etcd", "dapr scheduler"),
        ("/root/.dapr/bin/sentry --issuer-credentials /x", "dapr sentry"),
        # Not parts of the stack: an editor that has a file of it open, a shell, a grep.
        ("vim services/task/task_service/app.py", None),
        ("bash -c grep -- --app-id task-service dapr.yaml", None),
        ("/usr/bin/python3 -m http.server", None),
    ],
)
def test_each_process_is_named_by_its_part(cmdline: str, part: str | None) -> None:
    assert proccpu.part_of(cmdline) == part


def test_used_sums_each_part_and_counts_processes_started_in_the_window() -> None:
    before = proccpu.Snapshot(
        {1: ("task-service", 10.0), 2: ("PostgreSQL", 5.0), 3: ("PostgreSQL", 1.0)}, 100, 50
    )
    after = proccpu.Snapshot(
        {
            1: ("task-service", 14.5),
            2: ("PostgreSQL", 6.0),
            # pid 3 ended (missed); pid 4 started during the window and counts whole.
            4: ("PostgreSQL", 0.75),
            # A reused pid that now belongs to another part counts from zero.
            5: ("Kafka", 0.25),
        },
        busy=130,
        idle=60,
    )
    before.processes[5] = ("Next.js", 9.0)
    assert proccpu.used(before, after) == {"task-service": 4.5, "PostgreSQL": 1.75, "Kafka": 0.25}
    assert proccpu.busy_share(before, after) == 0.75


def test_a_snapshot_of_this_machine_finds_this_test_not_and_reads_the_machine() -> None:
    shot = proccpu.snapshot()
    assert os.getpid() not in shot.processes  # pytest is no part of the stack
    assert shot.busy > 0 and shot.idle >= 0
    assert all(seconds >= 0 for _, seconds in shot.processes.values())


def test_machine_speed_is_the_best_of_its_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0, 0.5, 1.0, 1.2, 2.0, 2.9])  # runs of 500, 200 and 900 ms
    monkeypatch.setattr(proccpu.time, "perf_counter", lambda: next(clock))
    assert proccpu.machine_speed_ms(runs=3) == 200.0
