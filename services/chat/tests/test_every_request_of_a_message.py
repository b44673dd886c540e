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


# With no task of that name, the first part is added and the second offered as a new task
# (was: one task 'Make dinner and delete old photos'); a "yes" adds it.
@pytest.mark.parametrize(
    ("message", "first", "ref", "todo"),
    [
        ("make dinner and delete old photos", "Make dinner", "old photos", "Delete old photos"),
        ("add wash the shirt and remove the stain", "Wash the shirt", "stain", "Remove the stain"),
    ],
)
async def test_a_verb_and_a_name_is_offered_as_a_task_when_no_task_is_there(
    fake: FakeTasks, message: str, first: str, ref: str, todo: str
) -> None:
    chat = Chat(fake)
    said = await chat.say(message)
    assert said == (
        f"Added '{first}'. I couldn't find a task matching '{ref}'. "
        f"I can add '{todo}' to your list (just say \"yes\")."
    )
    assert titles(fake) == [first]
    assert await chat.say("yes") == f"Added '{todo}'."
    assert titles(fake) == sorted([first, todo])


async def test_the_offer_is_only_taken_with_a_yes(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("make dinner and delete old photos")
    await chat.say("no thanks")
    assert titles(fake) == ["Make dinner"]


# A second sentence after an add that reads as a to-do is a second task, unless a task is
# called by its words ("add call mom tomorrow. also mark yoga" with 'Yoga' there, above).
@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("add call mom. set the table", "Added 'Call mom'. Added 'Set the table'."),
        ("add call mom. also buy milk", "Added 'Call mom'. Added 'Buy milk'."),
        ("add call mom; pick up kids", "Added 'Call mom'. Added 'Pick up kids'."),
        ("add call mom! make the bed", "Added 'Call mom'. Added 'Make the bed'."),
    ],
)
async def test_a_second_sentence_that_is_a_todo_is_a_second_task(
    fake: FakeTasks, message: str, reply: str
) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == reply
    assert len(fake.tasks) == 2
    await chat.say("undo")
    assert titles(fake) == []


async def test_a_second_sentence_naming_a_task_there_is_told_not_acted_on(fake: FakeTasks) -> None:
    fake.seed("alice", title="Table")
    said = await Chat(fake).say("add call mom. set the table")
    assert said == (
        "Added 'Call mom'. "
        "I didn't act on \"set the table\": I couldn't tell what to do. Could you say it another way?"
    )
    assert titles(fake) == ["Call mom", "Table"]


# "Which one do you mean?" asked by the second part: the answer finishes that part only.
@pytest.mark.parametrize(
    ("message", "answer", "left"),
    [
        (
            "add call mom and mark gym as done",
            "the first one",
            ["Call mom", "Gym bag", "Gym with Sam (done)"],
        ),
        ("add call mom. delete the gym task", "the bag one", ["Call mom", "Gym with Sam"]),
        ("add call mom and move gym to friday", "the second one", ["Call mom", "Gym bag", "Gym with Sam"]),
    ],
)
async def test_the_answer_to_which_one_finishes_the_second_part(
    fake: FakeTasks, message: str, answer: str, left: list[str]
) -> None:
    fake.seed("alice", title="Gym with Sam")
    fake.seed("alice", title="Gym bag")
    chat = Chat(fake)
    assert (await chat.say(message)).endswith(
        "I found 2 tasks matching 'gym': 'Gym with Sam' and 'Gym bag'. Which one do you mean?"
    )
    await chat.say(answer)
    assert titles(fake) == left


async def test_the_answer_to_which_one_of_the_first_command_does_not_redo_the_second(fake: FakeTasks) -> None:
    fake.seed("alice", title="Gym with Sam")
    fake.seed("alice", title="Gym bag")
    fake.seed("alice", title="Milk")
    chat = Chat(fake)
    said = await chat.say("mark gym as done and delete milk")
    assert said == (
        "I found 2 tasks matching 'gym': 'Gym with Sam' and 'Gym bag'. Which one do you mean? Deleted 'Milk'."
    )
    assert await chat.say("the first one") == "Marked 'Gym with Sam' as done. Nice work!"
    assert titles(fake) == ["Gym bag", "Gym with Sam (done)"]


# Guards, as before: no command after "and", or one that reads as a to-do.
@pytest.mark.parametrize(
    ("message", "added"),
    [
        ("add salt and pepper", ["Salt and pepper"]),
        ("call mom and dad", ["Call mom and dad"]),
        ("add review and merge PR", ["Review and merge PR"]),
        ("add milk and make dinner", ["Milk and make dinner"]),
        # After a bare "and", "move yoga" stays in the one task, 'Yoga' there or not (decided in
        # h137). Alone it asks when to move 'Yoga' to (h144, test_move_asks_when.py).
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
