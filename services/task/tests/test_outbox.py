"""The transactional outbox and its relay, on a real PostgreSQL (Dapr is faked: the relay's
publish function is injected)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from uuid import UUID

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from task_service import use_cases
from task_service.adapters.outbox import OUTBOX_BACKLOG, OutboxRelay
from task_service.adapters.repository import TaskRepository, UnitOfWork
from task_service.adapters.tables import outbox
from todo_common.dapr import OutgoingEvent
from todo_common.events import TASK_EVENTS, TaskEvent

if TYPE_CHECKING:
    from conftest import User

pytestmark = pytest.mark.integration


async def events_of(engine: AsyncEngine, user_id: str) -> list[dict[str, Any]]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            select(outbox.c.data).where(outbox.c.user_id == user_id).order_by(outbox.c.id)
        )
        return [r.data for r in rows]


async def test_every_change_writes_one_event_with_the_snapshot(alice: User, engine: AsyncEngine) -> None:
    task = await alice.create(title="Draft", tags=["work"])
    path = f"/api/tasks/{task['id']}"
    updated = (await alice.request("PATCH", path, json={"title": "Final", "priority": "HIGH"})).json()
    await alice.request("PATCH", path, json={"title": "Final"})  # no change: no event
    completed = (await alice.request("POST", path + "/complete")).json()
    await alice.request("POST", path + "/complete")  # already completed: no event
    reopened = (await alice.request("POST", path + "/reopen")).json()
    await alice.request("DELETE", path)

    events = await events_of(engine, alice.id)
    assert [e["event_type"] for e in events] == [
        "task.created",
        "task.updated",
        "task.completed",
        "task.reopened",
        "task.deleted",
    ]
    for event in events:
        TaskEvent.model_validate(event)  # schema v1
        assert event["task_id"] == task["id"] and event["user_id"] == alice.id
    assert events[0]["payload"]["task"] == task
    assert events[1]["payload"]["task"] == updated
    assert events[1]["payload"]["changes"] == {
        "title": {"old": "Draft", "new": "Final"},
        "priority": {"old": "MEDIUM", "new": "HIGH"},
    }
    assert events[2]["payload"]["task"] == completed
    assert events[2]["payload"]["changes"]["completed"] == {"old": False, "new": True}
    assert events[3]["payload"]["task"] == reopened
    # The deleted event carries the task as it was.
    assert events[4]["payload"]["task"] == reopened and events[4]["payload"]["series_ended"] is False


async def test_concurrent_edits_all_apply_and_their_events_follow_the_versions(
    alice: User, engine: AsyncEngine
) -> None:
    """Edits read the task and store it only if it is still at the version read: the ones
    that lose read it again. Every edit lands on top of the others, and the outbox holds
    one event per version, in version order."""
    task = await alice.create(title="Shared")
    uow = UnitOfWork(engine)
    fields = [{"description": "notes"}, {"priority": "HIGH"}, {"tags": ["home"]}, {"title": "Renamed"}]
    await asyncio.gather(*(use_cases.update_task(uow, alice.id, UUID(task["id"]), f) for f in fields))
    stored = await use_cases.get_task(uow, alice.id, UUID(task["id"]))
    assert (stored.description, stored.priority, stored.tags, stored.title, stored.version) == (
        "notes",
        "HIGH",
        ("home",),
        "Renamed",
        5,
    )
    versions = [e["payload"]["task"]["version"] for e in await events_of(engine, alice.id)]
    assert versions == [1, 2, 3, 4, 5]


async def test_an_edit_that_keeps_losing_takes_the_row_lock(
    alice: User, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = await alice.create(title="Contested")
    tries = 0

    async def always_lose(self: TaskRepository, *args: Any, **kwargs: Any) -> bool:
        nonlocal tries
        tries += 1
        return False  # as if another edit landed between this edit's read and its write

    monkeypatch.setattr(TaskRepository, "replace", always_lose)
    uow = UnitOfWork(engine)
    edited = await use_cases.update_task(uow, alice.id, UUID(task["id"]), {"priority": "LOW"})
    monkeypatch.undo()
    assert tries == use_cases.EDIT_ATTEMPTS
    stored = await use_cases.get_task(uow, alice.id, UUID(task["id"]))
    assert stored == edited and (stored.priority, stored.version) == ("LOW", 2)
    assert [e["event_type"] for e in await events_of(engine, alice.id)] == ["task.created", "task.updated"]


async def test_a_failing_change_writes_no_event(
    alice: User, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = await alice.create(title="Before")
    uow = UnitOfWork(engine)
    original = TaskRepository.add_event

    async def event_then_failure(self: TaskRepository, event: TaskEvent, topic: str = TASK_EVENTS) -> None:
        await original(self, event, topic)
        raise RuntimeError("the change fails after its event was staged")

    monkeypatch.setattr(TaskRepository, "add_event", event_then_failure)
    # An edit that makes the task recurring starts a series: a transaction.
    with pytest.raises(RuntimeError):
        await use_cases.update_task(uow, alice.id, UUID(task["id"]), {"title": "After", "rrule": "daily"})

    async def broken_outbox(self: TaskRepository, event: TaskEvent, topic: str = TASK_EVENTS) -> None:
        raise RuntimeError("the outbox insert fails")

    monkeypatch.setattr(TaskRepository, "add_event", broken_outbox)
    with pytest.raises(RuntimeError):
        await use_cases.update_task(uow, alice.id, UUID(task["id"]), {"title": "After", "rrule": "daily"})
    with pytest.raises(RuntimeError):
        await use_cases.create_task(
            uow, alice.id, {"title": "Never stored"}, use_cases.Idempotency("k1", "h1")
        )
    monkeypatch.undo()

    # A plain create and a plain edit are one statement each: when the database refuses
    # the outbox row (here an event id already taken), the change is not stored either.
    taken = UUID((await events_of(engine, alice.id))[0]["event_id"])
    real_event = use_cases.task_event

    def reused_id(*args: Any, **kwargs: Any) -> TaskEvent:
        return real_event(*args, **kwargs).model_copy(update={"event_id": taken})

    monkeypatch.setattr(use_cases, "task_event", reused_id)
    with pytest.raises(IntegrityError):
        await use_cases.create_task(uow, alice.id, {"title": "Never stored"})
    with pytest.raises(IntegrityError):
        await use_cases.update_task(uow, alice.id, UUID(task["id"]), {"title": "After"})
    monkeypatch.undo()

    assert [e["event_type"] for e in await events_of(engine, alice.id)] == ["task.created"]
    current = (await alice.request("GET", f"/api/tasks/{task['id']}")).json()
    assert current == task  # neither change happened without its event
    assert await alice.titles() == ["Before"]


# -- relay ----------------------------------------------------------------------------------
class FakeDapr:
    """Records bulk publish calls; fails the first `failures` calls like a sidecar that is
    down, and refuses the events in `refuse` like a broker failing their partition."""

    def __init__(self, failures: int = 0, delay: float = 0.0, refuse: Sequence[str] = ()) -> None:
        self.failures, self.delay, self.refuse = failures, delay, set(refuse)
        self.batches: list[list[str]] = []  # the task ids of each call
        self.published: list[dict[str, Any]] = []
        self.calls = 0
        self._changed = asyncio.Event()

    async def wait_for(self, count: int) -> None:
        while len(self.published) < count:
            self._changed.clear()
            await self._changed.wait()

    async def publish(self, topic: str, events: Sequence[OutgoingEvent]) -> set[str]:
        self.calls += 1
        self.batches.append([e.partition_key for e in events])
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failures > 0:
            self.failures -= 1
            raise ConnectionError("sidecar unavailable")
        refused = {e.event_id for e in events if e.event_id in self.refuse}
        for e in events:
            assert topic == TASK_EVENTS and e.data["event_id"] == e.event_id
            assert e.data["task_id"] == e.partition_key and e.data["event_type"] == e.event_type
            if e.event_id not in refused:
                self.published.append(e.data)
        self._changed.set()
        return refused

    def ids(self) -> list[str]:
        return [e["event_id"] for e in self.published]


async def unsent(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).where(outbox.c.sent_at.is_(None))) or 0)


def assert_per_task_order(published: list[dict[str, Any]], outbox_order: list[str]) -> None:
    """Each task's events went out in the order they were written."""
    position = {event_id: n for n, event_id in enumerate(outbox_order)}
    by_task: dict[str, list[int]] = {}
    for event in published:
        by_task.setdefault(event["task_id"], []).append(position[event["event_id"]])
    assert all(seq == sorted(seq) for seq in by_task.values()), by_task


