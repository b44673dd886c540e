"""'What did I finish this week?': the tasks completed then (completed_at in that span, in the
user's timezone), latest first, not the tasks due then. The list_tasks tool asks the task API
for them in one call (sort=completed_at, completed_after/completed_before, limit). Reading
(pure), the tool against the fake task API, and whole conversations."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_tools import Tools
from tests.test_undo import Chat

# Friday 27 Nov 2026, 11:29 in Paris.
PARIS_NOW = datetime(2026, 11, 27, 11, 29, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.mark.parametrize(
    ("message", "start", "end", "said"),
    [
        ("what did I finish this week?", "2026-11-23", "2026-11-30", "this week"),
        ("What have I done this week", "2026-11-23", "2026-11-30", "this week"),
        ("what did I do today?", "2026-11-27", "2026-11-28", "today"),
        ("what did I get done yesterday?", "2026-11-26", "2026-11-27", "yesterday"),
        ("what did I accomplish last week?", "2026-11-16", "2026-11-23", "last week"),
        ("show me what I've completed today", "2026-11-27", "2026-11-28", "today"),
    ],
)
def test_what_did_i_finish_asks_for_the_tasks_completed_in_that_span(
    message: str, start: str, end: str, said: str
) -> None:
    request = parse(message, PARIS_NOW)
    f = request.filters
    assert (request.intent, f.status, f.due, f.due_after, f.due_before) == (
        "list",
        "completed",
        None,
        None,
        None,
    )
    assert f.completed_after is not None and f.completed_before is not None
    assert (f.completed_after.isoformat(), f.completed_before.isoformat()) == (
        f"{start}T00:00:00+01:00",
        f"{end}T00:00:00+01:00",
    )
    assert (f.completed_when, f.sort, f.order) == (said, "completed_at", "desc")


def test_what_have_i_completed_lists_every_completed_task_latest_first() -> None:
    f = parse("what have I completed?", PARIS_NOW).filters
    assert (f.status, f.completed_after, f.completed_before, f.sort, f.order) == (
        "completed",
        None,
        None,
        "completed_at",
        "desc",
    )


@pytest.mark.parametrize(
    ("message", "status", "due"),
    [
        # Guards: what is due, or left (pass on the old code too).
        ("what's due this week?", "open", "week"),
        ("what do I still need to do today?", "open", "today"),
    ],
)
def test_what_is_due_is_still_what_is_due(message: str, status: str, due: str) -> None:
    f = parse(message, PARIS_NOW).filters
    assert (f.status, f.due, f.completed_after) == (status, due, None)


def seed_done(fake: FakeTasks) -> None:
    """Tasks completed at several times (NOW is Wednesday 25 Nov 2026, 14:30 UTC)."""
    fake.seed("alice", title="Old report", completed=True, completed_at="2026-11-20T10:00:00Z")  # last week
    fake.seed("alice", title="Pay rent", completed=True, completed_at="2026-11-23T08:00:00Z")  # Monday
    fake.seed("alice", title="Call mom", completed=True, completed_at="2026-11-25T09:15:00Z")  # today
    fake.seed("alice", title="Buy milk", completed=True, completed_at="2026-11-24T18:00:00Z")  # yesterday
    fake.seed("alice", title="Open task due today", due_at="2026-11-25T17:00:00Z")


async def test_the_tool_filters_completed_tasks_by_completion_time_latest_first(fake: FakeTasks) -> None:
    seed_done(fake)
    for n in range(120):  # outside the bounds, which task-service applies
        fake.seed("alice", title=f"Done long ago {n}", completed=True, completed_at="2026-10-01T10:00:00Z")
    result = await Tools(fake)(
        "list_tasks",
        status="completed",
        completed_after="2026-11-23T00:00:00Z",
        completed_before="2026-11-30T00:00:00Z",
    )
    assert [t["title"] for t in result["tasks"]] == ["Call mom", "Buy milk", "Pay rent"]
    assert result["tasks"][0]["completed_at"] == "2026-11-25T09:15:00Z" and result["more"] is False


async def test_the_tool_asks_task_service_once_sorted_and_bounded_by_completion(fake: FakeTasks) -> None:
    """One list call, not pages read in the default order: with more than 1,000 completed
    tasks listed before them in that order, this week's are still found."""
    for n in range(1200):
        fake.seed("alice", title=f"Done long ago {n}", completed=True, completed_at="2026-10-01T10:00:00Z")
    seed_done(fake)
    fake.seed("alice", title="Done at midnight", completed=True, completed_at="2026-11-23T00:00:00Z")
    result = await Tools(fake)(
        "list_tasks",
        status="completed",
        completed_after="2026-11-23T00:00:00Z",
        completed_before="2026-11-30T00:00:00Z",
        limit=3,
    )
    # The start is inclusive (a task done at midnight counts for that day), the end not.
    assert fake.list_calls == [
        {
            "status": "completed",
            "sort": "completed_at",
            "order": "desc",
            "limit": 3,
            "completed_after": "2026-11-22T23:59:59.999999Z",
            "completed_before": "2026-11-30T00:00:00.000000Z",
        }
    ]
    assert [t["title"] for t in result["tasks"]] == ["Call mom", "Buy milk", "Pay rent"]
    assert result["count"] == 3 and result["more"] is True
    fake.list_calls.clear()
    oldest = await Tools(fake)(
        "list_tasks",
        status="completed",
        completed_after="2026-11-23T00:00:00Z",
        order="asc",
        priority="medium",
    )
    assert [t["title"] for t in oldest["tasks"]] == ["Done at midnight", "Pay rent", "Buy milk", "Call mom"]
    assert oldest["more"] is False
    [call] = fake.list_calls
    assert (call["order"], call["priority"], call["limit"], "completed_before" in call) == (
        "asc",
        "MEDIUM",
        50,
        False,
    )


async def test_what_did_i_finish_this_week_through_the_assistant(fake: FakeTasks) -> None:
    seed_done(fake)
    chat = Chat(fake)
    said = await chat.say("what did I finish this week?")
    assert said == (
        "You completed 3 tasks this week, latest first:\n"
        "- Call mom (done today at 9:15 AM)\n"
        "- Buy milk (done yesterday at 6:00 PM)\n"
        "- Pay rent (done Mon, Nov 23 at 8:00 AM)"
    )
    assert await chat.say("what did I do today?") == (
        "You completed 1 task today:\n- Call mom (done today at 9:15 AM)"
    )
    assert await chat.say("what did I get done yesterday?") == (
        "You completed 1 task yesterday:\n- Buy milk (done yesterday at 6:00 PM)"
    )


async def test_a_task_completed_in_the_conversation_counts_and_none_is_said_plainly(fake: FakeTasks) -> None:
    fake.seed("alice", title="Water the plants")
    chat = Chat(fake)
    assert await chat.say("what did I finish today?") == "You haven't completed any tasks today."
    assert await chat.say("what did I get done yesterday?") == "You didn't complete any tasks yesterday."
    await chat.say("I watered the plants")
    said = await chat.say("what have I completed?")
    assert said.startswith("You completed 1 task:\n- Water the plants (done today at")
    assert NOW.day == 25
