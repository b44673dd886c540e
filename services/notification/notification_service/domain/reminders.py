"""What a due reminder becomes: its stable id, the in-app notification and the reminder.due
event. A snoozed reminder (domain/snooze.py) is a due reminder too, at the time it was
snoozed until, with an id of its own. Pure: no I/O, the clock is passed in."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from uuid import UUID, uuid5

from todo_common.datestyle import moment_text
from todo_common.events import EventPayload, EventType, TaskEvent
from todo_common.recurrence import zone_or

# Fixed forever: changing it would give every already-sent reminder a new id, so a
# redelivery or an overlapping scan after an upgrade would notify a second time.
REMINDER_NAMESPACE = UUID("5b0f3c1e-8d0a-5e7c-9a4e-6a1d2f0b7c31")
# The same for the reminders of snoozed notifications.
SNOOZE_NAMESPACE = UUID("0c6e8f52-3b7d-5a91-8e24-d4f1a9c03b57")

# In-app notifications (and a user's index of them) expire this long after their last write.
NOTIFICATION_TTL_SECONDS = 30 * 24 * 3600
# A user's index keeps the newest this many ids; older notifications drop off the list.
INDEX_LIMIT = 500


@dataclass(frozen=True)
class DueReminder:
    """One item of task-service's GET /internal/reminders/due; or a snoozed notification
    coming due again (`snoozed_from`: its id; `remind_at`: the time it was snoozed until).
    `timezone`: the task's IANA zone, the one its times are told in (None: UTC)."""

    task_id: str
    user_id: str
    title: str
    due_at: datetime | None
    remind_at: datetime
    snoozed_from: str | None = None
    timezone: str | None = None

    @property
    def id(self) -> str:
        """The notification's id, its first-write-wins state key and the event_id."""
        if self.snoozed_from is not None:
            return snoozed_reminder_id(self.snoozed_from, self.remind_at)
        return reminder_id(self.task_id, self.remind_at)

    @classmethod
    def from_api(cls, item: dict[str, Any]) -> "DueReminder":
        due_at = item.get("due_at")
        return cls(
            task_id=str(item["task_id"]),
            user_id=str(item["user_id"]),
            title=str(item.get("title") or ""),
            due_at=parse_time(due_at) if due_at else None,
            remind_at=parse_time(str(item["remind_at"])),
            timezone=item.get("timezone") or None,
        )


def parse_time(value: str) -> datetime:
    """ISO 8601 with Z or an offset → an aware UTC datetime (naive input is taken as UTC)."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def iso(value: datetime) -> str:
    """The API's time format: UTC with a trailing Z."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# Dapr jobs that wake the scan when a reminder comes due between two cron ticks (wakes.py).
WAKE_PREFIX = "reminder-wake-"


def wake_at(remind_at: datetime) -> datetime:
    """When to wake for a reminder due at `remind_at`: the whole second at or after it, so
    the scan then finds it due, and reminders within one second share one wake."""
    utc = remind_at.astimezone(UTC)
    whole = utc.replace(microsecond=0)
    return whole if whole == utc else whole + timedelta(seconds=1)


