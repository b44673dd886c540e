"""'Skip the next gym', 'skip this week's gym', 'skip gym this week': the repeating task moves
to where completing it now would put the next one: its next occurrence after its due time and
now (DTSTART the due time; BYDAY lists, INTERVAL, UNTIL; COUNT from its next_occurrence), or,
repeating from completion, an interval from now, without being completed:
no completion, no next instance. A task that does not repeat, or whose series ends with this
one, is left as it is and the reply says why. 'Undo' puts the due time back. Before, each of
these lines added a task 'Skip the next gym'."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.test_undo import Chat

# Chat's clock: Wednesday 25 Nov 2026, 14:31 UTC. Gym is next due this Friday at 7:00.
GYM = {
    "title": "Gym",
    "rrule": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    "due_at": "2026-11-27T07:00:00Z",
    "remind_at": "2026-11-27T06:30:00Z",
}


def gym(fake: FakeTasks, **fields: Any) -> dict[str, Any]:
    return fake.seed("alice", **{**GYM, **fields})


@pytest.mark.parametrize(
    ("message", "ref", "pronoun"),
    [
        ("skip the next gym", "gym", False),
        ("skip this week's gym", "gym", False),
        ("skip gym this week", "gym", False),
        ("skip the next occurrence of gym", "gym", False),
        ("skip today's standup", "standup", False),
        ("skip the next one", None, True),
        ("skip it", None, True),
    ],
)
def test_skip_names_the_repeating_task(message: str, ref: str | None, pronoun: bool) -> None:
    request = parse(message, datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Europe/Paris")))
    assert (request.intent, request.ref, request.pronoun) == ("skip", ref, pronoun)


@pytest.mark.parametrize("message", ["skip the next gym", "skip this week's gym", "skip gym this week"])
async def test_skip_moves_the_series_to_its_next_occurrence(message: str) -> None:
    fake = FakeTasks()
    task = gym(fake)
    said = await Chat(fake).say(message)
    assert said == "Skipped this Friday's 'Gym'; next due Monday at 7:00 AM."
    [after] = fake.tasks.values()  # no task added, none completed
    assert after["id"] == task["id"] and not after["completed"] and after["completed_at"] is None
    assert (after["due_at"], after["remind_at"]) == ("2026-11-30T07:00:00Z", "2026-11-30T06:30:00Z")


async def test_undo_puts_the_skipped_occurrence_back() -> None:
    fake = FakeTasks()
    gym(fake)
    chat = Chat(fake)
    await chat.say("skip the next gym")
    assert [t["due_at"] for t in fake.tasks.values()] == ["2026-11-30T07:00:00Z"]
    said = await chat.say("undo")
    [after] = fake.tasks.values()
    assert (after["due_at"], after["remind_at"]) == ("2026-11-27T07:00:00Z", "2026-11-27T06:30:00Z"), said


async def test_skip_follows_the_interval() -> None:
    fake = FakeTasks()
    gym(fake, rrule="FREQ=WEEKLY;INTERVAL=2", remind_at=None)
    said = await Chat(fake).say("skip the next gym")
    assert [t["due_at"] for t in fake.tasks.values()] == ["2026-12-11T07:00:00Z"]
    assert said == "Skipped this Friday's 'Gym'; next due Fri, Dec 11 at 7:00 AM."


@pytest.mark.parametrize(
    ("rrule", "next_occurrence"),
    [
        ("FREQ=WEEKLY;BYDAY=FR;UNTIL=20261128T000000Z", None),  # UNTIL: no Friday after this one
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=3", None),  # task-service: the 3rd of 3 instances
    ],
)
async def test_a_series_that_ends_with_this_one_is_left_as_it_is(rrule: str, next_occurrence: Any) -> None:
    fake = FakeTasks()
    task = gym(fake, rrule=rrule)
    task["next_occurrence"] = next_occurrence
    said = await Chat(fake).say("skip the next gym")
    assert "last one of its series" in said and "left it as it is" in said, said
    assert fake.tasks[task["id"]]["due_at"] == GYM["due_at"]


async def test_a_task_that_does_not_repeat_is_not_moved() -> None:
    fake = FakeTasks()
    task = gym(fake, rrule=None)
    said = await Chat(fake).say("skip the next gym")
    assert said == (
        "'Gym' doesn't repeat, so there is no next one to skip. "
        "Should I move it to another day, or delete it?"
    )
    assert fake.tasks[task["id"]]["due_at"] == GYM["due_at"] and len(fake.tasks) == 1


# Guards (pass before and after): with no such task, a plain "skip breakfast" is a new task.
async def test_skip_with_no_such_task_is_a_new_task() -> None:
    fake = FakeTasks()
    said = await Chat(fake).say("skip breakfast")
    assert [t["title"] for t in fake.tasks.values()] == ["Skip breakfast"], said


def test_adding_a_skip_task_is_an_add() -> None:
    request = parse("add skip rope", datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Europe/Paris")))
    assert (request.intent, request.changes.title) == ("add", "Skip rope")


# One rule with the web's "Skip this one": the task moves to where completing it now would put
# the next one (todo_common.next_due at the chat's clock, Wed 25 Nov 2026 14:31 UTC), not
# completed. Before, the next slot after its old due time, which for an overdue task could still
# be in the past, and for a task repeating from completion a slot of the rule from its due date.
async def test_skipping_an_overdue_one_lands_on_the_first_slot_still_to_come() -> None:
    fake = FakeTasks()
    task = gym(fake, rrule="FREQ=DAILY", due_at="2026-11-22T07:00:00Z", remind_at="2026-11-22T06:30:00Z")
    said = await Chat(fake).say("skip the next gym")
    after = fake.tasks[task["id"]]
    assert (after["due_at"], after["remind_at"]) == ("2026-11-26T07:00:00Z", "2026-11-26T06:30:00Z")
    assert not after["completed"] and len(fake.tasks) == 1
    assert said.endswith("; next due tomorrow at 7:00 AM."), said


async def test_skipping_one_that_repeats_from_completion_moves_it_an_interval_from_now() -> None:
    fake = FakeTasks()
    task = gym(fake, rrule="FREQ=DAILY;INTERVAL=3", repeat_from="completion")
    said = await Chat(fake).say("skip the next gym")
    after = fake.tasks[task["id"]]
    # 14:31 (the chat's clock) + 3 days, the reminder 30 minutes before it, as before.
    assert (after["due_at"], after["remind_at"]) == ("2026-11-28T14:31:00Z", "2026-11-28T14:01:00Z")
    assert not after["completed"] and len(fake.tasks) == 1
    assert said == "Skipped this Friday's 'Gym'; next due Saturday at 2:31 PM.", said
