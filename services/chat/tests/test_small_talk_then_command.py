"""Small talk, then a command about a task it names: "the weather is bad, move the picnic to
sunday" moves 'Picnic' to Sunday (before: a task 'The weather is bad, move the picnic')."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


async def test_the_weather_then_a_move(fake: FakeTasks) -> None:
    fake.seed("alice", title="Picnic", due_at="2026-11-28T12:00:00Z")
    said = await Chat(fake).say("the weather is bad, move the picnic to sunday")
    assert said.startswith("Moved 'Picnic' to Sunday"), said
    [task] = fake.tasks.values()
    assert (task["title"], task["due_at"][:10]) == ("Picnic", "2026-11-29")


@pytest.mark.parametrize(
    ("message", "intent", "ref"),
    [
        ("the weather is bad, move the picnic to sunday", "update", "picnic"),
        ("it's raining, so delete the picnic", "delete", "picnic"),
        ("it's cold. mark the report as done", "complete", "report"),
    ],
)
def test_reading(message: str, intent: str, ref: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == (intent, ref)


# Guards: read as before.
@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("it's raining", "chat"),
        ("the weather is nice, isn't it", "chat"),
        ("buy an umbrella, it's raining", "add"),
        ("it's raining, move it to sunday", "add"),
    ],
)
def test_read_as_before(message: str, intent: str) -> None:
    assert parse(message, NOW).intent == intent


async def test_no_such_task_adds_nothing(fake: FakeTasks) -> None:
    said = await Chat(fake).say("the weather is bad, move the picnic to sunday")
    assert "couldn't find" in said, said
    assert titles(fake) == []