def wake_job_name(at: datetime) -> str:
    """One job per second: two replicas (or two scans) planning the same wake schedule the
    same name, with overwrite, so it fires once."""
    return f"{WAKE_PREFIX}{at.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def wake_time(job_name: str) -> datetime | None:
    """The time a wake job was named for; None for a name that is not a wake's."""
    if not job_name.startswith(WAKE_PREFIX):
        return None
    try:
        return datetime.strptime(job_name.removeprefix(WAKE_PREFIX), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def reminder_id(task_id: str, remind_at: datetime) -> str:
    """The one id of the reminder of `task_id` at `remind_at`: the notification's id, its
    first-write-wins state key and the reminder.due event_id. The same reminder always gets
    the same id, however its time was written; a reminder moved to another time gets a new one."""
    instant = remind_at.astimezone(UTC).isoformat(timespec="microseconds")
    return str(uuid5(REMINDER_NAMESPACE, f"{task_id}|{instant}"))


def snoozed_reminder_id(notification_id: str, until: datetime) -> str:
    """The one id of the reminder that notification `notification_id`, snoozed until
    `until`, becomes: however often the job fires, it is one notification. Snoozed again
    (to another time), it is another."""
    instant = until.astimezone(UTC).isoformat(timespec="microseconds")
    return str(uuid5(SNOOZE_NAMESPACE, f"{notification_id}|{instant}"))


def reminder_zone(reminder: DueReminder) -> tzinfo:
    """The zone the reminder's times are told in: the task's, or UTC when it has none (or
    one this machine does not know: a reminder is never lost over its wording)."""
    return zone_or(reminder.timezone, UTC)


def reminder_message(reminder: DueReminder) -> str:
    """The notification's text, e.g. Reminder: 'Pay rent' is due Nov 27, 2026, 9:00 AM UTC,
    or in the task's zone when it has one, as its readers write it (as the assistant does:
    ... is due 27 Nov 2026, 09:00 GMT; ... Nov 27, 2026, 4:00 AM EST); Snoozed reminder: ...
    when it comes back from a snooze."""
    kind = "Reminder" if reminder.snoozed_from is None else "Snoozed reminder"
    if reminder.due_at is None:
        return f"{kind}: '{reminder.title}'"
    return f"{kind}: '{reminder.title}' is due {moment_text(reminder.due_at, reminder_zone(reminder))}"


def new_notification(reminder: DueReminder, now: datetime) -> dict[str, Any]:
    """The stored notification: the API.md fields plus who it is for and when it was due."""
    return {
        "id": reminder.id,
        "user_id": reminder.user_id,
        "task_id": reminder.task_id,
        "title": reminder.title,
        "message": reminder_message(reminder),
        "created_at": iso(now),
        "read": False,
        "remind_at": iso(reminder.remind_at),
        "due_at": iso(reminder.due_at) if reminder.due_at else None,
    }


def public_view(notification: dict[str, Any]) -> dict[str, Any]:
    """A stored notification as GET /api/notifications shows it."""
    return {
        "id": notification["id"],
        "task_id": notification["task_id"],
        "title": notification["title"],
        "message": notification["message"],
        "created_at": notification["created_at"],
        "read": bool(notification.get("read", False)),
        "remind_at": notification.get("remind_at"),
        "due_at": notification.get("due_at"),
        # Set by a snooze: when it comes back (as a new notification); past once it has.
        "snoozed_until": notification.get("snoozed_until"),
    }


def reminder_event(reminder: DueReminder, now: datetime) -> TaskEvent:
    """reminder.due (schema v1) with the reminder's id as event_id, so a re-publish after a
    crash or by a second replica is one event to every consumer."""
    snoozed = {"snoozed_from": reminder.snoozed_from} if reminder.snoozed_from is not None else {}
    payload = EventPayload(
        task={
            "id": reminder.task_id,
            "title": reminder.title,
            "due_at": iso(reminder.due_at) if reminder.due_at else None,
            "remind_at": iso(reminder.remind_at),
            "timezone": reminder.timezone,
        },
        notification_id=reminder.id,
        **snoozed,
    )
    return TaskEvent(
        event_id=UUID(reminder.id),
        event_type=EventType.REMINDER_DUE,
        user_id=reminder.user_id,
        task_id=reminder.task_id,
        timestamp=now,
        schema_version="v1",
        payload=payload,
    )


def lateness_seconds(reminder: DueReminder, now: datetime) -> float:
    return max(0.0, (now - reminder.remind_at).total_seconds())


def with_id(index: list[str], notification_id: str, limit: int = INDEX_LIMIT) -> list[str]:
    """A user's index (newest first) with `notification_id` in it, capped at `limit`.
    Unchanged (the same list) when the id is already there."""
    if notification_id in index:
        return index
    return [notification_id, *index][:limit]


def remaining_ttl(created_at: str, now: datetime, ttl: int = NOTIFICATION_TTL_SECONDS) -> int:
    """Seconds a notification created at `created_at` has left, so a rewrite (marking it read)
    does not extend its life. At least a minute, so the rewrite itself is not lost."""
    age = (now - parse_time(created_at)).total_seconds()
    return max(60, int(ttl - age))
