"""A new task, then its importance said as a statement after a comma (';' or a dash):
"tomorrow I need to buy a gift for Sam, it is important" is 'Buy a gift for Sam', due
tomorrow, High, as "..., important" is (before: "I couldn't find a task matching 'tomorrow I
need to buy a gift for Sam, it'", nothing added). "It's really important" keeps no words in
the title. Only when the words before are a new task: a statement about a task named, or the
statement alone right after an add, reads as before."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


async def test_the_live_report(fake: FakeTasks) -> None:
    said = await Chat(fake).say("tomorrow I need to buy a gift for Sam, it is important")
    assert said == "Added 'Buy a gift for Sam' for tomorrow at 9:00 AM (high priority)."
    [task] = fake.tasks.values()
    assert (task["title"], task["due_at"], task["priority"]) == (
        "Buy a gift for Sam",
        "2026-11-26T09:00:00Z",
        "HIGH",
    )


@pytest.mark.parametrize(
    ("message", "title", "priority"),
    [
        ("buy flowers for mom, it is important", "Buy flowers for mom", "HIGH"),
        ("buy flowers for mom, it's really important", "Buy flowers for mom", "HIGH"),
        ("add pay rent, it is urgent", "Pay rent", "VERY_IMPORTANT"),
        ("add pay rent - it is very important", "Pay rent", "VERY_IMPORTANT"),
        ("call the bank; that is high priority", "Call the bank", "HIGH"),
        # After a full stop too (before: 'Call mom.', the full stop kept in the title).
        ("add call mom. it's very important", "Call mom", "VERY_IMPORTANT"),
        ("add call mom. It is urgent.", "Call mom", "VERY_IMPORTANT"),
        ("call the bank. that's high priority", "Call the bank", "HIGH"),
    ],
)
def test_a_new_task_then_its_importance(message: str, title: str, priority: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title, request.changes.priority) == ("add", title, priority)


# Guards: read as before.
@pytest.mark.parametrize(
    ("message", "title", "priority"),
    [
        ("add buy flowers for mom, it's important", "Buy flowers for mom", "HIGH"),
        ("add pay rent, urgent", "Pay rent", "VERY_IMPORTANT"),
        ("add call mom, it's urgent", "Call mom", "VERY_IMPORTANT"),
        ("tomorrow I need to buy a gift for Sam, important", "Buy a gift for Sam", "HIGH"),
    ],
)
def test_said_so_before(message: str, title: str, priority: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title, request.changes.priority) == ("add", title, priority)


def test_a_statement_alone_is_still_about_the_last_task() -> None:
    request = parse("it is important", NOW)
    assert (request.intent, request.pronoun, request.changes.priority) == ("update", True, "HIGH")


def test_a_task_named_and_made_important_is_still_that_task() -> None:
    request = parse("the report is important", NOW)
    assert (request.intent, request.ref, request.changes.priority) == ("update", "report", "HIGH")


async def test_said_after_a_full_stop_live(fake: FakeTasks) -> None:
    said = await Chat(fake).say("add call mom. it's very important")
    assert said == "Added 'Call mom' (urgent)."
    [task] = fake.tasks.values()
    assert (task["title"], task["priority"]) == ("Call mom", "VERY_IMPORTANT")
