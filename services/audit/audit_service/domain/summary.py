"""Human-readable one-liners for the activity feed, and the facts they are told from
(`details`: the title, the due time, the changes with old and new values) for clients
that write their own words. Pure.

Created 'Pay rent'               Completed 'Pay rent'          Deleted 'Pay rent'
Priority changed from Low to High for 'Pay rent'
Renamed 'Rent' to 'Pay rent'; due date set to Dec 1, 2026, 9:00 AM UTC
Reminder for 'Pay rent' (due 1 Dec 2026, 09:00 GMT)

Times as the readers of the zone write them (todo_common.datestyle, as the assistant does)."""

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from typing import Any

from todo_common.datestyle import moment_text
from todo_common.events import EDITABLE_FIELDS, EventType, FieldChange, TaskEvent

PRIORITY_NAMES = {"VERY_IMPORTANT": "Very important", "HIGH": "High", "MEDIUM": "Medium", "LOW": "Low"}
_REPEAT_FROM = {"due": "the due date", "completion": "completion"}
_SIMPLE_RULES = {
    "FREQ=DAILY": "daily",
    "FREQ=WEEKLY": "weekly",
    "FREQ=MONTHLY": "monthly",
    "FREQ=YEARLY": "yearly",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR": "weekdays",
}
_UNITS = {"DAILY": "days", "WEEKLY": "weeks", "MONTHLY": "months", "YEARLY": "years"}
# Derived or bookkeeping fields: they change along with the ones the user changed.
_DERIVED = frozenset(
    {
        "completed_at",
        "is_recurring",
        "series_id",
        "parent_task_id",
        "next_occurrence",
        "version",
        "updated_at",
    }
)


def readable_time(value: Any, zone: tzinfo = UTC) -> str:
    """An API time ('2026-12-01T09:00:00Z') as 'Dec 1, 2026, 9:00 AM UTC', or in `zone` as
    its readers write it, with its abbreviation ('Dec 1, 2026, 4:00 AM EST', '1 Dec 2026,
    09:00 GMT'); other values as given."""
    if not isinstance(value, str):
        return str(value)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return moment_text(moment, zone)


def readable_rule(rule: Any) -> str:
    """An RRULE body in words where it is a common one ('daily', 'every 2 weeks')."""
    text = str(rule)
    parts = dict(p.split("=", 1) for p in text.upper().split(";") if "=" in p)
    interval = parts.pop("INTERVAL", "1")
    base = ";".join(f"{k}={v}" for k, v in sorted(parts.items(), key=lambda kv: kv[0] != "FREQ"))
    if interval == "1" and base in _SIMPLE_RULES:
        return _SIMPLE_RULES[base]
    if interval.isdigit() and list(parts) == ["FREQ"] and parts["FREQ"] in _UNITS:
        return f"every {interval} {_UNITS[parts['FREQ']]}"
    return text


def _priority(value: Any) -> str:
    return PRIORITY_NAMES.get(str(value), str(value))


def _set_moved_removed(noun: str, verb_set: str, show: Callable[[Any], str]) -> Callable[[FieldChange], str]:
    def phrase(change: FieldChange) -> str:
        if change.old in (None, ""):
            return f"{noun} {verb_set} {show(change.new)}"
        if change.new in (None, ""):
            return f"{noun} removed"
        return f"{noun} changed from {show(change.old)} to {show(change.new)}"

    return phrase


def _tags(change: FieldChange) -> str:
    old = {str(t).casefold(): str(t) for t in change.old or []}
    new = {str(t).casefold(): str(t) for t in change.new or []}
    added = [new[k] for k in new if k not in old]
    removed = [old[k] for k in old if k not in new]
    parts = []
    for names, verb in ((added, "added"), (removed, "removed")):
        if names:
            noun = "Tag" if len(names) == 1 else "Tags"
            parts.append(f"{noun} " + ", ".join(f"'{n}'" for n in names) + f" {verb}")
    return "; ".join(parts) or "Tags changed"


def _description(change: FieldChange) -> str:
    if not change.old:
        return "Description added"
    if not change.new:
        return "Description removed"
    return "Description edited"


def _repeat_from(change: FieldChange) -> str:
    new, old = (_REPEAT_FROM.get(str(v), v) for v in (change.new, change.old))
    return f"Repeat from {new} instead of {old}"


