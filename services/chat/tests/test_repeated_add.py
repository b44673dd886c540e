"""Several tasks in one message when the user says "add" again: "add milk. also add bread",
"add buy milk and add call dad tomorrow", "add milk; add eggs" add one task each, each with
its own date; "buy salt and pepper", "call mom and dad", "add tom and jerry dvd" stay one."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "expected", "after"),
    [
        ("add milk. also add bread", "Added 'Milk'. Added 'Bread'.", ["Bread", "Milk"]),
        ("add milk; add eggs", "Added 'Milk'. Added 'Eggs'.", ["Eggs", "Milk"]),
        ("Add milk. Also, add bread", "Added 'Milk'. Added 'Bread'.", ["Bread", "Milk"]),
        ("add milk and add eggs", "Added 'Milk'. Added 'Eggs'.", ["Eggs", "Milk"]),
        ("ok add milk, then add eggs", "Added 'Milk'. Added 'Eggs'.", ["Eggs", "Milk"]),
        (
            "add milk. add eggs. add bread",
            "Added 'Milk'. Added 'Eggs'. Added 'Bread'.",
            ["Bread", "Eggs", "Milk"],
        ),
    ],
)
async def test_each_add_is_its_own_task(
    fake: FakeTasks, message: str, expected: str, after: list[str]
) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == expected
    assert titles(fake) == after


async def test_each_task_has_its_own_date(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("add buy milk and add call dad tomorrow") == (
        "Added 'Buy milk'. Added 'Call dad' for tomorrow at 9:00 AM."
    )
    due = {t["title"]: t["due_at"] for t in fake.tasks.values()}
    assert due == {"Buy milk": None, "Call dad": "2026-11-26T09:00:00Z"}


async def test_undo_removes_both(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add milk. also add bread")
    assert titles(fake) == ["Bread", "Milk"]
    assert (await chat.say("undo")).startswith("Removed")
    assert titles(fake) == []


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("buy salt and pepper", "Buy salt and pepper"),
        ("call mom and dad", "Call mom and dad"),
        ("add tom and jerry dvd", "Tom and jerry dvd"),
        ("add milk and add-ons", "Milk and add-ons"),
        ("add a task to add milk to the recipe", "Add milk to the recipe"),
    ],
)
async def test_without_add_said_again_it_is_one_task(fake: FakeTasks, message: str, title: str) -> None:
    # Guards: one task, as before.
    chat = Chat(fake)
    assert (await chat.say(message)).startswith(f"Added '{title}'")
    assert titles(fake) == [title]
