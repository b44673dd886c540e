"""Snoozing a notification: until when, the Dapr job that brings it back, and the reminder
it becomes then. The task's remind_at is not touched (a recurring task copies its reminder
offset to the next instance; a snooze must not move future reminders). Pure: no I/O, the
clock is passed in."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from notification_service.domain.reminders import DueReminder, iso, parse_time

MAX_MINUTES = 7 * 24 * 60
MAX_SNOOZE = timedelta(minutes=MAX_MINUTES)
JOB_PREFIX = "snooze-"


class SnoozeInvalid(ValueError):
    """The snooze request is not valid; `fields` says why, field by field."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("invalid snooze")
        self.fields = fields


def whole_minute_from(moment: datetime) -> datetime:
    """`moment` if it is on a whole minute, else the start of the next one."""
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + timedelta(minutes=1)


def snoozed_until(minutes: int | None, until: str | None, now: datetime) -> datetime:
    """When the snoozed notification comes back: `minutes` from now or at `until` (an ISO
    8601 time with an offset, in the future, at most 7 days away); exactly one of the two.
    The schema has already checked that minutes is an integer in 1..MAX_MINUTES.

    `minutes` ends at the start of a minute, as a reminder set for a time does: the web says
    "Snoozed until 6:37 AM" (hours and minutes), so a snooze made at 6:26:40 for 10 minutes
    comes back at 6:37:00, not 40 s into that minute. At least `minutes`, under one more.
    `until` is kept to the microsecond: the caller chose that instant."""
    if minutes is not None and until is not None:
        both = "give either minutes or until, not both"
        raise SnoozeInvalid({"minutes": both, "until": both})
    if minutes is not None:
        if not 1 <= minutes <= MAX_MINUTES:
            raise SnoozeInvalid({"minutes": f"must be between 1 and {MAX_MINUTES}"})
        return whole_minute_from(now + timedelta(minutes=minutes))
    if until is None:
        raise SnoozeInvalid({"minutes": f"give minutes (1..{MAX_MINUTES}) or until (an ISO 8601 time)"})
    try:
        parsed = datetime.fromisoformat(until)
    except ValueError:
        raise SnoozeInvalid({"until": "must be an ISO 8601 time, e.g. 2030-01-31T09:00:00Z"}) from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise SnoozeInvalid({"until": "must include a timezone offset (for example 2030-01-31T09:00:00Z)"})
    try:
        moment = parsed.astimezone(UTC)
    except OverflowError:
        raise SnoozeInvalid({"until": "is out of range"}) from None
    if moment <= now:
        raise SnoozeInvalid({"until": "must be in the future"})
    if moment > now + MAX_SNOOZE:
        raise SnoozeInvalid({"until": "must be within 7 days"})
    return moment


def job_name(notification_id: str) -> str:
    """One job per notification: snoozing it again replaces the job (overwrite)."""
    return f"{JOB_PREFIX}{notification_id}"


@dataclass(frozen=True)
class SnoozeJob:
    """What the job carries: the snoozed notification and until when. The trigger asks
    task-service for the task as it is then (title, due time; skipped if completed or gone)."""

    notification_id: str
    user_id: str
    task_id: str
    until: datetime

    @property
    def name(self) -> str:
        return job_name(self.notification_id)

    @classmethod
    def of(cls, notification: dict[str, Any], until: datetime) -> "SnoozeJob":
        return cls(
            notification_id=str(notification["id"]),
            user_id=str(notification["user_id"]),
            task_id=str(notification["task_id"]),
            until=until,
        )

    def data(self) -> dict[str, str]:
        return {
            "notification_id": self.notification_id,
            "user_id": self.user_id,
            "task_id": self.task_id,
            "until": iso(self.until),
        }

    @classmethod
    def from_data(cls, data: Any) -> "SnoozeJob":
        """The job back from its data. ValueError when it is not one of ours."""
        if not isinstance(data, dict):
            raise ValueError("job data is not an object")
        try:
            values = {k: data[k] for k in ("notification_id", "user_id", "task_id", "until")}
        except KeyError as exc:
            raise ValueError(f"job data lacks {exc}") from None
        if not all(isinstance(v, str) and v for v in values.values()):
            raise ValueError("job data fields must be non-empty strings")
        return cls(
            notification_id=values["notification_id"],
            user_id=values["user_id"],
            task_id=values["task_id"],
            until=parse_time(values["until"]),
        )

    def reminder(self, title: str, due_at: datetime | None, timezone: str | None = None) -> DueReminder:
        """The reminder the snoozed notification becomes, with the task's current title,
        due time and zone; its id is fixed by (notification, until), so it is recorded once."""
        return DueReminder(
            task_id=self.task_id,
            user_id=self.user_id,
            title=title,
            due_at=due_at,
            remind_at=self.until,
            snoozed_from=self.notification_id,
            timezone=timezone,
        )
