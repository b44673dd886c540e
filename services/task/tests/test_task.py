"""Unit tests of the task's lifecycle and snapshot (domain.task, domain.events)."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from task_service.domain.errors import InvalidInput
from task_service.domain.events import task_event
from task_service.domain.task import (
    Task,
    changes_between,
    edit,
    moves_in_series,
    new_task,
    renumbered,
    snapshot,
)
from todo_common.events import EventType, TaskEvent

NOW = datetime(2030, 1, 1, 12, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)


def make(**values: Any) -> Task:
    return new_task(
        task_id=uuid4(), user_id="u1", values={"title": "Task", **values}, now=NOW, series_id=uuid4()
    )


def test_new_task_defaults() -> None:
    task = make()
    assert (task.description, task.priority, task.tags, task.repeat_from) == ("", "MEDIUM", (), "due")
    assert task.version == 1 and task.created_at == task.updated_at == NOW
    assert not task.is_recurring and task.series_id is None and task.next_occurrence is None


def test_recurring_task_starts_a_series() -> None:
    task = make(rrule="FREQ=DAILY", due_at=NOW)
    assert task.is_recurring and task.series_id is not None and task.parent_task_id is None
    assert task.next_occurrence == NOW + timedelta(days=1)


def test_a_task_with_a_timezone_repeats_at_its_wall_clock_time_there() -> None:
    monday = datetime(2027, 3, 22, 9, tzinfo=UTC)  # 09:00 GMT in London; BST from the 28th
    task = make(rrule="FREQ=WEEKLY;BYDAY=MO", due_at=monday, timezone="Europe/London")
    assert task.next_occurrence == datetime(2027, 3, 29, 8, tzinfo=UTC)  # 09:00 BST
    assert snapshot(task)["timezone"] == "Europe/London"
    # Without one it repeats in UTC, as before; setting or clearing it recomputes.
    plain = make(rrule="FREQ=WEEKLY;BYDAY=MO", due_at=monday)
    assert plain.timezone is None and plain.next_occurrence == datetime(2027, 3, 29, 9, tzinfo=UTC)
    zoned = edit(plain, {"timezone": "Europe/London"}, NOW, uuid4())
    assert zoned.next_occurrence == task.next_occurrence and zoned.version == plain.version + 1
    assert edit(zoned, {"timezone": None}, NOW, uuid4()).next_occurrence == plain.next_occurrence


def test_rule_that_never_occurs_is_invalid_input_on_rrule() -> None:
    with pytest.raises(InvalidInput) as err:
        make(rrule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", due_at=NOW)
    assert "rrule" in err.value.fields


def test_snapshot_has_every_api_field_in_api_form() -> None:
    snap = snapshot(make(due_at=NOW, tags=("Work",)))
    assert set(snap) == {
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
    assert snap["due_at"] == "2030-01-01T12:00:00Z" and snap["tags"] == ["Work"]


def test_edit_bumps_version_only_on_change() -> None:
    task = make(title="A")
    assert edit(task, {"title": "A"}, LATER, uuid4()) is task
    changed = edit(task, {"title": "B"}, LATER, uuid4())
    assert changed.version == 2 and changed.updated_at == LATER
    assert changes_between(task, changed) == {"title": ("A", "B")}


def test_null_clears_nullable_fields_and_resets_defaults() -> None:
    task = make(due_at=NOW, description="d", priority="HIGH", tags=("x",), repeat_from="completion")
    cleared = edit(
        task,
        {"due_at": None, "description": None, "priority": None, "tags": None, "repeat_from": None},
        LATER,
        uuid4(),
    )
    assert (cleared.due_at, cleared.description, cleared.priority, cleared.tags, cleared.repeat_from) == (
        None,
        "",
        "MEDIUM",
        (),
        "due",
    )
    with pytest.raises(InvalidInput):
        edit(task, {"title": None}, LATER, uuid4())


def test_moving_the_reminder_clears_its_sent_mark() -> None:
    task = make(remind_at=NOW)
    sent = Task(**{**task.__dict__, "reminder_sent_at": NOW})
    assert edit(sent, {"title": "x"}, LATER, uuid4()).reminder_sent_at == NOW
    assert edit(sent, {"remind_at": LATER}, LATER, uuid4()).reminder_sent_at is None


def test_completing_and_reopening_are_idempotent() -> None:
    task = make()
    done = edit(task, {"completed": True}, LATER, uuid4())
    assert done.completed and done.completed_at == LATER and done.version == 2
    assert edit(done, {"completed": True}, LATER + timedelta(hours=1), uuid4()) is done
    again = edit(done, {"completed": False}, LATER, uuid4())
    assert not again.completed and again.completed_at is None and again.version == 3
    assert edit(again, {"completed": False}, LATER, uuid4()) is again


def test_adding_a_rule_later_starts_a_series_and_moving_due_moves_next() -> None:
    task = make(due_at=NOW)
    series = uuid4()
    recurring = edit(task, {"rrule": "FREQ=WEEKLY"}, LATER, series)
    assert recurring.series_id == series and recurring.next_occurrence == NOW + timedelta(weeks=1)
    moved = edit(recurring, {"due_at": NOW + timedelta(days=1)}, LATER, uuid4())
    assert moved.series_id == series and moved.next_occurrence == NOW + timedelta(days=8)
    plain = edit(moved, {"rrule": None}, LATER, uuid4())
    assert not plain.is_recurring and plain.next_occurrence is None


def test_event_carries_snapshot_and_changes_in_schema_v1() -> None:
    task = make(title="A")
    new = edit(task, {"title": "B"}, LATER, uuid4())
    event = task_event(EventType.TASK_UPDATED, new, changes_between(task, new))
    data = event.to_data()
    assert TaskEvent.model_validate(data) == event
    assert data["schema_version"] == "v1" and data["event_type"] == "task.updated"
    assert data["task_id"] == str(task.id) and data["user_id"] == "u1"
    assert data["payload"]["task"]["title"] == "B"
    assert data["payload"]["changes"] == {"title": {"old": "A", "new": "B"}}
    assert data["timestamp"].endswith("Z")


# -- the slot a moved instance takes (renumbered; the API side in test_series_slots.py) ----
WEEKLY_2 = "FREQ=WEEKLY;COUNT=2"


def instance(number: int, key: str | None, due: datetime = NOW, **values: Any) -> Task:
    series = uuid4()
    return new_task(
        task_id=uuid4(),
        user_id="u1",
        values={"title": "Gym", "rrule": WEEKLY_2, "due_at": due, **values},
        now=NOW,
        series_id=series,
        parent_task_id=uuid4() if key else None,
        instance_number=number,
        occurrence_key=key,
    )


def moved(task: Task, predecessor: Task | None = None, now: datetime = LATER, **values: Any) -> Task:
    new = edit(task, values, now, series_id=uuid4())
    return renumbered(task, new, predecessor, now) if moves_in_series(task, new) else new


def test_an_instance_moved_onto_its_next_occurrence_takes_the_next_slot() -> None:
    first = instance(1, None)
    skipped = moved(first, due_at=NOW + timedelta(weeks=1))
    assert skipped.instance_number == 2 and skipped.next_occurrence is None
    assert moved(skipped, due_at=NOW).instance_number == 1  # the skip undone
    assert moved(first, due_at=NOW + timedelta(weeks=2)).instance_number == 1  # two slots on: a move


def test_an_overdue_instance_skipped_to_the_first_slot_still_to_come_uses_one_number() -> None:
    """The web's "Skip this one" and the assistant's skip put an overdue instance on the rule's
    first slot after now (todo_common.next_due), past its next_occurrence: one instance skipped,
    one number used, as completing it would use one. Moving it back is the skip undone."""
    daily = "FREQ=DAILY;COUNT=10"
    overdue = instance(
        1, None, NOW - timedelta(days=3) - timedelta(hours=3), rrule=daily
    )  # 09:00, 3 days ago
    tomorrow_9 = NOW + timedelta(hours=21)
    skipped = moved(overdue, now=NOW, due_at=tomorrow_9)
    assert skipped.instance_number == 2
    assert skipped.next_occurrence == tomorrow_9 + timedelta(days=1)
    assert moved(skipped, now=NOW + timedelta(seconds=30), due_at=overdue.due_at).instance_number == 1
    # Today's 09:00 (past) or the day after tomorrow: moves, not the skip; the number stays.
    assert moved(overdue, now=NOW, due_at=tomorrow_9 - timedelta(days=1)).instance_number == 1
    assert moved(overdue, now=NOW, due_at=tomorrow_9 + timedelta(days=1)).instance_number == 1


def test_a_series_repeating_from_completion_counts_only_its_next_occurrence_as_a_skip() -> None:
    daily = "FREQ=DAILY;COUNT=10"
    overdue = instance(1, None, NOW - timedelta(days=3), rrule=daily, repeat_from="completion")
    assert moved(overdue, now=NOW, due_at=NOW + timedelta(days=1)).instance_number == 1
    assert moved(overdue, now=NOW, due_at=NOW - timedelta(days=2)).instance_number == 2  # its next_occurrence


def test_a_renumbered_instance_finds_its_next_occurrence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A skip changes only the number: the next occurrence edit() found stays (COUNT applied
    to the new number), the rule is not expanded and checked again."""
    from task_service.domain import task as domain

    calls: list[str] = []
    for name in ("next_occurrence", "check_occurs"):
        real = getattr(domain, name)
        monkeypatch.setattr(
            domain, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k)
        )
    gym = instance(1, None, rrule="FREQ=WEEKLY;COUNT=3")
    calls.clear()
    skipped = moved(gym, due_at=NOW + timedelta(weeks=1))
    assert skipped.instance_number == 2 and skipped.next_occurrence == NOW + timedelta(weeks=2)
    assert sorted(calls) == ["check_occurs", "next_occurrence"]
    last = moved(instance(1, None), due_at=NOW + timedelta(weeks=1))  # WEEKLY_2: the 2nd and last
    back = moved(last, due_at=NOW)  # edit() found none (COUNT): found for the 1st again
    assert (back.instance_number, back.next_occurrence) == (1, NOW + timedelta(weeks=1))


def test_a_move_back_keeps_the_slot_when_the_predecessor_is_unknown_or_another_series() -> None:
    second = instance(2, "k1", NOW + timedelta(weeks=1))
    assert moved(second, due_at=NOW).instance_number == 2
    stranger = instance(1, None)  # another series' first task, deleted while open
    stranger = replace(stranger, deleted_at=NOW, id=uuid4())
    assert moved(second, stranger, due_at=NOW).instance_number == 2


def test_no_renumbering_with_the_rule_changed_or_for_a_completed_task() -> None:
    first = instance(1, None)
    assert moved(first, due_at=NOW + timedelta(weeks=1), rrule="FREQ=WEEKLY;COUNT=3").instance_number == 1
    done = edit(first, {"completed": True}, LATER, series_id=uuid4())
    assert not moves_in_series(done, edit(done, {"due_at": NOW + timedelta(weeks=1)}, LATER, uuid4()))
