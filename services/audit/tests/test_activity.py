"""GET /api/activity in process: the JWT check replaced, the database's rows faked as
stored (the event in `data`, its keys in jsonb's order)."""

import json
import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from audit_service import app as audit_module
from audit_service.app import app as audit_app
from audit_service.domain.summary import summarize
from fastapi import Request
from httpx import ASGITransport, AsyncClient
from todo_common.auth import AuthenticatedUser
from todo_common.deps import current_user
from todo_common.events import EventPayload, EventType, FieldChange, TaskEvent

AT = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


def stored(event: TaskEvent) -> dict[str, Any]:
    """The row activity_for reads back for an event recorded with its UTC summary."""
    data = event.to_data()
    # jsonb keeps no key order: shorter keys first.
    changes = data["payload"]["changes"]
    data["payload"]["changes"] = {k: changes[k] for k in sorted(changes, key=lambda k: (len(k), k))}
    return {
        "event_id": event.event_id,
        "type": event.event_type.value,
        "task_id": event.task_id,
        "occurred_at": AT,
        "summary": summarize(event),
        "data": json.loads(json.dumps(data)),
    }


def update(**changes: tuple[Any, Any]) -> TaskEvent:
    payload = EventPayload(
        task={"title": "Pay rent", "due_at": "2026-11-28T08:00:00Z", "version": 2},
        changes={k: FieldChange(old=o, new=n) for k, (o, n) in changes.items()},
    )
    return TaskEvent.new(EventType.TASK_UPDATED, "ada", "t1", payload)


@pytest.fixture
async def client(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[AsyncClient, list[dict[str, Any]]]]:
    rows: list[dict[str, Any]] = []

    async def activity_for(engine: Any, user_id: str, task_id: str | None, limit: int, **_: Any) -> Any:
        return rows[:limit]

    async def user(request: Request) -> AuthenticatedUser:
        return AuthenticatedUser(id="ada", email=None, name=None, token="t")

    monkeypatch.setattr(audit_module.db, "activity_for", activity_for)
    audit_app.state.engine = None
    audit_app.dependency_overrides[current_user] = user
    headers = {"dapr-api-token": os.environ["APP_API_TOKEN"]}
    async with AsyncClient(
        transport=ASGITransport(app=audit_app), base_url="http://audit", headers=headers
    ) as c:
        yield c, rows
    audit_app.dependency_overrides.clear()


async def test_each_entry_has_its_summary_and_the_details_it_is_told_from(
    client: tuple[AsyncClient, list[dict[str, Any]]],
) -> None:
    http, rows = client
    moved = update(
        priority=("LOW", "HIGH"),
        due_at=(None, "2026-11-28T08:00:00Z"),
        next_occurrence=(None, "2026-11-29T08:00:00Z"),
    )
    rows.append(stored(moved))
    [item] = (await http.get("/api/activity")).json()["items"]
    assert item == {
        "event_id": str(moved.event_id),
        "type": "task.updated",
        "task_id": "t1",
        "occurred_at": "2026-11-26T07:00:00Z",
        "summary": (
            "Priority changed from Low to High; due date set to Nov 28, 2026, 8:00 AM UTC for 'Pay rent'"
        ),
        "details": {
            "title": "Pay rent",
            "due_at": "2026-11-28T08:00:00Z",
            "changes": [
                {"field": "priority", "old": "LOW", "new": "HIGH"},
                {"field": "due_at", "old": None, "new": "2026-11-28T08:00:00Z"},
            ],
            "next_instance": False,
            "series_ended": False,
            "withdrawn": False,
        },
    }
    # In the reader's zone the summary is told again, in the same order; the details are the same.
    [there] = (await http.get("/api/activity", params={"tz": "Europe/Berlin"})).json()["items"]
    assert there["summary"] == (
        "Priority changed from Low to High; due date set to 28 Nov 2026, 09:00 CET for 'Pay rent'"
    )
    assert there["details"] == item["details"]


async def test_an_entry_stored_in_an_older_style_is_told_in_todays(
    client: tuple[AsyncClient, list[dict[str, Any]]],
) -> None:
    """Entries recorded before h124 wrote their times "28 Nov 2026, 08:00 UTC": told again
    from their event, every entry of the list writes its times the one way (here UTC's)."""
    http, rows = client
    row = stored(update(due_at=(None, "2026-11-28T08:00:00Z")))
    row["summary"] = "Due date set to 28 Nov 2026, 08:00 UTC for 'Pay rent'"
    rows.append(row)
    [item] = (await http.get("/api/activity")).json()["items"]
    assert item["summary"] == "Due date set to Nov 28, 2026, 8:00 AM UTC for 'Pay rent'"


async def test_an_entry_whose_event_no_longer_reads_keeps_its_summary_without_details(
    client: tuple[AsyncClient, list[dict[str, Any]]],
) -> None:
    http, rows = client
    row = stored(update(priority=("LOW", "HIGH")))
    row["data"] = {**row["data"], "schema_version": "v0"}
    rows.append(row)
    for params in ({}, {"tz": "Asia/Tokyo"}):
        [item] = (await http.get("/api/activity", params=params)).json()["items"]
        assert item["summary"] == "Priority changed from Low to High for 'Pay rent'"
        assert item["details"] is None


def test_the_openapi_document_describes_the_details() -> None:
    schema = audit_app.openapi()
    answer = schema["paths"]["/api/activity"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]
    assert answer == {"$ref": "#/components/schemas/ActivityPage"}
    components = schema["components"]["schemas"]
    item = components["ActivityItem"]
    assert set(item["required"]) == {"event_id", "type", "task_id", "occurred_at", "summary", "details"}
    details = components["ActivityDetails"]["properties"]
    assert set(details) == {"title", "due_at", "changes", "next_instance", "series_ended", "withdrawn"}
    assert details["changes"]["items"] == {"$ref": "#/components/schemas/Change"}
    assert set(components["Change"]["properties"]) == {"field", "old", "new"}
