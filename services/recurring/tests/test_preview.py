"""GET /api/recurrence/preview in process, with the JWT check replaced by a test user."""

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from httpx import ASGITransport, AsyncClient
from recurring_service.app import app
from todo_common.auth import AuthenticatedUser
from todo_common.deps import current_user


@pytest.fixture
async def client() -> AsyncIterator[AsyncClient]:
    app.dependency_overrides[current_user] = lambda: AuthenticatedUser(
        id="u1", email=None, name=None, token="t"
    )
    headers = {"dapr-api-token": os.environ["APP_API_TOKEN"]}
    async with AsyncClient(
        transport=ASGITransport(app=app), base_url="http://recurring", headers=headers
    ) as c:
        yield c
    app.dependency_overrides.clear()


async def test_preview_with_a_first_due_time(client: AsyncClient) -> None:
    r = await client.get(
        "/api/recurrence/preview",
        params={"rrule": "FREQ=WEEKLY;BYDAY=FR,MO,WE", "dtstart": "2030-01-07T09:00:00Z"},
    )
    assert r.status_code == 200, r.text
    assert r.json() == {
        "rrule": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "description": "every Monday, Wednesday and Friday at 09:00",
        "dtstart": "2030-01-07T09:00:00Z",
        "tz": "UTC",
        "occurrences": [
            "2030-01-07T09:00:00Z",
            "2030-01-09T09:00:00Z",
            "2030-01-11T09:00:00Z",
            "2030-01-14T09:00:00Z",
            "2030-01-16T09:00:00Z",
        ],
    }


async def test_preview_in_a_zone_with_a_local_first_due_time(client: AsyncClient) -> None:
    r = await client.get(
        "/api/recurrence/preview",
        params={"rrule": "weekdays", "dtstart": "2030-01-07T09:00", "tz": "Europe/Paris"},
    )
    body = r.json()
    assert body["dtstart"] == "2030-01-07T08:00:00Z"  # 09:00 in Paris
    assert body["description"] == "every weekday at 09:00"
    assert body["occurrences"][1] == "2030-01-08T08:00:00Z"


async def test_preview_without_a_first_due_time_starts_at_the_next_whole_hour(client: AsyncClient) -> None:
    r = await client.get("/api/recurrence/preview", params={"rrule": "FREQ=MONTHLY;BYMONTHDAY=1"})
    body = r.json()
    assert body["description"] == "on the 1st of every month" and body["dtstart"] is None
    first = datetime.fromisoformat(body["occurrences"][0])
    assert first.day == 1 and first > datetime.now(UTC) - timedelta(hours=1)
    assert len(body["occurrences"]) == 5


async def test_count_and_until_bound_the_preview(client: AsyncClient) -> None:
    r = await client.get(
        "/api/recurrence/preview", params={"rrule": "FREQ=DAILY;COUNT=2", "dtstart": "2030-01-07T09:00:00Z"}
    )
    assert r.json()["occurrences"] == ["2030-01-07T09:00:00Z", "2030-01-08T09:00:00Z"]
    assert r.json()["description"] == "every day at 09:00, twice"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"rrule": "FREQ=SOMETIMES"}, "rrule"),
        ({"rrule": "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"}, "rrule"),  # never occurs
        ({"rrule": "DTSTART:20300101T000000Z\nRRULE:FREQ=DAILY"}, "rrule"),
        ({"rrule": ""}, "rrule"),
        ({}, "rrule"),
        ({"rrule": "daily", "dtstart": "next tuesday"}, "dtstart"),
        ({"rrule": "daily", "dtstart": "0001-01-01T00:00:00Z"}, "dtstart"),
        ({"rrule": "daily", "tz": "Mars/Olympus"}, "tz"),
        ({"rrule": "daily", "tz": "../../etc/passwd"}, "tz"),
    ],
)
async def test_bad_input_is_a_422(client: AsyncClient, params: dict[str, str], field: str) -> None:
    r = await client.get("/api/recurrence/preview", params=params)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "validation_error" and field in error["fields"]


