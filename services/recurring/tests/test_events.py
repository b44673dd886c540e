"""The subscriber routes and the scheduling use case, in process (httpx.ASGITransport)
with task-service and the inbox replaced by fakes; the adapters against fake sidecars."""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from prometheus_client import REGISTRY
from recurring_service.adapters.task_service import (
    Occurrence,
    Reopened,
    TaskService,
    TaskServiceRefused,
    TaskServiceUnavailable,
)
from recurring_service.app import app as recurring_app
from recurring_service.scheduling import Scheduler
from todo_common.deadletter import DEAD_LETTER_TYPE, DeadLetters
from todo_common.inbox import Inbox

if TYPE_CHECKING:
    from conftest import Deliver

DUE = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


class FakeTaskService:
    """task-service's next-occurrence semantics: one instance per (series, occurrence_key)."""

    def __init__(self) -> None:
        self.instances: dict[tuple[str, str], dict[str, Any]] = {}
        self.calls: list[dict[str, Any]] = []
        self.ended: list[str] = []
        self.series_over = False
        self.failure: Exception | None = None
        self.fail_for: set[str] = set()  # completed task ids whose call fails (unavailable)
        self.reopened: set[str] = set()  # completed task ids reopened since (204)

    async def create_next_occurrence(
        self, user_id: str, completed_task_id: str, occurrence_key: str, task: dict[str, Any]
    ) -> Occurrence | Reopened | None:
        self.calls.append(
            {"user_id": user_id, "completed_task_id": completed_task_id, "key": occurrence_key, **task}
        )
        if self.failure is not None:
            raise self.failure
        if completed_task_id in self.fail_for:
            raise TaskServiceUnavailable("connection refused")
        key = ("series", occurrence_key)
        if key in self.instances:
            return Occurrence(task=self.instances[key], created=False)
        if completed_task_id in self.reopened:
            return Reopened()
        if self.series_over:
            return None
        self.instances[key] = {"id": str(uuid.uuid4()), **task}
        return Occurrence(task=self.instances[key], created=True)

    async def end_series(self, user_id: str, series_id: str) -> bool:
        self.ended.append(series_id)
        return True


class FakeProcessed:
    def __init__(self) -> None:
        self.done: set[str] = set()
        self.forget_marks = False  # a crash between the work and the mark

    async def seen(self, event_id: str) -> bool:
        return event_id in self.done

    async def mark(self, event_id: str) -> None:
        if not self.forget_marks:
            self.done.add(event_id)


class FakePublisher:
    """The sidecar's publish API, as DeadLetters uses it."""

    def __init__(self) -> None:
        self.published: list[dict[str, Any]] = []
        self.failure: Exception | None = None

    async def publish(
        self, topic: str, data: dict[str, Any], *, event_id: str, event_type: str, partition_key: str
    ) -> None:
        if self.failure is not None:
            raise self.failure
        self.published.append(
            {"topic": topic, "data": data, "id": event_id, "type": event_type, "key": partition_key}
        )


@pytest.fixture
def dlq() -> FakePublisher:
    return FakePublisher()


@pytest.fixture
def tasks() -> FakeTaskService:
    return FakeTaskService()


@pytest.fixture
def processed() -> FakeProcessed:
    return FakeProcessed()


@pytest.fixture
def app(tasks: FakeTaskService, processed: FakeProcessed, dlq: FakePublisher) -> Iterator[FastAPI]:
    # ASGITransport does not run the lifespan (it needs a sidecar): state is set here.
    recurring_app.state.scheduler = Scheduler(tasks=tasks, processed=processed)  # type: ignore[arg-type]
    recurring_app.state.dead_letters = DeadLetters(dlq, "recurring-service")  # type: ignore[arg-type]
    yield recurring_app


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    headers = {"dapr-api-token": os.environ["APP_API_TOKEN"]}
    async with AsyncClient(
        transport=ASGITransport(app=app), base_url="http://recurring", headers=headers
    ) as c:
        yield c


