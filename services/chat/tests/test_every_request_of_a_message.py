"""A new task and a command about another task in one message (user test): "Add buy oat milk
tomorrow at 8 and make yoga high priority" adds 'Buy oat milk' for tomorrow at 8 and makes
'Yoga' high priority, told in one reply (before: one task 'Buy oat milk and make yoga', HIGH,
and Yoga as it was); "Add call mom tomorrow. Also mark yoga as done" adds 'Call mom' and
completes 'Yoga' (before: a task 'Call mom. Also mark yoga as done'). Words after a sentence's
end that start with a command verb but read as no command are told as not acted on, never put
in a title. One "undo" puts both back. Titles with "and" and no command after it stay whole."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


def task(fake: FakeTasks, title: str) -> tuple[str, bool, str | None]:
    (found,) = [t for t in fake.tasks.values() if t["title"] == title]
    return found["priority"], found["completed"], found["due_at"]


async def test_the_first_user_test_message(fake: FakeTasks) -> None:
    fake.seed("alice", title="Yoga")
    said = await Chat(fake).say("Add buy oat milk tomorrow at 8 and make yoga high priority")
    assert said == "Added 'Buy oat milk' for tomorrow at 8:00 AM. Set 'Yoga' to high priority."
    assert titles(fake) == ["Buy oat milk", "Yoga"]
    assert task(fake, "Buy oat milk") == ("MEDIUM", False, "2026-11-26T08:00:00Z")
    assert task(fake, "Yoga") == ("HIGH", False, None)


async def test_the_second_user_test_message(fake: FakeTasks) -> None:
    fake.seed("alice", title="Yoga")
    said = await Chat(fake).say("Add call mom tomorrow. Also mark yoga as done")
    assert said == "Added 'Call mom' for tomorrow at 9:00 AM. Marked 'Yoga' as done. Nice work!"
    assert titles(fake) == ["Call mom", "Yoga (done)"]


@pytest.mark.parametrize(
    ("message", "title", "second"),
    [
        # Other joins: "then", ", then", "also", "!", ";", no "add" at all.
        ("add call mom tomorrow then mark yoga as done", "Call mom", ("complete", "yoga")),
        ("add call mom, then delete milk", "Call mom", ("delete", "milk")),
        ("add call mom also mark yoga as done", "Call mom", ("complete", "yoga")),
        ("add buy bread! mark yoga as done", "Buy bread", ("complete", "yoga")),
        ("add buy bread; move the dentist to friday", "Buy bread", ("update", "dentist")),
        ("buy oat milk tomorrow and make yoga high priority", "Buy oat milk", ("update", "yoga")),
        ("I need to call mom and delete milk", "Call mom", ("delete", "milk")),
    ],
)
def test_reading(message: str, title: str, second: tuple[str, str]) -> None:
    request = parse(message, NOW)
    assert request.then is not None
    assert (request.intent, request.changes.title, (request.then.intent, request.then.ref)) == (
        "add",
        title,
        second,
    )


async def test_three_parts_in_order(fake: FakeTasks) -> None:
    fake.seed("alice", title="Yoga")
    fake.seed("alice", title="Milk")
    said = await Chat(fake).say("add call mom. mark yoga as done. delete milk")
    assert said == "Added 'Call mom'. Marked 'Yoga' as done. Nice work! Deleted 'Milk'."
    assert titles(fake) == ["Call mom", "Yoga (done)"]


async def test_one_undo_puts_both_back(fake: FakeTasks) -> None:
    fake.seed("alice", title="Yoga")
    chat = Chat(fake)
    await chat.say("Add buy oat milk tomorrow at 8 and make yoga high priority")
    said = await chat.say("undo")
    assert said == "Removed 'Buy oat milk', which I had just added. Changed 'Yoga' back: medium priority."
    assert (titles(fake), task(fake, "Yoga")) == (["Yoga"], ("MEDIUM", False, None))


async def test_a_task_not_there_is_said_and_the_add_is_done(fake: FakeTasks) -> None:
    said = await Chat(fake).say("add buy oat milk and make yoga high priority")
    assert said == "Added 'Buy oat milk'. I couldn't find a task matching 'yoga'. Could you check the name?"
    assert titles(fake) == ["Buy oat milk"]
    assert task(fake, "Buy oat milk")[0] == "MEDIUM"


async def test_words_read_as_no_command_are_told_not_put_in_a_title(fake: FakeTasks) -> None:
    fake.seed("alice", title="Yoga")
    said = await Chat(fake).say("add call mom tomorrow. also mark yoga")
    assert said == (
        "Added 'Call mom' for tomorrow at 9:00 AM. "
        "I didn't act on \"mark yoga\": I couldn't tell what to do. Could you say it another way?"
    )
    assert titles(fake) == ["Call mom", "Yoga"]


# A command verb and a name alone read as a to-do as well: the command only when that task is
# there, else the one task said.
async def test_a_verb_and_a_name_is_the_command_when_the_task_is_there(fake: FakeTasks) -> None:
    fake.seed("alice", title="Old photos")
    said = await Chat(fake).say("add back up the laptop and delete old photos")
    assert said == "Added 'Back up the laptop'. Deleted 'Old photos'."
    assert titles(fake) == ["Back up the laptop"]


async def test_a_verb_and_a_name_is_one_task_when_no_task_is_there(fake: FakeTasks) -> None:
    said = await Chat(fake).say("add wash the shirt and remove the stain")
    assert said == "Added 'Wash the shirt and remove the stain'."
    assert titles(fake) == ["Wash the shirt and remove the stain"]


# Guards, as before: no command after "and", or one that reads as a to-do.
@pytest.mark.parametrize(
    ("message", "added"),
    [
        ("add salt and pepper", ["Salt and pepper"]),
        ("call mom and dad", ["Call mom and dad"]),
        ("add review and merge PR", ["Review and merge PR"]),
        ("add milk and make dinner", ["Milk and make dinner"]),
        ("add call mom and move yoga", ["Call mom and move yoga"]),
        ("write the draft and finish the report", ["Write the draft and finish the report"]),
        # "make dinner" alone is a new task, no command: two to-dos, as the several-tasks reading has it.
        ("pick up kids and make dinner", ["Make dinner", "Pick up kids"]),
    ],
)
async def test_no_command_after_and(fake: FakeTasks, message: str, added: list[str]) -> None:
    fake.seed("alice", title="Yoga")
    await Chat(fake).say(message)
    assert titles(fake) == sorted([*added, "Yoga"])
    assert task(fake, "Yoga") == ("MEDIUM", False, None)


async def test_a_command_alone_as_before(fake: FakeTasks) -> None:
    fake.seed("alice", title="Yoga")
    assert await Chat(fake).say("make yoga high priority") == "Set 'Yoga' to high priority."
    assert task(fake, "Yoga") == ("HIGH", False, None)
