"""Corrections said right after a change ("no, I meant Friday", "actually make it 10",
"make it 2 hours before instead"): they change the task last worked on and are never a new
task. Reading (pure), the plan step by step (pure), and whole conversations through the real
Agent, Runner and MCP server against the fake task API."""

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.planner import Call, Context, Say
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "due", "keep_time"),
    [
        ("no, I meant friday", "Fri 27 09:00", True),
        ("sorry, I meant 4pm", "Wed 25 16:00", True),
        ("nope, monday", "Mon 30 09:00", True),
        ("I meant friday, not saturday", "Fri 27 09:00", True),
        ("3pm instead", "Wed 25 15:00", True),
        ("no wait, tomorrow at 5", "Thu 26 17:00", True),
        ("actually make it 10", "Thu 26 10:00", False),
        ("make it 10:30", "Thu 26 10:30", False),
    ],
)
def test_a_correction_of_the_time_changes_the_last_task(message: str, due: str, keep_time: bool) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.pronoun) == ("update", None, True)
    assert request.changes.due is not None and request.changes.due.at.strftime("%a %d %H:%M") == due
    assert request.changes.keep_time is keep_time and request.changes.title is None


@pytest.mark.parametrize(
    ("message", "minutes", "priority"),
    [
        ("make it 2 hours before instead", 120, None),
        ("hmm make it 2 hours before instead", 120, None),
        ("sorry I meant an hour before", 60, None),
        ("no, I meant high priority", None, "HIGH"),
    ],
)
def test_a_correction_of_the_reminder_or_priority(
    message: str, minutes: int | None, priority: str | None
) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.pronoun) == ("update", True)
    assert (request.changes.remind_minutes, request.changes.priority) == (minutes, priority)


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("actually, buy bread tomorrow", "Buy bread"),
        ("Make dinner", "Make dinner"),
        ("No rush on taxes", None),
    ],
)
def test_other_messages_are_not_corrections(message: str, title: str | None) -> None:
    request = parse(message, NOW)
    assert request.intent == "add"
    if title:
        assert request.changes.title == title


def test_no_i_meant_friday_keeps_the_time_the_user_gave() -> None:
    task = {"id": "i", "title": "Call the insurance company", "due_at": "2026-11-26T15:00:00Z"}
    ctx = Context(now=NOW, timezone="UTC", last_task={"id": "i", "title": task["title"]})
    moved = {**task, "due_at": "2026-11-27T15:00:00Z"}
    steps = play("no, I meant friday", [{"ok": True, "task": task}, {"ok": True, "task": moved}], ctx)
    assert steps == [
        Call("get_task", {"task_id": "i"}),
        Call("set_due_date", {"task_id": "i", "due_at": "2026-11-27T15:00:00Z"}),
        Say("Moved 'Call the insurance company' to Friday at 3:00 PM."),
    ]


def test_a_correction_with_no_task_in_the_conversation_asks_and_adds_nothing() -> None:
    steps = play("no, I meant friday", [])
    assert steps == [Say("I'm not sure which task you mean. Could you tell me its name?")]


async def test_corrections_in_a_conversation_change_that_task_and_add_none(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("Call the insurance company tomorrow at 3pm")
    assert await chat.say("no, I meant friday") == "Moved 'Call the insurance company' to Friday at 3:00 PM."
    assert (
        await chat.say("actually make it 10") == "Moved 'Call the insurance company' to Friday at 10:00 AM."
    )
    await chat.say("remind me an hour before")
    assert (
        await chat.say("hmm make it 2 hours before instead")
        == "I'll remind you about 'Call the insurance company' 2 hours before it's due."
    )
    assert titles(fake) == ["Call the insurance company"]
    [task] = fake.tasks.values()
    assert (task["due_at"], task["remind_at"]) == ("2026-11-27T10:00:00Z", "2026-11-27T08:00:00Z")
