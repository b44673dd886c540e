"""Something said about the task just added, then a command about it after a comma: "the
garage isn't that important, make it low", "that's urgent, make it high priority", "oh and
it's for work, tag it work" edit that task, as the command alone would ("make it low"). The
statement's own words change nothing (not "important" in "isn't that important"), but a date
it says is kept. A statement with no command after it leaves the task as it was."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat


def task(fake: FakeTasks, title: str) -> tuple[str, list[str], str | None]:
    (found,) = [t for t in fake.tasks.values() if t["title"] == title]
    return found["priority"], found["tags"], found["due_at"]


@pytest.mark.parametrize(
    ("message", "reply", "after"),
    [
        (
            "the garage isn't that important, make it low",
            "Set 'Clean out the garage' to low priority.",
            ("LOW", [], None),
        ),
        (
            "that's urgent, make it high priority",
            "Set 'Clean out the garage' to high priority.",
            ("HIGH", [], None),
        ),
        (
            "oh and it's for work, tag it work",
            "Tagged 'Clean out the garage' as Work.",
            ("MEDIUM", ["Work"], None),
        ),
        ("It's for work. Tag it work.", "Tagged 'Clean out the garage' as Work.", ("MEDIUM", ["Work"], None)),
        (
            "this one's not urgent, can you make it low priority",
            "Set 'Clean out the garage' to low priority.",
            ("LOW", [], None),
        ),
        (
            "it's due friday, make it high priority",
            "Set 'Clean out the garage' to high priority. Moved 'Clean out the garage' to Friday at 9:00 AM.",
            ("HIGH", [], "2026-11-27T09:00:00Z"),
        ),
    ],
)
async def test_the_command_after_the_comma_edits_the_task_added(
    fake: FakeTasks, message: str, reply: str, after: tuple[str, list[str], str | None]
) -> None:
    chat = Chat(fake)
    assert await chat.say("add clean out the garage") == "Added 'Clean out the garage'."
    assert await chat.say(message) == reply
    assert task(fake, "Clean out the garage") == after
    assert len(fake.tasks) == 1


async def test_after_a_move_it_edits_the_task_moved(fake: FakeTasks) -> None:
    fake.seed("alice", title="Book flights")
    chat = Chat(fake)
    assert (await chat.say("move book flights to friday")).startswith("Moved 'Book flights' to")
    assert await chat.say("that's urgent, make it high priority") == "Set 'Book flights' to high priority."
    assert task(fake, "Book flights")[0] == "HIGH"


async def test_a_task_named_in_the_statement_gets_both_changes(fake: FakeTasks) -> None:
    fake.seed("alice", title="Quarterly report")
    chat = Chat(fake)
    assert await chat.say("add clean out the garage") == "Added 'Clean out the garage'."
    assert await chat.say("the report is due friday, make it high priority") == (
        "Set 'Quarterly report' to high priority. Moved 'Quarterly report' to Friday at 9:00 AM."
    )
    assert task(fake, "Quarterly report") == ("HIGH", [], "2026-11-27T09:00:00Z")
    assert task(fake, "Clean out the garage") == ("MEDIUM", [], None)


@pytest.mark.parametrize(
    "message",
    [
        # Guards: no command after the comma; the garage task is left as it was.
        "the garage isn't that important, honestly",
        "the weather is nice, isn't it",
        "that's urgent, i think",
    ],
)
async def test_a_statement_with_no_command_edits_nothing(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    await chat.say("add clean out the garage")
    assert not (await chat.say(message)).startswith(("Set ", "Tagged ", "Moved "))
    assert task(fake, "Clean out the garage") == ("MEDIUM", [], None)


@pytest.mark.parametrize(
    ("message", "title", "after"),
    [
        # Guards: a task with its own command words is a new task, as before.
        ("call mom's friend, tag it personal", "Call mom's friend", ("MEDIUM", ["Personal"], None)),
        ("add pay rent, urgent", "Pay rent", ("VERY_IMPORTANT", [], None)),
    ],
)
async def test_a_new_task_with_a_comma_is_still_added(
    fake: FakeTasks, message: str, title: str, after: tuple[str, list[str], str | None]
) -> None:
    chat = Chat(fake)
    await chat.say("add clean out the garage")
    assert (await chat.say(message)).startswith(f"Added '{title}'")
    assert task(fake, title) == after
    assert task(fake, "Clean out the garage") == ("MEDIUM", [], None)
