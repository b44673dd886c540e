"""A thing said to be due: "taxes are due friday" is a new task 'Taxes' due Friday when no
open task is taxes (before: 'Taxes are'), and "the report is due monday" a new task 'The
report' when no open task is the report (before: "I couldn't find a task matching
'report'"). When an open task matches, it is moved, as before."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("taxes are due friday", "Taxes", "2026-11-27T09:00:00Z"),
        ("the report is due monday", "The report", "2026-11-30T09:00:00Z"),
        ("rent is due tomorrow at 5", "Rent", "2026-11-26T17:00:00Z"),
    ],
)
async def test_a_new_thing_due(fake: FakeTasks, message: str, title: str, due: str) -> None:
    said = await Chat(fake).say(message)
    assert said.startswith(f"Added '{title}' for "), said
    [task] = fake.tasks.values()
    assert (task["title"], task["due_at"]) == (title, due)


async def test_a_done_one_is_not_moved(fake: FakeTasks) -> None:
    fake.seed("alice", title="Taxes", completed=True, completed_at="2026-11-20T10:00:00Z")
    said = await Chat(fake).say("taxes are due friday")
    assert said.startswith("Added 'Taxes' for Friday"), said


# Guards: an open task of that name is moved, as before.
@pytest.mark.parametrize(
    ("message", "title"),
    [("taxes are due friday", "File taxes"), ("the report is due monday", "Write the report")],
)
async def test_an_open_task_is_moved(fake: FakeTasks, message: str, title: str) -> None:
    fake.seed("alice", title=title, due_at="2026-11-25T09:00:00Z")
    said = await Chat(fake).say(message)
    assert said.startswith(f"Moved '{title}' to "), said
    assert titles(fake) == [title]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("what tasks are due friday", "list"),
        ("which are due friday", "list"),
        ("are taxes due friday?", "unclear"),
    ],
)
def test_questions_read_as_before(message: str, intent: str) -> None:
    assert parse(message, NOW).intent == intent


def test_it_is_due_is_still_the_last_task() -> None:
    request = parse("it is due friday", NOW)
    assert (request.intent, request.pronoun, request.fallback) == ("update", True, None)


async def test_statement_then_command_is_still_that_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Report")
    said = await Chat(fake).say("the report is due friday, make it high priority")
    assert "Report" in said and len(fake.tasks) == 1, said