def snapshot(**fields: Any) -> dict[str, Any]:
    task = {
        "id": str(uuid.uuid4()),
        "title": "Stand-up",
        "description": "10 minutes",
        "completed": True,
        "completed_at": iso(DUE + timedelta(minutes=3)),
        "priority": "HIGH",
        "tags": ["Work"],
        "due_at": iso(DUE),
        "remind_at": iso(DUE - timedelta(minutes=15)),
        "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "repeat_from": "due",
        "is_recurring": True,
        "series_id": str(uuid.uuid4()),
        "parent_task_id": None,
        "next_occurrence": iso(DUE + timedelta(days=1)),
        "version": 2,
        "created_at": iso(DUE - timedelta(days=1)),
        "updated_at": iso(DUE),
    }
    task.update(fields)
    return task


def envelope(task: dict[str, Any], event_type: str = "task.completed", **data: Any) -> dict[str, Any]:
    event = {
        "event_id": str(uuid.uuid4()),
        "event_type": event_type,
        "user_id": "user-1",
        "task_id": task["id"],
        "timestamp": iso(datetime.now(UTC)),
        "schema_version": "v1",
        "payload": {"task": task, "changes": {}},
    }
    event.update(data)
    return {
        "id": event["event_id"],
        "type": event_type,
        "source": "task-service",
        "topic": "task-events",
        "pubsubname": "pubsub",
        "specversion": "1.0",
        "datacontenttype": "application/json",
        "data": event,
    }


def consumed(outcome: str, event_type: str = "task.completed") -> float:
    labels = {"topic": "task-events", "type": event_type, "outcome": outcome}
    return REGISTRY.get_sample_value("events_consumed_total", labels) or 0.0


