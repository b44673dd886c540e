"""The internal endpoints other services call through Dapr (no JWT: the app token and the
sidecar's access control guard them), and the schema's agreement with its migrations."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from task_service.adapters.tables import outbox

if TYPE_CHECKING:
    from conftest import User

pytestmark = pytest.mark.integration


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def next_body(user: User, completed: dict[str, Any], key: str, due: str, **task: Any) -> dict[str, Any]:
    fields = {k: completed[k] for k in ("title", "description", "priority", "tags", "rrule", "repeat_from")}
    return {
        "user_id": user.id,
        "completed_task_id": completed["id"],
        "occurrence_key": key,
        "task": {**fields, "due_at": due, **task},
    }


async def recurring_done(user: User, **fields: Any) -> dict[str, Any]:
    task = await user.create(title="Stand-up", rrule="weekdays", due_at="2030-01-07T09:00:00Z", **fields)
    r = await user.request("POST", f"/api/tasks/{task['id']}/complete")
    done: dict[str, Any] = r.json()
    return done


async def test_next_occurrence_is_created_once(client: AsyncClient, alice: User, engine: AsyncEngine) -> None:
    done = await recurring_done(alice, tags=["work"], priority="HIGH")
    body = next_body(alice, done, "2030-01-08T09:00:00Z", "2030-01-08T09:00:00Z")
    first = await client.post("/internal/tasks/next-occurrence", json=body)
    assert first.status_code == 201, first.text
    nxt = first.json()
    assert nxt["id"] != done["id"] and not nxt["completed"]
    assert nxt["series_id"] == done["series_id"] and nxt["parent_task_id"] == done["id"]
    assert (nxt["title"], nxt["tags"], nxt["priority"], nxt["rrule"]) == (
        "Stand-up",
        ["Work"],
        "HIGH",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    )
    assert nxt["due_at"] == "2030-01-08T09:00:00Z" and nxt["next_occurrence"] == "2030-01-09T09:00:00Z"

    again = await client.post("/internal/tasks/next-occurrence", json=body)
    assert again.status_code == 200 and again.json() == nxt

    # The next instance of the next instance still points at the series' first task.
    await alice.request("POST", f"/api/tasks/{nxt['id']}/complete")
    nxt_done = (await alice.request("GET", f"/api/tasks/{nxt['id']}")).json()
    third = await client.post(
        "/internal/tasks/next-occurrence",
        json=next_body(alice, nxt_done, "2030-01-09T09:00:00Z", "2030-01-09T09:00:00Z"),
    )
    assert third.status_code == 201 and third.json()["parent_task_id"] == done["id"]
    assert sorted(await alice.titles(status="all")) == ["Stand-up"] * 3

    async with engine.connect() as conn:
        created = await conn.scalar(
            select(func.count()).where(outbox.c.user_id == alice.id, outbox.c.event_type == "task.created")
        )
    assert created == 3  # the first task and two instances: the repeat emitted nothing


async def test_concurrent_next_occurrence_requests_make_one_instance(
    client: AsyncClient, alice: User
) -> None:
    done = await recurring_done(alice)
    body = next_body(alice, done, "occ-1", "2030-01-08T09:00:00Z")
    results = await asyncio.gather(
        *(client.post("/internal/tasks/next-occurrence", json=body) for _ in range(6))
    )
    assert sorted(r.status_code for r in results) == [200] * 5 + [201]
    assert len({r.json()["id"] for r in results}) == 1


async def test_ended_series_makes_no_further_instances(client: AsyncClient, alice: User) -> None:
    done = await recurring_done(alice)
    made = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(alice, done, "k1", "2030-01-08T09:00:00Z")
    )
    assert made.status_code == 201
    r = await alice.request("DELETE", f"/api/tasks/{made.json()['id']}?series=true")
    assert r.status_code == 204
    refused = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(alice, done, "k2", "2030-01-09T09:00:00Z")
    )
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "conflict"
    # A redelivery of the request that did succeed still gets its answer.
    repeat = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(alice, done, "k1", "2030-01-08T09:00:00Z")
    )
    assert repeat.status_code == 200


async def test_series_goes_on_from_a_deleted_instance(client: AsyncClient, alice: User) -> None:
    done = await recurring_done(alice)
    await alice.request("DELETE", f"/api/tasks/{done['id']}")  # not the series
    r = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(alice, done, "k", "2030-01-08T09:00:00Z")
    )
    assert r.status_code == 201


async def successor(client: AsyncClient, user: User, done: dict[str, Any]) -> Any:
    """What recurring-service asks for on task.completed: the next instance, keyed by the
    finished instance's id."""
    return await client.post(
        "/internal/tasks/next-occurrence", json=next_body(user, done, done["id"], "2030-01-08T09:00:00Z")
    )