@lru_cache(maxsize=64)
def _phrases(zone: tzinfo) -> dict[str, Callable[[FieldChange], str]]:
    def show_time(value: Any) -> str:
        return readable_time(value, zone)

    return {
        "title": lambda c: f"Renamed '{c.old}' to '{c.new}'",
        "priority": lambda c: f"Priority changed from {_priority(c.old)} to {_priority(c.new)}",
        "due_at": _set_moved_removed("Due date", "set to", show_time),
        "remind_at": _set_moved_removed("Reminder", "set to", show_time),
        "rrule": _set_moved_removed("Repeat", "set to", readable_rule),
        "repeat_from": _repeat_from,
        "tags": _tags,
        "description": _description,
    }


def _change_phrase(field: str, change: FieldChange, zone: tzinfo) -> str:
    phrase = _phrases(zone).get(field)
    return phrase(change) if phrase else f"{field.replace('_', ' ').capitalize()} changed"


def _joined(phrases: list[str]) -> str:
    rest = [p[0].lower() + p[1:] for p in phrases[1:]]
    return "; ".join([phrases[0], *rest])


def shown_changes(changes: dict[str, FieldChange]) -> list[tuple[str, FieldChange]]:
    """The changes a reader is told of: derived fields left out, in the task's field order
    (fields it does not know last, as given)."""
    shown = [(f, c) for f, c in changes.items() if f not in _DERIVED]
    return sorted(shown, key=lambda fc: _place(fc[0]))


def _place(field: str) -> int:
    # API.md's order, which task-service sends changes in; a stored event does not keep
    # it (jsonb orders keys by length).
    return EDITABLE_FIELDS.index(field) if field in EDITABLE_FIELDS else len(EDITABLE_FIELDS)


def _updated(title: str, changes: dict[str, FieldChange], zone: tzinfo) -> str:
    shown = shown_changes(changes)
    if not shown:
        return f"Updated '{title}'"
    text = _joined([_change_phrase(f, c, zone) for f, c in shown])
    # A rename already names the task.
    return text if "title" in changes else f"{text} for '{title}'"


def summarize(event: TaskEvent, zone: tzinfo = UTC) -> str:
    """The event in one line, its times in `zone` (stored in UTC; GET /api/activity?tz=
    tells them again in the reader's zone)."""
    task = event.payload.task
    title = str(task.get("title") or "a task")
    match event.event_type:
        case EventType.TASK_CREATED:
            if task.get("parent_task_id") and task.get("due_at"):
                return f"Next '{title}' scheduled for {readable_time(task['due_at'], zone)}"
            return f"Created '{title}'"
        case EventType.TASK_COMPLETED:
            return f"Completed '{title}'"
        case EventType.TASK_REOPENED:
            return f"Reopened '{title}'"
        case EventType.TASK_DELETED:
            extra = event.payload.model_extra or {}
            if extra.get("withdrawn"):
                return f"Removed the next '{title}' because the previous one was reopened"
            return f"Deleted '{title}'" + (" and ended its series" if extra.get("series_ended") else "")
        case EventType.REMINDER_DUE:
            due = task.get("due_at")
            return f"Reminder for '{title}'" + (f" (due {readable_time(due, zone)})" if due else "")
        case _:
            return _updated(title, event.payload.changes, zone)


def details(event: TaskEvent) -> dict[str, Any]:
    """What the event's summary is told from, as data (GET /api/activity `details`): the
    task's title and due time in the event's snapshot; for task.updated the changes
    summarize names (shown_changes), each with its old and new value as the task API gives
    them; whether a created task is a later instance of a series (it has a parent); whether
    a deletion ended its series or withdrew a next instance."""
    task = event.payload.task
    extra = event.payload.model_extra or {}
    title, due = task.get("title"), task.get("due_at")
    changes = shown_changes(event.payload.changes) if event.event_type is EventType.TASK_UPDATED else []
    return {
        "title": str(title) if title else None,
        "due_at": due if isinstance(due, str) and due else None,
        "changes": [{"field": f, "old": c.old, "new": c.new} for f, c in changes],
        "next_instance": event.event_type is EventType.TASK_CREATED and bool(task.get("parent_task_id")),
        "series_ended": bool(extra.get("series_ended")),
        "withdrawn": bool(extra.get("withdrawn")),
    }
