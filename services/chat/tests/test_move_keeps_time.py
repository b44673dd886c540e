"""A task moved to another day keeps its time of day: "move the dentist to friday" when
'Dentist' is due Thursday 15:00 moves it to Friday 15:00 (before: Friday 09:00; only "same
time" kept 15:00). The time is the task's own in the user's timezone. A task with no due date
gets the usual 09:00; a time said ("friday at 4"), a part of the day ("friday morning") or a
day that means a time ("tonight") wins; "push it back an hour" / "by a day" shift as before."""

from typing import Any

import pytest
from chat_service.domain.planner import Call, Context, Say
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat

# NOW is Wednesday 25 Nov 2026, 14:30 UTC (the chats run in UTC); Friday is the 27th.
DENTIST = "2026-11-26T15:00:00Z"


@pytest.mark.parametrize(
    "message",
    [
        "move the dentist to friday",
        "push the dentist to friday",
        "reschedule the dentist for friday",
        "postpone the dentist until friday",
        "change the dentist to friday",
        "make the dentist friday",
        "the dentist is now on friday",
        "dentist is now friday",
        "the dentist is due friday",
        "move the dentist to nov 27",
        "mvoe the dentist to friday",
    ],
)
async def test_a_day_alone_keeps_the_time_of_day(fake: FakeTasks, message: str) -> None:
    dentist = fake.seed("alice", title="Dentist", due_at=DENTIST)
    said = await Chat(fake).say(message)
    assert said == "Moved 'Dentist' to Friday at 3:00 PM."
    assert ([t["title"] for t in fake.tasks.values()], dentist["due_at"]) == (
        ["Dentist"],
        "2026-11-27T15:00:00Z",
    )


async def test_it_keeps_the_time_too(fake: FakeTasks) -> None:
    dentist = fake.seed("alice", title="Dentist", due_at=DENTIST)
    chat = Chat(fake)
    await chat.say("when is the dentist?")
    assert await chat.say("move it to friday") == "Moved 'Dentist' to Friday at 3:00 PM."
    assert dentist["due_at"] == "2026-11-27T15:00:00Z"


async def test_undo_puts_the_old_day_and_time_back(fake: FakeTasks) -> None:
    dentist = fake.seed("alice", title="Dentist", due_at=DENTIST)
    chat = Chat(fake)
    await chat.say("move the dentist to friday")
    await chat.say("undo")
    assert dentist["due_at"] == DENTIST


async def test_a_repeating_task_keeps_its_time(fake: FakeTasks) -> None:
    yoga = fake.seed("alice", title="Yoga", due_at="2026-11-26T18:30:00Z", rrule="FREQ=WEEKLY;BYDAY=TH")
    assert await Chat(fake).say("move yoga to saturday") == "Moved 'Yoga' to Saturday at 6:30 PM."
    assert yoga["due_at"] == "2026-11-28T18:30:00Z"


def _moved_to(message: str, task: dict[str, Any], ctx: Context) -> str:
    steps = play(message, [{"ok": True, "tasks": [task]}, {"ok": True, "task": {**task, "due_at": "x"}}], ctx)
    moves = [s for s in steps if isinstance(s, Call) and s.name == "set_due_date"]
    assert len(moves) == 1, steps
    return str(moves[0].arguments["due_at"])


def test_the_time_kept_is_the_users_local_time() -> None:
    # New York: a task due Fri 30 Oct 15:00 EDT (19:00 UTC), moved to Friday 27 Nov, is due
    # 15:00 EST there (20:00 UTC), not 19:00 UTC.
    ctx = Context(now=NOW, timezone="America/New_York")
    task = {"id": "t1", "title": "Dentist", "due_at": "2026-10-30T19:00:00Z"}
    assert _moved_to("move the dentist to friday", task, ctx) == "2026-11-27T20:00:00Z"


# -- guards: these read as before (pass on the old code too) -----------------------------------


@pytest.mark.parametrize(
    ("message", "due"),
    [
        ("move the dentist to friday at 4", "2026-11-27T16:00:00Z"),
        ("move the dentist to friday morning", "2026-11-27T09:00:00Z"),
        ("move the dentist to friday evening", "2026-11-27T18:00:00Z"),
        ("move the dentist to friday at 9am", "2026-11-27T09:00:00Z"),
        ("move the dentist to tonight", "2026-11-25T20:00:00Z"),
        ("move the dentist to the end of the week", "2026-11-27T17:00:00Z"),
        ("move the dentist to friday same time", "2026-11-27T15:00:00Z"),
        ("move the dentist to 11am", "2026-11-26T11:00:00Z"),
        ("push the dentist back an hour", "2026-11-26T16:00:00Z"),
        ("push the dentist by a day", "2026-11-27T15:00:00Z"),
        ("move the dentist to in 2 hours", "2026-11-25T16:31:00Z"),
    ],
)
async def test_a_time_said_still_wins(fake: FakeTasks, message: str, due: str) -> None:
    dentist = fake.seed("alice", title="Dentist", due_at=DENTIST)
    await Chat(fake).say(message)
    assert dentist["due_at"] == due


async def test_a_task_without_a_due_date_gets_nine_oclock(fake: FakeTasks) -> None:
    dentist = fake.seed("alice", title="Dentist")
    assert await Chat(fake).say("move the dentist to friday") == "Moved 'Dentist' to Friday at 9:00 AM."
    assert dentist["due_at"] == "2026-11-27T09:00:00Z"


def test_a_task_without_a_due_date_gets_nine_oclock_local() -> None:
    ctx = Context(now=NOW, timezone="Europe/Paris")
    task = {"id": "t1", "title": "Dentist", "due_at": None}
    assert _moved_to("move the dentist to friday", task, ctx) == "2026-11-27T08:00:00Z"


async def test_moving_a_day_of_tasks_keeps_each_time(fake: FakeTasks) -> None:
    fake.seed("alice", title="Team sync", due_at="2026-11-25T16:00:00Z")
    fake.seed("alice", title="Call mom", due_at="2026-11-25T18:30:00Z")
    said = await Chat(fake).say("move everything from today to tomorrow")
    assert "keeping their times" in said
    assert sorted(t["due_at"] for t in fake.tasks.values()) == [
        "2026-11-26T16:00:00Z",
        "2026-11-26T18:30:00Z",
    ]


def test_the_reply_says_the_time_kept() -> None:
    ctx = Context(now=NOW, timezone="UTC")
    task = {"id": "t1", "title": "Dentist", "due_at": DENTIST}
    moved = {**task, "due_at": "2026-11-27T15:00:00Z"}
    steps = play(
        "move the dentist to friday", [{"ok": True, "tasks": [task]}, {"ok": True, "task": moved}], ctx
    )
    assert steps[-1] == Say("Moved 'Dentist' to Friday at 3:00 PM.")
