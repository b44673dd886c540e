"""Several different tasks said in one sentence, each starting with its own verb: "add buy
eggs, call the vet and pay the electricity bill", "I need to buy eggs, call the vet and pay
the bill" add one task each, told in one reply, and one "undo" removes them all. A date said
after the last task is that task's (the reply says which task it went to); a date said once
for all ("tomorrow I need to ...", "..., all tomorrow") is each one's. A list of things to
buy, call or do ("buy salt and pepper", "pick up eggs, milk and bread", "research and write
the report") stays one task."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles

THREE = ["Buy eggs", "Call the vet", "Pay the electricity bill"]


def due(fake: FakeTasks) -> dict[str, str | None]:
    return {t["title"]: t["due_at"] for t in fake.tasks.values()}


@pytest.mark.parametrize(
    "message",
    [
        "add buy eggs, call the vet and pay the electricity bill",
        "I need to buy eggs, call the vet and pay the electricity bill",
        "buy eggs, call the vet, and pay the electricity bill",
        "can you add buy eggs; call the vet; pay the electricity bill please",
        "add tasks to buy eggs, call the vet and then pay the electricity bill",
        "Buy eggs. Call the vet. Pay the electricity bill.",
    ],
)
async def test_each_verb_starts_a_task_of_its_own(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == (
        "Added 'Buy eggs'. Added 'Call the vet'. Added 'Pay the electricity bill'."
    )
    assert titles(fake) == THREE
    assert set(due(fake).values()) == {None}


async def test_one_undo_removes_all_three(fake: FakeTasks) -> None:
    fake.seed("alice", title="Water plants")
    chat = Chat(fake)
    await chat.say("add buy eggs, call the vet and pay the electricity bill")
    assert titles(fake) == [*THREE, "Water plants"]
    assert (await chat.say("undo")).startswith("Removed 'Buy eggs'")
    assert titles(fake) == ["Water plants"]


async def test_a_date_said_after_the_last_task_is_that_tasks(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("add buy eggs, call the vet and pay the electricity bill tomorrow") == (
        "Added 'Buy eggs'. Added 'Call the vet'. Added 'Pay the electricity bill' for tomorrow at 9:00 AM."
    )
    assert due(fake) == {
        "Buy eggs": None,
        "Call the vet": None,
        "Pay the electricity bill": "2026-11-26T09:00:00Z",
    }


async def test_each_task_keeps_its_own_date_and_priority(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("buy eggs tomorrow and call the vet friday at 5pm urgent") == (
        "Added 'Buy eggs' for tomorrow at 9:00 AM. Added 'Call the vet' for Friday at 5:00 PM (urgent)."
    )
    vet = next(t for t in fake.tasks.values() if t["title"] == "Call the vet")
    assert (vet["due_at"], vet["priority"]) == ("2026-11-27T17:00:00Z", "VERY_IMPORTANT")


@pytest.mark.parametrize(
    ("message", "vet_at"),
    [
        (
            "tomorrow I need to buy eggs, call the vet at 5 and pay the electricity bill",
            "2026-11-26T17:00:00Z",
        ),
        (
            "add for tomorrow: buy eggs, call the vet at 5 and pay the electricity bill",
            "2026-11-26T17:00:00Z",
        ),
        ("add buy eggs, call the vet and pay the electricity bill, all tomorrow", "2026-11-26T09:00:00Z"),
        (
            "buy eggs, call the vet and pay the electricity bill, all of them due tomorrow",
            "2026-11-26T09:00:00Z",
        ),
    ],
)
async def test_a_date_said_once_for_all_is_each_ones(fake: FakeTasks, message: str, vet_at: str) -> None:
    chat = Chat(fake)
    reply = await chat.say(message)
    assert reply.startswith("Added 'Buy eggs' for tomorrow at 9:00 AM. Added 'Call the vet' for tomorrow at ")
    assert reply.endswith("Added 'Pay the electricity bill' for tomorrow at 9:00 AM.")
    assert due(fake) == {
        "Buy eggs": "2026-11-26T09:00:00Z",
        "Call the vet": vet_at,
        "Pay the electricity bill": "2026-11-26T09:00:00Z",
    }


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards: one task, as before.
        ("buy salt and pepper", "Buy salt and pepper"),
        ("call mom and dad", "Call mom and dad"),
        ("pick up eggs, milk and bread", "Pick up eggs, milk and bread"),
        ("add research and write the report", "Research and write the report"),
        ("clean and vacuum the house", "Clean and vacuum the house"),
        ("get bread and water for the trip", "Get bread and water for the trip"),
        ("finish the report and send it to bob", "Finish the report and send it to bob"),
        ("add milk, eggs and bread", "Milk, eggs and bread"),
    ],
)
async def test_a_list_of_things_is_one_task(fake: FakeTasks, message: str, title: str) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == f"Added '{title}'."
    assert titles(fake) == [title]


async def test_a_reminder_for_several_is_still_one_task(fake: FakeTasks) -> None:
    # Guard: "remind me to ..." is not split (one reminder asked for), as before.
    chat = Chat(fake)
    assert (await chat.say("remind me to buy eggs and call the vet")).startswith(
        "Added 'Buy eggs and call the vet'."
    )
    assert titles(fake) == ["Buy eggs and call the vet"]


async def test_a_command_after_a_task_is_no_second_task(fake: FakeTasks) -> None:
    # Guard: "make it ..." is about the task, as before.
    chat = Chat(fake)
    assert (
        await chat.say("add book flights and make it high priority")
        == "Added 'Book flights' (high priority)."
    )
    assert titles(fake) == ["Book flights"]


# "cancel netflix" alone deletes a task called Netflix; after "add" / "I need to", among other
# tasks, it is one to do (before: one task 'Buy milk and cancel netflix').
@pytest.mark.parametrize(
    ("message", "added"),
    [
        ("add buy milk and cancel netflix", ["Buy milk", "Cancel netflix"]),
        ("add cancel netflix and buy milk", ["Cancel netflix", "Buy milk"]),
        ("I need to buy milk and cancel netflix", ["Buy milk", "Cancel netflix"]),
        (
            "add buy milk, call mom and cancel the gym membership",
            ["Buy milk", "Call mom", "Cancel the gym membership"],
        ),
    ],
)
async def test_cancel_after_add_is_a_task_to_do(fake: FakeTasks, message: str, added: list[str]) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == " ".join(f"Added '{title}'." for title in added)
    assert titles(fake) == sorted(added)


async def test_cancel_said_alone_or_without_add_reads_as_before(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add netflix")
    assert await chat.say("cancel netflix") == "Deleted 'Netflix'."
    assert await chat.say("buy milk and cancel netflix") == "Added 'Buy milk and cancel netflix'."
    assert await chat.say("add cancel netflix") == "Added 'Cancel netflix'."
