""" "What should I do first?", "what's most important", "what to do next" listed by priority
only: a high-priority task due in January came above a medium one due tonight, and "what's most
important" showed only the high-priority ones. Now they list in the order to do them: overdue
and due today first, then by priority, then by due time (planner.first_things_first), and the
reply says so. A priority said with them still filters; "show my most important tasks" still
lists the important ones."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk

BERLIN = ZoneInfo("Europe/Berlin")
LEAD = "You have 5+ open tasks, overdue and due today first, then by priority:\n"
IN_ORDER = (
    "- Pick up parcel (due today at 20:00)\n"
    "- Pay invoice (overdue, due yesterday at 11:00, low priority)\n"
    "- Call mom (urgent)\n"
    "- Water plants (due tomorrow at 10:00, high priority)\n"
    "- Renew passport (due on Fri 15 Jan at 09:00, high priority)"
)


def seed(fake: FakeTasks) -> None:
    # Said Friday 27 Nov 2026, 15:00 in Berlin.
    fake.seed("alice", title="Renew passport", priority="HIGH", due_at="2027-01-15T08:00:00Z")
    fake.seed("alice", title="Pick up parcel", due_at="2026-11-27T19:00:00Z")  # tonight, Medium
    fake.seed("alice", title="Pay invoice", priority="LOW", due_at="2026-11-26T10:00:00Z")  # overdue
    fake.seed("alice", title="Call mom", priority="VERY_IMPORTANT")
    fake.seed("alice", title="Book dentist", due_at="2026-11-28T09:00:00Z")
    fake.seed("alice", title="Water plants", priority="HIGH", due_at="2026-11-28T09:00:00Z")


@pytest.mark.parametrize(
    "message",
    [
        "what should I do first?",
        "What's most important?",
        "what to do next",
        "What should I do next?",
        "what should I work on next",
        "what's the most important thing",
        "what's next",
    ],
)
async def test_what_to_do_first_lists_today_and_overdue_then_by_priority(
    message: str, fake: FakeTasks
) -> None:
    seed(fake)
    assert await Talk(fake).say(message) == LEAD + IN_ORDER


async def test_a_stretch_said_keeps_its_filter_and_the_order(fake: FakeTasks) -> None:
    seed(fake)
    fake.seed("alice", title="Gym", priority="VERY_IMPORTANT", due_at="2026-11-29T08:00:00Z")
    assert await Talk(fake).say("what's most important this week") == (
        "You have 4 tasks due this week, overdue and due today first, then by priority:\n"
        "- Pick up parcel (due today at 20:00)\n"
        "- Gym (due on Sunday at 09:00, urgent)\n"
        "- Water plants (due tomorrow at 10:00, high priority)\n"
        "- Book dentist (due tomorrow at 10:00)"
    )


@pytest.mark.parametrize(
    ("message", "priority", "first"),
    [
        # Guards (pass before too): a priority said is a filter; an order said is that order.
        ("show my most important tasks", ("VERY_IMPORTANT", "HIGH"), False),
        ("what's urgent?", ("VERY_IMPORTANT",), False),
        ("show my tasks, most important first", (), False),
        ("what's next week", (), False),
    ],
)
def test_a_priority_or_an_order_said_is_kept(message: str, priority: tuple[str, ...], first: bool) -> None:
    filters = parse(message, FRIDAY).filters
    assert filters.priority == priority
    assert getattr(filters, "first", False) is first


# -- the order itself (pure) --------------------------------------------------------------------
def task(title: str, priority: str = "MEDIUM", due: str | None = None) -> dict[str, Any]:
    return {"id": title, "title": title, "priority": priority, "due_at": due}


def order(tasks: list[dict[str, Any]], now: datetime = FRIDAY) -> list[str]:
    from chat_service.domain.planner import first_things_first

    return [t["title"] for t in first_things_first(tasks, now)]


def test_due_tonight_comes_before_a_high_priority_due_in_january() -> None:
    tasks = [task("January", "HIGH", "2027-01-15T08:00:00Z"), task("Tonight", due="2026-11-27T19:00:00Z")]
    assert order(tasks) == ["Tonight", "January"]


def test_overdue_and_today_are_ordered_by_priority_then_by_due_time() -> None:
    tasks = [
        task("Today low", "LOW", "2026-11-27T16:00:00Z"),
        task("Overdue medium", due="2026-11-20T10:00:00Z"),
        task("Today medium late", due="2026-11-27T21:00:00Z"),
        task("Today urgent", "VERY_IMPORTANT", "2026-11-27T22:00:00Z"),
    ]
    assert order(tasks) == ["Today urgent", "Overdue medium", "Today medium late", "Today low"]


def test_the_rest_by_priority_then_soonest_due_and_undated_last() -> None:
    tasks = [
        task("Medium undated"),
        task("Medium next week", due="2026-12-04T10:00:00Z"),
        task("High undated", "HIGH"),
        task("High tomorrow", "HIGH", "2026-11-28T10:00:00Z"),
        task("Medium tomorrow", due="2026-11-28T10:00:00Z"),
    ]
    assert order(tasks) == [
        "High tomorrow",
        "High undated",
        "Medium tomorrow",
        "Medium next week",
        "Medium undated",
    ]


def test_today_ends_at_midnight_in_the_users_zone() -> None:
    # 23:30 on Friday in Berlin is 22:30 UTC: still today there; 00:30 Saturday is not.
    tasks = [
        task("Saturday 00:30", "HIGH", "2026-11-27T23:30:00Z"),
        task("Friday 23:30", "LOW", "2026-11-27T22:30:00Z"),
    ]
    assert order(tasks, datetime(2026, 11, 27, 15, 0, tzinfo=BERLIN)) == ["Friday 23:30", "Saturday 00:30"]
    # Said in UTC, both are Friday: by priority.
    assert order(tasks, datetime(2026, 11, 27, 14, 0, tzinfo=ZoneInfo("UTC"))) == [
        "Saturday 00:30",
        "Friday 23:30",
    ]


def test_ties_keep_the_order_given() -> None:
    tasks = [task("B"), task("A"), task("C")]
    assert order(tasks) == ["B", "A", "C"]
