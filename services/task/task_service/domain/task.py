"""The task: its state, how it is created, edited, completed and reopened, and its API
snapshot (the JSON of API.md "Task", also the payload of every task event)."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any
from uuid import UUID

from todo_common.events import EDITABLE_FIELDS
from todo_common.next_due import next_due

from task_service.domain.errors import InvalidInput
from task_service.domain.fields import Priority, RepeatFrom, iso, tag_key
from task_service.domain.recurrence import Rule, check_occurs, load_zone, next_occurrence, parse_rule

# Values of the fields a caller may set (EDITABLE_FIELDS) reach this module already
# normalised (fields.py); None in an edit clears the field (or resets it to its default).
_DEFAULTS: dict[str, Any] = {"description": "", "priority": "MEDIUM", "tags": (), "repeat_from": "due"}
_NULLABLE = ("due_at", "remind_at", "rrule", "timezone")


@dataclass(frozen=True)
class Task:
    id: UUID
    user_id: str
    title: str
    created_at: datetime
    updated_at: datetime
    description: str = ""
    completed: bool = False
    completed_at: datetime | None = None
    priority: Priority = "MEDIUM"
    tags: tuple[str, ...] = ()
    due_at: datetime | None = None
    remind_at: datetime | None = None
    rrule: str | None = None
    repeat_from: RepeatFrom = "due"
    # The IANA zone the task repeats in, at its due time's wall-clock time there (None: UTC).
    timezone: str | None = None
    series_id: UUID | None = None
    parent_task_id: UUID | None = None
    # Position in the series (1 = the first task); COUNT limits it.
    instance_number: int = 1
    # The recurring-service's key for this instance: unique within the series.
    occurrence_key: str | None = None
    next_occurrence: datetime | None = None
    reminder_sent_at: datetime | None = None
    deleted_at: datetime | None = None
    version: int = 1

    @property
    def is_recurring(self) -> bool:
        return self.rrule is not None

    @property
    def tag_keys(self) -> tuple[str, ...]:
        return tuple(tag_key(t) for t in self.tags)


def snapshot(task: Task) -> dict[str, Any]:
    """The task as the API shows it."""
    return {
        "id": str(task.id),
        "title": task.title,
        "description": task.description,
        "completed": task.completed,
        "completed_at": iso(task.completed_at),
        "priority": task.priority,
        "tags": list(task.tags),
        "due_at": iso(task.due_at),
        "remind_at": iso(task.remind_at),
        "rrule": task.rrule,
        "repeat_from": task.repeat_from,
        "timezone": task.timezone,
        "is_recurring": task.is_recurring,
        "series_id": str(task.series_id) if task.series_id else None,
        "parent_task_id": str(task.parent_task_id) if task.parent_task_id else None,
        "next_occurrence": iso(task.next_occurrence),
        "version": task.version,
        "created_at": iso(task.created_at),
        "updated_at": iso(task.updated_at),
    }


# Every change bumps these; they are not reported as changes themselves.
_BOOKKEEPING = frozenset({"version", "updated_at"})


def changes_between(old: Task, new: Task) -> dict[str, tuple[Any, Any]]:
    """Changed API fields as (old, new) in API form, for task.updated events."""
    before, after = snapshot(old), snapshot(new)
    return {k: (before[k], after[k]) for k in before if k not in _BOOKKEEPING and before[k] != after[k]}


def new_task(
    *,
    task_id: UUID,
    user_id: str,
    values: Mapping[str, Any],
    now: datetime,
    series_id: UUID,
    parent_task_id: UUID | None = None,
    instance_number: int = 1,
    occurrence_key: str | None = None,
) -> Task:
    """A new task from normalised `values`. `series_id` is used if the task recurs or is an
    instance of an existing series (an occurrence_key is given)."""
    settable = {k: _value_or_default(k, v) for k, v in values.items()}
    if "tags" in settable:
        settable["tags"] = tuple(settable["tags"])
    task = Task(id=task_id, user_id=user_id, created_at=now, updated_at=now, **settable)
    if task.completed:
        task = replace(task, completed_at=now)
    if task.is_recurring or occurrence_key is not None:
        task = replace(
            task,
            series_id=series_id,
            parent_task_id=parent_task_id,
            instance_number=instance_number,
            occurrence_key=occurrence_key,
        )
    return _derive(task)


def edit(task: Task, values: Mapping[str, Any], now: datetime, series_id: UUID) -> Task:
    """Apply a partial edit. Returns the same task when nothing changes (no version bump).
    `series_id` names the series if the edit makes the task recurring for the first time."""
    settable = {k: _value_or_default(k, v) for k, v in values.items()}
    if "tags" in settable:
        settable["tags"] = tuple(settable["tags"])
    new = replace(task, **settable)
    if new.completed != task.completed:
        new = replace(new, completed_at=now if new.completed else None)
    if new.remind_at != task.remind_at:
        # A moved reminder is a new reminder: it must fire again.
        new = replace(new, reminder_sent_at=None)
    if new.is_recurring and new.series_id is None:
        new = replace(new, series_id=series_id, instance_number=1)
    if (new.rrule, new.due_at, new.timezone) != (task.rrule, task.due_at, task.timezone):
        new = _derive(new)
    if new == task:
        return task
    return replace(new, version=task.version + 1, updated_at=now)


def moves_in_series(task: Task, new: Task) -> bool:
    """Whether the edit moves an open instance of a series to another due time, its rule
    unchanged: the move may take it to another slot of the series (renumbered)."""
    return (
        task.series_id is not None
        and task.rrule is not None
        and new.rrule == task.rrule
        and not task.completed
        and not new.completed
        and task.due_at is not None
        and new.due_at is not None
        and new.due_at != task.due_at
    )


def renumbered(task: Task, new: Task, predecessor: Task | None, now: datetime) -> Task:
    """The edit `new` of open instance `task` (moves_in_series), in the slot it moved to.
    COUNT counts instances done or skipped (a deleted one uses up its number), so:
    - moved onto its next occurrence, or (repeating from its due time) onto the first slot
      still to come at `now` (_skip_slot: where the web's "Skip this one" and the assistant's
      skip put an overdue one, as completing it would), the instance skips the slot it had:
      the next number. One number, as a completion uses one, however many slots an overdue
      instance passes;
    - moved back onto the due time of its predecessor (the instance whose completion or
      delete made it), deleted while open, it is that instance again (the undo of the
      delete): the predecessor's number;
    - moved back from the slot such a skip put it on (one slot back, or the skip's slot at
      `now`), it takes the number before, but never one below the number it was made with
      (the predecessor's plus one): the undo of a skip.
    Any other move keeps the number. `predecessor` is None when not known. next_occurrence
    is the one edit() found, COUNT applied to the new number."""
    assert task.rrule is not None and task.due_at is not None and new.due_at is not None
    number = task.instance_number
    if new.due_at > task.due_at:
        if new.due_at == task.next_occurrence or new.due_at == _skip_slot(task, task.due_at, now):
            number += 1
    elif new.due_at < task.due_at:
        if predecessor is not None and predecessor.series_id != task.series_id:
            predecessor = None
        dismissed = (
            predecessor is not None and predecessor.deleted_at is not None and not predecessor.completed
        )
        if predecessor is None:
            lowest = 1 if task.occurrence_key is None else number  # the series' first task, or unknown
        else:
            lowest = predecessor.instance_number + (0 if dismissed else 1)
        if dismissed and predecessor is not None and new.due_at == predecessor.due_at:
            number = lowest
        elif number > lowest and (
            task.due_at == _next_slot(task, new.due_at) or task.due_at == _skip_slot(task, new.due_at, now)
        ):
            number -= 1
    if number == task.instance_number:
        return new
    return _renumber(new, number)


def mark_deleted(task: Task, now: datetime) -> Task:
    return replace(task, deleted_at=now, version=task.version + 1, updated_at=now)


def _value_or_default(name: str, value: Any) -> Any:
    if name not in EDITABLE_FIELDS:
        raise AssertionError(f"{name} is not editable")
    if value is not None:
        return value
    if name in _NULLABLE:
        return None
    if name in _DEFAULTS:
        return _DEFAULTS[name]
    raise InvalidInput({name: "must not be null"})


def _derive(task: Task) -> Task:
    """Check the rule against the due time and compute next_occurrence."""
    if task.rrule is None:
        return replace(task, next_occurrence=None)
    rule = _rule(task.rrule)
    try:
        check_occurs(rule, task.due_at)
    except ValueError as exc:
        raise InvalidInput({"rrule": str(exc)}) from None
    found = next_occurrence(rule, task.due_at, task.instance_number, _zone(task))
    return replace(task, next_occurrence=found)


def _next_slot(task: Task, due_at: datetime) -> datetime | None:
    assert task.rrule is not None
    return next_occurrence(_rule(task.rrule), due_at, zone=_zone(task))


def _skip_slot(task: Task, due_at: datetime, now: datetime) -> datetime | None:
    """Where a skip at `now` puts an instance of a series repeating from its due time that is
    due at `due_at`: the rule's first slot after both (todo_common.next_due, as the web and the
    assistant find it); None for a series repeating from completion (its next one is one
    interval from a completion, not a slot)."""
    assert task.rrule is not None
    if task.repeat_from != "due":
        return None
    return next_due(_rule(task.rrule), due_at=due_at, finished_at=now, zone=_zone(task))


def _renumber(new: Task, number: int) -> Task:
    """`new`, derived by edit() as instance new.instance_number, as instance `number`. Only
    COUNT depends on the number, so the slot edit() found stays: next_occurrence is looked
    for again only when edit() found none because COUNT ended the series there."""
    assert new.rrule is not None
    count = _rule(new.rrule).count
    if count is not None and number >= count:
        return replace(new, instance_number=number, next_occurrence=None)
    if count is not None and new.instance_number >= count:
        found = next_occurrence(_rule(new.rrule), new.due_at, number, _zone(new))
        return replace(new, instance_number=number, next_occurrence=found)
    return replace(new, instance_number=number)


def _zone(task: Task) -> tzinfo:
    return load_zone(task.timezone)  # stored names were checked (schemas.Zone)


def _rule(body: str) -> Rule:
    try:
        return parse_rule(body)
    except ValueError as exc:
        raise InvalidInput({"rrule": str(exc)}) from None
