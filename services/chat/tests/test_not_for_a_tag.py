"""What a task is not. "it's not for work" right after 'Prepare slides' was added tagged Work
takes the Work tag off it (before: a new task 'It's not', tagged Work); "it's not for work,
it's personal" swaps the tag. "None of this is urgent" right after a list sets its urgent and
high priority tasks to medium priority, naming them, and "undo" puts them back (before: "I
couldn't find a task matching 'none of this'"); with no list just shown it asks which tasks."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat

ASK_WHICH_NOT_URGENT = (
    'Which tasks do you mean? Ask me for a list ("what\'s on my list?"), then tell me, or name a '
    'task ("the report isn\'t urgent").'
)


def tasks(fake: FakeTasks) -> list[tuple[str, str, list[str]]]:
    return sorted((t["title"], t["priority"], list(t.get("tags") or [])) for t in fake.tasks.values())


@pytest.mark.parametrize(
    "message",
    [
        "it's not for work",
        "it isn't for work",
        "that's not a work task",
        "no, it's not work related",
        "it's not for my job",
    ],
)
async def test_not_for_work_takes_the_tag_off_the_task_just_added(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert await chat.say("add prepare slides #work") == "Added 'Prepare slides' (tagged Work)."
    assert await chat.say(message) == "Removed the Work tag from 'Prepare slides'."
    assert tasks(fake) == [("Prepare slides", "MEDIUM", [])]


async def test_not_for_work_but_personal_swaps_the_tag(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add prepare slides #work")
    said = await chat.say("it's not for work, it's personal")
    assert said == "Tagged 'Prepare slides' as Personal. Removed the Work tag from 'Prepare slides'."
    assert tasks(fake) == [("Prepare slides", "MEDIUM", ["Personal"])]


async def test_a_task_named_is_not_for_work(fake: FakeTasks) -> None:
    fake.seed("alice", title="Quarterly report", tags=["Work"])
    assert (
        await Chat(fake).say("the report is not for work") == "Removed the Work tag from 'Quarterly report'."
    )
    assert tasks(fake) == [("Quarterly report", "MEDIUM", [])]


async def test_a_task_without_that_tag_is_told_so(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add buy milk")
    assert await chat.say("it's not for work") == "'Buy milk' doesn't have the Work tag."
    assert tasks(fake) == [("Buy milk", "MEDIUM", [])]


def seed_list(fake: FakeTasks) -> None:
    fake.seed("alice", title="Fix server", priority="VERY_IMPORTANT")
    fake.seed("alice", title="Call mom", priority="HIGH")
    fake.seed("alice", title="Buy milk")
    fake.seed("alice", title="Water plants", priority="LOW")


@pytest.mark.parametrize(
    "message",
    [
        "none of this is urgent",
        "none of these are urgent",
        "none of them are important",
        "nothing here is urgent",
    ],
)
async def test_none_of_this_is_urgent_lowers_the_list_just_shown(fake: FakeTasks, message: str) -> None:
    seed_list(fake)
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert await chat.say(message) == (
        "Set 'Fix server' and 'Call mom' to medium priority; the rest were already medium or low. "
        'Say "undo" to put them back.'
    )
    assert tasks(fake) == [
        ("Buy milk", "MEDIUM", []),
        ("Call mom", "MEDIUM", []),
        ("Fix server", "MEDIUM", []),
        ("Water plants", "LOW", []),
    ]
    await chat.say("undo")
    assert [p for _, p, _ in tasks(fake)] == ["MEDIUM", "HIGH", "VERY_IMPORTANT", "LOW"]


async def test_none_of_this_is_urgent_when_nothing_is(fake: FakeTasks) -> None:
    fake.seed("alice", title="Buy milk")
    fake.seed("alice", title="Water plants", priority="LOW")
    chat = Chat(fake)
    await chat.say("show my tasks")
    said = await chat.say("none of this is urgent")
    assert said == "None of them is marked urgent or high priority, so I left them as they are."
    assert [p for _, p, _ in tasks(fake)] == ["MEDIUM", "LOW"]


async def test_none_of_this_is_urgent_without_a_list_asks(fake: FakeTasks) -> None:
    seed_list(fake)
    chat = Chat(fake)
    assert await chat.say("none of this is urgent") == ASK_WHICH_NOT_URGENT
    await chat.say("add buy bread")
    assert await chat.say("none of this is urgent") == ASK_WHICH_NOT_URGENT
    assert "None of this" not in [t for t, _, _ in tasks(fake)]
    assert [p for t, p, _ in tasks(fake) if t in ("Fix server", "Call mom")] == ["HIGH", "VERY_IMPORTANT"]


# -- guards: these read as before (pass on the old code too) -----------------------------------


async def test_thats_not_urgent_still_sets_low(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add prepare slides urgent")
    assert await chat.say("that's not urgent") == "Set 'Prepare slides' to low priority."


@pytest.mark.parametrize(
    ("message", "intent"),
    [("it's not working", "add"), ("the report isn't work", "update"), ("add buy milk", "add")],
)
def test_other_words_read_as_before(message: str, intent: str) -> None:
    assert parse(message, NOW).intent == intent


# A new task said with the tag it has not: "add buy milk, not for work" is 'Buy milk', untagged
# (before: 'Buy milk, not', tagged Work; "add buy milk - it's not a work thing" and "buy milk,
# it's not for work" looked for a task 'add buy milk - it' after 0b32c7c).
@pytest.mark.parametrize(
    "message",
    [
        "add buy milk, not for work",
        "add buy milk - it's not a work thing",
        "buy milk, it's not for work",
        "add buy milk (not work related)",
        "add buy milk not for work",
    ],
)
async def test_a_new_task_not_for_work_is_added_without_the_tag(fake: FakeTasks, message: str) -> None:
    assert await Chat(fake).say(message) == "Added 'Buy milk'."
    assert tasks(fake) == [("Buy milk", "MEDIUM", [])]


async def test_a_new_task_for_work_is_still_tagged(fake: FakeTasks) -> None:
    assert await Chat(fake).say("add prepare slides for work") == "Added 'Prepare slides' (tagged Work)."
