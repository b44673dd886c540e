"""The subscriber routes in process (httpx.ASGITransport): the database and the sidecar's
publish API replaced by fakes. Poison is dead-lettered and acknowledged; the database
down is answered 503 (retried), never dead-lettered."""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest
from audit_service import app as audit_module
from audit_service.app import app as audit_app
from audit_service.app import dead_letter_entry
from httpx import ASGITransport, AsyncClient
from prometheus_client import REGISTRY
from sqlalchemy.exc import DataError, OperationalError
from todo_common.deadletter import DEAD_LETTER_TYPE, DeadLetters, dead_letter_record
from todo_common.events import CloudEvent

if TYPE_CHECKING:
    from conftest import Deliver


class FakeDb:
    def __init__(self) -> None:
        self.events: dict[str, Any] = {}
        self.dead: dict[str, dict[str, Any]] = {}
        self.down = False
        self.refuses = False
        self.refused_users: set[str] = set()  # events of these users are refused
        self.batches: list[int] = []  # the size of each insert

    async def record_many(self, engine: Any, items: list[tuple[Any, str, str]]) -> set[Any]:
        """The real one's contract: all or nothing, the ids stored now."""
        self.batches.append(len(items))
        if self.refuses or any(event.user_id in self.refused_users for event, _, _ in items):
            raise DataError("INSERT", {}, ValueError("unsupported Unicode escape sequence"))
        if self.down:
            raise OperationalError("INSERT", {}, ConnectionRefusedError("connection refused"))
        fresh = {event.event_id for event, _, _ in items if str(event.event_id) not in self.events}
        for event, _, _ in items:
            self.events.setdefault(str(event.event_id), event)
        return fresh

    async def record(self, engine: Any, event: Any, topic: str, summary: str) -> bool:
        return event.event_id in await self.record_many(engine, [(event, topic, summary)])

    async def record_dead_letter(self, engine: Any, key: str, topic: str, fields: dict[str, Any]) -> bool:
        if self.down:
            raise OperationalError("INSERT", {}, ConnectionRefusedError("connection refused"))
        fresh = key not in self.dead
        self.dead.setdefault(key, {"topic": topic, **fields})
        return fresh


class FakePublisher:
    def __init__(self) -> None:
        self.published: list[tuple[str, dict[str, Any], str]] = []

    async def publish(
        self, topic: str, data: dict[str, Any], *, event_id: str, event_type: str, partition_key: str
    ) -> None:
        self.published.append((topic, data, event_id))


@pytest.fixture
def fake_db(monkeypatch: pytest.MonkeyPatch) -> FakeDb:
    fake = FakeDb()
    monkeypatch.setattr(audit_module.db, "record", fake.record)
    monkeypatch.setattr(audit_module.db, "record_many", fake.record_many)
    monkeypatch.setattr(audit_module.db, "record_dead_letter", fake.record_dead_letter)
    return fake


@pytest.fixture
def dlq() -> FakePublisher:
    return FakePublisher()


@pytest.fixture
async def client(fake_db: FakeDb, dlq: FakePublisher) -> AsyncIterator[AsyncClient]:
    audit_app.state.engine = None
    audit_app.state.dead_letters = DeadLetters(dlq, "audit-service")  # type: ignore[arg-type]
    headers = {"dapr-api-token": os.environ["APP_API_TOKEN"]}
    async with AsyncClient(
        transport=ASGITransport(app=audit_app), base_url="http://audit", headers=headers
    ) as c:
        yield c


def envelope(topic: str = "task-events", **data: Any) -> dict[str, Any]:
    event_id = str(uuid.uuid4())
    event = {
        "event_id": event_id,
        "event_type": "task.created",
        "user_id": "user-1",
        "task_id": "task-1",
        "timestamp": datetime.now(UTC).isoformat(),
        "schema_version": "v1",
        "payload": {"task": {"id": "task-1", "title": "Pay rent", "version": 1}, "changes": {}},
        **data,
    }
    return {"id": event_id, "type": event["event_type"], "topic": topic, "specversion": "1.0", "data": event}


async def test_an_event_is_stored_once(client: AsyncClient, fake_db: FakeDb, deliver: Deliver) -> None:
    message = envelope()
    for _ in range(2):
        assert await deliver(client, "/events/task", message) == ["SUCCESS"]
    assert list(fake_db.events) == [message["id"]]


async def test_a_bulk_delivery_is_stored_in_one_insert(
    client: AsyncClient, fake_db: FakeDb, deliver: Deliver
) -> None:
    messages = [envelope() for _ in range(5)]
    assert await deliver(client, "/events/task", *messages) == ["SUCCESS"] * 5
    assert fake_db.batches == [5] and list(fake_db.events) == [m["id"] for m in messages]
    # Redelivered with one new event: one insert, the four old ones are duplicates.
    again = [*messages[1:], envelope()]
    assert await deliver(client, "/events/task", *again) == ["SUCCESS"] * 5
    assert fake_db.batches == [5, 5] and len(fake_db.events) == 6


