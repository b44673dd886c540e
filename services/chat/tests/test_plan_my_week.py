"""A request put to the assistant that no tool does, about planning a stretch of time: "can you
sort out my week", "can you help me plan tomorrow" added tasks 'Sort out my week' and 'Help me
plan' (due tomorrow). Now they change nothing and answer what the assistant can do instead: show
that stretch's tasks, with the question that does it ("What's due this week?").

The rule, kept conservative: only a request PUT TO THE ASSISTANT ("can / could / would / will
you ...", "I'd like you to ...", "please ...", "help me ...") whose verb plans (sort out, organise,
plan, arrange, manage, schedule, prioritise, ...) and whose object is a stretch of time and
nothing else (my week, my day, today, tomorrow, the weekend, next week, the rest of my day, my
schedule). Said plainly ("plan my week", "sort out my week") it is a to-do of the user's; a
thing planned ("can you plan the party", "can you help me plan my trip") is a task as before;
"can you sort my tasks" is a sort; "can you add call mom", "could you remind me to ...", "please
add ..." are adds as before."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


def _answer(doing: str, ask: str) -> str:
    return (
        f"Sorry, I can't plan {doing} for you. I can show you what's on it, though: "
        f'ask "{ask}", then tell me what to move, add or prioritise.'
    )


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("can you sort out my week", _answer("your week", "What's due this week?")),
        ("can you help me plan tomorrow", _answer("tomorrow", "What's due tomorrow?")),
        ("could you please organise my day?", _answer("your day", "What's due today?")),
        ("please plan my weekend", _answer("your weekend", "What do I have this weekend?")),
        ("would you plan next week for me", _answer("next week", "What's due next week?")),
        ("can you help me plan my day tomorrow", _answer("your day tomorrow", "What's due tomorrow?")),
        ("I'd like you to sort out my schedule", _answer("your schedule", "What's on my list?")),
    ],
)
async def test_planning_a_stretch_of_time_is_answered(fake: FakeTasks, message: str, answer: str) -> None:
    fake.seed("alice", title="Call mom")
    assert await Chat(fake).say(message) == answer
    assert titles(fake) == ["Call mom"]


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards: tasks, as before.
        ("plan my week", "Plan my week"),
        ("sort out my week", "Sort out my week"),
        ("can you plan the party", "Plan the party"),
        ("can you help me plan my trip", "Help me plan my trip"),
        ("can you add call mom", "Call mom"),
        ("could you remind me to pay rent at 5", "Pay rent"),
        ("please add buy milk", "Buy milk"),
    ],
)
def test_still_tasks(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == ("add", title)


def test_a_sort_is_still_a_sort() -> None:
    request = parse("can you sort my tasks", NOW)
    assert (request.intent, request.filters.sort) == ("list", "priority")
