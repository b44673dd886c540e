"""Talk that is clearly no task, said by an explicit list: the weather ("it's raining", "the
weather is nice") and a statement ending with a tag question ("the weather is nice, isn't
it") get a short reply and add nothing (before: tasks 'It's raining', 'The weather is nice,
isn't'); "that's great" is thanks for the last turn (before: a task 'That's great'). A
statement that may be a chore ("the car needs oil", "taxes are due friday") is still a task."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles

ONLY_TASKS = "I'm only good with tasks, I'm afraid. Tell me one to add, or ask \"What's on my list?\""


@pytest.mark.parametrize(
    "message",
    [
        "the weather is nice, isn't it",
        "the weather is nice, isn't it?",
        "that was fun, wasn't it?",
        "it's raining",
        "it's so cold today",
        "it's a lovely day!",
        "the weather is nice",
    ],
)
async def test_small_talk_adds_nothing(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == ONLY_TASKS
    assert titles(fake) == []


@pytest.mark.parametrize("message", ["it's raining", "the weather is nice, isn't it"])
async def test_small_talk_after_an_add_leaves_the_task(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    await chat.say("add call mom")
    assert await chat.say(message) == ONLY_TASKS
    assert titles(fake) == ["Call mom"]


@pytest.mark.parametrize("message", ["that's great", "that's really helpful", "this is perfect"])
async def test_praise_is_thanks(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    await chat.say("add call mom")
    assert await chat.say(message) == "You're welcome! Anything else I can do for your tasks?"
    assert titles(fake) == ["Call mom"]


@pytest.mark.parametrize(
    "message",
    [
        # Guards: a chore said as a statement is still a task.
        "the car needs oil",
        "the dog needs a bath",
        "taxes are due friday",
        "buy an umbrella, it's raining",
    ],
)
async def test_a_chore_said_as_a_statement_is_still_added(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert (await chat.say(message)).startswith("Added '")
    assert len(fake.tasks) == 1


async def test_a_statement_about_the_task_still_edits_it(fake: FakeTasks) -> None:
    # Guard: "it's ..." that says a change is no small talk.
    chat = Chat(fake)
    await chat.say("add call mom")
    assert await chat.say("it's due friday") == "Moved 'Call mom' to Friday at 9:00 AM."
