"""The public task API on a real PostgreSQL: CRUD, validation, isolation between users,
concurrency control and idempotency."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from httpx import AsyncClient

if TYPE_CHECKING:
    from conftest import User

pytestmark = pytest.mark.integration

TASK_FIELDS = {
    "id",
    "title",
    "description",
    "completed",
    "completed_at",
    "priority",
    "tags",
    "due_at",
    "remind_at",
    "rrule",
    "repeat_from",
    "timezone",
    "is_recurring",
    "series_id",
    "parent_task_id",
    "next_occurrence",
    "version",
    "created_at",
    "updated_at",
}


async def test_crud_round_trip(alice: User) -> None:
    created = await alice.create(
        title="  Buy milk ",
        description="semi-skimmed",
        priority="high",
        tags=["shopping", "dairy", "SHOPPING"],
        due_at="2030-01-01T10:00:00+01:00",
        remind_at="2030-01-01T08:30:00Z",
        rrule="weekdays",
    )
    assert set(created) == TASK_FIELDS
    assert created["title"] == "Buy milk"
    assert created["priority"] == "HIGH"
    assert created["tags"] == ["Shopping", "dairy"]
    assert created["due_at"] == "2030-01-01T09:00:00Z"
    assert created["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    assert created["is_recurring"] and created["series_id"] and created["parent_task_id"] is None
    assert created["next_occurrence"] == "2030-01-02T09:00:00Z"
    assert created["version"] == 1 and not created["completed"] and created["completed_at"] is None
    assert created["created_at"].endswith("Z") and created["updated_at"].endswith("Z")

    task_id = created["id"]
    r = await alice.request("GET", f"/api/tasks/{task_id}")
    assert r.status_code == 200 and r.json() == created and r.headers["etag"] == '"1"'

    r = await alice.request(
        "PATCH", f"/api/tasks/{task_id}", json={"title": "Buy oat milk", "remind_at": None}
    )
    assert r.status_code == 200
    patched = r.json()
    assert patched["title"] == "Buy oat milk" and patched["remind_at"] is None and patched["version"] == 2
    assert patched["description"] == "semi-skimmed"  # untouched

    assert [t["id"] for t in (await alice.page())["items"]] == [task_id]

    r = await alice.request("DELETE", f"/api/tasks/{task_id}")
    assert r.status_code == 204 and r.content == b""
    assert (await alice.request("GET", f"/api/tasks/{task_id}")).status_code == 404
    assert (await alice.request("DELETE", f"/api/tasks/{task_id}")).status_code == 404
    assert (await alice.page())["items"] == []


async def test_a_repeating_task_keeps_its_wall_clock_time_in_its_timezone(alice: User) -> None:
    # Yoga every Monday at 09:00 in London from 22 March 2027 (GMT); BST from the 28th.
    created = await alice.create(
        title="Yoga", due_at="2027-03-22T09:00:00Z", rrule="FREQ=WEEKLY;BYDAY=MO", timezone="Europe/London"
    )
    assert created["timezone"] == "Europe/London"
    assert created["next_occurrence"] == "2027-03-29T08:00:00Z"  # 09:00 BST
    assert (await alice.request("GET", f"/api/tasks/{created['id']}")).json() == created
    r = await alice.request("PATCH", f"/api/tasks/{created['id']}", json={"timezone": None})
    assert r.json()["timezone"] is None and r.json()["next_occurrence"] == "2027-03-29T09:00:00Z"  # UTC
    r = await alice.request("PATCH", f"/api/tasks/{created['id']}", json={"timezone": "Nowhere/Else"})
    assert r.status_code == 422 and "timezone" in r.json()["error"]["fields"]
    assert (await alice.create(title="Plain"))["timezone"] is None


async def test_complete_and_reopen_are_idempotent(alice: User) -> None:
    task = await alice.create()
    r = await alice.request("POST", f"/api/tasks/{task['id']}/complete")
    done = r.json()
    assert (
        r.status_code == 200
        and done["completed"]
        and done["completed_at"].endswith("Z")
        and done["version"] == 2
    )
    again = (await alice.request("POST", f"/api/tasks/{task['id']}/complete")).json()
    assert again == done
    reopened = (await alice.request("POST", f"/api/tasks/{task['id']}/reopen")).json()
    assert not reopened["completed"] and reopened["completed_at"] is None and reopened["version"] == 3
    assert (await alice.request("POST", f"/api/tasks/{task['id']}/reopen")).json() == reopened


async def test_patch_can_send_back_the_task_it_got(alice: User) -> None:
    task = await alice.create(title="Original")
    r = await alice.request("PATCH", f"/api/tasks/{task['id']}", json={**task, "title": "Renamed"})
    assert r.status_code == 200 and r.json()["title"] == "Renamed" and r.json()["id"] == task["id"]


async def test_null_clears_nullable_fields(alice: User) -> None:
    task = await alice.create(due_at="2030-01-01T09:00:00Z", rrule="daily", priority="LOW", description="d")
    r = await alice.request(
        "PATCH",
        f"/api/tasks/{task['id']}",
        json={"due_at": None, "rrule": None, "priority": None, "description": None},
    )
    body = r.json()
    assert (body["due_at"], body["rrule"], body["is_recurring"], body["next_occurrence"]) == (
        None,
        None,
        False,
        None,
    )
    assert (body["priority"], body["description"]) == ("MEDIUM", "")
    r = await alice.request("PATCH", f"/api/tasks/{task['id']}", json={"title": None})
    assert r.status_code == 422 and "title" in r.json()["error"]["fields"]


async def test_remind_at_without_due_at_is_allowed(alice: User) -> None:
    task = await alice.create(remind_at="2030-01-01T09:00:00Z")
    assert task["remind_at"] == "2030-01-01T09:00:00Z" and task["due_at"] is None


def _fields(response: Any) -> dict[str, str]:
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    fields: dict[str, str] = error["fields"]
    return fields


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": 123}, "title"),
        ({"title": ["a"]}, "title"),
        ({"title": "a\x00b"}, "title"),
        ({"title": "ok", "description": "a\x00"}, "description"),
        ({"title": "ok", "description": "x" * 5001}, "description"),
        ({"title": "ok", "completed": "yes"}, "completed"),
        ({"title": "ok", "priority": "URGENT"}, "priority"),
        ({"title": "ok", "priority": 1}, "priority"),
        ({"title": "ok", "tags": "work"}, "tags"),
        ({"title": "ok", "tags": [f"t{i}" for i in range(11)]}, "tags"),
        ({"title": "ok", "tags": ["x" * 33]}, "tags"),
        ({"title": "ok", "tags": ["a\x00"]}, "tags"),
        ({"title": "ok", "due_at": "2030-01-01T09:00:00"}, "due_at"),
        ({"title": "ok", "due_at": "next tuesday"}, "due_at"),
        ({"title": "ok", "due_at": 1893456000}, "due_at"),
        ({"title": "ok", "remind_at": "0001-01-01T00:00:00+01:00"}, "remind_at"),
        ({"title": "ok", "rrule": "every other day"}, "rrule"),
        ({"title": "ok", "rrule": "DTSTART:20300101T000000Z\nRRULE:FREQ=DAILY"}, "rrule"),
        ({"title": "ok", "rrule": "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"}, "rrule"),
        ({"title": "ok", "repeat_from": "start"}, "repeat_from"),
        ({"title": "ok", "timezone": "Mars/Olympus"}, "timezone"),
        ({"title": "ok", "timezone": 1}, "timezone"),
        ({"title": "ok", "colour": "red"}, "colour"),
    ],
)
async def test_bad_task_bodies_are_422_with_fields(alice: User, body: dict[str, Any], field: str) -> None:
    r = await alice.request("POST", "/api/tasks", json=body)
    assert field in _fields(r)


async def test_bad_json_and_lone_surrogates_are_422(alice: User) -> None:
    r = await alice.request(
        "POST", "/api/tasks", content=b'{"title": "\\ud800"}', headers={"content-type": "application/json"}
    )
    assert "title" in _fields(r)
    r = await alice.request(
        "POST", "/api/tasks", content=b'{"title": ', headers={"content-type": "application/json"}
    )
    assert _fields(r) == {"body": "The body is not valid JSON (line 1, column 11)."}
    r = await alice.request("POST", "/api/tasks", json=["title"])
    assert r.status_code == 422


async def test_tags_count_after_case_insensitive_de_duplication(alice: User) -> None:
    nine = [f"tag{i}" for i in range(9)]
    task = await alice.create(tags=["Home", "home", *nine])
    assert task["tags"] == ["Home", *nine]
    r = await alice.request(
        "PATCH", f"/api/tasks/{task['id']}", json={"tags": [*nine, "Cook", "COOK", "cook"]}
    )
    assert r.status_code == 200 and r.json()["tags"] == [*nine, "Cook"]
    assert (await alice.create(tags=["Home"] * 100))["tags"] == ["Home"]
    for tags in (["Home", "Garden", *nine], ["Home", "home", "Garden", *nine], ["Home"] * 101):
        r = await alice.request("POST", "/api/tasks", json={"title": "x", "tags": tags})
        assert _fields(r) == {"tags": "At most 10 tags."}
        r = await alice.request("PATCH", f"/api/tasks/{task['id']}", json={"tags": tags})
        assert _fields(r) == {"tags": "At most 10 tags."}


async def test_huge_body_is_413(alice: User) -> None:
    r = await alice.request("POST", "/api/tasks", json={"title": "x", "description": "y" * 2_000_000})
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"


async def test_sql_looking_text_is_just_text(alice: User) -> None:
    title = "'); DROP TABLE tasks; --"
    task = await alice.create(title=title, tags=["' OR 1=1 --"])
    assert task["title"] == title
    assert (await alice.titles(search="DROP TABLE tasks")) == [title]
    assert (await alice.titles(tags="' OR 1=1 --")) == [title]
    r = await alice.request("GET", "/api/tasks", params={"search": "' OR '1'='1"})
    assert r.status_code == 200
    r = await alice.request("GET", "/api/tasks", params={"search": "a:* | !b & (c"})
    assert r.status_code == 200


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"sort": "colour"}, "sort"),
        ({"order": "up"}, "order"),
        ({"status": "done"}, "status"),
        ({"limit": "0"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"due": "tomorrow"}, "due"),
        ({"due_before": "2030-01-01"}, "due_before"),
        ({"due_after": "soon"}, "due_after"),
        ({"tz": "Mars/Olympus"}, "tz"),
        ({"tz": "../../etc/passwd"}, "tz"),
        ({"priority": "HIGH,urgent"}, "priority"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"search": "x" * 501}, "search"),
        ({"search": "milk\x00"}, "search"),
        ({"sort": "relevance"}, "sort"),
    ],
)
async def test_bad_list_queries_are_422_with_fields(alice: User, params: dict[str, str], field: str) -> None:
    r = await alice.request("GET", "/api/tasks", params=params)
    assert field in _fields(r)


async def test_a_5000_character_search_is_refused_not_run(alice: User) -> None:
    r = await alice.request("GET", "/api/tasks", params={"search": "milk " * 1000})
    assert "search" in _fields(r)


async def test_a_cursor_from_another_query_is_refused(alice: User) -> None:
    for i in range(3):
        await alice.create(title=f"t{i}")
    cursor = (await alice.page(limit=1, sort="title"))["next_cursor"]
    assert cursor
    assert "cursor" in _fields(
        await alice.request("GET", "/api/tasks", params={"cursor": cursor, "sort": "due_at"})
    )


async def test_unknown_and_malformed_ids_are_404(alice: User) -> None:
    for task_id in ("00000000-0000-0000-0000-000000000000", "not-a-uuid", "1; DROP TABLE tasks"):
        r = await alice.request("GET", f"/api/tasks/{task_id}")
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


async def test_another_users_task_is_not_found_everywhere(alice: User, bob: User) -> None:
    task = await alice.create(title="Alice's secret", tags=["private"], remind_at="2000-01-01T00:00:00Z")
    path = f"/api/tasks/{task['id']}"
    for method, url, kwargs in [
        ("GET", path, {}),
        ("PATCH", path, {"json": {"title": "Bob was here"}}),
        ("PATCH", path, {"json": {"title": "x"}, "headers": {"If-Match": "1"}}),
        ("DELETE", path, {}),
        ("DELETE", path + "?series=true", {}),
        ("POST", path + "/complete", {}),
        ("POST", path + "/reopen", {}),
    ]:
        r = await bob.request(method, url, **kwargs)
        assert r.status_code == 404, (method, url)
        assert r.json()["error"]["code"] == "not_found"
    assert (await bob.page(status="all"))["items"] == []
    assert (await bob.page(search="secret"))["items"] == []
    assert (await bob.request("GET", "/api/tags")).json()["used"] == []
    # Alice's task is untouched.
    r = await alice.request("GET", path)
    assert r.json() == task


async def test_every_route_needs_the_app_token_and_a_user(client: AsyncClient, alice: User) -> None:
    r = await client.get("/api/tasks", headers={**alice.headers, "dapr-api-token": "wrong"})
    assert r.status_code == 401
    r = await client.get("/api/tasks")  # no user
    assert r.status_code == 401
    assert (await client.get("/health", headers={"dapr-api-token": ""})).status_code == 200


async def test_if_match_412_on_a_stale_version(alice: User) -> None:
    task = await alice.create()
    path = f"/api/tasks/{task['id']}"
    r = await alice.request("PATCH", path, json={"title": "v2"}, headers={"If-Match": '"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    r = await alice.request("PATCH", path, json={"title": "stale"}, headers={"If-Match": "1"})
    assert r.status_code == 412 and r.json()["error"]["code"] == "precondition_failed"
    r = await alice.request("PATCH", path, json={"title": "v3"}, headers={"If-Match": 'W/"2"'})
    assert r.status_code == 200 and r.json()["version"] == 3
    r = await alice.request("PATCH", path, json={"title": "x"}, headers={"If-Match": "banana"})
    assert "If-Match" in _fields(r)
    r = await alice.request("DELETE", path, headers={"If-Match": "2"})
    assert r.status_code == 412
    assert (await alice.request("GET", path)).json()["title"] == "v3"


async def test_complete_and_reopen_honour_if_match(alice: User) -> None:
    task = await alice.create()
    path = f"/api/tasks/{task['id']}"
    for title in ("v2", "v3"):
        assert (await alice.request("PATCH", path, json={"title": title})).status_code == 200
    r = await alice.request("POST", path + "/complete", headers={"If-Match": "1"})
    assert r.status_code == 412 and r.json()["error"]["code"] == "precondition_failed"
    current = (await alice.request("GET", path)).json()
    assert not current["completed"] and current["version"] == 3  # nothing changed
    r = await alice.request("POST", path + "/complete", headers={"If-Match": "banana"})
    assert "If-Match" in _fields(r)
    r = await alice.request("POST", path + "/complete", headers={"If-Match": '"3"'})
    assert r.status_code == 200 and r.json()["completed"] and r.headers["etag"] == '"4"'
    # Completing again is still idempotent, but not against a version it no longer has.
    r = await alice.request("POST", path + "/complete", headers={"If-Match": "3"})
    assert r.status_code == 412
    r = await alice.request("POST", path + "/reopen", headers={"If-Match": "3"})
    assert r.status_code == 412
    assert (await alice.request("GET", path)).json()["completed"]
    r = await alice.request("POST", path + "/reopen", headers={"If-Match": 'W/"4"'})
    assert r.status_code == 200 and not r.json()["completed"] and r.json()["version"] == 5
    r = await alice.request("POST", path + "/complete", headers={"If-Match": "*"})
    assert r.status_code == 200 and r.json()["version"] == 6


async def test_two_concurrent_writers_one_wins(alice: User) -> None:
    task = await alice.create()
    path = f"/api/tasks/{task['id']}"
    results = await asyncio.gather(
        *(
            alice.request("PATCH", path, json={"title": f"writer {i}"}, headers={"If-Match": "1"})
            for i in range(2)
        )
    )
    assert sorted(r.status_code for r in results) == [200, 412]
    winner = next(r for r in results if r.status_code == 200).json()
    current = (await alice.request("GET", path)).json()
    assert current["title"] == winner["title"] and current["version"] == 2


async def test_concurrent_writers_without_if_match_are_serialised(alice: User) -> None:
    task = await alice.create()
    path = f"/api/tasks/{task['id']}"
    results = await asyncio.gather(
        *(alice.request("PATCH", path, json={"description": f"d{i}"}) for i in range(5))
    )
    assert all(r.status_code == 200 for r in results)
    assert sorted(r.json()["version"] for r in results) == [2, 3, 4, 5, 6]


async def test_idempotency_key(alice: User, bob: User) -> None:
    body = {"title": "Pay rent", "priority": "HIGH"}
    key = {"Idempotency-Key": "rent-2030-01"}
    first = await alice.request("POST", "/api/tasks", json=body, headers=key)
    assert first.status_code == 201 and "idempotent-replayed" not in first.headers
    again = await alice.request("POST", "/api/tasks", json=body, headers=key)
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    other = await alice.request("POST", "/api/tasks", json={**body, "title": "Pay bills"}, headers=key)
    assert other.status_code == 409 and other.json()["error"]["code"] == "conflict"
    assert await alice.titles() == ["Pay rent"]
    # Keys are per user.
    assert (await bob.request("POST", "/api/tasks", json=body, headers=key)).headers.get(
        "idempotent-replayed"
    ) is None
    assert "Idempotency-Key" in _fields(
        await alice.request("POST", "/api/tasks", json=body, headers={"Idempotency-Key": "a\tb"})
    )


async def test_concurrent_requests_with_one_idempotency_key_make_one_task(alice: User) -> None:
    body = {"title": "Only once"}
    results = await asyncio.gather(
        *(
            alice.request("POST", "/api/tasks", json=body, headers={"Idempotency-Key": "k-1"})
            for _ in range(5)
        )
    )
    assert all(r.status_code == 201 for r in results)
    assert len({r.json()["id"] for r in results}) == 1
    assert await alice.titles() == ["Only once"]


async def test_idempotency_key_expires_after_24_hours(alice: User, engine: Any) -> None:
    from sqlalchemy import update
    from task_service.adapters.tables import idempotency_keys

    body = {"title": "Water plants"}
    first = (
        await alice.request("POST", "/api/tasks", json=body, headers={"Idempotency-Key": "plants"})
    ).json()
    async with engine.begin() as conn:
        await conn.execute(
            update(idempotency_keys)
            .where(idempotency_keys.c.user_id == alice.id)
            .values(created_at=datetime.now(UTC) - timedelta(hours=25))
        )
    second = (
        await alice.request("POST", "/api/tasks", json=body, headers={"Idempotency-Key": "plants"})
    ).json()
    assert second["id"] != first["id"]


async def test_tags_endpoint(alice: User) -> None:
    await alice.create(title="a", tags=["work", "deep work"])
    await alice.create(title="b", tags=["Work", "deep work"])
    await alice.create(title="c", tags=["DEEP WORK", "errands"])
    r = await alice.request("GET", "/api/tags")
    assert r.status_code == 200
    body = r.json()
    assert body["suggested"] == ["Work", "Personal", "Shopping", "Health", "Finance", "Learning", "Urgent"]
    # Counted case-insensitively, shown in the most common spelling, most used first.
    assert body["used"] == [
        {"tag": "deep work", "count": 3},
        {"tag": "Work", "count": 2},
        {"tag": "errands", "count": 1},
    ]