async def test_a_completed_instance_makes_the_next_one(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    task = snapshot()
    created_before = REGISTRY.get_sample_value("next_instances_created_total", {"cause": "completed"}) or 0.0
    latency_before = REGISTRY.get_sample_value("completion_to_next_seconds_count") or 0.0
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    [call] = tasks.calls
    assert call == {
        "user_id": "user-1",
        "completed_task_id": task["id"],
        "key": task["id"],
        "title": "Stand-up",
        "description": "10 minutes",
        "priority": "HIGH",
        "tags": ["Work"],
        "due_at": "2030-01-08T09:00:00Z",
        "remind_at": "2030-01-08T08:45:00Z",  # the same 15 minutes before
        "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "repeat_from": "due",
        "timezone": None,
    }
    assert (
        REGISTRY.get_sample_value("next_instances_created_total", {"cause": "completed"})
        == created_before + 1
    )
    assert REGISTRY.get_sample_value("completion_to_next_seconds_count") == latency_before + 1


async def test_the_next_instance_keeps_its_wall_clock_time_in_the_tasks_zone(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    # Yoga every Monday at 09:00 in London: 22 March 2027 is GMT, the 29th BST.
    monday = datetime(2027, 3, 22, 9, tzinfo=UTC)
    task = snapshot(
        rrule="FREQ=WEEKLY;BYDAY=MO",
        timezone="Europe/London",
        due_at=iso(monday),
        remind_at=iso(monday - timedelta(minutes=30)),
        completed_at=iso(monday + timedelta(hours=1)),
    )
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    [call] = tasks.calls
    assert call["due_at"] == "2027-03-29T08:00:00Z"  # 09:00 BST
    assert call["remind_at"] == "2027-03-29T07:30:00Z"
    assert call["timezone"] == "Europe/London"  # the next instance repeats in it too


async def test_a_reminder_at_a_clock_time_stays_at_that_time_in_the_tasks_zone(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    # Sundays 09:00 in London, reminded on Saturday at 18:00; summer time starts early on
    # Sunday 28 March 2027, so the next Saturday is still GMT and its Sunday BST.
    sunday = datetime(2027, 3, 21, 9, tzinfo=UTC)
    task = snapshot(
        rrule="FREQ=WEEKLY;BYDAY=SU",
        timezone="Europe/London",
        due_at=iso(sunday),
        remind_at=iso(sunday - timedelta(hours=15)),
        completed_at=iso(sunday),
    )
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    [call] = tasks.calls
    assert call["due_at"] == "2027-03-28T08:00:00Z"  # 09:00 BST
    assert call["remind_at"] == "2027-03-27T18:00:00Z"  # 18:00 GMT, not 17:00


async def test_an_overdue_instance_is_next_due_after_its_completion(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    completed = datetime.now(UTC).replace(microsecond=0)
    task = snapshot(
        rrule="FREQ=DAILY", due_at=iso(completed - timedelta(days=10, hours=1)), completed_at=iso(completed)
    )
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    assert tasks.calls[0]["due_at"] == iso(completed + timedelta(days=1) - timedelta(hours=1))


async def test_repeat_from_completion(client: AsyncClient, tasks: FakeTaskService, deliver: Deliver) -> None:
    done = DUE + timedelta(days=2, hours=5, minutes=7)
    task = snapshot(rrule="FREQ=WEEKLY", repeat_from="completion", completed_at=iso(done), remind_at=None)
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    call = tasks.calls[0]
    assert (call["due_at"], call["remind_at"], call["repeat_from"]) == (
        iso(done + timedelta(weeks=1)),
        None,
        "completion",
    )


async def test_redelivery_makes_one_instance_and_skips_task_service(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    message = envelope(snapshot())
    duplicates = consumed("duplicate")
    for _ in range(5):
        assert await deliver(client, "/events/task-completed", message) == ["SUCCESS"]
    assert len(tasks.instances) == 1 and len(tasks.calls) == 1
    assert consumed("duplicate") == duplicates + 4


async def test_a_crash_between_created_and_marked_makes_no_duplicate(
    client: AsyncClient, tasks: FakeTaskService, processed: FakeProcessed, deliver: Deliver
) -> None:
    message = envelope(snapshot())
    processed.forget_marks = True
    existed = consumed("existed")
    for _ in range(3):
        assert await deliver(client, "/events/task-completed", message) == ["SUCCESS"]
    assert len(tasks.calls) == 3 and len(tasks.instances) == 1
    assert consumed("existed") == existed + 2


async def test_complete_reopen_complete_makes_one_instance(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    task = snapshot()
    # Two task.completed events (two event ids) for the same instance.
    for _ in range(2):
        assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    assert len(tasks.calls) == 2 and len(tasks.instances) == 1


async def test_an_instance_reopened_before_its_event_makes_nothing_and_keeps_the_series(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    task = snapshot()
    tasks.reopened.add(task["id"])  # undone before this task.completed was handled (204)
    before = consumed("nothing_to_do")
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    assert len(tasks.calls) == 1 and tasks.instances == {} and tasks.ended == []
    assert consumed("nothing_to_do") == before + 1


async def test_a_task_that_does_not_repeat_is_acknowledged(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    task = snapshot(rrule=None, series_id=None, is_recurring=False)
    before = consumed("not_recurring")
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    assert tasks.calls == [] and consumed("not_recurring") == before + 1


async def test_a_series_past_until_is_ended(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    task = snapshot(rrule="FREQ=DAILY;UNTIL=20300107T235959Z")
    ended = REGISTRY.get_sample_value("series_ended_total", {"reason": "exhausted"}) or 0.0
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    assert tasks.calls == [] and tasks.ended == [task["series_id"]]
    assert REGISTRY.get_sample_value("series_ended_total", {"reason": "exhausted"}) == ended + 1


async def test_a_series_task_service_refuses_to_continue_is_ended(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    tasks.series_over = True  # COUNT used up: 409
    task = snapshot(rrule="FREQ=DAILY;COUNT=2")
    assert await deliver(client, "/events/task-completed", envelope(task)) == ["SUCCESS"]
    assert len(tasks.calls) == 1 and tasks.ended == [task["series_id"]] and tasks.instances == {}


def assert_dead_lettered(dlq: FakePublisher, message: Any, reason: str, kind: str = "invalid") -> None:
    [record] = dlq.published
    assert (record["topic"], record["type"]) == ("task-events-dlq", DEAD_LETTER_TYPE)
    data = record["data"]
    assert data["consumer"] == "recurring-service" and data["topic"] == "task-events"
    assert reason in data["reason"] and data["kind"] == kind
    assert data["payload"] == message  # the raw payload, as received
    if isinstance(message, dict) and isinstance(message.get("id"), str):
        assert record["id"] == f"recurring-service:{message['id']}"


@pytest.mark.parametrize(
    "change",
    [
        {"schema_version": "v9"},
        {"event_id": "not-a-uuid"},
        {"user_id": ""},
        {"payload": {"task": {"id": "x"}}},  # not a task
        {"payload": {"task": snapshot(rrule="FREQ=SOMETIMES")}},
        {"unknown_field": 1},
    ],
)
async def test_a_poison_event_is_dead_lettered_and_acknowledged(
    client: AsyncClient, tasks: FakeTaskService, dlq: FakePublisher, change: dict[str, Any], deliver: Deliver
) -> None:
    message = envelope(snapshot())
    message["data"].update(change)
    if "payload" in change:
        message["data"]["task_id"] = change["payload"]["task"]["id"]
    before = consumed("invalid")
    assert await deliver(client, "/events/task-completed", message) == ["SUCCESS"]
    assert consumed("invalid") == before + 1
    assert tasks.calls == []
    [record] = dlq.published
    assert record["data"]["reason"] and record["data"]["event_id"] == message["id"]


async def test_data_that_is_no_event_at_all_is_dead_lettered(
    client: AsyncClient, dlq: FakePublisher, deliver: Deliver
) -> None:
    for data in ("a string", None, [1, 2]):
        message = {**envelope(snapshot()), "data": data}
        assert await deliver(client, "/events/task-completed", message) == ["SUCCESS"]
        assert_dead_lettered(dlq, message, "not a v1 task event")
        dlq.published.clear()


@pytest.mark.parametrize("body", [b"not json at all", b'{"no": "cloudevent"}', b"[1, 2]"])
async def test_a_body_that_is_no_cloudevent_is_dead_lettered_raw(
    client: AsyncClient, dlq: FakePublisher, body: bytes, deliver: Deliver
) -> None:
    try:  # the sidecar hands over a JSON body as JSON, anything else as a string
        event: Any = json.loads(body)
    except ValueError:
        event = body.decode()
    assert await deliver(client, "/events/task-completed", event) == ["SUCCESS"]
    [record] = dlq.published
    assert record["data"]["kind"] == "undecodable" and "not a CloudEvent" in record["data"]["reason"]
    assert record["data"]["payload"] in (body.decode(), {"no": "cloudevent"}, [1, 2])


async def test_task_service_unavailable_is_retried_not_dead_lettered(
    client: AsyncClient,
    tasks: FakeTaskService,
    processed: FakeProcessed,
    dlq: FakePublisher,
    deliver: Deliver,
) -> None:
    tasks.failure = TaskServiceUnavailable("connection refused")
    message = envelope(snapshot())
    before = consumed("retry")
    for _ in range(3):  # however long it lasts: every delivery is answered "retry"
        assert await deliver(client, "/events/task-completed", message) == ["RETRY"]
    assert processed.done == set()  # not marked: the retry does the work
    assert dlq.published == [] and consumed("retry") == before + 3
    tasks.failure = None
    assert await deliver(client, "/events/task-completed", message) == ["SUCCESS"]
    assert len(tasks.instances) == 1


async def test_a_request_task_service_refuses_for_good_is_poison(
    client: AsyncClient, tasks: FakeTaskService, dlq: FakePublisher, deliver: Deliver
) -> None:
    tasks.failure = TaskServiceRefused(404, "Completed task not found.")
    message = envelope(snapshot())
    assert await deliver(client, "/events/task-completed", message) == ["SUCCESS"]
    assert_dead_lettered(dlq, message, "task-service answered 404", kind="refused")


async def test_poison_is_redelivered_when_the_dead_letter_topic_is_down(
    client: AsyncClient, dlq: FakePublisher, deliver: Deliver
) -> None:
    dlq.failure = RuntimeError("pubsub unavailable")
    message = {**envelope(snapshot()), "data": None}
    assert await deliver(client, "/events/task-completed", message) == [
        "RETRY"
    ]  # kept: Dapr delivers it again
    dlq.failure = None
    assert await deliver(client, "/events/task-completed", message) == ["SUCCESS"]
    assert len(dlq.published) == 1


async def test_deleting_an_open_instance_leaves_the_series_going(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    task = snapshot(completed=False, completed_at=None)
    message = envelope(task, "task.deleted")
    message["data"]["payload"]["series_ended"] = False
    created = REGISTRY.get_sample_value("next_instances_created_total", {"cause": "deleted"}) or 0.0
    assert await deliver(client, "/events/task-other", message) == ["SUCCESS"]
    [call] = tasks.calls
    assert (call["key"], call["due_at"]) == (task["id"], "2030-01-08T09:00:00Z")
    assert REGISTRY.get_sample_value("next_instances_created_total", {"cause": "deleted"}) == created + 1


async def test_deleting_with_series_or_a_completed_instance_makes_nothing(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    open_task = snapshot(completed=False, completed_at=None)
    ended = envelope(open_task, "task.deleted")
    ended["data"]["payload"]["series_ended"] = True
    assert await deliver(client, "/events/task-other", ended) == ["SUCCESS"]
    done = envelope(snapshot(), "task.deleted")
    done["data"]["payload"]["series_ended"] = False
    assert await deliver(client, "/events/task-other", done) == ["SUCCESS"]
    # An open instance task-service withdrew because the one before it was reopened.
    withdrawn = envelope(snapshot(completed=False, completed_at=None), "task.deleted")
    withdrawn["data"]["payload"] |= {"series_ended": False, "withdrawn": True}
    assert await deliver(client, "/events/task-other", withdrawn) == ["SUCCESS"]
    assert tasks.calls == []


async def test_other_events_are_acknowledged_unread(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    message = envelope(snapshot(), "task.updated", schema_version="v9")
    assert await deliver(client, "/events/task-other", message) == ["SUCCESS"]
    assert tasks.calls == []


async def test_a_bulk_delivery_stops_at_the_first_retry_and_keeps_order(
    client: AsyncClient, tasks: FakeTaskService, deliver: Deliver
) -> None:
    """One partition's messages in one request: handled in order; from the first one that
    must be retried on, none is handled, so nothing overtakes it when Dapr redelivers."""
    first, second, third = (envelope(snapshot()) for _ in range(3))
    tasks.fail_for = {second["data"]["task_id"]}
    statuses = await deliver(client, "/events/task-completed", first, second, third)
    assert statuses == ["SUCCESS", "RETRY", "RETRY"]
    assert [c["completed_task_id"] for c in tasks.calls] == [
        first["data"]["task_id"],
        second["data"]["task_id"],
    ]
    tasks.fail_for = set()
    assert await deliver(client, "/events/task-completed", second, third) == ["SUCCESS", "SUCCESS"]
    assert len(tasks.instances) == 3


async def test_a_request_that_is_no_bulk_delivery_is_refused(client: AsyncClient) -> None:
    r = await client.post("/events/task-completed", json=envelope(snapshot()))
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"


async def test_only_the_sidecar_may_deliver(app: FastAPI) -> None:
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://recurring") as c:
        r = await c.post("/events/task-completed", json=envelope(snapshot()))
    assert r.status_code == 401


# -- adapters ----------------------------------------------------------------------------------
class FakeSidecar:
    """Dapr's invoke and state calls, answering what each test sets."""

    def __init__(self, responses: list[httpx.Response | Exception] | None = None) -> None:
        self.responses = list(responses or [])
        self.requests: list[tuple[str, str, Any]] = []
        self.state: dict[str, Any] = {}
        self.state_delay = 0.0
        self.state_error: Exception | None = None

    async def invoke(
        self, app_id: str, path: str, *, method: str = "GET", json_body: Any = None
    ) -> httpx.Response:
        self.requests.append((method, path, json_body))
        answer = self.responses.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def get_state(self, key: str) -> tuple[Any, str | None]:
        await asyncio.sleep(self.state_delay)
        if self.state_error:
            raise self.state_error
        return self.state.get(key), None

    async def save_state(self, key: str, value: Any, **kwargs: Any) -> None:
        if self.state_error:
            raise self.state_error
        self.state[key] = value


def answer(status: int, body: Any = None) -> httpx.Response:
    return httpx.Response(status, json=body if body is not None else {"id": "t2"})


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (answer(201), Occurrence(task={"id": "t2"}, created=True)),
        (answer(200), Occurrence(task={"id": "t2"}, created=False)),
        (answer(409, {"error": {"code": "conflict"}}), None),
        (httpx.Response(204), Reopened()),
    ],
)
async def test_task_service_answers(response: httpx.Response, expected: Occurrence | Reopened | None) -> None:
    sidecar = FakeSidecar([response])
    made = await TaskService(sidecar).create_next_occurrence("u", "t1", "t1", {"title": "x"})  # type: ignore[arg-type]
    assert made == expected
    method, path, body = sidecar.requests[0]
    assert (method, path) == ("POST", "internal/tasks/next-occurrence")
    assert body == {"user_id": "u", "completed_task_id": "t1", "occurrence_key": "t1", "task": {"title": "x"}}


@pytest.mark.parametrize(
    ("response", "error"),
    [
        (answer(500), TaskServiceUnavailable),
        (answer(503), TaskServiceUnavailable),
        (answer(403), TaskServiceUnavailable),  # access control: fixable while the event waits
        (httpx.ConnectError("refused"), TaskServiceUnavailable),
        (httpx.ReadTimeout("slow"), TaskServiceUnavailable),
        (answer(404), TaskServiceRefused),
        (answer(422), TaskServiceRefused),
    ],
)
async def test_task_service_failures(response: httpx.Response | Exception, error: type[Exception]) -> None:
    with pytest.raises(error):
        await TaskService(FakeSidecar([response])).create_next_occurrence("u", "t1", "t1", {})  # type: ignore[arg-type]


async def test_end_series() -> None:
    sidecar = FakeSidecar([answer(200), answer(404)])
    service = TaskService(sidecar)  # type: ignore[arg-type]
    assert await service.end_series("u", "s1") is True
    assert await service.end_series("u", "s1") is False
    assert sidecar.requests[0] == ("POST", "internal/series/s1/end", {"user_id": "u"})


async def test_the_inbox_is_marked_after_the_work_and_read_before_it() -> None:
    sidecar = FakeSidecar()
    inbox = Inbox(sidecar, "recurring-service")  # type: ignore[arg-type]
    assert await inbox.seen("e1") is False
    await inbox.mark("e1")
    assert await inbox.seen("e1") is True
    [key] = sidecar.state
    assert "e1" in key and "||" not in key  # Dapr refuses "||" inside a key


async def test_a_slow_or_broken_state_store_only_costs_the_optimisation() -> None:
    sidecar = FakeSidecar()
    sidecar.state_delay = 5
    inbox = Inbox(sidecar, "recurring-service", timeout=0.05)  # type: ignore[arg-type]
    assert await inbox.seen("e1") is False  # within the timeout, as if unseen
    sidecar.state_delay, sidecar.state_error = 0, RuntimeError("state store down")
    assert await inbox.seen("e1") is False
    await inbox.mark("e1")  # logged, not raised