async def test_a_token_is_required() -> None:
    headers = {"dapr-api-token": os.environ["APP_API_TOKEN"]}
    async with AsyncClient(
        transport=ASGITransport(app=app), base_url="http://recurring", headers=headers
    ) as c:
        r = await c.get("/api/recurrence/preview", params={"rrule": "daily"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"


async def test_the_preview_repeats_at_the_same_time_in_tz_across_summer_time(client: AsyncClient) -> None:
    # Every weekday at 08:15 in London from Thursday 25 March 2027; summer time starts on the 28th.
    r = await client.get(
        "/api/recurrence/preview",
        params={
            "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            "dtstart": "2027-03-25T08:15:00Z",
            "tz": "Europe/London",
        },
    )
    body = r.json()
    assert body["description"] == "every weekday at 08:15"
    assert body["occurrences"] == [
        "2027-03-25T08:15:00Z",
        "2027-03-26T08:15:00Z",
        "2027-03-29T07:15:00Z",  # 08:15 BST
        "2027-03-30T07:15:00Z",
        "2027-03-31T07:15:00Z",
    ]


async def test_the_preview_says_the_days_of_tz(client: AsyncClient) -> None:
    # Monday 08:00 in Sydney is Sunday 22:00 UTC: BYDAY=MO is Sydney's Monday.
    r = await client.get(
        "/api/recurrence/preview",
        params={"rrule": "FREQ=WEEKLY;BYDAY=MO", "dtstart": "2027-06-07T08:00", "tz": "Australia/Sydney"},
    )
    body = r.json()
    assert body["description"] == "every Monday at 08:00"
    assert body["occurrences"][:2] == ["2027-06-06T22:00:00Z", "2027-06-13T22:00:00Z"]


# GET /api/recurrence/next: where finishing a task now would put its next instance, the web's
# "Skip this one" target (todo_common.next_due, as the assistant's skip and this service's own
# next instance). An overdue one's next is a slot still to come, at the series' time of day.
async def test_next_of_an_overdue_task_is_its_first_slot_after_now(client: AsyncClient) -> None:
    now = datetime.now(UTC)
    due = (now - timedelta(days=3)).replace(microsecond=0)
    r = await client.get(
        "/api/recurrence/next",
        params={"rrule": "daily", "due_at": due.isoformat(), "repeat_from": "due"},
    )
    assert r.status_code == 200, r.text
    found = datetime.fromisoformat(r.json()["next_due"])
    assert now < found <= now + timedelta(days=1) and (found - due) % timedelta(days=1) == timedelta(0)


async def test_next_of_a_task_repeating_from_completion_is_an_interval_from_now(client: AsyncClient) -> None:
    before = datetime.now(UTC).replace(second=0, microsecond=0)
    r = await client.get(
        "/api/recurrence/next",
        params={
            "rrule": "FREQ=DAILY;INTERVAL=3",
            "due_at": "2030-01-07T09:00:00Z",
            "repeat_from": "completion",
        },
    )
    found = datetime.fromisoformat(r.json()["next_due"])
    assert before + timedelta(days=3) <= found <= datetime.now(UTC) + timedelta(days=3)
    assert found.second == found.microsecond == 0  # due times are to the minute


async def test_next_is_null_past_until_and_a_bad_rule_is_a_422(client: AsyncClient) -> None:
    r = await client.get(
        "/api/recurrence/next",
        params={"rrule": "FREQ=DAILY;UNTIL=20200105T000000Z", "due_at": "2020-01-01T09:00:00Z"},
    )
    assert r.json() == {"next_due": None}
    r = await client.get(
        "/api/recurrence/next", params={"rrule": "FREQ=NEVER", "due_at": "2020-01-01T09:00:00Z"}
    )
    assert r.status_code == 422 and "rrule" in r.json()["error"]["fields"]
