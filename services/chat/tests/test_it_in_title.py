""" "It" at the end of a title is the object of its verb: "add buy a gift for mom and wrap it"
is 'Buy a gift for mom and wrap it' (before: '... and wrap'). "It" as the task itself ("add
it", "do it tomorrow", "..., do it friday", "... and make it monthly") is still no title."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add buy a gift for mom and wrap it", "Buy a gift for mom and wrap it"),
        ("add fix it", "Fix it"),
        ("add return it", "Return it"),
        ("add deal with it", "Deal with it"),
        ("remind me to fix it sometime", "Fix it"),
        ("add sell the car, advertise it", "Sell the car, advertise it"),
    ],
)
async def test_it_after_the_titles_verb_stays(fake: FakeTasks, message: str, title: str) -> None:
    chat = Chat(fake)
    assert (await chat.say(message)).startswith(f"Added '{title}'")
    assert titles(fake) == [title]


async def test_it_with_a_date_after_it_stays(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("add buy a gift for mom and wrap it friday") == (
        "Added 'Buy a gift for mom and wrap it' for Friday at 9:00 AM."
    )


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # A command about the task said with its title: "it" is the task, not a title word.
        ("add fix the sink, do it friday", "Fix the sink"),
        ("add buy milk and schedule it for friday", "Buy milk"),
        ("add pay rent and make it monthly", "Pay rent"),
        ("add call mom and make it for 5pm", "Call mom"),
    ],
)
async def test_a_command_about_it_is_no_title(fake: FakeTasks, message: str, title: str) -> None:
    chat = Chat(fake)
    assert (await chat.say(message)).startswith(f"Added '{title}'")
    assert titles(fake) == [title]


@pytest.mark.parametrize("message", ["add it", "put it on my list", "add it to my list"])
async def test_it_alone_still_asks_for_a_name(fake: FakeTasks, message: str) -> None:
    # Guard.
    chat = Chat(fake)
    assert await chat.say(message) == "What should the task be called?"
    assert titles(fake) == []


async def test_do_it_tomorrow_still_moves_the_task_added(fake: FakeTasks) -> None:
    # Guard.
    chat = Chat(fake)
    assert await chat.say("add call the plumber") == "Added 'Call the plumber'."
    assert (await chat.say("do it tomorrow")).startswith("Moved 'Call the plumber' to tomorrow")
    assert titles(fake) == ["Call the plumber"]
