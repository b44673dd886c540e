"""Activity feed summaries."""

from typing import Any
from zoneinfo import ZoneInfo

import pytest
from audit_service.domain.summary import details, readable_rule, readable_time, summarize
from todo_common.events import EventPayload, EventType, FieldChange, TaskEvent


def event(kind: EventType, changes: dict[str, tuple[Any, Any]] | None = None, **task: Any) -> TaskEvent:
    payload = EventPayload(
        task={"title": "Pay rent", **task},
        changes={k: FieldChange(old=o, new=n) for k, (o, n) in (changes or {}).items()},
    )
    return TaskEvent.new(kind, "u1", "t1", payload)


def test_lifecycle() -> None:
    assert summarize(event(EventType.TASK_CREATED)) == "Created 'Pay rent'"
    assert summarize(event(EventType.TASK_COMPLETED, {"completed": (False, True)})) == "Completed 'Pay rent'"
    assert summarize(event(EventType.TASK_REOPENED)) == "Reopened 'Pay rent'"
    assert summarize(event(EventType.TASK_DELETED)) == "Deleted 'Pay rent'"


def test_deleting_with_the_series() -> None:
    payload = EventPayload(task={"title": "Pay rent"}, series_ended=True)
    e = TaskEvent.new(EventType.TASK_DELETED, "u1", "t1", payload)
    assert summarize(e) == "Deleted 'Pay rent' and ended its series"


def test_a_withdrawn_next_instance() -> None:
    payload = EventPayload(task={"title": "Stand-up"}, withdrawn=True)
    e = TaskEvent.new(EventType.TASK_DELETED, "u1", "t1", payload)
    assert summarize(e) == "Removed the next 'Stand-up' because the previous one was reopened"


def test_times_in_the_readers_zone() -> None:
    tokyo, new_york = ZoneInfo("Asia/Tokyo"), ZoneInfo("America/New_York")
    assert readable_time("2026-12-01T09:00:00Z", new_york) == "Dec 1, 2026, 4:00 AM EST"
    assert readable_time("2026-12-01T20:00:00Z", tokyo) == "Dec 2, 2026, 05:00 JST"
    moved = event(EventType.TASK_UPDATED, {"due_at": ("2026-07-01T16:00:00Z", "2026-12-01T16:00:00Z")})
    assert summarize(moved, new_york) == (
        "Due date changed from Jul 1, 2026, 12:00 PM EDT to Dec 1, 2026, 11:00 AM EST for 'Pay rent'"
    )
    e = event(EventType.REMINDER_DUE, due_at="2026-12-01T09:00:00Z")
    assert summarize(e, tokyo) == "Reminder for 'Pay rent' (due Dec 1, 2026, 18:00 JST)"
    assert summarize(e) == "Reminder for 'Pay rent' (due Dec 1, 2026, 9:00 AM UTC)"


def test_times_as_the_readers_of_the_zone_write_them() -> None:
    """As the assistant writes them to the same user (h124): a New Yorker reads "Dec 1, 2026,
    4:00 AM EST", not "1 Dec 2026, 04:00 EST"; a reader in Sydney or Kolkata the day first
    and 12 hours; in London the day first and 24 hours."""
    e = event(EventType.REMINDER_DUE, due_at="2026-12-01T09:00:00Z")
    told = {
        "America/Chicago": "Dec 1, 2026, 3:00 AM CST",
        "Australia/Sydney": "1 Dec 2026, 8:00 PM AEDT",
        "Asia/Kolkata": "1 Dec 2026, 2:30 PM IST",
        "Europe/London": "1 Dec 2026, 09:00 GMT",
    }
    for zone, when in told.items():
        assert summarize(e, ZoneInfo(zone)) == f"Reminder for 'Pay rent' (due {when})"


def test_next_instance_of_a_series() -> None:
    e = event(EventType.TASK_CREATED, parent_task_id="p1", due_at="2026-12-01T09:00:00Z")
    assert summarize(e) == "Next 'Pay rent' scheduled for Dec 1, 2026, 9:00 AM UTC"


def test_reminder() -> None:
    assert summarize(event(EventType.REMINDER_DUE)) == "Reminder for 'Pay rent'"
    e = event(EventType.REMINDER_DUE, due_at="2026-12-01T09:00:00Z")
    assert summarize(e) == "Reminder for 'Pay rent' (due Dec 1, 2026, 9:00 AM UTC)"


