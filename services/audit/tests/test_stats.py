"""Dashboard statistics on a hand-computed fixture.

Now is 2026-03-10 02:30 UTC: still 9 March in New York (EDT since 8 March 07:00 UTC, so
UTC-4), already 10 March 11:30 in Tokyo.

task  final state                     completed_at (UTC)   New York      Tokyo
T1    completed, HIGH (was LOW)       2026-03-09 23:00     9 Mar 19:00   10 Mar 08:00
T2    completed                       2026-03-10 01:00     9 Mar 21:00   10 Mar 10:00
T3    completed                       2026-03-08 03:00     7 Mar 22:00 (EST, before the switch)
T4    completed                       2026-03-08 12:00     8 Mar 08:00   8 Mar 21:00
T5    open, VERY_IMPORTANT, Finance+Urgent, due 1 Mar (overdue)
T6    open, MEDIUM, Shopping, due 20 Mar
T7    created, then deleted                                         (gone)
T8    open, LOW, 'finance', completed then reopened
T9    completed 9 Mar 12:00, then deleted                           (gone)
plus a reminder.due for T5 (a partial snapshot, ignored).

New York, 4 days (6..9 Mar): 0, 1, 1, 2; streak 3 (7, 8, 9 Mar).
Tokyo, 4 days (7..10 Mar): 0, 2, 0, 2; streak 1 (10 Mar; nothing on 9 Mar).
Open: VERY_IMPORTANT 1, MEDIUM 1, LOW 1. Tags of open tasks: Finance 2 (Finance, finance),
Shopping 1, Urgent 1. Completion rate 4 of 7 tasks. Overdue 1 (T5)."""

import random
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from audit_service.domain.stats import LoggedEvent, compute_stats, current_tasks, streak

NOW = datetime(2026, 3, 10, 2, 30, tzinfo=UTC)


def snap(version: int, *, completed_at: str | None = None, **fields: Any) -> dict[str, Any]:
    return {
        "version": version,
        "title": "t",
        "completed": completed_at is not None,
        "completed_at": completed_at,
        "priority": "MEDIUM",
        "tags": [],
        "due_at": None,
        **fields,
    }


def ev(kind: str, task_id: str, at: str, task: dict[str, Any]) -> LoggedEvent:
    return LoggedEvent(type=kind, task_id=task_id, occurred_at=datetime.fromisoformat(at), task=task)


FIXTURE = [
    ev("task.created", "T1", "2026-03-01T10:00:00+00:00", snap(1, priority="LOW", tags=["Finance"])),
    ev("task.updated", "T1", "2026-03-02T10:00:00+00:00", snap(2, priority="HIGH", tags=["Finance"])),
    ev(
        "task.completed",
        "T1",
        "2026-03-09T23:00:00+00:00",
        snap(3, priority="HIGH", tags=["Finance"], completed_at="2026-03-09T23:00:00Z"),
    ),
    ev("task.created", "T2", "2026-03-01T10:00:00+00:00", snap(1)),
    ev("task.completed", "T2", "2026-03-10T01:00:00+00:00", snap(2, completed_at="2026-03-10T01:00:00Z")),
    ev("task.completed", "T3", "2026-03-08T03:00:00+00:00", snap(2, completed_at="2026-03-08T03:00:00Z")),
    ev("task.completed", "T4", "2026-03-08T12:00:00+00:00", snap(2, completed_at="2026-03-08T12:00:00Z")),
    ev(
        "task.created",
        "T5",
        "2026-02-20T10:00:00+00:00",
        snap(1, priority="VERY_IMPORTANT", tags=["Finance", "Urgent"], due_at="2026-03-01T00:00:00Z"),
    ),
    ev("reminder.due", "T5", "2026-02-28T00:00:00+00:00", {"id": "T5", "title": "t"}),
    ev(
        "task.created",
        "T6",
        "2026-03-05T10:00:00+00:00",
        snap(1, tags=["Shopping"], due_at="2026-03-20T00:00:00Z"),
    ),
    ev("task.created", "T7", "2026-03-05T10:00:00+00:00", snap(1)),
    ev("task.deleted", "T7", "2026-03-05T11:00:00+00:00", snap(1)),  # snapshot as it was: same version
    ev("task.created", "T8", "2026-03-01T10:00:00+00:00", snap(1, priority="LOW", tags=["finance"])),
    ev(
        "task.completed",
        "T8",
        "2026-03-02T10:00:00+00:00",
        snap(2, priority="LOW", tags=["finance"], completed_at="2026-03-02T10:00:00Z"),
    ),
    ev("task.reopened", "T8", "2026-03-03T10:00:00+00:00", snap(3, priority="LOW", tags=["finance"])),
    ev("task.completed", "T9", "2026-03-09T12:00:00+00:00", snap(2, completed_at="2026-03-09T12:00:00Z")),
    ev("task.deleted", "T9", "2026-03-09T13:00:00+00:00", snap(2, completed_at="2026-03-09T12:00:00Z")),
]