async def test_reopening_withdraws_the_untouched_next_instance(
    client: AsyncClient, alice: User, engine: AsyncEngine
) -> None:
    done = await recurring_done(alice)
    made = await successor(client, alice, done)
    assert made.status_code == 201
    r = await alice.request("POST", f"/api/tasks/{done['id']}/reopen")  # the user's Undo
    assert r.status_code == 200 and not r.json()["completed"]
    assert [t["id"] for t in (await alice.page(status="all"))["items"]] == [done["id"]]
    assert (await alice.request("GET", f"/api/tasks/{made.json()['id']}")).status_code == 404
    async with engine.connect() as conn:
        deleted = (
            await conn.execute(
                select(outbox.c.task_id, outbox.c.data).where(
                    outbox.c.user_id == alice.id, outbox.c.event_type == "task.deleted"
                )
            )
        ).all()
    assert [(row.task_id, row.data["payload"]["withdrawn"]) for row in deleted] == [(made.json()["id"], True)]
    # Completing it again makes a next instance again: the withdrawn one gave up its key.
    await alice.request("POST", f"/api/tasks/{done['id']}/complete")
    again = await successor(client, alice, done)
    assert again.status_code == 201 and again.json()["id"] != made.json()["id"]
    assert sorted(t["completed"] for t in (await alice.page(status="all"))["items"]) == [False, True]


async def test_reopening_keeps_a_next_instance_the_user_touched(client: AsyncClient, alice: User) -> None:
    done = await recurring_done(alice)
    made = (await successor(client, alice, done)).json()
    r = await alice.request("PATCH", f"/api/tasks/{made['id']}", json={"title": "Stand-up (moved)"})
    assert r.status_code == 200
    await alice.request("POST", f"/api/tasks/{done['id']}/reopen")
    assert sorted(await alice.titles()) == ["Stand-up", "Stand-up (moved)"]


async def test_a_task_reopened_before_its_next_instance_was_made_gets_none(
    client: AsyncClient, alice: User
) -> None:
    done = await recurring_done(alice)
    await alice.request("POST", f"/api/tasks/{done['id']}/reopen")
    late = await successor(client, alice, done)
    assert late.status_code == 204 and late.content == b""
    assert await alice.titles(status="all") == ["Stand-up"]


async def test_reopen_racing_the_next_instance_leaves_one_open_instance(
    client: AsyncClient, alice: User
) -> None:
    for _ in range(8):
        done = await recurring_done(alice)
        reopen, made = await asyncio.gather(
            alice.request("POST", f"/api/tasks/{done['id']}/reopen"), successor(client, alice, done)
        )
        assert reopen.status_code == 200 and made.status_code in (201, 204)
        series = [
            t
            for t in (await alice.page(status="all", limit=100))["items"]
            if t["series_id"] == done["series_id"]
        ]
        assert [t["id"] for t in series] == [done["id"]], made.status_code


async def test_series_end_endpoint_and_count(client: AsyncClient, alice: User) -> None:
    done = await recurring_done(alice)
    r = await client.post(f"/internal/series/{done['series_id']}/end", json={"user_id": alice.id})
    assert r.status_code == 200 and r.json()["ended"] is True
    r = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(alice, done, "k", "2030-01-08T09:00:00Z")
    )
    assert r.status_code == 409
    r = await client.post(f"/internal/series/{done['series_id']}/end", json={"user_id": "someone-else"})
    assert r.status_code == 404

    task = await alice.create(title="Twice", rrule="FREQ=DAILY;COUNT=2", due_at="2030-01-07T09:00:00Z")
    assert task["next_occurrence"] == "2030-01-08T09:00:00Z"
    await alice.request("POST", f"/api/tasks/{task['id']}/complete")
    task = (await alice.request("GET", f"/api/tasks/{task['id']}")).json()
    second = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(alice, task, "2", "2030-01-08T09:00:00Z")
    )
    assert second.status_code == 201 and second.json()["next_occurrence"] is None  # the last of two
    await alice.request("POST", f"/api/tasks/{second.json()['id']}/complete")
    done2 = (await alice.request("GET", f"/api/tasks/{second.json()['id']}")).json()
    third = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(alice, done2, "3", "2030-01-09T09:00:00Z")
    )
    assert third.status_code == 409


