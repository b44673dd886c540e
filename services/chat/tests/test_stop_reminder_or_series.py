"""Stopping a reminder or a series. User test (Paris): after "remind me to pay rent on the 1st
of every month", "stop the rent reminder" added a task 'Stop the rent reminder' and the series
kept running. Now "stop the rent reminder" (and "stop reminding me about rent", "no more
reminders for rent", "turn off the rent reminder", ...) clears the task's reminder and says it
still repeats; said of a repeating task without a reminder, the series ends. "stop the rent
series", "cancel the monthly rent", "make pay rent a one-off" end the series; the task stays.
A name matching no task is said plainly; a line starting "stop" / "turn off" is never added as
a task unless "add" / "remind me to" was said."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 27, 17, 17, tzinfo=PARIS)  # Friday
RENT = "remind me to pay rent on the 1st of every month"
STILL_REPEATS = (
    'It still repeats on the 1st of every month \u2014 say "stop repeating pay rent" to end the series.'
)


def rent(fake: FakeTasks) -> dict[str, Any]:
    [task] = [t for t in fake.tasks.values() if t["title"] == "Pay rent"]
    return task


async def rent_set_up(fake: FakeTasks) -> Talk:
    talk = Talk(fake, NOW)
    await talk.say(RENT)
    task = rent(fake)
    assert task["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=1" and task["remind_at"] is not None
    return talk


@pytest.mark.parametrize(
    "message",
    [
        "stop the rent reminder",
        "cancel the reminder for rent",
        "stop reminding me about rent",
        "no more reminders for rent",
        "turn off the rent reminder",
        "remove the reminder from pay rent",
        "please stop the rent reminder",
        "stop reminding me to pay rent",
        "no more rent reminders",
    ],
)
async def test_the_reminder_goes_and_the_reply_says_it_still_repeats(fake: FakeTasks, message: str) -> None:
    talk = await rent_set_up(fake)
    answer = await talk.say(message)
    assert [t["title"] for t in fake.tasks.values()] == ["Pay rent"]  # nothing added
    task = rent(fake)
    assert task["remind_at"] is None
    assert task["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=1" and not task["completed"]
    assert answer == f"Removed the reminder from 'Pay rent'. {STILL_REPEATS}"


async def test_undo_brings_the_reminder_back(fake: FakeTasks) -> None:
    talk = await rent_set_up(fake)
    before = rent(fake)["remind_at"]
    await talk.say("stop the rent reminder")
    assert rent(fake)["remind_at"] is None
    await talk.say("undo")
    assert rent(fake)["remind_at"] == before


@pytest.mark.parametrize(
    "message",
    [
        "stop repeating pay rent",
        "stop the rent series",
        "cancel the monthly rent",
        "pay rent doesn't repeat any more",
        "make pay rent a one-off",
    ],
)
async def test_the_series_ends_and_the_task_stays(fake: FakeTasks, message: str) -> None:
    talk = await rent_set_up(fake)
    answer = await talk.say(message)
    assert [t["title"] for t in fake.tasks.values()] == ["Pay rent"]
    task = rent(fake)
    assert task["rrule"] is None and not task["completed"] and task["due_at"] == "2026-12-01T08:00:00Z"
    assert answer == "'Pay rent' no longer repeats."


async def test_undo_brings_the_series_back(fake: FakeTasks) -> None:
    talk = await rent_set_up(fake)
    await talk.say("stop the rent series")
    assert rent(fake)["rrule"] is None
    await talk.say("undo")
    assert rent(fake)["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=1"


async def test_a_repeating_task_without_a_reminder_called_a_reminder_stops_repeating(
    fake: FakeTasks,
) -> None:
    talk = await rent_set_up(fake)
    await talk.say("stop the rent reminder")  # the reminder goes
    answer = await talk.say("stop the rent reminder")  # again: the user means the series
    task = rent(fake)
    assert task["rrule"] is None and task["remind_at"] is None and not task["completed"]
    assert "no longer repeats" in answer
    await talk.say("undo")
    assert rent(fake)["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=1"


async def test_removing_a_reminder_that_is_not_there_says_so(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent", rrule="FREQ=MONTHLY;BYMONTHDAY=1", due_at="2026-12-01T08:00:00Z")
    talk = Talk(fake, NOW)
    answer = await talk.say("remove the reminder from pay rent")  # said of the reminder: series kept
    assert rent(fake)["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=1"
    assert answer == f"'Pay rent' has no reminder. {STILL_REPEATS}"


@pytest.mark.parametrize(
    "message", ["stop the rent reminder", "stop the rent series", "turn off the rent reminder"]
)
async def test_no_task_matching_is_said_plainly(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Call mom")
    talk = Talk(fake, NOW)
    answer = await talk.say(message)
    assert answer == "I couldn't find a task about 'rent'."
    assert [t["title"] for t in fake.tasks.values()] == ["Call mom"]


async def test_a_stop_of_reminders_is_never_added_as_a_task(fake: FakeTasks) -> None:
    talk = Talk(fake, NOW)
    message = "stop reminding me so often"
    answer = await talk.say(message)
    assert answer.startswith(f"I didn't add '{message}' as a task.")
    assert f'"add {message}"' in answer
    assert not (await talk.say("turn off all notifications")).startswith("Added")
    assert fake.tasks == {}


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("stop by the bank", "Stop by the bank"),
        ("stop by the bank tomorrow", "Stop by the bank"),
        ("turn off the heating before we leave", "Turn off the heating before we leave"),
        ("disable the old alarm", "Disable the old alarm"),
    ],
)
async def test_a_stop_of_anything_else_is_an_errand(fake: FakeTasks, message: str, title: str) -> None:
    talk = Talk(fake, NOW)
    await talk.say(message)
    assert [t["title"] for t in fake.tasks.values()] == [title]


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add stop by the bank", "Stop by the bank"),
        ("remind me to cancel netflix", "Cancel netflix"),
        ("remind me to stop by the bank", "Stop by the bank"),
    ],
)
async def test_said_with_add_or_remind_me_to_it_is_added(fake: FakeTasks, message: str, title: str) -> None:
    talk = Talk(fake, NOW)
    await talk.say(message)
    assert [t["title"] for t in fake.tasks.values()] == [title]
