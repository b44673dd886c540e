"""A reminder set or moved to a time after the task's due time is still set, and the reply
says so: "Heads up: that's after it's due (Monday at 15:00)." Before, it was set silently.
Every way a reminder time is said of a task with a due time: "remind me about X at ...",
"snooze the X reminder to ...", "push the X reminder back ..." and a reminder said with a move."""

from typing import Any

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk, local

DENTIST = {
    "title": "Dentist",
    "due_at": "2026-11-30T14:00:00Z",  # Monday 15:00 in Berlin
    "remind_at": "2026-11-30T09:00:00Z",  # Monday 10:00
}
HEADS_UP = "Heads up: that's after it's due ({due})."


def dentist(fake: FakeTasks) -> dict[str, Any]:
    [task] = [t for t in fake.tasks.values() if t["title"] == "Dentist"]
    return task


@pytest.mark.parametrize(
    ("message", "remind", "due"),
    [
        ("remind me about the dentist monday at 5pm", "Mon 30 Nov 17:00", "Monday at 15:00"),
        ("snooze the dentist reminder to 4pm", "Mon 30 Nov 16:00", "Monday at 15:00"),
        ("push the dentist reminder back 6 hours", "Mon 30 Nov 16:00", "Monday at 15:00"),
        ("remind me about the dentist tuesday at 9 instead", "Tue 01 Dec 09:00", "Monday at 15:00"),
        (
            "move the dentist to tuesday at 3pm and remind me wednesday at 9",
            "Wed 02 Dec 09:00",
            "Tuesday at 15:00",
        ),
    ],
)
async def test_a_reminder_after_the_due_time_is_set_with_a_warning(
    fake: FakeTasks, message: str, remind: str, due: str
) -> None:
    fake.seed("alice", **DENTIST)
    answer = await Talk(fake).say(message)
    assert local(dentist(fake)["remind_at"]) == remind
    assert answer.endswith(" " + HEADS_UP.format(due=due)), answer


async def test_the_warning_follows_what_was_done(fake: FakeTasks) -> None:
    fake.seed("alice", **DENTIST)
    assert await Talk(fake).say("snooze the dentist reminder to 4pm") == (
        "Moved the reminder for 'Dentist' to Monday at 16:00; it's still due Monday at 15:00. "
        "Heads up: that's after it's due (Monday at 15:00)."
    )


# -- guards: no warning where there is nothing to warn about -----------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "remind me about the dentist monday at 2pm",  # before the due time
        "remind me about the dentist monday at 3pm",  # at it
        "push the dentist reminder back an hour",
        "remind me about the dentist an hour before",
    ],
)
async def test_a_reminder_before_the_due_time_has_no_warning(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", **DENTIST)
    assert "Heads up" not in await Talk(fake).say(message)


async def test_a_task_without_a_due_time_has_no_warning(fake: FakeTasks) -> None:
    fake.seed("alice", title="Dentist")
    answer = await Talk(fake).say("remind me about the dentist monday at 5pm")
    assert local(dentist(fake)["remind_at"]) == "Mon 30 Nov 17:00"
    assert "Heads up" not in answer
