""" "Cancel this reminder", "cancel the reminder" with no task in the talk: which task's
reminder is asked, with the open tasks that have one (or that none has). Never a task called
'reminder' deleted or added (before: "cancel this reminder" deleted a task 'Reminder', and
"cancel the reminder" asked for a name without saying which tasks have one). With a task in
the talk, its reminder goes, as before."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk


def seed(fake: FakeTasks) -> None:
    # Friday 27 Nov 2026, 15:00 in Berlin.
    fake.seed("alice", title="Reminder")
    fake.seed("alice", title="Buy milk", due_at="2026-11-28T09:00:00Z")
    fake.seed("alice", title="Call bank", due_at="2026-11-28T08:00:00Z", remind_at="2026-11-28T08:00:00Z")
    fake.seed("alice", title="Pay rent", remind_at="2026-11-30T07:00:00Z")


@pytest.mark.parametrize(
    "message", ["cancel this reminder", "cancel the reminder", "delete that reminder", "remove this reminder"]
)
async def test_which_tasks_reminder_is_asked(fake: FakeTasks, message: str) -> None:
    seed(fake)
    before = {i: dict(t) for i, t in fake.tasks.items()}
    reply = await Talk(fake).say(message)
    assert reply == (
        'Which task\'s reminder should I cancel? Say, for example, "cancel the reminder for call bank". '
        "These have one: 'Call bank' (tomorrow at 09:00) and 'Pay rent' (Monday at 08:00)."
    )
    assert fake.tasks == before


async def test_none_with_a_reminder_is_said(fake: FakeTasks) -> None:
    fake.seed("alice", title="Reminder")
    reply = await Talk(fake).say("cancel this reminder")
    assert reply == "None of your open tasks has a reminder, so there's none to cancel."
    assert [t["title"] for t in fake.tasks.values()] == ["Reminder"]


async def test_the_task_in_the_talk_loses_its_reminder(fake: FakeTasks) -> None:
    # Before: "cancel this reminder" deleted the task 'Reminder' here too.
    seed(fake)
    talk = Talk(fake)
    await talk.say("remind me about pay rent at 5")
    assert await talk.say("cancel this reminder") == "Removed the reminder from 'Pay rent'."
    assert [t["title"] for t in fake.tasks.values() if t["remind_at"]] == ["Call bank"]