async def outbox_ids(engine: AsyncEngine, user_id: str) -> list[str]:
    return [e["event_id"] for e in await events_of(engine, user_id)]


async def test_relay_publishes_in_order_once(alice: User, engine: AsyncEngine, clean_outbox: None) -> None:
    task = await alice.create(title="one")
    await alice.request("PATCH", f"/api/tasks/{task['id']}", json={"title": "two"})
    await alice.request("POST", f"/api/tasks/{task['id']}/complete")
    other = await alice.create(title="other")
    await alice.request("DELETE", f"/api/tasks/{other['id']}")

    dapr = FakeDapr()
    relay = OutboxRelay(engine, dapr.publish)
    rounds = [await relay.run_once() for _ in range(4)]
    # One bulk call a round, holding the oldest unsent event of each task: the first
    # task's three events take three rounds, the other's two go along.
    assert [r.published for r in rounds] == [2, 2, 1, 0]
    assert [r.full for r in rounds[:2]] == [True, True]  # more waiting: go again at once
    assert not any(r.failed for r in rounds)
    assert [len(b) for b in dapr.batches] == [2, 2, 1]
    assert all(len(set(b)) == len(b) for b in dapr.batches)  # never two of one task
    assert sorted(dapr.ids()) == sorted(await outbox_ids(engine, alice.id))
    assert_per_task_order(dapr.published, await outbox_ids(engine, alice.id))
    assert len(dapr.published) == 5 and await unsent(engine) == 0


