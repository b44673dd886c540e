"""Two commands in one message, each about its own task: "mark call mom and yoga as done, and
push the dentist back an hour" completes 'Call mom' and 'Yoga' and moves 'Dentist' an hour
later, told in one reply (before: a new task titled with the whole sentence). "Delete milk and
move the dentist to friday" deletes 'Milk' and moves 'Dentist' (before: it looked for one task
called 'milk and move the dentist to friday'). Only where the second part starts with a command
verb and both parts read, alone, as a change of a task they name; one "undo" puts all back."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles

DENTIST = "2026-11-26T15:00:00Z"


async def test_the_live_report(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Yoga")
    dentist = fake.seed("alice", title="Dentist", due_at=DENTIST)
    said = await Chat(fake).say("mark call mom and yoga as done, and push the dentist back an hour")
    assert said == (
        "Marked 'Call mom' as done. Nice work! Marked 'Yoga' as done. Nice work! "
        "Moved 'Dentist' to tomorrow at 4:00 PM."
    )
    assert titles(fake) == ["Call mom (done)", "Dentist", "Yoga (done)"]
    assert dentist["due_at"] == "2026-11-26T16:00:00Z"


async def test_one_undo_puts_both_back(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk")
    dentist = fake.seed("alice", title="Dentist", due_at=DENTIST)
    chat = Chat(fake)
    said = await chat.say("delete milk and move the dentist to friday")
    assert said == "Deleted 'Milk'. Moved 'Dentist' to Friday at 3:00 PM."
    assert (titles(fake), dentist["due_at"]) == (["Dentist"], "2026-11-27T15:00:00Z")
    await chat.say("undo")
    assert (titles(fake), dentist["due_at"]) == (["Dentist", "Milk"], DENTIST)


async def test_the_second_is_done_when_the_first_finds_nothing(fake: FakeTasks) -> None:
    dentist = fake.seed("alice", title="Dentist", due_at=DENTIST)
    said = await Chat(fake).say("mark the laundry as done; push the dentist back an hour")
    assert said == (
        "I couldn't find a task matching 'laundry'. Could you check the name? "
        "Moved 'Dentist' to tomorrow at 4:00 PM."
    )
    assert dentist["due_at"] == "2026-11-26T16:00:00Z"


@pytest.mark.parametrize(
    ("message", "first", "second"),
    [
        ("move the gym to friday, then delete the yoga class", ("update", "gym"), ("delete", "yoga class")),
        ("mark call mom as done; delete milk", ("complete", "call mom"), ("delete", "milk")),
    ],
)
def test_reading(message: str, first: tuple[str, str], second: tuple[str, str]) -> None:
    request = parse(message, NOW)
    assert request.then is not None
    assert ((request.intent, request.ref), (request.then.intent, request.then.ref)) == (first, second)


@pytest.mark.parametrize(
    "message",
    [
        # Guards: one request, as before.
        "mark call mom and yoga as done",
        "move salt and pepper to friday",
        "buy salt and pepper",
        "add milk and make dinner",
        "move the report to friday and make it urgent",
    ],
)
def test_one_request(message: str) -> None:
    assert getattr(parse(message, NOW), "then", None) is None


# "It" in the second command is the task the first named: the report is completed, then set
# High, as said (one undo puts both back). A new task first ("make dinner") is added, then the
# second command is done (before: one task name 'dinner and move the dentist').
async def test_it_is_the_task_the_first_named(fake: FakeTasks) -> None:
    report = fake.seed("alice", title="Report")
    chat = Chat(fake)
    said = await chat.say("mark the report as done and make it high priority")
    assert said.startswith("Marked 'Report' as done."), said
    assert "'Report'" in said.split("Nice work!")[-1], said
    assert (report["completed"], report["priority"]) == (True, "HIGH")
    await chat.say("undo")
    assert (report["completed"], report["priority"]) == (False, "MEDIUM")


async def test_a_new_task_then_a_command(fake: FakeTasks) -> None:
    dentist = fake.seed("alice", title="Dentist", due_at=DENTIST)
    said = await Chat(fake).say("make dinner and move the dentist to friday")
    assert said == "Added 'Make dinner'. Moved 'Dentist' to Friday at 3:00 PM."
    assert (titles(fake), dentist["due_at"]) == (["Dentist", "Make dinner"], "2026-11-27T15:00:00Z")
