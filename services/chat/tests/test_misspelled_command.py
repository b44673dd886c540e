"""A command verb misspelled by a letter, or by two in a verb of 8 letters or more
("resechdule", "mvoe", "fnish", "makr", "postpnoe"), is read as that verb when the message
then reads as that command and a task with every word it names exists (near spellings count:
'plumbr' is 'plumber'); else the message reads as before, mostly a new task. A word of the
dictionary is never a slip ("movie", "park", "remote", "finnish", "compete"), nor is a word
with another first letter. "Same time" keeps the task's time of day when it moves to another
day (before: 'Resechdule the plumbr same time', a new task, due at 9:00 AM)."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles

MONDAY_10 = "2026-11-30T10:00:00Z"


async def test_the_live_report(fake: FakeTasks) -> None:
    task = fake.seed("alice", title="Call the plumber", due_at=MONDAY_10)
    chat = Chat(fake)
    said = await chat.say("resechdule the plumbr to tuesday same time")
    assert said == "Moved 'Call the plumber' to Tuesday at 10:00 AM."
    assert titles(fake) == ["Call the plumber"]
    assert task["due_at"] == "2026-12-01T10:00:00Z"


@pytest.mark.parametrize(
    ("message", "due"),
    [
        ("mvoe the plumber to friday", "2026-11-27T10:00:00Z"),  # its time kept
        # Postponed to a later day: "postpone" never makes a task earlier (test_push_never_earlier).
        ("postpnoe the plumber to tuesday at the same time", "2026-12-01T10:00:00Z"),
        ("reschedule the plumber to friday, same time", "2026-11-27T10:00:00Z"),
    ],
)
async def test_moves(fake: FakeTasks, message: str, due: str) -> None:
    task = fake.seed("alice", title="Call the plumber", due_at=MONDAY_10)
    await Chat(fake).say(message)
    assert (titles(fake), task["due_at"]) == (["Call the plumber"], due)


@pytest.mark.parametrize("message", ["fnish the report", "makr the report as done", "mrak the report done"])
async def test_completes(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Write the report")
    said = await Chat(fake).say(message)
    assert said == "Marked 'Write the report' as done. Nice work!"


async def test_renames_and_deletes(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk")
    chat = Chat(fake)
    assert await chat.say("renane milk to oat milk") == "Renamed 'Milk' to 'Oat milk'."
    assert await chat.say("delite oat milk") == "Deleted 'Oat milk'."
    assert titles(fake) == []


# Guards.
async def test_with_no_such_task_the_words_are_a_task_as_before(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call the plumber", due_at=MONDAY_10)
    said = await Chat(fake).say("mvoe the electrician to friday")
    assert said.startswith("Added 'Mvoe the electrician'"), said
    assert len(fake.tasks) == 2


async def test_a_task_with_only_some_of_the_words_is_not_meant(fake: FakeTasks) -> None:
    # 'report' alone would be half a match: a slip needs every word.
    fake.seed("alice", title="Write the report")
    said = await Chat(fake).say("fnish the report for bob")
    assert said == "Added 'Fnish the report for bob'."
    assert titles(fake) == ["Fnish the report for bob", "Write the report"]


@pytest.mark.parametrize(
    "message",
    [
        "movie night friday",
        "park the car",
        "remote control batteries",
        "compete in the marathon",
        "mask for the party",
        "finnish homework",
        "more milk",
        "love letters to mom",
        "delegate the report to bob",
        "nove the plumber to friday",  # the first letter is never the slip
    ],
)
def test_real_words_are_no_slips(message: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.fallback) == ("add", None)


async def test_a_real_word_stays_a_task_even_with_a_task_of_those_words(fake: FakeTasks) -> None:
    fake.seed("alice", title="The car")
    said = await Chat(fake).say("park the car")
    assert said == "Added 'Park the car'."


@pytest.mark.parametrize(
    ("message", "intent", "ref"),
    [
        ("resechdule the plumbr to tuesday", "update", "plumbr"),
        ("postpine the gym to friday", "update", "gym"),
        ("complede the report", "complete", "report"),
        ("mvoe the gym to friday", "update", "gym"),
        ("makr the gym as done", "complete", "gym"),
        ("fnish the report", "complete", "report"),
        ("renane the gym to yoga", "update", "gym"),
        ("delite the gym", "delete", "gym"),
    ],
)
def test_slips_read_as_the_command(message: str, intent: str, ref: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.whole_ref) == (intent, ref, True)
    assert request.fallback is not None