@pytest.mark.parametrize(
    ("changes", "summary"),
    [
        ({"priority": ("LOW", "HIGH")}, "Priority changed from Low to High for 'Pay rent'"),
        (
            {"priority": ("MEDIUM", "VERY_IMPORTANT")},
            "Priority changed from Medium to Very important for 'Pay rent'",
        ),
        ({"title": ("Rent", "Pay rent")}, "Renamed 'Rent' to 'Pay rent'"),
        (
            {"due_at": (None, "2026-12-01T09:00:00Z")},
            "Due date set to Dec 1, 2026, 9:00 AM UTC for 'Pay rent'",
        ),
        (
            {"due_at": ("2026-12-01T09:00:00Z", "2026-12-02T18:30:00.123456Z")},
            "Due date changed from Dec 1, 2026, 9:00 AM UTC to Dec 2, 2026, 6:30 PM UTC for 'Pay rent'",
        ),
        ({"due_at": ("2026-12-01T09:00:00Z", None)}, "Due date removed for 'Pay rent'"),
        (
            {"remind_at": (None, "2026-12-01T08:00:00Z")},
            "Reminder set to Dec 1, 2026, 8:00 AM UTC for 'Pay rent'",
        ),
        ({"tags": (["Work"], ["Work", "Finance"])}, "Tag 'Finance' added for 'Pay rent'"),
        ({"tags": (["Work", "Home"], [])}, "Tags 'Work', 'Home' removed for 'Pay rent'"),
        ({"tags": (["work"], ["Work"])}, "Tags changed for 'Pay rent'"),
        ({"description": ("", "Bank transfer")}, "Description added for 'Pay rent'"),
        ({"description": ("a", "b")}, "Description edited for 'Pay rent'"),
        ({"rrule": (None, "FREQ=MONTHLY")}, "Repeat set to monthly for 'Pay rent'"),
        (
            {"rrule": ("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")},
            "Repeat changed from daily to weekdays for 'Pay rent'",
        ),
        (
            {"repeat_from": ("due", "completion")},
            "Repeat from completion instead of the due date for 'Pay rent'",
        ),
        (
            {"priority": ("LOW", "HIGH"), "due_at": (None, "2026-12-01T09:00:00Z")},
            "Priority changed from Low to High; due date set to Dec 1, 2026, 9:00 AM UTC for 'Pay rent'",
        ),
        (
            {"title": ("Rent", "Pay rent"), "priority": ("LOW", "HIGH")},
            "Renamed 'Rent' to 'Pay rent'; priority changed from Low to High",
        ),
        # Derived fields change along with the user's change and are not repeated.
        (
            {"rrule": (None, "FREQ=DAILY"), "is_recurring": (False, True), "next_occurrence": (None, "x")},
            "Repeat set to daily for 'Pay rent'",
        ),
        ({"version": (1, 2)}, "Updated 'Pay rent'"),
        ({"some_new_field": (1, 2)}, "Some new field changed for 'Pay rent'"),
    ],
)
def test_updates(changes: dict[str, tuple[Any, Any]], summary: str) -> None:
    assert summarize(event(EventType.TASK_UPDATED, changes)) == summary


def test_readable_values() -> None:
    assert readable_time("2026-01-05T07:03:00+01:00") == "Jan 5, 2026, 6:03 AM UTC"
    assert readable_time("not a time") == "not a time"
    assert readable_rule("FREQ=WEEKLY;INTERVAL=2") == "every 2 weeks"
    assert readable_rule("FREQ=DAILY;INTERVAL=1") == "daily"
    assert readable_rule("FREQ=MONTHLY;BYMONTHDAY=15") == "FREQ=MONTHLY;BYMONTHDAY=15"


def test_a_task_without_a_title() -> None:
    e = TaskEvent.new(EventType.TASK_CREATED, "u1", "t1", EventPayload())
    assert summarize(e) == "Created 'a task'"


def test_changes_are_told_in_the_tasks_field_order_whatever_order_they_are_stored_in() -> None:
    """A stored event (jsonb) has its keys by length: due_at before priority. Told again
    (?tz=), it reads as it did when it arrived."""
    stored = event(
        EventType.TASK_UPDATED, {"due_at": (None, "2026-12-01T09:00:00Z"), "priority": ("LOW", "HIGH")}
    )
    assert summarize(stored) == (
        "Priority changed from Low to High; due date set to Dec 1, 2026, 9:00 AM UTC for 'Pay rent'"
    )


def test_details_of_an_update_are_the_changes_the_summary_names() -> None:
    e = event(
        EventType.TASK_UPDATED,
        {
            "due_at": ("2026-07-01T16:00:00Z", "2026-12-01T16:00:00Z"),
            "next_occurrence": (None, "2026-12-02T16:00:00Z"),
            "version": (3, 4),
            "priority": ("LOW", "HIGH"),
            "some_new_field": (1, 2),
        },
        due_at="2026-12-01T16:00:00Z",
    )
    assert details(e) == {
        "title": "Pay rent",
        "due_at": "2026-12-01T16:00:00Z",
        "changes": [
            {"field": "priority", "old": "LOW", "new": "HIGH"},
            {"field": "due_at", "old": "2026-07-01T16:00:00Z", "new": "2026-12-01T16:00:00Z"},
            {"field": "some_new_field", "old": 1, "new": 2},
        ],
        "next_instance": False,
        "series_ended": False,
        "withdrawn": False,
    }
    assert details(event(EventType.TASK_UPDATED, {"version": (1, 2)}))["changes"] == []


def test_details_of_the_other_events() -> None:
    completed = details(event(EventType.TASK_COMPLETED, {"completed": (False, True)}))
    assert (completed["title"], completed["changes"], completed["due_at"]) == ("Pay rent", [], None)
    nxt = details(event(EventType.TASK_CREATED, parent_task_id="p1", due_at="2026-12-01T09:00:00Z"))
    assert (nxt["next_instance"], nxt["due_at"]) == (True, "2026-12-01T09:00:00Z")
    assert details(event(EventType.TASK_CREATED))["next_instance"] is False
    reminder = details(event(EventType.REMINDER_DUE, due_at="2026-12-01T09:00:00Z"))
    assert reminder["due_at"] == "2026-12-01T09:00:00Z"
    ended = TaskEvent.new(
        EventType.TASK_DELETED, "u1", "t1", EventPayload(task={"title": "X"}, series_ended=True)
    )
    assert (details(ended)["series_ended"], details(ended)["withdrawn"]) == (True, False)
    withdrawn = TaskEvent.new(
        EventType.TASK_DELETED, "u1", "t1", EventPayload(task={"title": "X"}, withdrawn=True)
    )
    assert details(withdrawn)["withdrawn"] is True
    untitled = TaskEvent.new(EventType.TASK_CREATED, "u1", "t1", EventPayload())
    assert details(untitled)["title"] is None
