"""'The second one' after a list: the tasks the assistant listed, in the order it showed them
("mark the second one as done", "delete the first one", "move the third one to friday",
"number 2", "#2", "the 2nd", "the last one"); with no list shown before, it asks which task."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles

LISTED = "You have 3 open tasks:\n- Pay rent"


def seed(fake: FakeTasks) -> None:
    # Listed in this order (priority, then due date).
    fake.seed("alice", title="Pay rent", priority="HIGH", due_at="2026-11-26T09:00:00Z")
    fake.seed("alice", title="Call mom", priority="MEDIUM", due_at="2026-11-27T09:00:00Z")
    fake.seed("alice", title="Water plants", priority="LOW")


@pytest.mark.parametrize(
    ("ref", "place"),
    [
        ("second", 2),
        ("first one", 1),
        ("third task", 3),
        ("2nd", 2),
        ("number 2", 2),
        ("#2", 2),
        ("no. 3", 3),
        ("task 2", 2),
        ("last", -1),
        ("number two", 2),
        ("first aid kit", None),
        ("2 cans of beans", None),
        ("second hand books", None),
    ],
)
def test_a_place_in_the_list_is_read_from_the_words(ref: str, place: int | None) -> None:
    from chat_service.domain.matching import position

    assert position(ref) == place


@pytest.mark.parametrize(
    ("message", "expected", "after"),
    [
        (
            "mark the second one as done",
            "Marked 'Call mom' as done. Nice work!",
            ["Call mom (done)", "Pay rent", "Water plants"],
        ),
        ("delete the first one", "Deleted 'Pay rent'.", ["Call mom", "Water plants"]),
        (
            "complete number 2",
            "Marked 'Call mom' as done. Nice work!",
            ["Call mom (done)", "Pay rent", "Water plants"],
        ),
        ("delete #3", "Deleted 'Water plants'.", ["Call mom", "Pay rent"]),
        (
            "mark the 2nd as done",
            "Marked 'Call mom' as done. Nice work!",
            ["Call mom (done)", "Pay rent", "Water plants"],
        ),
        ("delete the last one", "Deleted 'Water plants'.", ["Call mom", "Pay rent"]),
        ("delete task 2", "Deleted 'Call mom'.", ["Pay rent", "Water plants"]),
        ("delete number one", "Deleted 'Pay rent'.", ["Call mom", "Water plants"]),
        (
            "tick off number three",
            "Marked 'Water plants' as done. Nice work!",
            ["Call mom", "Pay rent", "Water plants (done)"],
        ),
    ],
)
async def test_a_place_names_the_task_shown_there(
    fake: FakeTasks, message: str, expected: str, after: list[str]
) -> None:
    seed(fake)
    chat = Chat(fake)
    assert (await chat.say("show my tasks")).startswith(LISTED)
    assert await chat.say(message) == expected
    assert titles(fake) == after


async def test_move_the_third_one_moves_that_task(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    assert (await chat.say("show my tasks")).startswith(LISTED)
    assert (await chat.say("move the third one to friday")).startswith("Moved 'Water plants' to Friday")
    assert [t["due_at"] for t in fake.tasks.values() if t["title"] == "Water plants"] == [
        "2026-11-27T09:00:00Z"
    ]


async def test_the_list_stays_the_one_shown_after_a_change(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert await chat.say("mark the first one as done") == "Marked 'Pay rent' as done. Nice work!"
    assert await chat.say("and delete the third one") == "Deleted 'Water plants'."
    assert titles(fake) == ["Call mom", "Pay rent (done)"]


async def test_with_no_list_shown_it_asks_which_task(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    assert (await chat.say("mark the second one as done")).startswith("Which task do you mean?")
    assert titles(fake) == ["Call mom", "Pay rent", "Water plants"]


async def test_a_place_past_the_list_is_asked_about(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert (
        await chat.say("delete the fifth one")
        == "I only listed 3 tasks. Say a number up to 3, or the task's name."
    )
    assert titles(fake) == ["Call mom", "Pay rent", "Water plants"]
    assert await chat.say("delete #3") == "Deleted 'Water plants'."


async def test_the_last_one_after_an_add_is_still_the_task_added(fake: FakeTasks) -> None:
    # Guard: "the last one" is the list's last only right after the list.
    seed(fake)
    chat = Chat(fake)
    await chat.say("show my tasks")
    await chat.say("add buy stamps")
    assert await chat.say("delete the last one") == "Deleted 'Buy stamps'."


async def test_the_last_one_after_the_first_one_is_the_lists_last(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert await chat.say("mark the first one as done") == "Marked 'Pay rent' as done. Nice work!"
    assert await chat.say("delete the last one") == "Deleted 'Water plants'."
    assert titles(fake) == ["Call mom", "Pay rent (done)"]


async def test_several_places_name_each_task_shown_there(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert await chat.say("delete the first and the third") == "Deleted 'Pay rent'. Deleted 'Water plants'."
    assert titles(fake) == ["Call mom"]


async def test_a_place_alone_shows_that_task(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert (await chat.say("the second one")).startswith("'Call mom' is open")
    assert titles(fake) == ["Call mom", "Pay rent", "Water plants"]


async def test_add_with_a_place_word_is_still_a_task(fake: FakeTasks) -> None:
    # Guard: with "add" it is a new task.
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert await chat.say("add second") == "Added 'Second'."


async def test_a_task_named_with_first_is_still_found_by_name(fake: FakeTasks) -> None:
    # Guard.
    fake.seed("alice", title="First aid kit")
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert await chat.say("delete the first aid kit") == "Deleted 'First aid kit'."


async def test_a_place_after_a_search_names_the_match_shown_there(fake: FakeTasks) -> None:
    fake.seed("alice", title="Buy milk")
    fake.seed("alice", title="Buy oat milk")
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    assert (await chat.say("find milk")).startswith(
        "I found 2 tasks about 'milk':\n- Buy milk\n- Buy oat milk"
    )
    assert await chat.say("delete the second one") == "Deleted 'Buy oat milk'."
    assert titles(fake) == ["Buy milk", "Call mom"]
