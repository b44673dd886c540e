"""Dashboard statistics derived from the event log. Pure: events in, numbers out.

Each task's state is its latest snapshot (payload.task of its newest event, by the task's
version); a task.deleted event removes the task. A task counts as completed on the day (in
the user's time zone) of its completed_at, once, for as long as it stays completed."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

PRIORITIES = ("VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW")
TASK_EVENT_TYPES = frozenset(
    {"task.created", "task.updated", "task.completed", "task.reopened", "task.deleted"}
)
DELETED = "task.deleted"


@dataclass(frozen=True)
class LoggedEvent:
    """The parts of a stored event the statistics need."""

    type: str
    task_id: str
    occurred_at: datetime
    task: Mapping[str, Any]


@dataclass(frozen=True)
class TaskState:
    task_id: str
    completed: bool
    completed_at: datetime | None
    priority: str
    tags: tuple[str, ...]
    due_at: datetime | None


@dataclass(frozen=True)
class Stats:
    completed_per_day: list[dict[str, Any]]
    open_by_priority: dict[str, int]
    by_tag: dict[str, int]
    completion_rate: float
    current_streak: int
    overdue: int


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _version(event: LoggedEvent) -> int:
    version = event.task.get("version")
    return version if isinstance(version, int) else 0


def task_state(event: LoggedEvent) -> TaskState:
    task = event.task
    completed = task.get("completed") is True
    completed_at = _time(task.get("completed_at")) if completed else None
    priority = task.get("priority")
    tags = task.get("tags")
    return TaskState(
        task_id=event.task_id,
        completed=completed,
        # An older producer might leave completed_at out; the event's time is the best guess.
        completed_at=(completed_at or event.occurred_at) if completed else None,
        priority=priority if priority in PRIORITIES else "MEDIUM",
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        due_at=_time(task.get("due_at")),
    )


def current_tasks(events: Iterable[LoggedEvent]) -> list[TaskState]:
    """The user's tasks as of the newest event of each: deleted tasks left out, reminder
    events (no full snapshot) ignored. Order of `events` does not matter."""
    latest: dict[str, LoggedEvent] = {}
    for event in events:
        if event.type not in TASK_EVENT_TYPES:
            continue
        # task.deleted carries the snapshot as it was (same version as the last change), so
        # at equal versions the deletion wins.
        key = (_version(event), event.type == DELETED, event.occurred_at)
        held = latest.get(event.task_id)
        if held is None or key > (_version(held), held.type == DELETED, held.occurred_at):
            latest[event.task_id] = event
    return [task_state(e) for e in latest.values() if e.type != DELETED]


def local_date(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def streak(completion_days: set[date], today: date) -> int:
    """Consecutive days with a completion, ending today, or yesterday when nothing has been
    completed yet today (the streak is not broken until the day is over)."""
    day = today if today in completion_days else today - timedelta(days=1)
    count = 0
    while day in completion_days:
        count += 1
        day -= timedelta(days=1)
    return count


def compute_stats(tasks: Iterable[TaskState], *, now: datetime, days: int, tz: tzinfo) -> Stats:
    tasks = list(tasks)
    today = local_date(now, tz)
    first_day = today - timedelta(days=days - 1)
    open_tasks = [t for t in tasks if not t.completed]
    completions = Counter(local_date(t.completed_at, tz) for t in tasks if t.completed_at is not None)

    range_days = [first_day + timedelta(days=i) for i in range(days)]
    per_day = [{"date": d.isoformat(), "count": completions.get(d, 0)} for d in range_days]
    by_priority = {p: 0 for p in PRIORITIES}
    for t in open_tasks:
        by_priority[t.priority] += 1
    finished = len(tasks) - len(open_tasks)
    return Stats(
        completed_per_day=per_day,
        open_by_priority=by_priority,
        by_tag=tag_counts(open_tasks),
        completion_rate=round(finished / len(tasks), 4) if tasks else 0.0,
        current_streak=streak(set(completions), today),
        overdue=sum(1 for t in open_tasks if t.due_at is not None and t.due_at < now),
    )


def tag_counts(tasks: Iterable[TaskState]) -> dict[str, int]:
    """Open tasks per tag, tags compared case-insensitively (one spelling shown, the same
    whatever the order of tasks); most used first, then by name."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for t in tasks:
        for key, name in {tag.casefold(): tag for tag in t.tags}.items():
            shown[key] = min(shown.get(key, name), name)
            counts[key] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], shown[kv[0]].casefold()))
    return {shown[key]: n for key, n in ordered}
