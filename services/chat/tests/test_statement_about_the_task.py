"""Something said about the task just named, with no command: "that's urgent", "it's for
work", "it's due friday", "it isn't urgent" edit that task (before: new tasks 'That's',
'It's', 'It isn't'), only while the last reply named it; with no such task the assistant asks
which task. A negated importance is Low: "the garage isn't that important", "add water
plants, not urgent" (before: High or Very important)."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles

ASK_WHICH_TASK = "I'm not sure which task you mean. Could you tell me its name?"


def task(fake: FakeTasks, title: str) -> tuple[str, list[str], str | None]:
    (found,) = [t for t in fake.tasks.values() if t["title"] == title]
    return found["priority"], found["tags"], found["due_at"]


@pytest.mark.parametrize(
    ("message", "reply", "after"),
    [
        ("that's urgent", "Set 'Clean out the garage' to urgent.", ("VERY_IMPORTANT", [], None)),
        ("that one's urgent", "Set 'Clean out the garage' to urgent.", ("VERY_IMPORTANT", [], None)),
        ("it's really important", "Set 'Clean out the garage' to high priority.", ("HIGH", [], None)),
        ("it's for work", "Tagged 'Clean out the garage' as Work.", ("MEDIUM", ["Work"], None)),
        ("this is for work", "Tagged 'Clean out the garage' as Work.", ("MEDIUM", ["Work"], None)),
        (
            "it's due friday",
            "Moved 'Clean out the garage' to Friday at 9:00 AM.",
            ("MEDIUM", [], "2026-11-27T09:00:00Z"),
        ),
        (
            "it's for friday",
            "Moved 'Clean out the garage' to Friday at 9:00 AM.",
            ("MEDIUM", [], "2026-11-27T09:00:00Z"),
        ),
        ("it's not that important", "Set 'Clean out the garage' to low priority.", ("LOW", [], None)),
        ("it isn't urgent", "Set 'Clean out the garage' to low priority.", ("LOW", [], None)),
        ("it's not urgent at all", "Set 'Clean out the garage' to low priority.", ("LOW", [], None)),
        ("isn't that important", "Set 'Clean out the garage' to low priority.", ("LOW", [], None)),
        ("the garage isn't that important", "Set 'Clean out the garage' to low priority.", ("LOW", [], None)),
        (
            "it's urgent and due friday",
            "Set 'Clean out the garage' to urgent. Moved 'Clean out the garage' to Friday at 9:00 AM.",
            ("VERY_IMPORTANT", [], "2026-11-27T09:00:00Z"),
        ),
    ],
)
async def test_a_statement_after_an_add_edits_that_task(
    fake: FakeTasks, message: str, reply: str, after: tuple[str, list[str], str | None]
) -> None:
    chat = Chat(fake)
    assert await chat.say("add clean out the garage") == "Added 'Clean out the garage'."
    assert await chat.say(message) == reply
    assert task(fake, "Clean out the garage") == after
    assert titles(fake) == ["Clean out the garage"]


@pytest.mark.parametrize(
    ("message", "priority"),
    [
        # Guards: these already edited the task just added.
        ("it's urgent", "VERY_IMPORTANT"),
        ("it's important", "HIGH"),
    ],
)
async def test_its_urgent_still_edits_the_task_added(fake: FakeTasks, message: str, priority: str) -> None:
    chat = Chat(fake)
    await chat.say("add clean out the garage")
    assert (await chat.say(message)).startswith("Set 'Clean out the garage' to")
    assert task(fake, "Clean out the garage")[0] == priority


async def test_a_day_said_of_it_keeps_the_tasks_time(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("add call mom tomorrow at 5pm") == "Added 'Call mom' for tomorrow at 5:00 PM."
    assert await chat.say("it's due friday") == "Moved 'Call mom' to Friday at 5:00 PM."
    assert task(fake, "Call mom") == ("MEDIUM", [], "2026-11-27T17:00:00Z")


async def test_after_a_move_it_edits_the_task_moved(fake: FakeTasks) -> None:
    fake.seed("alice", title="Book flights")
    chat = Chat(fake)
    assert (await chat.say("move book flights to friday")).startswith("Moved 'Book flights' to")
    assert await chat.say("that's urgent") == "Set 'Book flights' to urgent."
    assert task(fake, "Book flights")[0] == "VERY_IMPORTANT"


@pytest.mark.parametrize(
    "message",
    ["that's urgent", "it's for work", "it's due friday", "it isn't urgent", "isn't that important"],
)
async def test_with_no_task_named_it_asks_which(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == ASK_WHICH_TASK
    assert titles(fake) == []


async def test_after_a_list_of_many_it_asks_which(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add call mom")
    await chat.say("add pay the bills")
    assert (await chat.say("show my tasks")).startswith("You have 2 open tasks")
    assert await chat.say("it's for work") == ASK_WHICH_TASK
    assert [t["tags"] for t in fake.tasks.values()] == [[], []]


async def test_a_task_named_in_the_statement_is_set_low(fake: FakeTasks) -> None:
    fake.seed("alice", title="Clean out the garage")
    chat = Chat(fake)
    assert await chat.say("the garage isn't that important") == "Set 'Clean out the garage' to low priority."
    assert task(fake, "Clean out the garage")[0] == "LOW"


async def test_a_task_named_that_is_not_there_is_asked_about(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("the garage isn't that important") == (
        "I couldn't find a task matching 'garage'. Could you check the name?"
    )
    assert titles(fake) == []


@pytest.mark.parametrize(
    "message",
    [
        "add water plants, not urgent",
        "add water plants, not important",
        "not important: water plants",
        "not urgent: water plants",
        "add water plants (not that important)",
    ],
)
async def test_a_negated_importance_adds_a_low_task(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == "Added 'Water plants' (low priority)."
    assert task(fake, "Water plants")[0] == "LOW"


@pytest.mark.parametrize(
    ("message", "title", "priority"),
    [
        # Guards: read as before.
        ("add pay rent, urgent", "Pay rent", "VERY_IMPORTANT"),
        ("add buy flowers for mom, it's important", "Buy flowers for mom", "HIGH"),
        ("add urgent care appointment", "Urgent care appointment", "MEDIUM"),
    ],
)
async def test_a_priority_said_with_a_new_task_is_kept(
    fake: FakeTasks, message: str, title: str, priority: str
) -> None:
    chat = Chat(fake)
    await chat.say("add clean out the garage")
    assert (await chat.say(message)).startswith(f"Added '{title}'")
    assert task(fake, title)[0] == priority
    assert task(fake, "Clean out the garage") == ("MEDIUM", [], None)


async def test_a_statement_that_is_no_change_edits_nothing(fake: FakeTasks) -> None:
    # Guard: "it's friday" says what day it is, "that's urgent, i think" is no command.
    chat = Chat(fake)
    await chat.say("add clean out the garage")
    for message in ("it's friday", "that's urgent, i think"):
        assert not (await chat.say(message)).startswith(("Set ", "Tagged ", "Moved "))
    assert task(fake, "Clean out the garage") == ("MEDIUM", [], None)


async def test_the_report_is_urgent_still_sets_the_report(fake: FakeTasks) -> None:
    # Guard.
    fake.seed("alice", title="Quarterly report")
    chat = Chat(fake)
    assert await chat.say("the report is urgent") == "Set 'Quarterly report' to urgent."


@pytest.mark.parametrize("message", ["isn't that important?", "it's due friday?"])
async def test_the_same_words_asked_change_nothing(fake: FakeTasks, message: str) -> None:
    # A question mark makes it a question (before: tasks 'Isn't that', 'It's').
    chat = Chat(fake)
    await chat.say("add clean out the garage")
    assert (await chat.say(message)).startswith("I'm not sure what you'd like me to do.")
    assert task(fake, "Clean out the garage") == ("MEDIUM", [], None)
    assert titles(fake) == ["Clean out the garage"]


@pytest.mark.parametrize("message", ["my tasks aren't urgent", "we aren't that important"])
async def test_not_important_said_of_no_one_task_changes_nothing(fake: FakeTasks, message: str) -> None:
    # The list or a person is no task to set Low (before: tasks 'My tasks aren't', Very
    # important, and 'We aren't that', High).
    chat = Chat(fake)
    await chat.say("add clean out the garage")
    assert (await chat.say(message)).startswith("I'm not sure what you'd like me to do.")
    assert task(fake, "Clean out the garage") == ("MEDIUM", [], None)
    assert titles(fake) == ["Clean out the garage"]
