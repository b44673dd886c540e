"""A group marked done at once: "mark all overdue tasks as done", "mark everything due today
as done", "mark all shopping tasks done", "check off today's tasks", "I finished everything
for today". Every open task of that day, tag or priority is completed, together, the reply
names them and "undo" reopens them; with no group ("mark everything as done") it asks which.
Before, the words were searched for as one task's name ("I couldn't find a task matching 'all
overdue'") or, with a day in them, added as a task ('Mark everything as done', 'I finished
everything'). Reading (pure) and conversations against the fake task API (NOW is Wednesday
25 Nov 2026, 14:30 UTC)."""

from datetime import UTC, datetime

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "due", "tags", "priority"),
    [
        ("mark all overdue tasks as done", "overdue", (), ()),
        ("mark everything due today as done", "today", (), ()),
        ("i finished everything for today", "today", (), ()),
        ("check off today's tasks", "today", (), ()),
        ("i did all my tasks today", "today", (), ()),
        ("complete this week's tasks", None, (), ()),  # the calendar week: due_after/before
        ("mark all shopping tasks done", None, ("Shopping",), ()),
        ("complete all work tasks", None, ("Work",), ()),
        ("tick off all high priority tasks", None, (), ("VERY_IMPORTANT", "HIGH")),
    ],
)
def test_a_group_to_mark_done_is_read_as_one(
    message: str, due: str | None, tags: tuple[str, ...], priority: tuple[str, ...]
) -> None:
    request = parse(message, NOW)
    assert request.intent == "complete_all", request
    f = request.filters
    assert (f.status, f.due, f.tags, f.priority) == ("open", due, tags, priority)
    if "week" in message:  # Monday 23 to Sunday 29 Nov (NOW is Wednesday 25)
        assert (f.due_after, f.due_before, f.due_when) == (
            datetime(2026, 11, 22, 23, 59, 59, tzinfo=UTC),
            datetime(2026, 11, 30, tzinfo=UTC),
            "this week",
        )


async def test_all_overdue_tasks_are_marked_done_and_undo_reopens_them(fake: FakeTasks) -> None:
    fake.seed("alice", title="File taxes", due_at="2026-11-20T09:00:00Z")
    fake.seed("alice", title="Return books", due_at="2026-11-24T09:00:00Z")
    fake.seed("alice", title="Call plumber", due_at="2026-11-30T09:00:00Z")
    chat = Chat(fake)
    assert await chat.say("mark all overdue tasks as done") == (
        "Marked 2 overdue tasks as done: 'File taxes' and 'Return books'. Nice work! "
        'Say "undo" to put them back.'
    )
    assert titles(fake) == ["Call plumber", "File taxes (done)", "Return books (done)"]
    assert await chat.say("undo") == "Reopened 'File taxes'. Reopened 'Return books'."
    assert titles(fake) == ["Call plumber", "File taxes", "Return books"]


async def test_a_tag_group_is_marked_done_and_one_task_is_told_as_one(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk", tags=["Shopping"])
    fake.seed("alice", title="Eggs", tags=["Shopping"])
    fake.seed("alice", title="Report", tags=["Work"], due_at="2026-11-25T16:00:00Z")
    chat = Chat(fake)
    assert await chat.say("mark all shopping tasks done") == (
        "Marked 2 tasks tagged Shopping as done: 'Milk' and 'Eggs'. Nice work! Say \"undo\" to put them back."
    )
    assert await chat.say("mark everything due today as done") == "Marked 'Report' as done. Nice work!"
    assert titles(fake) == ["Eggs (done)", "Milk (done)", "Report (done)"]


async def test_no_group_asks_which_and_an_empty_group_changes_nothing(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call plumber", due_at="2026-11-30T09:00:00Z")
    chat = Chat(fake)
    assert await chat.say("mark everything as done") == (
        'Which tasks should I mark as done? Say, for example, "mark today\'s tasks as done" or '
        '"mark all overdue tasks as done".'
    )
    assert await chat.say("mark all overdue tasks as done") == (
        "You have no overdue tasks, so I didn't mark anything as done."
    )
    assert titles(fake) == ["Call plumber"]


# Guards (pass before and after): one task marked done, and words that name no group.
@pytest.mark.parametrize(
    ("message", "intent", "ref"),
    [
        ("mark it done", "complete", None),
        ("mark the boxes as done", "complete", "boxes"),
        ("complete the report", "complete", "report"),
        ("i finished my homework", "complete", "homework"),
        ("check off milk", "complete", "milk"),
        ("finish the report by friday", "add", None),
    ],
)
def test_one_task_is_still_one_task(message: str, intent: str, ref: str | None) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == (intent, ref)