async def test_one_refused_event_does_not_hold_back_the_others(
    client: AsyncClient, fake_db: FakeDb, dlq: FakePublisher, deliver: Deliver
) -> None:
    """The insert of all of them fails; each is then stored on its own, and only the one
    the database refuses is dead-lettered."""
    fake_db.refused_users = {"nul\u0000"}
    good, bad, also_good = envelope(), envelope(user_id="nul\u0000"), envelope()
    assert await deliver(client, "/events/task", good, bad, also_good) == ["SUCCESS"] * 3
    assert fake_db.batches == [3, 1, 1, 1]
    assert list(fake_db.events) == [good["id"], also_good["id"]]
    [(topic, record, _)] = dlq.published
    assert topic == "task-events-dlq" and record["event_id"] == bad["id"] and record["kind"] == "refused"


@pytest.mark.parametrize(
    "change", [{"schema_version": "v2"}, {"event_type": "task.exploded"}, {"user_id": ""}]
)
async def test_poison_is_dead_lettered_with_its_reason(
    client: AsyncClient, fake_db: FakeDb, dlq: FakePublisher, change: dict[str, Any], deliver: Deliver
) -> None:
    message = envelope("task-reminders", **change)
    assert await deliver(client, "/events/reminder", message, topic="task-reminders") == ["SUCCESS"]
    [(topic, record, record_id)] = dlq.published
    assert topic == "task-reminders-dlq" and record_id == f"audit-service:{message['id']}"
    assert record["consumer"] == "audit-service" and "not a v1 task event" in record["reason"]
    assert record["payload"] == message and fake_db.events == {}


async def test_the_database_down_is_retried_not_dead_lettered(
    client: AsyncClient, fake_db: FakeDb, dlq: FakePublisher, deliver: Deliver
) -> None:
    fake_db.down = True
    message = envelope()
    assert await deliver(client, "/events/task", message) == ["RETRY"]
    assert dlq.published == []
    fake_db.down = False
    assert await deliver(client, "/events/task", message) == ["SUCCESS"]
    assert list(fake_db.events) == [message["id"]]


async def test_an_event_the_database_refuses_for_good_is_poison(
    client: AsyncClient, fake_db: FakeDb, dlq: FakePublisher, deliver: Deliver
) -> None:
    fake_db.refuses = True
    assert await deliver(client, "/events/task", envelope(user_id="nul\u0000")) == ["SUCCESS"]
    [(topic, record, _)] = dlq.published
    assert topic == "task-events-dlq" and record["kind"] == "refused"
    assert "refuses it: ValueError" in record["reason"]


def raw_delivery(payload: bytes, topic: str = "task-events-dlq") -> dict[str, Any]:
    """What the sidecar delivers for a rawPayload subscription."""
    return {
        "id": str(uuid.uuid4()),
        "type": "com.dapr.event.sent",
        "topic": topic,
        "specversion": "1.0",
        "datacontenttype": "application/octet-stream",
        "data_base64": base64.b64encode(payload).decode(),
    }


async def test_a_consumer_dead_letter_is_stored_once_with_its_reason(
    client: AsyncClient, fake_db: FakeDb
) -> None:
    original = json.dumps(envelope(schema_version="v9")).encode()
    record = dead_letter_record(
        "recurring-service", "task-events", original, "not a v1 task event", "invalid"
    )
    published = {"id": f"recurring-service:{record['event_id']}", "type": DEAD_LETTER_TYPE, "data": record}
    before = REGISTRY.get_sample_value("dead_letters_total", {"topic": "task-events-dlq"}) or 0.0
    for _ in range(2):  # a redelivery
        r = await client.post("/events/dead-letter", json=raw_delivery(json.dumps(published).encode()))
        assert r.status_code == 200
    [(key, row)] = fake_db.dead.items()
    assert key == published["id"]
    assert (row["consumer"], row["reason"], row["event_id"]) == (
        "recurring-service",
        "not a v1 task event",
        record["event_id"],
    )
    assert REGISTRY.get_sample_value("dead_letters_total", {"topic": "task-events-dlq"}) == before + 1


async def test_a_dead_letter_with_nul_characters_is_stored(client: AsyncClient, fake_db: FakeDb) -> None:
    original = json.dumps(envelope(user_id="nul\u0000", title="\ud800")).encode()
    record = dead_letter_record("audit-service", "task-events", original, "refused", "refused")
    published = {"id": "audit-service:x", "type": DEAD_LETTER_TYPE, "data": record}
    r = await client.post("/events/dead-letter", json=raw_delivery(json.dumps(published).encode()))
    assert r.status_code == 200
    stored = json.dumps(fake_db.dead["audit-service:x"])
    assert "\\u0000" not in stored and "\\ud800" not in stored


def test_a_message_the_sidecar_moved_and_garbage_are_kept_too() -> None:
    original = envelope()
    key, fields = dead_letter_entry(CloudEvent.model_validate(raw_delivery(json.dumps(original).encode())))
    assert key == f"sidecar:{original['id']}" and fields["event_type"] == "task.created"
    key, fields = dead_letter_entry(CloudEvent.model_validate(raw_delivery(b"\xff\x00 not json")))
    assert key.startswith("sidecar:") and fields["reason"] == "undecodable"
