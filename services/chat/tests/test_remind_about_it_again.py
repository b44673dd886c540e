"""A reminder follow-up with "it" and a time sets the reminder of the task in focus. User test
(Friday 27 Nov 2026, Berlin): "remind me about it again tomorrow at 8" said "I couldn't find a
task matching 'it again'", and "actually remind me about it tomorrow at 8 instead" "... 'it
instead'". "Again" / "once more" and "instead" are no words of a task's name; "remind me
about it an hour before" works as before (guard)."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk, local


async def bank(fake: FakeTasks) -> Talk:
    talk = Talk(fake)
    assert (await talk.say("add call the bank on monday at 10am")).startswith("Added 'Call the bank'")
    return talk


def the_bank(fake: FakeTasks) -> tuple[str | None, str | None]:
    [task] = fake.tasks.values()
    return local(task["due_at"]), local(task["remind_at"])


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        (
            "remind me about it again tomorrow at 8",
            "I'll remind you about 'Call the bank' tomorrow at 08:00.",
        ),
        ("remind me again tomorrow at 8", "I'll remind you about 'Call the bank' tomorrow at 08:00."),
        (
            "remind me about that once more tomorrow at 8",
            "I'll remind you about 'Call the bank' tomorrow at 08:00.",
        ),
        (
            "actually remind me about it tomorrow at 8 instead",
            "Moved the reminder for 'Call the bank' to tomorrow at 08:00; it's still due Monday at 10:00.",
        ),
    ],
)
async def test_a_reminder_of_it_at_a_time_is_set_on_the_task_in_focus(
    fake: FakeTasks, message: str, answer: str
) -> None:
    talk = await bank(fake)
    assert await talk.say(message) == answer
    assert the_bank(fake) == ("Mon 30 Nov 10:00", "Sat 28 Nov 08:00")


async def test_again_after_an_earlier_reminder_moves_it(fake: FakeTasks) -> None:
    talk = await bank(fake)
    await talk.say("remind me about it an hour before")
    assert the_bank(fake) == ("Mon 30 Nov 10:00", "Mon 30 Nov 09:00")
    assert await talk.say("remind me about it again tomorrow at 8") == (
        "I'll remind you about 'Call the bank' tomorrow at 08:00."
    )
    assert the_bank(fake) == ("Mon 30 Nov 10:00", "Sat 28 Nov 08:00")


# -- guards -----------------------------------------------------------------------------------
async def test_an_hour_before_still_works(fake: FakeTasks) -> None:
    talk = await bank(fake)
    assert await talk.say("remind me about it an hour before") == (
        "I'll remind you about 'Call the bank' 1 hour before it's due."
    )
    assert the_bank(fake) == ("Mon 30 Nov 10:00", "Mon 30 Nov 09:00")


async def test_a_task_named_with_a_time_is_still_that_task(fake: FakeTasks) -> None:
    talk = await bank(fake)
    assert await talk.say("remind me about the bank call tomorrow at 8") == (
        "I'll remind you about 'Call the bank' tomorrow at 08:00."
    )