async def test_next_occurrence_refusals(client: AsyncClient, alice: User, bob: User) -> None:
    done = await recurring_done(alice)
    # Another user's task does not exist for them.
    r = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(bob, done, "k", "2030-01-08T09:00:00Z")
    )
    assert r.status_code == 404
    plain = await alice.create(title="once")
    r = await client.post(
        "/internal/tasks/next-occurrence", json=next_body(alice, plain, "k", "2030-01-08T09:00:00Z")
    )
    assert r.status_code == 409
    bad = next_body(alice, done, "k", "2030-01-08T09:00:00")  # naive time
    r = await client.post("/internal/tasks/next-occurrence", json=bad)
    assert r.status_code == 422 and "task.due_at" in r.json()["error"]["fields"]
    r = await client.post("/internal/tasks/next-occurrence", json={"user_id": alice.id})
    assert r.status_code == 422


# -- reminders ------------------------------------------------------------------------------
async def due_ids(client: AsyncClient, user: User) -> list[str]:
    r = await client.get("/internal/reminders/due", params={"limit": 1000})
    assert r.status_code == 200
    return [item["task_id"] for item in r.json()["items"] if item["user_id"] == user.id]


async def test_due_reminders(client: AsyncClient, alice: User) -> None:
    past = datetime.now(UTC) - timedelta(minutes=5)
    due = await alice.create(title="due", remind_at=iso(past), due_at=iso(past + timedelta(hours=1)))
    await alice.create(title="future", remind_at=iso(datetime.now(UTC) + timedelta(hours=1)))
    done = await alice.create(title="done", remind_at=iso(past))
    await alice.request("POST", f"/api/tasks/{done['id']}/complete")
    gone = await alice.create(title="gone", remind_at=iso(past))
    await alice.request("DELETE", f"/api/tasks/{gone['id']}")
    await alice.create(title="none")
    london = await alice.create(
        title="in London", remind_at=iso(past + timedelta(seconds=30)), timezone="Europe/London"
    )

    assert await due_ids(client, alice) == [due["id"], london["id"]]
    items = (await client.get("/internal/reminders/due", params={"limit": 1000})).json()["items"]
    item = next(i for i in items if i["task_id"] == due["id"])
    assert item == {
        "task_id": due["id"],
        "user_id": alice.id,
        "title": "due",
        "due_at": due["due_at"],
        "remind_at": due["remind_at"],
        "timezone": None,
    }
    # The task's zone goes along, for the reminder's text.
    assert next(i for i in items if i["task_id"] == london["id"])["timezone"] == "Europe/London"
    assert (await client.get("/internal/reminders/due", params={"limit": 0})).status_code == 422


async def test_upcoming_reminder_times(client: AsyncClient, alice: User) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    soon, later = now + timedelta(seconds=20), now + timedelta(seconds=40)
    a = await alice.create(title="a", remind_at=iso(soon))
    b = await alice.create(title="b", remind_at=iso(soon))  # the same time: one wake
    await alice.create(title="c", remind_at=iso(later))
    await alice.create(title="far", remind_at=iso(now + timedelta(hours=2)))
    await alice.create(title="past", remind_at=iso(now - timedelta(minutes=1)))  # the scan's, not upcoming
    done = await alice.create(title="done", remind_at=iso(now + timedelta(seconds=30)))
    await alice.request("POST", f"/api/tasks/{done['id']}/complete")
    gone = await alice.create(title="gone", remind_at=iso(now + timedelta(seconds=35)))
    await alice.request("DELETE", f"/api/tasks/{gone['id']}")

    async def times(**params: Any) -> list[str]:
        r = await client.get("/internal/reminders/upcoming", params=params)
        assert r.status_code == 200
        mine = {iso(now + timedelta(seconds=s)) for s in (20, 30, 35, 40)}
        return [t for t in r.json()["times"] if t in mine]  # other tests' users share the table

    assert await times(within=60, limit=1000) == [iso(soon), iso(later)]
    assert await times(within=30, limit=1000) == [iso(soon)]
    # Sent: no longer upcoming.
    await client.post(f"/internal/reminders/{a['id']}/sent", json={"remind_at": iso(soon)})
    assert await times(within=60, limit=1000) == [iso(soon), iso(later)]  # 'b' is still to send
    await client.post(f"/internal/reminders/{b['id']}/sent", json={"remind_at": iso(soon)})
    assert await times(within=60, limit=1000) == [iso(later)]
    for bad in ({"within": 0}, {"within": 3601}, {"limit": 0}, {"within": "soon"}):
        r = await client.get("/internal/reminders/upcoming", params=bad)
        assert r.status_code == 422, bad


