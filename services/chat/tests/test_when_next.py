""" "When is the next yoga?" right after "done with yoga" (a repeating task: the completed one and
its next one are both 'Yoga'): the open one and its due time (before: "I found 2 tasks
matching 'next yoga': 'Yoga' and 'Yoga'. Which one do you mean?"). "When is the next X" looks
at open tasks only; "next week's meeting" keeps its words. "What time is it?" is the clock in
the user's zone (before: "I'm not sure which task you mean")."""

from typing import Any

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


@pytest.fixture
def every_word(fake: FakeTasks, monkeypatch: pytest.MonkeyPatch) -> None:
    """A search finds the tasks with every word searched, as task-service's full text does."""
    api = type(fake.as_user("alice"))
    listed = api.list

    async def list_every_word(self: Any, params: dict[str, Any]) -> dict[str, Any]:
        page = await listed(self, params)
        if params.get("search"):
            searched = params["search"].lower().split()
            page["items"] = [t for t in page["items"] if all(w[:4] in t["title"].lower() for w in searched)]
        return page

    monkeypatch.setattr(api, "list", list_every_word)


@pytest.mark.usefixtures("every_word")
async def test_the_next_one_of_a_repeating_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Yoga", due_at="2026-11-25T07:00:00Z", rrule="FREQ=DAILY")
    chat = Chat(fake)
    assert (await chat.say("done with yoga")).startswith("Marked 'Yoga' as done.")
    # recurring-service's next instance, as it makes it
    fake.seed("alice", title="Yoga", due_at="2026-11-26T07:00:00Z", rrule="FREQ=DAILY")
    said = await chat.say("when is the next yoga?")
    assert said.startswith("'Yoga' is open: due tomorrow at 7:00 AM"), said


async def test_the_next_one_is_never_a_done_one(fake: FakeTasks) -> None:
    fake.seed("alice", title="Dentist appointment", completed=True, completed_at="2026-11-20T10:00:00Z")
    said = await Chat(fake).say("when's my next dentist appointment?")
    assert said == "I couldn't find a task matching 'dentist appointment'. Could you check the name?"


@pytest.mark.parametrize(
    ("message", "ref", "open_only"),
    [
        ("when is the next yoga?", "yoga", True),
        ("when's my next dentist appointment", "dentist appointment", True),
        # Guards: read as before.
        ("when is yoga?", "yoga", False),
        ("when is next week's meeting?", "next week's meeting", False),
        ("when is next monday's standup", "next monday's standup", False),
    ],
)
def test_reading(message: str, ref: str, open_only: bool) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, getattr(request, "open_only", False)) == ("show", ref, open_only)


@pytest.mark.parametrize(
    "message", ["what time is it?", "What time is it now", "what's the time?", "do you know what time it is"]
)
async def test_what_time_is_it(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    await chat.say("add buy milk")
    # NOW is 14:30 UTC; each turn of the test chat is a minute later.
    assert await chat.say(message) == "It's 2:32 PM on Wednesday, November 25."
    assert len(fake.tasks) == 2


async def test_a_done_task_is_still_shown_when_asked_without_next(fake: FakeTasks) -> None:
    # Guard: "when is X" still finds a done task when no open one matches.
    fake.seed("alice", title="Dentist appointment", completed=True, completed_at="2026-11-20T10:00:00Z")
    said = await Chat(fake).say("when is the dentist appointment?")
    assert said.startswith("'Dentist appointment' is done"), said


def test_the_time_is_in_the_users_zone() -> None:
    from chat_service.domain.planner import Context, Say, next_step

    said = next_step("what time is it?", Context(now=NOW, timezone="Europe/Paris"), [])
    assert said == Say("It's 15:30 on Wednesday 25 November.")


async def test_before_the_next_one_of_a_repeating_task_is_made(fake: FakeTasks) -> None:
    # recurring-service adds the next one a moment after the completion: until then, say so.
    fake.seed(
        "alice",
        title="Yoga",
        due_at="2026-11-25T07:00:00Z",
        rrule="FREQ=DAILY",
        completed=True,
        completed_at="2026-11-25T14:00:00Z",
    )
    said = await Chat(fake).say("when is the next yoga?")
    assert said == "'Yoga' is done, and its next one isn't on your list yet. Ask me again in a moment."


# "What time is the next yoga", "what time is yoga tomorrow": that task's due time, the open
# one, as "when is the next yoga?" (before: a list of tasks, the day's for "tomorrow").
@pytest.mark.usefixtures("every_word")
@pytest.mark.parametrize("message", ["what time is the next yoga", "what time is yoga tomorrow?"])
async def test_what_time_is_the_next_one(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Yoga", due_at="2026-11-25T07:00:00Z", rrule="FREQ=DAILY")
    fake.seed("alice", title="Call mom", due_at="2026-11-26T10:00:00Z")
    chat = Chat(fake)
    assert (await chat.say("done with yoga")).startswith("Marked 'Yoga' as done.")
    fake.seed("alice", title="Yoga", due_at="2026-11-26T07:00:00Z", rrule="FREQ=DAILY")
    said = await chat.say(message)
    assert said.startswith("'Yoga' is open: due tomorrow at 7:00 AM"), said


@pytest.mark.parametrize(
    ("message", "intent", "ref", "open_only"),
    [
        ("what time is the next yoga?", "show", "yoga", True),
        ("what time is yoga tomorrow", "show", "yoga", True),
        ("what time is the dentist due tomorrow?", "show", "dentist", True),
        # Guards: read as before.
        ("what time is yoga?", "show", "yoga", False),
        ("what time is it", "time", None, False),
        ("what time is my next task", "list", None, False),
        ("what time is everything due tomorrow", "list", None, False),
        ("what time is my first task tomorrow", "list", None, False),
    ],
)
def test_what_time_reading(message: str, intent: str, ref: str | None, open_only: bool) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.open_only) == (intent, ref, open_only)
