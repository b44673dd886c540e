"""A request about a task's reminder moves the reminder only: "snooze the Kessler kickoff call
reminder to 1pm on monday" (user test, Friday 27 Nov 2026, Berlin) moved the task's due time
to Monday 13:00; now remind_at is Monday 13:00, the due time stays, and the reply says both.
Also "move / push / change the X reminder to ...", "move my reminder for X to ...", "change its
reminder to ...", "remind me about X at ... instead"; a time without a day keeps the
reminder's day."""

from datetime import UTC, datetime

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local

KICKOFF = {
    "title": "Kessler Law: kickoff call",
    "due_at": "2026-11-30T09:00:00Z",  # Monday 10:00 in Berlin
    "remind_at": "2026-11-30T08:45:00Z",  # Monday 09:45
}
MONDAY_10 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # the due time


def kickoff(fake: FakeTasks) -> dict[str, object]:
    [task] = [t for t in fake.tasks.values() if t["title"] == KICKOFF["title"]]
    return task


@pytest.mark.parametrize(
    ("message", "remind"),
    [
        ("snooze the Kessler kickoff call reminder to 1pm on monday", "Mon 30 Nov 13:00"),
        ("move the kickoff call reminder to tuesday at 10", "Tue 01 Dec 10:00"),
        ("push the kickoff call reminder until 2pm", "Mon 30 Nov 14:00"),  # keeps the reminder's day
        ("change the kickoff call's reminder to 8:30 am", "Mon 30 Nov 08:30"),
        ("move my reminder for the kickoff call to sunday at 6pm", "Sun 29 Nov 18:00"),
        ("remind me about the kickoff call at 12 instead", "Mon 30 Nov 12:00"),
    ],
)
async def test_moving_a_reminder_changes_remind_at_only(fake: FakeTasks, message: str, remind: str) -> None:
    fake.seed("alice", **KICKOFF)
    answer = await Talk(fake).say(message)
    task = kickoff(fake)
    assert (local(task["due_at"]), local(task["remind_at"])) == ("Mon 30 Nov 10:00", remind)  # type: ignore[arg-type]
    assert answer.startswith("Moved the reminder for 'Kessler Law: kickoff call' to ")
    # A reminder after the due time is set as said, with a warning (test_reminder_after_due.py).
    late = datetime.fromisoformat(task["remind_at"].replace("Z", "+00:00")) > MONDAY_10  # type: ignore[attr-defined]
    heads_up = " Heads up: that's after it's due (Monday at 10:00)." if late else ""
    assert answer.endswith("; it's still due Monday at 10:00." + heads_up)


async def test_the_reported_snooze_says_what_moved(fake: FakeTasks) -> None:
    fake.seed("alice", **KICKOFF)
    assert await Talk(fake).say("snooze the Kessler kickoff call reminder to 1pm on monday") == (
        "Moved the reminder for 'Kessler Law: kickoff call' to Monday at 13:00; "
        "it's still due Monday at 10:00. Heads up: that's after it's due (Monday at 10:00)."
    )


async def test_its_reminder_after_naming_the_task(fake: FakeTasks) -> None:
    fake.seed("alice", **KICKOFF)
    talk = Talk(fake)
    await talk.say("when is the kickoff call?")
    assert (await talk.say("change its reminder to tomorrow at 9")).startswith(
        "Moved the reminder for 'Kessler Law: kickoff call' to tomorrow at 09:00"
    )
    assert local(kickoff(fake)["due_at"]) == "Mon 30 Nov 10:00"  # type: ignore[arg-type]


# -- guards: moving the task itself, and setting a reminder, read as before ---------------------
async def test_moving_the_task_still_moves_its_due_time(fake: FakeTasks) -> None:
    fake.seed("alice", **KICKOFF)
    assert (await Talk(fake).say("move the kickoff call to tuesday at 1pm")).startswith(
        "Moved 'Kessler Law: kickoff call' to Tuesday at 13:00"
    )
    assert local(kickoff(fake)["due_at"]) == "Tue 01 Dec 13:00"  # type: ignore[arg-type]


async def test_a_reminder_before_the_due_time_is_set_as_before(fake: FakeTasks) -> None:
    fake.seed("alice", **KICKOFF)
    assert await Talk(fake).say("remind me about the kickoff call an hour before") == (
        "I'll remind you about 'Kessler Law: kickoff call' 1 hour before it's due."
    )
    assert (local(kickoff(fake)["due_at"]), local(kickoff(fake)["remind_at"])) == (  # type: ignore[arg-type]
        "Mon 30 Nov 10:00",
        "Mon 30 Nov 09:00",
    )


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("set a reminder to call mom at 5", "Call mom"),
        ("remind me to move the car to 5th street", "Move the car to 5th street"),
    ],
)
def test_a_reminder_to_do_something_is_still_a_new_task(message: str, title: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.changes.title) == ("add", title)
