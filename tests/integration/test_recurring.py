"""Recurring series through the real stack: the public API (frontend → task-service), the
outbox relay, Kafka, recurring-service's subscription and its invocation of task-service.
Each test signs up its own user, so its tasks are its own."""

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.integration.conftest import ROOT, User, metric, psql, sidecar
from tests.integration.test_notifications import notifications, wake_scan

WAIT_SECONDS = 10


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def create(user: User, **body: Any) -> dict[str, Any]:
    r = await user.client.post("/api/tasks", json=body)
    assert r.status_code == 201, r.text
    task: dict[str, Any] = r.json()
    return task


async def act(user: User, task_id: str, action: str) -> dict[str, Any]:
    r = await user.client.post(f"/api/tasks/{task_id}/{action}")
    assert r.status_code == 200, r.text
    task: dict[str, Any] = r.json()
    return task


async def series(user: User, series_id: str) -> list[dict[str, Any]]:
    """Every task of the series the user can see (open and completed), oldest first."""
    r = await user.client.get("/api/tasks", params={"status": "all", "sort": "created_at", "order": "asc"})
    assert r.status_code == 200, r.text
    return [t for t in r.json()["items"] if t["series_id"] == series_id]


async def wait_for_instances(user: User, series_id: str, count: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        tasks = await series(user, series_id)
        if len(tasks) >= count:
            return tasks
        assert time.monotonic() < deadline, f"{len(tasks)} of {count} instances after {WAIT_SECONDS} s"
        await asyncio.sleep(0.1)


async def wait_until(check: Callable[[], Awaitable[bool]], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        await asyncio.sleep(0.25)


def consumed(outcome: str) -> Awaitable[float]:
    return metric("recurring-service", "events_consumed_total", topic="task-events", outcome=outcome)


async def test_completing_a_recurring_task_makes_the_next_instance(user: User) -> None:
    due = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday
    first = await create(
        user,
        title="Stand-up notes",
        description="post them in #team",
        priority="HIGH",
        tags=["Work", "daily-ops"],
        due_at=iso(due),
        remind_at=iso(due - timedelta(minutes=15)),
        rrule="weekdays",
    )
    assert first["is_recurring"] and first["series_id"]
    done = await act(user, first["id"], "complete")
    assert done["completed"]

    _, nxt = await wait_for_instances(user, first["series_id"], 2)
    assert nxt["id"] != first["id"] and not nxt["completed"]
    assert nxt["due_at"] == "2030-01-08T09:00:00Z"
    assert nxt["remind_at"] == "2030-01-08T08:45:00Z"  # the same 15 minutes before
    assert nxt["parent_task_id"] == first["id"] and nxt["series_id"] == first["series_id"]
    assert (nxt["title"], nxt["description"], nxt["priority"], nxt["tags"]) == (
        "Stand-up notes",
        "post them in #team",
        "HIGH",
        ["Work", "daily-ops"],
    )
    assert (nxt["rrule"], nxt["repeat_from"]) == ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "due")

    # The instance after that still points at the series' first task.
    await act(user, nxt["id"], "complete")
    third = (await wait_for_instances(user, first["series_id"], 3))[2]
    assert third["due_at"] == "2030-01-09T09:00:00Z" and third["parent_task_id"] == first["id"]


async def test_an_overdue_daily_task_is_next_due_at_its_next_slot_after_now(user: User) -> None:
    now = datetime.now(UTC)
    due = (now - timedelta(days=3, hours=2)).replace(second=0, microsecond=0)
    first = await create(user, title="Water the plants", due_at=iso(due), rrule="daily")
    await act(user, first["id"], "complete")
    nxt = (await wait_for_instances(user, first["series_id"], 2))[1]
    expected = due + timedelta(days=3)  # the first daily slot after now
    if expected <= now:
        expected += timedelta(days=1)
    assert parse(nxt["due_at"]) == expected and parse(nxt["due_at"]) > now


async def test_repeat_from_completion(user: User) -> None:
    first = await create(
        user,
        title="Descale the kettle",
        due_at="2030-01-07T09:00:00Z",
        rrule="FREQ=WEEKLY;INTERVAL=2",
        repeat_from="completion",
    )
    done = await act(user, first["id"], "complete")
    nxt = (await wait_for_instances(user, first["series_id"], 2))[1]
    # Counted from the completion's minute: due times are set and shown to the minute.
    completed = parse(done["completed_at"]).replace(second=0, microsecond=0)
    assert parse(nxt["due_at"]) == completed + timedelta(weeks=2)
    assert nxt["repeat_from"] == "completion"


async def test_undoing_a_completion_takes_back_its_next_instance(user: User) -> None:
    first = await create(user, title="Timesheet", due_at="2030-01-07T17:00:00Z", rrule="weekly")
    await act(user, first["id"], "complete")
    made = (await wait_for_instances(user, first["series_id"], 2))[1]

    # Undo: the next instance nobody touched goes with the completion, at once.
    await act(user, first["id"], "reopen")
    assert [t["id"] for t in await series(user, first["series_id"])] == [first["id"]]
    # Completing again makes a next instance again, one.
    created = await consumed("created")
    await act(user, first["id"], "complete")
    await wait_until(lambda: _grew(consumed("created"), created), WAIT_SECONDS, "second completion handled")
    tasks = await series(user, first["series_id"])
    assert len(tasks) == 2 and tasks[1]["id"] != made["id"], [t["due_at"] for t in tasks]
    assert (tasks[1]["due_at"], tasks[1]["completed"]) == (made["due_at"], False)


async def test_an_undo_before_the_event_is_handled_leaves_one_open_instance(user: User) -> None:
    async def handled() -> float:
        return await consumed("created") + await consumed("nothing_to_do")

    before = await handled()
    first = await create(user, title="Water plants", due_at="2030-01-07T08:00:00Z", rrule="daily")
    await act(user, first["id"], "complete")
    await act(user, first["id"], "reopen")  # usually before recurring-service made the next one
    await wait_until(lambda: _grew(handled(), before), WAIT_SECONDS, "the completion handled")
    tasks = await series(user, first["series_id"])
    assert [(t["id"], t["completed"]) for t in tasks] == [(first["id"], False)]


async def _grew(current: Awaitable[float], before: float, by: float = 1) -> bool:
    return await current >= before + by


async def test_the_same_event_delivered_five_times_makes_one_instance(
    user: User, secrets: dict[str, str]
) -> None:
    # A real completed instance, and a task.completed for it published five times by hand
    # under one event id (task-service makes a next instance only for a task that is still
    # completed; the outbox's own task.completed, another event id, asks for the same one).
    task = await create(user, title="Backup", due_at="2030-01-07T02:00:00Z", rrule="daily", tags=["Ops"])
    snapshot = await act(user, task["id"], "complete")
    event_id = str(uuid.uuid4())
    data = {
        "event_id": event_id,
        "event_type": "task.completed",
        "user_id": user.id,
        "task_id": task["id"],
        "timestamp": iso(datetime.now(UTC)),
        "schema_version": "v1",
        "payload": {"task": snapshot, "changes": {"completed": {"old": False, "new": True}}},
    }
    duplicates = await consumed("duplicate")
    async with sidecar("task-service", secrets) as c:
        for _ in range(5):
            r = await c.post(
                "/v1.0/publish/pubsub/task-events",
                params={
                    "metadata.cloudevent.id": event_id,
                    "metadata.cloudevent.type": "task.completed",
                    "metadata.partitionKey": task["id"],
                },
                json=data,
            )
            assert r.status_code == 204, r.text

    tasks = await wait_for_instances(user, task["series_id"], 2)
    # Same partition, so in order: the first made the instance, the inbox caught the rest.
    await wait_until(lambda: _grew(consumed("duplicate"), duplicates, 4), WAIT_SECONDS, "4 duplicates seen")
    tasks = await series(user, task["series_id"])
    assert len(tasks) == 2
    assert tasks[1]["due_at"] == "2030-01-08T02:00:00Z" and tasks[1]["tags"] == ["Ops"]


async def test_a_count_2_series_ends_after_two_instances(user: User, secrets: dict[str, str]) -> None:
    first = await create(
        user, title="Vaccination shot", due_at="2030-03-01T10:00:00Z", rrule="FREQ=MONTHLY;COUNT=2"
    )
    await act(user, first["id"], "complete")
    second = (await wait_for_instances(user, first["series_id"], 2))[1]
    assert second["due_at"] == "2030-04-01T10:00:00Z"

    ended = await metric("recurring-service", "series_ended_total")
    await act(user, second["id"], "complete")

    def series_ended_in_db() -> list[list[str]]:
        sql = f"select ended_at is not null from task_series where id = '{first['series_id']}'"
        return psql(secrets, "tasks-db-url", sql)

    async def is_ended() -> bool:
        return series_ended_in_db() == [["t"]]

    await wait_until(is_ended, WAIT_SECONDS, "series marked ended")
    assert await metric("recurring-service", "series_ended_total") >= ended + 1
    tasks = await series(user, first["series_id"])
    assert len(tasks) == 2 and all(t["completed"] for t in tasks)


async def test_a_series_past_until_is_ended(user: User, secrets: dict[str, str]) -> None:
    first = await create(
        user, title="Conference prep", due_at="2030-05-01T08:00:00Z", rrule="FREQ=DAILY;UNTIL=20300501"
    )
    await act(user, first["id"], "complete")

    async def is_ended() -> bool:
        sql = f"select ended_at is not null from task_series where id = '{first['series_id']}'"
        return psql(secrets, "tasks-db-url", sql) == [["t"]]

    await wait_until(is_ended, WAIT_SECONDS, "series marked ended")
    assert len(await series(user, first["series_id"])) == 1


async def test_deleting_one_instance_leaves_the_series_going_and_series_true_ends_it(user: User) -> None:
    first = await create(user, title="Gym", due_at="2030-01-07T18:00:00Z", rrule="FREQ=WEEKLY;BYDAY=MO,TH")
    r = await user.client.delete(f"/api/tasks/{first['id']}")
    assert r.status_code == 204
    nxt = (await wait_for_instances(user, first["series_id"], 1))[0]
    assert nxt["id"] != first["id"] and nxt["due_at"] == "2030-01-10T18:00:00Z"
    assert nxt["parent_task_id"] == first["id"]

    nothing_to_do = await consumed("nothing_to_do")
    r = await user.client.delete(f"/api/tasks/{nxt['id']}", params={"series": "true"})
    assert r.status_code == 204
    await wait_until(
        lambda: _grew(consumed("nothing_to_do"), nothing_to_do), WAIT_SECONDS, "deletion handled"
    )
    assert await series(user, first["series_id"]) == []


async def test_a_skipped_monday_uses_up_a_slot_of_a_count_series(user: User) -> None:
    """'every monday for 3 weeks', the first skipped (moved onto its next Monday, as the
    assistant's skip does): done on the 2nd Monday, the next is the 3rd and last."""
    first = await create(
        user, title="Gym", due_at="2030-01-07T18:00:00Z", rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=3"
    )
    r = await user.client.patch(f"/api/tasks/{first['id']}", json={"due_at": first["next_occurrence"]})
    assert r.status_code == 200 and r.json()["next_occurrence"] == "2030-01-21T18:00:00Z", r.text
    await act(user, first["id"], "complete")
    last = (await wait_for_instances(user, first["series_id"], 2))[1]
    assert last["due_at"] == "2030-01-21T18:00:00Z" and last["next_occurrence"] is None


async def test_undoing_the_delete_of_an_instance_keeps_every_slot_of_a_count_series(
    user: User, secrets: dict[str, str]
) -> None:
    """Delete the first of 2 Mondays, then undo (the next instance the delete made moved back,
    as the web's and the assistant's undo do): two instances, then the series ends."""
    first = await create(
        user, title="Swim", due_at="2030-01-07T18:00:00Z", rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=2"
    )
    assert (await user.client.delete(f"/api/tasks/{first['id']}")).status_code == 204
    made = (await wait_for_instances(user, first["series_id"], 1))[0]
    assert made["due_at"] == "2030-01-14T18:00:00Z" and made["next_occurrence"] is None
    r = await user.client.patch(
        f"/api/tasks/{made['id']}",
        json={"due_at": first["due_at"]},
        headers={"If-Match": str(made["version"])},
    )
    assert r.status_code == 200 and r.json()["next_occurrence"] == "2030-01-14T18:00:00Z", r.text
    await act(user, made["id"], "complete")
    last = (await wait_for_instances(user, first["series_id"], 2))[1]
    assert last["due_at"] == "2030-01-14T18:00:00Z" and last["next_occurrence"] is None
    await act(user, last["id"], "complete")

    async def is_ended() -> bool:
        sql = f"select ended_at is not null from task_series where id = '{first['series_id']}'"
        return psql(secrets, "tasks-db-url", sql) == [["t"]]

    await wait_until(is_ended, WAIT_SECONDS, "series marked ended")
    assert len(await series(user, first["series_id"])) == 2


async def test_a_reminder_sent_is_not_sent_again_for_what_the_undo_of_a_delete_brings_back(
    user: User, secrets: dict[str, str]
) -> None:
    """A repeating and a one-off task, each reminded, deleted and brought back as the web's
    and the assistant's undo do (the next instance moved back; the task made again): their
    reminder times have passed and went out, so the new task ids get no second notification."""
    now = datetime.now(UTC).replace(microsecond=0)
    fields = {"due_at": iso(now + timedelta(hours=1)), "remind_at": iso(now)}
    gym = await create(user, title="Gym", rrule="FREQ=DAILY;COUNT=3", **fields)
    call = await create(user, title="Call mom", **fields)

    async def reminded(*task_ids: str) -> set[str]:
        await wake_scan(secrets)
        return {n["task_id"] for n in await notifications(user)} & set(task_ids)

    await wait_until(lambda: _all(reminded(gym["id"], call["id"]), 2), 60, "both reminders")
    for task in (gym, call):
        assert (await user.client.delete(f"/api/tasks/{task['id']}")).status_code == 204
    made = (await wait_for_instances(user, gym["series_id"], 1))[0]
    r = await user.client.patch(
        f"/api/tasks/{made['id']}",
        json={k: gym[k] for k in ("title", "due_at", "remind_at")},
        headers={"If-Match": str(made["version"])},
    )
    assert r.status_code == 200 and r.json()["remind_at"] == gym["remind_at"], r.text
    again = await create(user, **{k: call[k] for k in ("title", "due_at", "remind_at")})
    assert await reminded(made["id"], again["id"]) == set()


async def _all(found: Awaitable[set[str]], count: int) -> bool:
    return len(await found) == count


async def test_a_poison_event_is_dead_lettered_at_once_not_retried(
    user: User, secrets: dict[str, str], pubsub_kind: str
) -> None:
    event_id = str(uuid.uuid4())
    data = {
        "event_id": event_id,
        "event_type": "task.completed",
        "user_id": user.id,
        "task_id": str(uuid.uuid4()),
        "timestamp": iso(datetime.now(UTC)),
        "schema_version": "v9",
        "payload": {"task": {"title": "from the future"}, "changes": {}},
    }
    dead_before = await metric("audit-service", "dead_letters_total", topic="task-events-dlq")
    invalid_before = await metric(
        "recurring-service", "events_consumed_total", type="task.completed", outcome="invalid"
    )
    async with sidecar("task-service", secrets) as c:
        r = await c.post(
            "/v1.0/publish/pubsub/task-events",
            params={"metadata.cloudevent.id": event_id, "metadata.cloudevent.type": "task.completed"},
            json=data,
        )
        assert r.status_code == 204, r.text

    async def refused() -> bool:
        invalid = await metric(
            "recurring-service", "events_consumed_total", type="task.completed", outcome="invalid"
        )
        return invalid >= invalid_before + 1

    await wait_until(refused, 30, "recurring-service refused the event")

    if pubsub_kind == "kafka":
        # On the topic itself, whoever consumes it.
        async def on_the_dlq() -> bool:
            return event_id in await kafka_topic("task-events-dlq")

        await wait_until(on_the_dlq, 30, "the event reached task-events-dlq")

    async def counted() -> bool:
        # recurring-service and audit-service (which refuses it too) each publish it to
        # task-events-dlq with the reason; audit-service stores and counts what arrives there.
        return await metric("audit-service", "dead_letters_total", topic="task-events-dlq") >= dead_before + 2

    await wait_until(counted, 30, "audit-service counted the dead letters (dead_letters_total)")
    rows = psql(
        secrets, "audit-db-url", f"select consumer, reason from dead_letters where event_id = '{event_id}'"
    )
    assert sorted(r[0] for r in rows) == ["audit-service", "recurring-service"]
    await asyncio.sleep(2)  # poison is not retried: one delivery, one refusal
    invalid = await metric(
        "recurring-service", "events_consumed_total", type="task.completed", outcome="invalid"
    )
    assert invalid == invalid_before + 1


async def kafka_topic(topic: str) -> str:
    """Every message on a Kafka topic, one a line (Kafka's console consumer)."""
    proc = await asyncio.create_subprocess_exec(
        str(ROOT / "scripts" / "kafka.sh"),
        "run-class",
        "org.apache.kafka.tools.consumer.ConsoleConsumer",
        "--bootstrap-server",
        "127.0.0.1:9092",
        "--topic",
        topic,
        "--from-beginning",
        "--timeout-ms",
        "3000",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    out, _ = await proc.communicate()
    return out.decode(errors="replace")


async def test_the_rule_preview_for_the_ui(user: User, secrets: dict[str, str]) -> None:
    # As the frontend calls it (its sidecar, the user's JWT); config/recurring-service.yaml
    # lets only the frontend in.
    async with sidecar("frontend", secrets) as c:
        r = await c.get(
            "/v1.0/invoke/recurring-service/method/api/recurrence/preview",
            params={"rrule": "FREQ=WEEKLY;BYDAY=MO,WE,FR", "dtstart": "2030-01-07T09:00:00Z"},
            headers={"authorization": f"Bearer {user.token}"},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["description"] == "every Monday, Wednesday and Friday at 09:00"
        assert body["occurrences"][:3] == [
            "2030-01-07T09:00:00Z",
            "2030-01-09T09:00:00Z",
            "2030-01-11T09:00:00Z",
        ]

        r = await c.get(
            "/v1.0/invoke/recurring-service/method/api/recurrence/preview",
            params={"rrule": "FREQ=FORTNIGHTLY"},
            headers={"authorization": f"Bearer {user.token}"},
        )
        assert r.status_code == 422 and r.json()["error"]["fields"]["rrule"]

        r = await c.get(
            "/v1.0/invoke/recurring-service/method/api/recurrence/preview", params={"rrule": "daily"}
        )
        assert r.status_code == 401

    async with sidecar("chat-service", secrets) as c:
        r = await c.get(
            "/v1.0/invoke/recurring-service/method/api/recurrence/preview",
            params={"rrule": "daily"},
            headers={"authorization": f"Bearer {user.token}"},
        )
        assert r.status_code == 403
