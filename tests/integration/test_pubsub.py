"""Pub/sub through the `pubsub` component, whichever broker it names: the same scenario
runs over Kafka and (PUBSUB=redis) over Redis Streams; only the component YAML differs."""

import asyncio
import time
import uuid
from datetime import UTC, datetime

from tests.integration.conftest import metric, psql, sidecar


def _event(user_id: str) -> dict[str, object]:
    return {
        "event_id": str(uuid.uuid4()),
        "event_type": "task.created",
        "user_id": user_id,
        "task_id": str(uuid.uuid4()),
        "timestamp": datetime.now(UTC).isoformat(),
        "schema_version": "v1",
        "payload": {"task": {"title": "pubsub probe"}, "changes": {}},
    }


async def test_the_component_in_use_is_the_one_asked_for(secrets: dict[str, str], pubsub_kind: str) -> None:
    async with sidecar("task-service", secrets) as c:
        components = (await c.get("/v1.0/metadata")).json()["components"]
    types = {comp["name"]: comp["type"] for comp in components}
    assert types["pubsub"] == f"pubsub.{pubsub_kind}"


async def test_every_subscriber_group_gets_each_event_and_applies_it_once(secrets: dict[str, str]) -> None:
    user_id = f"pubsub-{uuid.uuid4().hex}"
    events = [_event(user_id) for _ in range(3)]
    recurring_before = await metric("recurring-service", "events_consumed_total", topic="task-events")
    async with sidecar("task-service", secrets) as c:
        for event in [*events, events[0]]:  # the first one twice: a redelivery
            r = await c.post(
                "/v1.0/publish/pubsub/task-events",
                params={
                    "metadata.cloudevent.id": event["event_id"],
                    "metadata.partitionKey": event["task_id"],
                },
                json=event,
            )
            assert r.status_code == 204, r.text

    # audit-service: its own consumer group; stores each event exactly once.
    deadline = time.monotonic() + 30
    while True:
        rows = psql(secrets, "audit-db-url", f"select event_id from activity where user_id = '{user_id}'")
        if len(rows) >= 3:
            break
        assert time.monotonic() < deadline, f"audit stored {len(rows)} of 3 events in 30 s"
        await asyncio.sleep(0.5)
    await asyncio.sleep(2)  # let the duplicate arrive too
    rows = psql(secrets, "audit-db-url", f"select event_id from activity where user_id = '{user_id}'")
    assert sorted(r[0] for r in rows) == sorted(str(e["event_id"]) for e in events)

    # recurring-service: another consumer group, it got all four messages as well.
    deadline = time.monotonic() + 30
    while (
        await metric("recurring-service", "events_consumed_total", topic="task-events") < recurring_before + 4
    ):
        assert time.monotonic() < deadline, "recurring-service did not receive the events"
        await asyncio.sleep(0.5)


async def test_the_dapr_publish_api_is_refused_to_apps_outside_the_component_scope(
    secrets: dict[str, str],
) -> None:
    async with sidecar("chat-service", secrets) as c:
        r = await c.post("/v1.0/publish/pubsub/task-events", json={"x": 1})
    assert r.status_code in (400, 404)
