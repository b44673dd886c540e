"""'What reminders do I have?': the open tasks with a reminder still to come, soonest first,
each with when it will remind. Before, the question was not understood (the help text).
Reading (pure) and whole conversations against the fake task API (NOW is Wednesday 25 Nov
2026, 14:30 UTC)."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


@pytest.mark.parametrize(
    "message",
    [
        "what reminders do I have?",
        "show my reminders",
        "list my reminders",
        "any reminders set?",
        "what are my upcoming reminders",
        "which reminders are set?",
    ],
)
def test_asking_for_the_reminders_is_read_as_such(message: str) -> None:
    assert parse(message, NOW).intent == "reminders"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # Guards (pass on the old code too): reminders set or removed, a task about reminders.
        ("remove the reminder for pills", "update"),
        ("remind me to call mom at 5", "add"),
        ("add set up reminders for the team", "add"),
    ],
)
def test_other_reminder_messages_are_read_as_before(message: str, intent: str) -> None:
    assert parse(message, NOW).intent == intent


async def test_the_reminders_to_come_are_listed_soonest_first(fake: FakeTasks) -> None:
    fake.seed("alice", title="Take pills", due_at="2026-11-26T08:00:00Z", remind_at="2026-11-26T08:00:00Z")
    fake.seed("alice", title="Call mom", due_at="2026-11-25T17:00:00Z", remind_at="2026-11-25T16:30:00Z")
    fake.seed("alice", title="Old one", due_at="2026-11-24T09:00:00Z", remind_at="2026-11-24T09:00:00Z")
    fake.seed("alice", title="No reminder", due_at="2026-11-26T09:00:00Z")
    fake.seed(
        "alice", title="Done", completed=True, due_at="2026-11-27T09:00:00Z", remind_at="2026-11-27T09:00:00Z"
    )
    said = await Chat(fake).say("what reminders do I have?")
    assert said == (
        "You have 2 reminders coming up:\n- Call mom: today at 4:30 PM\n- Take pills: tomorrow at 8:00 AM"
    )


async def test_no_reminders_to_come_says_so(fake: FakeTasks) -> None:
    fake.seed("alice", title="No reminder", due_at="2026-11-26T09:00:00Z")
    said = await Chat(fake).say("show my reminders")
    assert said.startswith("You have no reminders coming up.")