async def test_relay_keeps_only_the_refused_events_of_a_partial_failure(
    alice: User, engine: AsyncEngine, clean_outbox: None
) -> None:
    """The broker refused one task's events (their partition): those stay unsent and go
    out next round; the others are marked sent and are not published twice."""
    first = await alice.create(title="first")
    await alice.create(title="second")
    await alice.request("PATCH", f"/api/tasks/{first['id']}", json={"title": "first, edited"})
    ids = await outbox_ids(engine, alice.id)
    refused = [ids[0], ids[2]]  # both events of the first task

    dapr = FakeDapr(refuse=refused)
    relay = OutboxRelay(engine, dapr.publish)
    result = await relay.run_once()
    assert result.failed and result.published == 1 and dapr.ids() == [ids[1]]
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                select(outbox.c.event_id, outbox.c.attempts, outbox.c.sent_at)
                .where(outbox.c.user_id == alice.id)
                .order_by(outbox.c.id)
            )
        ).all()
    # The first task's second event was not in that call at all (one event per task).
    assert [(r.attempts, r.sent_at is None) for r in rows] == [(1, True), (0, False), (0, True)]

    dapr.refuse.clear()
    assert [(await relay.run_once()).published for _ in range(3)] == [1, 1, 0]
    assert dapr.ids() == [ids[1], ids[0], ids[2]]  # the first task's two still in their order


