"""A reminder asked for with its time before the task, "remind me at 5 to call mom", "at 5
remind me to call mom", is read as "remind me to call mom at 5": the task, due then, with a
reminder at its due time. "remind me at 5 about the dentist" is still a reminder on a task."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_reminder_requests import assert_adds_with_a_reminder_at_its_time
from tests.test_undo import Chat

# NOW is Wednesday 25 Nov 2026, 14:30 UTC: "at 5" is 5 PM today by the bare-hour rules.


@pytest.mark.parametrize(
    ("message", "same_as"),
    [
        ("remind me at 5 to call mom", "remind me to call mom at 5"),
        ("ping me at 5 to call mom", "ping me to call mom at 5"),
        ("remind me tomorrow at 9 to pay rent", "remind me to pay rent tomorrow at 9"),
        ("remind me on friday to renew passport", "remind me to renew passport on friday"),
        ("Could you remind me in 2 hours to call mom?", "Could you remind me to call mom in 2 hours?"),
        ("alert me at 9pm, to take my meds", "alert me to take my meds at 9pm"),
        ("send me a reminder at 5 to call mom", "send me a reminder to call mom at 5"),
        ("set a reminder for tomorrow at 9 to pay rent", "set a reminder to pay rent for tomorrow at 9"),
        ("remind me tomorrow that I owe Sam money", "remind me that I owe Sam money tomorrow"),
        ("remind me every monday to water the plants", "remind me to water the plants every monday"),
        ("remind me monday and tuesday to call the bank", "remind me to call the bank monday and tuesday"),
        ("remind me later to call mom", "remind me to call mom later"),
        # The time before the whole request.
        ("at 5 remind me to call mom", "remind me to call mom at 5"),
        ("tomorrow at 9, remind me to pay rent", "remind me to pay rent tomorrow at 9"),
        ("on friday please remind me to renew passport", "remind me to renew passport on friday"),
        ("every monday remind me to water the plants", "remind me to water the plants every monday"),
    ],
)
def test_the_time_said_before_the_task_reads_as_the_time_said_after_it(message: str, same_as: str) -> None:
    request = parse(message, NOW)
    assert request.intent == "add"
    assert request == parse(same_as, NOW)


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("remind me at 5 to call mom", "Call mom", "2026-11-25T17:00"),
        ("ping me at 5 to call mom", "Call mom", "2026-11-25T17:00"),
        ("remind me tomorrow at 9 to pay rent", "Pay rent", "2026-11-26T09:00"),
        ("remind me on friday to renew passport", "Renew passport", "2026-11-27T09:00"),
        ("at 5 remind me to call mom", "Call mom", "2026-11-25T17:00"),
    ],
)
def test_remind_me_at_5_to_call_mom_adds_call_mom_due_at_5_reminded_then(
    message: str, title: str, due: str
) -> None:
    assert_adds_with_a_reminder_at_its_time(message, title, due)


@pytest.mark.parametrize(
    ("message", "ref", "minutes", "remind_at"),
    [
        # Guards: a reminder on a task that exists, read as before (pass on the old code too).
        ("remind me at 5 about the dentist", "dentist", None, "2026-11-25T17:00"),
        ("remind me about the dentist tomorrow", "dentist", None, "2026-11-26T09:00"),
        ("remind me 30 minutes before the dentist", "dentist", 30, None),
        ("ping me at 5 about the standup", "standup", None, "2026-11-25T17:00"),
    ],
)
def test_a_reminder_about_a_task_is_still_set_on_that_task(
    message: str, ref: str, minutes: int | None, remind_at: str | None
) -> None:
    request = parse(message, NOW)
    assert request.intent == "update" and request.ref == ref
    assert request.changes.remind_minutes == minutes
    said = request.changes.remind_at
    assert (said.at.isoformat()[:16] if said else None) == remind_at


async def test_a_reminder_at_a_time_is_told_as_that_time_not_as_hours_before(fake: FakeTasks) -> None:
    # "remind me about the dentist tomorrow" answered "... 150 hours before it's due": the
    # reminder's offset from a due time days away, not the time the user asked for.
    fake.seed("alice", title="The dentist", due_at="2026-12-01T15:00:00Z")
    chat = Chat(fake)
    assert await chat.say("remind me about the dentist tomorrow") == (
        "I'll remind you about 'The dentist' tomorrow at 9:00 AM."
    )
    assert await chat.say("remind me at 5 about the dentist") == (
        "I'll remind you about 'The dentist' today at 5:00 PM."
    )
    # An offset asked for is still told as one.
    assert await chat.say("remind me 30 minutes before the dentist") == (
        "I'll remind you about 'The dentist' 30 minutes before it's due."
    )
