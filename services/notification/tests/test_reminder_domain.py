"""The pure parts: reminder ids, notifications, the reminder.due event, the index."""

from datetime import UTC, datetime, timedelta, timezone
from uuid import UUID

from notification_service.domain.reminders import (
    INDEX_LIMIT,
    DueReminder,
    lateness_seconds,
    new_notification,
    public_view,
    remaining_ttl,
    reminder_event,
    reminder_id,
    with_id,
)
from todo_common.events import TaskEvent

TASK = "0b4b8e36-3c1e-4d7e-9a55-1f2f0f3b9a10"
AT = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def reminder(**overrides: object) -> DueReminder:
    item = {
        "task_id": TASK,
        "user_id": "u1",
        "title": "Pay rent",
        "due_at": "2026-11-25T10:00:00Z",
        "remind_at": "2026-11-25T09:00:00Z",
        **overrides,
    }
    return DueReminder.from_api(item)


def test_reminder_id_is_stable_and_independent_of_how_the_time_is_written() -> None:
    first = reminder_id(TASK, AT)
    assert first == reminder_id(TASK, AT)
    plus_one = timezone(timedelta(hours=1))
    assert first == reminder_id(TASK, datetime(2026, 11, 25, 10, 0, tzinfo=plus_one))
    assert reminder_id(TASK, reminder(remind_at="2026-11-25T09:00:00Z").remind_at) == first
    assert reminder_id(TASK, reminder(remind_at="2026-11-25T10:00:00+01:00").remind_at) == first
    assert UUID(first).version == 5


def test_a_moved_reminder_or_another_task_gets_another_id() -> None:
    first = reminder_id(TASK, AT)
    assert reminder_id(TASK, AT + timedelta(microseconds=1)) != first
    assert reminder_id(TASK, AT + timedelta(minutes=5)) != first
    assert reminder_id("another-task", AT) != first


def test_notification_has_the_api_fields_and_the_reminder_id() -> None:
    now = AT + timedelta(seconds=12)
    n = new_notification(reminder(), now)
    assert n["id"] == reminder_id(TASK, AT)
    assert n["user_id"] == "u1"
    assert n["created_at"] == "2026-11-25T09:00:12Z"
    assert n["message"] == "Reminder: 'Pay rent' is due Nov 25, 2026, 10:00 AM UTC"
    view = public_view(n)
    assert {"id", "task_id", "title", "message", "created_at", "read"} <= set(view)
    assert "user_id" not in view
    assert view["read"] is False


def test_message_without_a_due_date() -> None:
    assert new_notification(reminder(due_at=None), AT)["message"] == "Reminder: 'Pay rent'"


def test_message_tells_the_due_time_in_the_tasks_zone() -> None:
    # task-service sends the task's IANA zone with each due reminder.
    tokyo = reminder(timezone="Asia/Tokyo")
    assert new_notification(tokyo, AT)["message"] == "Reminder: 'Pay rent' is due Nov 25, 2026, 19:00 JST"
    summer = reminder(timezone="Europe/London", due_at="2026-07-01T08:30:00Z")
    assert new_notification(summer, AT)["message"] == "Reminder: 'Pay rent' is due 1 Jul 2026, 09:30 BST"
    winter = reminder(timezone="Europe/London")
    assert new_notification(winter, AT)["message"] == "Reminder: 'Pay rent' is due 25 Nov 2026, 10:00 GMT"
    # No zone (or one this machine does not know): UTC, as before, written as UTC readers
    # read the assistant (the US way: todo_common.datestyle).
    for zone in (None, "Mars/Olympus_Mons"):
        message = new_notification(reminder(timezone=zone), AT)["message"]
        assert message == "Reminder: 'Pay rent' is due Nov 25, 2026, 10:00 AM UTC"
    # The time itself (the id, the stored due_at) is the same instant whatever the zone.
    assert new_notification(tokyo, AT)["due_at"] == "2026-11-25T10:00:00Z"
    assert new_notification(tokyo, AT)["id"] == new_notification(reminder(), AT)["id"]


def test_message_tells_the_due_time_as_the_readers_of_the_tasks_zone_write_it() -> None:
    """As the assistant writes it to the same user (h124): a New Yorker reads "Nov 25, 2026,
    5:00 AM EST", not "25 Nov 2026, 05:00 EST"; a reader in Sydney the day first and 12
    hours."""
    new_york = new_notification(reminder(timezone="America/New_York"), AT)["message"]
    assert new_york == "Reminder: 'Pay rent' is due Nov 25, 2026, 5:00 AM EST"
    sydney = new_notification(reminder(timezone="Australia/Sydney"), AT)["message"]
    assert sydney == "Reminder: 'Pay rent' is due 25 Nov 2026, 9:00 PM AEDT"
    afternoon = reminder(timezone="Asia/Kolkata", due_at="2026-11-25T10:05:00Z")
    kolkata = new_notification(afternoon, AT)["message"]
    assert kolkata == "Reminder: 'Pay rent' is due 25 Nov 2026, 3:35 PM IST"


def test_reminder_event_is_v1_with_the_reminder_id_as_event_id() -> None:
    event = reminder_event(reminder(), AT + timedelta(seconds=3))
    again = reminder_event(reminder(), AT + timedelta(seconds=40))
    assert str(event.event_id) == reminder_id(TASK, AT) == str(again.event_id)
    data = event.to_data()
    assert data["event_type"] == "reminder.due"
    assert data["schema_version"] == "v1"
    assert data["payload"]["task"]["title"] == "Pay rent"
    assert data["payload"]["task"]["remind_at"] == "2026-11-25T09:00:00Z"
    assert data["payload"]["task"]["timezone"] is None
    assert TaskEvent.model_validate(data) == event  # what consumers parse
    zoned = reminder_event(reminder(timezone="Europe/Berlin"), AT).to_data()
    assert zoned["payload"]["task"]["timezone"] == "Europe/Berlin"  # a field added to v1


def test_lateness() -> None:
    assert lateness_seconds(reminder(), AT + timedelta(seconds=17.5)) == 17.5
    assert lateness_seconds(reminder(), AT - timedelta(seconds=1)) == 0.0


def test_index_adds_at_the_head_once_and_is_capped() -> None:
    index = ["b", "a"]
    assert with_id(index, "c") == ["c", "b", "a"]
    assert with_id(index, "a") is index
    full = [str(i) for i in range(INDEX_LIMIT)]
    assert with_id(full, "new") == ["new", *full[:-1]]


def test_marking_read_keeps_the_original_expiry() -> None:
    created = "2026-11-01T00:00:00Z"
    assert remaining_ttl(created, datetime(2026, 11, 1, tzinfo=UTC)) == 30 * 24 * 3600
    assert remaining_ttl(created, datetime(2026, 11, 11, tzinfo=UTC)) == 20 * 24 * 3600
    assert remaining_ttl(created, datetime(2026, 12, 31, tzinfo=UTC)) == 60
