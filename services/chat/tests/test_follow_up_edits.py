"""A follow-up with no task name is about the last task the conversation touched: "and high
priority", "also tag it work", "actually do it tonight", "make it tomorrow instead", "and
remind me an hour before" after "add renew car insurance" edit that task."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles


def task(fake: FakeTasks, title: str) -> dict:
    (found,) = [t for t in fake.tasks.values() if t["title"] == title]
    return found


async def test_a_chain_of_follow_ups_edits_the_task_added(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("add renew car insurance") == "Added 'Renew car insurance'."
    assert (await chat.say("make it due next friday")).startswith("Moved 'Renew car insurance' to")
    assert await chat.say("and high priority") == "Set 'Renew car insurance' to high priority."
    assert await chat.say("also tag it work") == "Tagged 'Renew car insurance' as Work."
    assert (await chat.say("and remind me an hour before")).startswith(
        "I'll remind you about 'Renew car insurance'"
    )
    car = task(fake, "Renew car insurance")
    assert (car["priority"], car["tags"], car["due_at"], car["remind_at"]) == (
        "HIGH",
        ["Work"],
        "2026-11-27T09:00:00Z",
        "2026-11-27T08:00:00Z",
    )
    assert titles(fake) == ["Renew car insurance"]


@pytest.mark.parametrize(
    ("message", "due_at"),
    [
        ("actually do it tonight", "2026-11-25T20:00:00Z"),
        ("do it friday at 3pm", "2026-11-27T15:00:00Z"),
        ("have it done by friday at 5pm", "2026-11-27T17:00:00Z"),
        ("make it tomorrow instead", "2026-11-26T09:00:00Z"),
        ("and tomorrow at 4pm", "2026-11-26T16:00:00Z"),
    ],
)
async def test_a_time_said_after_an_add_is_that_tasks_due_time(
    fake: FakeTasks, message: str, due_at: str
) -> None:
    chat = Chat(fake)
    assert await chat.say("add call the insurance company") == "Added 'Call the insurance company'."
    assert (await chat.say(message)).startswith("Moved 'Call the insurance company' to")
    assert task(fake, "Call the insurance company")["due_at"] == due_at
    assert titles(fake) == ["Call the insurance company"]


async def test_and_urgent_after_a_change_edits_that_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Book flights")
    chat = Chat(fake)
    assert (await chat.say("move book flights to friday")).startswith("Moved 'Book flights' to")
    assert await chat.say("and urgent") == "Set 'Book flights' to urgent."
    assert task(fake, "Book flights")["priority"] == "VERY_IMPORTANT"


async def test_with_no_task_before_it_still_asks_for_a_name(fake: FakeTasks) -> None:
    # Guard: nothing was touched, so there is nothing to edit.
    chat = Chat(fake)
    assert await chat.say("and high priority") == "What should the task be called?"
    assert titles(fake) == []


async def test_after_a_list_of_many_it_still_asks_for_a_name(fake: FakeTasks) -> None:
    # Guard: the last reply was about no one task, so "tomorrow" edits none.
    chat = Chat(fake)
    await chat.say("add renew car insurance")
    await chat.say("add call mom")
    assert (await chat.say("show my tasks")).startswith("You have 2 open tasks")
    assert await chat.say("tomorrow") == "What should the task be called?"
    assert [t["due_at"] for t in fake.tasks.values()] == [None, None]


async def test_add_with_no_title_still_asks_for_a_name(fake: FakeTasks) -> None:
    # Guard: "add ..." is a new task, even right after another.
    chat = Chat(fake)
    await chat.say("add renew car insurance")
    assert await chat.say("add tomorrow") == "What should the task be called?"
    assert task(fake, "Renew car insurance")["due_at"] is None


async def test_a_new_task_with_a_title_is_still_added(fake: FakeTasks) -> None:
    # Guard.
    chat = Chat(fake)
    await chat.say("add renew car insurance")
    assert (await chat.say("and call mom tomorrow")).startswith("Added 'Call mom' for tomorrow")
    assert titles(fake) == ["Call mom", "Renew car insurance"]
