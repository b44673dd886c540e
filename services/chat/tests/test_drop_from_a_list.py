""" "Drop" as a user test said it. "Drop everything" did nothing but "I couldn't find a task
matching 'everything'": it is now read as "delete everything" is, an answer that deletes nothing
and says what to say instead (which task, or "clear completed tasks"). "Drop milk off my
shopping list" looked for a task 'milk off my shopping list': "drop / remove / delete / take X
off / from my (shopping, grocery, to-do) list" looks for X. And a plain "drop X" deleted a
completed task silently when no open one matched: open tasks are looked for first, as before,
and a completed-only match is left, saying it is already done."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles

ONE_AT_A_TIME = (
    "To keep your tasks safe I delete them one at a time. Tell me which task to delete, or ask "
    '"What\'s on my list?" to see them. To delete the ones you\'ve completed, say "clear completed tasks".'
)


# -- "drop everything": no delete, no task 'everything' -----------------------------------------
@pytest.mark.parametrize("message", ["drop everything", "drop all my tasks", "Drop everything!"])
def test_drop_everything_is_read_as_delete_everything(message: str) -> None:
    assert parse(message, NOW).intent == "delete_all"


@pytest.mark.parametrize("message", ["drop everything", "drop everything and call mom", "drop all my tasks"])
async def test_drop_everything_deletes_nothing_and_says_what_to_say(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Buy milk")
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Old report", completed=True)
    # Before: "I couldn't find a task matching 'everything'." ("... and call mom": 'Call mom' deleted)
    assert await Chat(fake).say(message) == ONE_AT_A_TIME
    assert titles(fake) == ["Buy milk", "Call mom", "Old report (done)"]


# -- "X off my shopping list": X is the task --------------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "drop milk off my shopping list",
        "drop milk from my shopping list",
        "remove milk off my shopping list",
        "remove milk from my grocery list",
        "delete milk from my to-do list",
        "drop milk from the to do list",
        "take milk off my list",
        "take milk off my shopping list",
        "take milk off the todo list",
        "please take milk off my shopping list",
    ],
)
def test_a_thing_off_a_list_names_the_thing(message: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.fallback) == ("delete", "milk", None)


async def test_drop_milk_off_my_shopping_list_deletes_milk(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk", tags=["Shopping"])
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    # Before: "I couldn't find a task matching 'milk off my shopping list'."
    assert await chat.say("drop milk off my shopping list") == "Deleted 'Milk'."
    fake.seed("alice", title="Buy eggs")
    # Before: 'Take eggs off my list' added.
    assert await chat.say("take eggs off my list") == "Deleted 'Buy eggs'."
    assert titles(fake) == ["Call mom"]


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards (read so before too): errands, and a list that is no to-do list.
        ("drop the kids off at school", "Drop the kids off at school"),
        ("drop off the package", "Drop off the package"),
        ("take the dentist off my calendar", "Take the dentist off my calendar"),
    ],
)
def test_errands_and_other_lists_stay_new_tasks(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == ("add", title)


# -- a plain "drop X" and a completed task ----------------------------------------------------
async def test_a_plain_drop_leaves_a_completed_task_and_says_so(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk", completed=True)
    # Before: "Deleted 'Milk'." (the completed one, silently).
    answer = await Chat(fake).say("drop milk")
    assert answer == "'Milk' is already done, so I left it. To delete it anyway, say \"delete Milk\"."
    assert titles(fake) == ["Milk (done)"]


async def test_a_plain_drop_prefers_the_open_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk", completed=True)
    fake.seed("alice", title="Buy milk")
    assert await Chat(fake).say("drop milk") == "Deleted 'Buy milk'."
    assert titles(fake) == ["Milk (done)"]


async def test_an_explicit_delete_still_deletes_a_completed_task(fake: FakeTasks) -> None:
    # Guard (passes before too): "delete" says what it means.
    fake.seed("alice", title="Milk", completed=True)
    assert await Chat(fake).say("delete milk") == "Deleted 'Milk'."
    assert titles(fake) == []