async def test_relay_stops_at_a_failure_and_retries(
    alice: User, engine: AsyncEngine, clean_outbox: None
) -> None:
    first = await alice.create(title="first")
    await alice.create(title="second")
    await alice.request("PATCH", f"/api/tasks/{first['id']}", json={"title": "first, edited"})

    dapr = FakeDapr(failures=1)
    relay = OutboxRelay(engine, dapr.publish)
    result = await relay.run_once()
    # Nothing after the failed event goes out: a later event must not overtake it.
    assert result.failed and result.published == 0 and dapr.published == []
    async with engine.connect() as conn:
        row = (
            await conn.execute(select(outbox).where(outbox.c.user_id == alice.id).order_by(outbox.c.id))
        ).first()
    assert (
        row is not None
        and row.attempts == 1
        and "sidecar unavailable" in row.last_error
        and row.sent_at is None
    )

    assert [(await relay.run_once()).published for _ in range(3)] == [2, 1, 0]
    assert sorted(dapr.ids()) == sorted(await outbox_ids(engine, alice.id))
    assert_per_task_order(dapr.published, await outbox_ids(engine, alice.id))


async def test_running_relay_backs_off_then_delivers_and_wakes_on_commit(
    alice: User, engine: AsyncEngine, clean_outbox: None
) -> None:
    dapr = FakeDapr(failures=3)
    relay = OutboxRelay(engine, dapr.publish, poll_interval=30.0, max_backoff=0.2)
    uow = UnitOfWork(engine, on_commit=relay.wake)
    relay.start()
    try:
        await asyncio.sleep(0.1)  # the relay is now idle, waiting up to 30 s for a poke
        task, _ = await use_cases.create_task(uow, alice.id, {"title": "wake up"})
        await use_cases.complete_task(uow, alice.id, task.id)
        async with asyncio.timeout(5):
            await dapr.wait_for(2)
        assert dapr.failures == 0 and dapr.calls >= 4  # three failures, retried with backoff
        assert dapr.ids() == await outbox_ids(engine, alice.id)

        # Woken by the commit: far sooner than the 30 s poll.
        async with asyncio.timeout(2):
            await use_cases.reopen_task(uow, alice.id, task.id)
            await dapr.wait_for(3)
    finally:
        await relay.stop()
    assert OUTBOX_BACKLOG._value.get() == 0


async def test_two_relays_skip_locked_no_duplicates_and_per_task_order(
    alice: User, engine: AsyncEngine, clean_outbox: None
) -> None:
    user = alice
    uow = UnitOfWork(engine)
    ids = [(await use_cases.create_task(uow, user.id, {"title": f"t{i}"}))[0].id for i in range(30)]
    for round_ in range(3):  # interleave the tasks' events in the outbox
        for task_id in ids:
            await use_cases.update_task(uow, user.id, task_id, {"description": f"round {round_}"})
    expected = await outbox_ids(engine, user.id)
    assert len(expected) == 120

    dapr = FakeDapr(delay=0.002)
    # One slow relay and one fast one: without the per-task guard the fast one would
    # publish a later event of a task while the slow one still holds its earlier event.
    per_relay = [FakeDapr(delay=0.01), FakeDapr(delay=0.001)]

    def recorder(mine: FakeDapr) -> Any:
        async def publish(topic: str, events: Sequence[OutgoingEvent]) -> set[str]:
            await mine.publish(topic, events)
            dapr.published += [e.data for e in events]
            return set()

        return publish

    relays = [OutboxRelay(engine, recorder(mine), batch_size=20) for mine in per_relay]

    async def drain(relay: OutboxRelay) -> None:
        for _ in range(500):
            result = await relay.run_once()
            if result.published == 0:
                if await unsent(engine) == 0:
                    return
                await asyncio.sleep(0.005)

    await asyncio.gather(*(drain(r) for r in relays))
    assert all(mine.published for mine in per_relay)  # both relays really worked at once
    published = dapr.ids()
    assert sorted(published) == sorted(expected)  # every event exactly once
    order_in_outbox = {event_id: n for n, event_id in enumerate(expected)}
    by_task: dict[str, list[int]] = {}
    for event in dapr.published:
        by_task.setdefault(event["task_id"], []).append(order_in_outbox[event["event_id"]])
    assert all(seq == sorted(seq) for seq in by_task.values())  # no event overtook its task's earlier one
    assert all(len(seq) == 4 for seq in by_task.values())
