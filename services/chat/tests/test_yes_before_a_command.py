"""A yes said before a command ("sure add eggs", "sounds good, make it 5pm", "yeah, delete
milk") is the command alone, as "ok add milk" was: the yes is not part of a title."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    "message",
    [
        "sure add eggs",
        "yes add eggs",
        "yes please add eggs",
        "yeah, add eggs",
        "perfect, add eggs",
        "yep add eggs",
    ],
)
async def test_a_yes_before_add_is_not_in_the_title(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == "Added 'Eggs'."
    assert titles(fake) == ["Eggs"]


@pytest.mark.parametrize("message", ["sounds good, make it 5pm", "sure, make it 5pm", "perfect make it 5pm"])
async def test_a_yes_before_make_it_edits_the_task_added(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert await chat.say("add call the plumber") == "Added 'Call the plumber'."
    assert (await chat.say(message)).startswith("Moved 'Call the plumber' to")
    assert titles(fake) == ["Call the plumber"]
    (task,) = fake.tasks.values()
    assert task["due_at"].endswith("T17:00:00Z")


async def test_yeah_delete_deletes(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk")
    chat = Chat(fake)
    await chat.say("yeah, delete milk")
    assert titles(fake) == []


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add sure-fire plan", "Sure-fire plan"),
        ("perfect the speech", "Perfect the speech"),
        ("ok add milk", "Milk"),
    ],
)
async def test_titles_that_start_so_read_as_before(fake: FakeTasks, message: str, title: str) -> None:
    # Guards: no command follows the word, or it was already read so.
    chat = Chat(fake)
    assert await chat.say(message) == f"Added '{title}'."
