"""Asking for the list in an order: "can you order my tasks by due date", "sort my list by
priority" list the tasks with list_tasks' sort (priority|due_at|created_at|title) and add
nothing; "sort the photos by date" is still a task to do."""

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.planner import Call, Say
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat


@pytest.mark.parametrize(
    ("message", "sort", "order"),
    [
        ("can you order my tasks by due date", "due_at", None),
        ("sort my list by priority", "priority", None),
        ("Could you sort my list by priority, please?", "priority", None),
        ("order them by due date", "due_at", None),
        ("sort by priority", "priority", None),
        ("put my tasks in order of priority", "priority", None),
        ("organize my to-do list by deadline", "due_at", None),
        ("sort my list alphabetically", "title", None),
        ("can you order the list alphabetically", "title", None),
        ("arrange my tasks by date added", "created_at", "asc"),
        ("sort my tasks by due date in reverse", "due_at", "desc"),
        ("list my tasks by priority", "priority", None),
        ("show my tasks, most important first", "priority", None),
    ],
)
def test_asking_for_an_order_lists_the_tasks_in_it(message: str, sort: str, order: str | None) -> None:
    request = parse(message, NOW)
    assert request.intent == "list"
    assert (request.filters.sort, request.filters.order) == (sort, order)
    # "most important first" is an order, not a filter to the important ones.
    assert request.filters.priority == () and request.filters.limit == 50


@pytest.mark.parametrize(
    ("message", "sort", "order"),
    [
        # Guards: orders read before this change, read the same (pass on the old code too).
        ("show my tasks sorted by due date", "due_at", None),
        ("show my latest tasks", "created_at", "desc"),
        ("what's due soonest?", "due_at", None),
    ],
)
def test_orders_read_before_are_read_the_same(message: str, sort: str, order: str | None) -> None:
    request = parse(message, NOW)
    assert request.intent == "list"
    assert (request.filters.sort, request.filters.order) == (sort, order)


def test_a_sort_keeps_the_filters_it_names() -> None:
    request = parse("sort my overdue work tasks by priority", NOW)
    assert request.intent == "list"
    assert (request.filters.sort, request.filters.due, request.filters.tags) == (
        "priority",
        "overdue",
        ("Work",),
    )


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards: a thing to sort or order is a task (pass on the old code too).
        ("Sort tax receipts by date", "Sort tax receipts by date"),
        ("sort laundry by color", "Sort laundry by color"),
        ("order pizza by 7pm", "Order pizza"),
        ("put the books in order", "Put the books in order"),
        ("sort the photos", "Sort the photos"),
    ],
)
def test_sorting_something_else_is_a_task(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == ("add", title)


def test_ordering_something_for_the_user_is_still_declined() -> None:
    assert parse("can you order me a pizza", NOW).intent == "cannot"  # guard


@pytest.mark.parametrize(
    "message",
    [
        "sort my list by priority",
        # No order said: the default one, most important first.
        "sort my list",
    ],
)
def test_sort_by_priority_is_one_list_call_and_the_reply_says_the_order(message: str) -> None:
    tasks = [
        {"id": "a", "title": "Buy milk", "priority": "VERY_IMPORTANT"},
        {"id": "b", "title": "Team sync", "priority": "HIGH", "due_at": "2026-11-25T16:00:00Z"},
        {"id": "c", "title": "Pay rent", "priority": "LOW", "due_at": "2026-11-26T09:00:00Z"},
    ]
    steps = play(message, [{"ok": True, "tasks": tasks}])
    assert steps == [
        Call("list_tasks", {"status": "open", "sort": "priority", "limit": 50, "timezone": "UTC"}),
        Say(
            "You have 3 open tasks, most important first:\n"
            "- Buy milk (urgent)\n"
            "- Team sync (due today at 4:00 PM, high priority)\n"
            "- Pay rent (due tomorrow at 9:00 AM, low priority)"
        ),
    ]


async def test_order_my_tasks_by_due_date_through_the_agent_lists_them_and_adds_nothing(
    fake: FakeTasks,
) -> None:
    fake.seed("alice", title="Buy milk", priority="VERY_IMPORTANT")
    fake.seed("alice", title="Pay rent", due_at="2026-11-26T09:00:00Z", priority="LOW")
    fake.seed("alice", title="Team sync", due_at="2026-11-25T16:00:00Z", priority="HIGH")
    chat = Chat(fake)
    assert await chat.say("can you order my tasks by due date") == (
        "You have 3 open tasks, soonest due first:\n"
        "- Team sync (due today at 4:00 PM, high priority)\n"
        "- Pay rent (due tomorrow at 9:00 AM, low priority)\n"
        "- Buy milk (urgent)"
    )
    assert len(fake.tasks) == 3


# -- no order said: the default order, most important first -----------------------------------
@pytest.mark.parametrize(
    ("message", "due", "tags"),
    [
        ("sort my list", None, ()),
        ("sort my tasks", None, ()),
        ("Could you sort my list, please?", None, ()),
        ("can you order my tasks", None, ()),
        ("organize my to-do list", None, ()),
        ("put them in order", None, ()),
        ("sort out my tasks", None, ()),
        ("sort today's tasks", "today", ()),
        ("sort my work tasks", None, ("Work",)),
    ],
)
def test_a_sort_without_an_order_lists_the_tasks_most_important_first(
    message: str, due: str | None, tags: tuple[str, ...]
) -> None:
    request = parse(message, NOW)
    assert request.intent == "list"
    # The API's default order (priority, then due date), said so the reply can say it.
    assert (request.filters.sort, request.filters.order) == ("priority", None)
    assert (request.filters.due, request.filters.tags, request.filters.limit) == (due, tags, 50)


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards: chores with a sort verb and no list named stay tasks (pass on the old code too).
        ("sort my stuff", "Sort my stuff"),
        ("organize my things", "Organize my things"),
        ("sort laundry", "Sort laundry"),
        ("order my groceries", "Order my groceries"),
    ],
)
def test_sorting_a_thing_without_an_order_is_still_a_task(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == ("add", title)


def test_ordering_groceries_for_the_user_is_still_declined() -> None:
    assert parse("can you order my groceries", NOW).intent == "cannot"  # guard


async def test_sort_my_tasks_through_the_agent_lists_them_and_adds_nothing(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent", due_at="2026-11-26T09:00:00Z", priority="LOW")
    fake.seed("alice", title="Team sync", due_at="2026-11-25T16:00:00Z", priority="HIGH")
    fake.seed("alice", title="Write report", due_at="2026-11-25T15:00:00Z", priority="HIGH")
    fake.seed("alice", title="Buy milk", priority="VERY_IMPORTANT")
    chat = Chat(fake)
    assert await chat.say("sort my tasks") == (
        "You have 4 open tasks, most important first:\n"
        "- Buy milk (urgent)\n"
        "- Write report (due today at 3:00 PM, high priority)\n"
        "- Team sync (due today at 4:00 PM, high priority)\n"
        "- Pay rent (due tomorrow at 9:00 AM, low priority)"
    )
    assert len(fake.tasks) == 4