def test_current_tasks_takes_the_newest_snapshot_and_drops_deleted_tasks_in_any_order() -> None:
    expected = {t.task_id: t for t in current_tasks(FIXTURE)}
    assert sorted(expected) == ["T1", "T2", "T3", "T4", "T5", "T6", "T8"]
    assert expected["T1"].priority == "HIGH" and expected["T1"].completed
    assert not expected["T8"].completed
    shuffled = FIXTURE[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert {t.task_id: t for t in current_tasks(shuffled)} == expected


def test_new_york() -> None:
    stats = compute_stats(current_tasks(FIXTURE), now=NOW, days=4, tz=ZoneInfo("America/New_York"))
    assert stats.completed_per_day == [
        {"date": "2026-03-06", "count": 0},
        {"date": "2026-03-07", "count": 1},
        {"date": "2026-03-08", "count": 1},
        {"date": "2026-03-09", "count": 2},
    ]
    assert stats.current_streak == 3
    assert stats.open_by_priority == {"VERY_IMPORTANT": 1, "HIGH": 0, "MEDIUM": 1, "LOW": 1}
    assert stats.by_tag == {"Finance": 2, "Shopping": 1, "Urgent": 1}
    assert list(stats.by_tag) == ["Finance", "Shopping", "Urgent"]
    assert stats.completion_rate == pytest.approx(4 / 7, abs=1e-4)
    assert stats.overdue == 1


def test_tokyo_is_already_the_next_day() -> None:
    stats = compute_stats(current_tasks(FIXTURE), now=NOW, days=4, tz=ZoneInfo("Asia/Tokyo"))
    assert stats.completed_per_day == [
        {"date": "2026-03-07", "count": 0},
        {"date": "2026-03-08", "count": 2},
        {"date": "2026-03-09", "count": 0},
        {"date": "2026-03-10", "count": 2},
    ]
    assert stats.current_streak == 1


def test_utc() -> None:
    stats = compute_stats(current_tasks(FIXTURE), now=NOW, days=1, tz=UTC)
    assert stats.completed_per_day == [{"date": "2026-03-10", "count": 1}]
    assert stats.current_streak == 3  # 8, 9, 10 March in UTC


def test_every_day_of_a_long_range_is_listed() -> None:
    stats = compute_stats(current_tasks(FIXTURE), now=NOW, days=365, tz=UTC)
    days = [d["date"] for d in stats.completed_per_day]
    assert len(days) == 365 and days[-1] == "2026-03-10" and days[0] == "2025-03-11"
    assert sum(d["count"] for d in stats.completed_per_day) == 4


def test_no_tasks() -> None:
    stats = compute_stats([], now=NOW, days=2, tz=UTC)
    assert stats.completion_rate == 0.0
    assert stats.current_streak == 0
    assert stats.overdue == 0
    assert stats.by_tag == {}
    assert stats.completed_per_day == [{"date": "2026-03-09", "count": 0}, {"date": "2026-03-10", "count": 0}]


def test_streak_counts_from_yesterday_until_today_has_a_completion() -> None:
    today = date(2026, 3, 10)
    assert streak({date(2026, 3, 9), date(2026, 3, 8)}, today) == 2
    assert streak({date(2026, 3, 10), date(2026, 3, 9)}, today) == 2
    assert streak({date(2026, 3, 8)}, today) == 0
    assert streak(set(), today) == 0


def test_streak_across_the_date_line_and_dst() -> None:
    # One completion each day at 23:30 New York time across the DST switch (8 March).
    completions = [
        "2026-03-07T04:30:00+00:00",  # 6 Mar 23:30 EST
        "2026-03-08T04:30:00+00:00",  # 7 Mar 23:30 EST
        "2026-03-09T03:30:00+00:00",  # 8 Mar 23:30 EDT
        "2026-03-10T03:30:00+00:00",  # 9 Mar 23:30 EDT
    ]
    events = [
        ev("task.completed", f"S{i}", at, snap(2, completed_at=at.replace("+00:00", "Z")))
        for i, at in enumerate(completions)
    ]
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)  # 10 Mar 08:00 in New York
    new_york = compute_stats(current_tasks(events), now=now, days=7, tz=ZoneInfo("America/New_York"))
    assert new_york.current_streak == 4  # 6..9 March, nothing yet today
    # In UTC the same completions fall on 7..10 March: today counts.
    assert compute_stats(current_tasks(events), now=now, days=7, tz=UTC).current_streak == 4
    # In Kiritimati (UTC+14) they fall on 7..10 March too, but "today" there is 11 March.
    kiritimati = compute_stats(current_tasks(events), now=now, days=7, tz=ZoneInfo("Pacific/Kiritimati"))
    assert kiritimati.current_streak == 4
    assert kiritimati.completed_per_day[-1] == {"date": "2026-03-11", "count": 0}


def test_a_snapshot_missing_fields_does_not_break_the_statistics() -> None:
    events = [ev("task.created", "X", "2026-03-01T00:00:00+00:00", {"priority": "BOGUS", "tags": "nope"})]
    stats = compute_stats(current_tasks(events), now=NOW, days=1, tz=UTC)
    assert stats.open_by_priority["MEDIUM"] == 1
    assert stats.by_tag == {}