async def test_mark_reminder_sent(client: AsyncClient, alice: User) -> None:
    past = iso(datetime.now(UTC) - timedelta(minutes=5))
    task = await alice.create(title="call mum", remind_at=past)
    url = f"/internal/reminders/{task['id']}/sent"

    r = await client.post(url, json={"remind_at": past})
    assert r.status_code == 200 and r.json() == {"task_id": task["id"], "marked": True}
    assert await due_ids(client, alice) == []
    assert (await client.post(url, json={"remind_at": past})).json()["marked"] is True  # idempotent

    # Moving the reminder makes it due again; a late mark for the old time is ignored.
    moved = iso(datetime.now(UTC) - timedelta(minutes=1))
    await alice.request("PATCH", f"/api/tasks/{task['id']}", json={"remind_at": moved})
    assert await due_ids(client, alice) == [task["id"]]
    r = await client.post(url, json={"remind_at": past})
    assert r.status_code == 200 and r.json()["marked"] is False
    assert await due_ids(client, alice) == [task["id"]]
    assert (await client.post(url, json={"remind_at": moved, "user_id": alice.id})).json()["marked"] is True
    assert await due_ids(client, alice) == []

    # Other edits leave the sent mark alone.
    await alice.request("PATCH", f"/api/tasks/{task['id']}", json={"title": "call mum back"})
    assert await due_ids(client, alice) == []


async def test_mark_reminder_sent_refusals(client: AsyncClient, alice: User) -> None:
    past = iso(datetime.now(UTC) - timedelta(minutes=5))
    task = await alice.create(remind_at=past)
    url = f"/internal/reminders/{task['id']}/sent"
    assert (await client.post(url, json={"remind_at": past, "user_id": "someone-else"})).status_code == 404
    assert (await client.post("/internal/reminders/nope/sent", json={"remind_at": past})).status_code == 404
    r = await client.post(url, json={"remind_at": "yesterday"})
    assert r.status_code == 422 and "remind_at" in r.json()["error"]["fields"]
    assert (
        await client.post(url, json={"remind_at": past}, headers={"dapr-api-token": "x"})
    ).status_code == 401


async def test_reminder_task_state_for_a_snoozed_reminder(
    client: AsyncClient, alice: User, bob: User
) -> None:
    past = iso(datetime.now(UTC) - timedelta(minutes=5))
    task = await alice.create(
        title="water plants", remind_at=past, due_at="2030-01-07T09:00:00Z", timezone="Asia/Tokyo"
    )
    url = f"/internal/reminders/{task['id']}"

    r = await client.get(url, params={"user_id": alice.id})
    assert r.status_code == 200, r.text
    assert r.json() == {
        "task_id": task["id"],
        "user_id": alice.id,
        "title": "water plants",
        "due_at": "2030-01-07T09:00:00Z",
        "remind_at": task["remind_at"],
        "completed": False,
        "timezone": "Asia/Tokyo",
    }
    await alice.request("POST", f"/api/tasks/{task['id']}/complete")
    assert (await client.get(url, params={"user_id": alice.id})).json()["completed"] is True

    # Scoped to the user; unknown and deleted tasks are not found; the user is required.
    assert (await client.get(url, params={"user_id": bob.id})).status_code == 404
    assert (await client.get("/internal/reminders/nope", params={"user_id": alice.id})).status_code == 404
    await alice.request("DELETE", f"/api/tasks/{task['id']}")
    r = await client.get(url, params={"user_id": alice.id})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = await client.get(url)
    assert r.status_code == 422 and "user_id" in r.json()["error"]["fields"]


# -- schema ---------------------------------------------------------------------------------
async def test_migrations_match_the_tables(engine: AsyncEngine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from task_service.adapters.tables import metadata

    async with engine.connect() as conn:
        diff = await conn.run_sync(lambda sync: compare_metadata(MigrationContext.configure(sync), metadata))
    assert diff == []
