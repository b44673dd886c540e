"""A reminder moved by an amount: "push the reminder back an hour", "push the dentist reminder
back 30 minutes", "move the reminder an hour later", "remind me an hour later", "remind me 15
minutes earlier" move remind_at of the task named (or the one just talked about) by that much,
change nothing else, and the reply says the new reminder time. Before, they moved the due time
("push the reminder back an hour"), added a task 'Move the reminder an hour', or set a
reminder at or before the due time. A task without a reminder is left as it is, and the reply
says so."""

from typing import Any

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local

DENTIST = {
    "title": "Dentist",
    "due_at": "2026-11-30T14:00:00Z",  # Monday 15:00 in Berlin
    "remind_at": "2026-11-30T09:00:00Z",  # Monday 10:00
    "priority": "HIGH",
    "tags": ["Health"],
}


def dentist(fake: FakeTasks) -> dict[str, Any]:
    [task] = [t for t in fake.tasks.values() if t["title"] == "Dentist"]
    return task


def unchanged_but_reminder(before: dict[str, Any], after: dict[str, Any]) -> bool:
    skip = ("remind_at", "version")
    return {k: v for k, v in before.items() if k not in skip} == {
        k: v for k, v in after.items() if k not in skip
    }


@pytest.mark.parametrize(
    ("message", "remind", "said"),
    [
        ("push the reminder back an hour", "Mon 30 Nov 11:00", "Monday at 11:00"),
        ("push the dentist reminder back 30 minutes", "Mon 30 Nov 10:30", "Monday at 10:30"),
        ("move the reminder an hour later", "Mon 30 Nov 11:00", "Monday at 11:00"),
        ("remind me an hour later", "Mon 30 Nov 11:00", "Monday at 11:00"),
        ("remind me 15 minutes earlier", "Mon 30 Nov 09:45", "Monday at 09:45"),
        ("move the dentist reminder 2 hours earlier", "Mon 30 Nov 08:00", "Monday at 08:00"),
        ("remind me about the dentist an hour later", "Mon 30 Nov 11:00", "Monday at 11:00"),
        ("bring the reminder forward half an hour", "Mon 30 Nov 09:30", "Monday at 09:30"),
        ("snooze the reminder by 10 minutes", "Mon 30 Nov 10:10", "Monday at 10:10"),
        ("push its reminder back a day", "Tue 01 Dec 10:00", "Tuesday at 10:00"),
    ],
)
async def test_a_reminder_moves_by_the_amount_said(
    fake: FakeTasks, message: str, remind: str, said: str
) -> None:
    fake.seed("alice", **DENTIST)
    talk = Talk(fake)
    await talk.say("when is the dentist?")  # the task just talked about
    before = dict(dentist(fake))
    answer = await talk.say(message)
    after = dentist(fake)
    assert local(after["remind_at"]) == remind
    assert unchanged_but_reminder(before, after)
    heads_up = " Heads up: that's after it's due (Monday at 15:00)." if remind.startswith("Tue") else ""
    assert answer == f"Moved the reminder for 'Dentist' to {said}; it's still due Monday at 15:00.{heads_up}"


async def test_undo_puts_the_reminder_back(fake: FakeTasks) -> None:
    fake.seed("alice", **DENTIST)
    talk = Talk(fake)
    await talk.say("push the dentist reminder back 30 minutes")
    assert local(dentist(fake)["remind_at"]) == "Mon 30 Nov 10:30"
    await talk.say("undo")
    assert local(dentist(fake)["remind_at"]) == "Mon 30 Nov 10:00"


@pytest.mark.parametrize(
    "message", ["push the dentist reminder back 30 minutes", "remind me about the dentist an hour later"]
)
async def test_a_task_without_a_reminder_is_left_as_it_is(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", **{**DENTIST, "remind_at": None})
    before = dict(dentist(fake))
    answer = await Talk(fake).say(message)
    assert dentist(fake) == before
    assert answer == "'Dentist' has no reminder to move. Say \"remind me at ...\" to set one."


# -- guards: what read otherwise reads as before ------------------------------------------------
async def test_pushing_the_task_back_still_moves_its_due_time(fake: FakeTasks) -> None:
    fake.seed("alice", **DENTIST)
    talk = Talk(fake)
    await talk.say("when is the dentist?")
    assert (await talk.say("push it back an hour")).startswith("Moved 'Dentist' to Monday at 16:00")
    assert local(dentist(fake)["due_at"]) == "Mon 30 Nov 16:00"


@pytest.mark.parametrize(
    ("message", "minutes"),
    [("remind me an hour before", 60), ("remind me 30 minutes beforehand", 30)],
)
def test_a_reminder_before_the_due_time_reads_as_before(message: str, minutes: int) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.pronoun, request.changes.remind_minutes) == ("update", True, minutes)


async def test_a_move_without_a_direction_moves_no_reminder(fake: FakeTasks) -> None:
    fake.seed("alice", **DENTIST)
    talk = Talk(fake)
    await talk.say("when is the dentist?")
    await talk.say("move the reminder an hour")
    assert (local(dentist(fake)["due_at"]), local(dentist(fake)["remind_at"])) == (
        "Mon 30 Nov 15:00",
        "Mon 30 Nov 10:00",
    )
