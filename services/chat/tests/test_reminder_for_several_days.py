""" "add gym tuesday and thursday at 7am and remind me at 6am" dropped "at 6am": the reminder
was at the due time (7:00). A reminder time said after a task of several days is now each task's
reminder on its own day; a reminder said without a time, or a time that completes the due time,
reads as before."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk, local


def saved(fake: FakeTasks) -> list[tuple[str, str | None, str | None]]:
    return sorted((t["title"], local(t["due_at"]), local(t["remind_at"])) for t in fake.tasks.values())


async def test_each_day_gets_its_reminder_at_the_time_said(fake: FakeTasks) -> None:
    # Friday 27 Nov 2026, 15:00 in Berlin.
    reply = await Talk(fake).say("add gym tuesday and thursday at 7am and remind me at 6am")
    assert reply == (
        "Added 'Gym' for Tuesday at 07:00 (reminder Tuesday at 06:00). "
        "Added 'Gym' for Thursday at 07:00 (reminder Thursday at 06:00)."
    )
    assert saved(fake) == [
        ("Gym", "Thu 03 Dec 07:00", "Thu 03 Dec 06:00"),
        ("Gym", "Tue 01 Dec 07:00", "Tue 01 Dec 06:00"),
    ]


async def test_many_days_each_get_the_reminder(fake: FakeTasks) -> None:
    await Talk(fake).say("add stretch monday, tuesday, wednesday and thursday at 8pm and remind me at 7:30pm")
    assert saved(fake) == [
        ("Stretch", "Mon 30 Nov 20:00", "Mon 30 Nov 19:30"),
        ("Stretch", "Thu 03 Dec 20:00", "Thu 03 Dec 19:30"),
        ("Stretch", "Tue 01 Dec 20:00", "Tue 01 Dec 19:30"),
        ("Stretch", "Wed 02 Dec 20:00", "Wed 02 Dec 19:30"),
    ]


@pytest.mark.parametrize(
    ("message", "due_and_reminder"),
    [
        # Guards (pass before too): no time of their own, the reminder's time is the due time;
        # no reminder time, at the due time.
        ("add gym tuesday and thursday and remind me at 6am", ("06:00", "06:00")),
        ("add gym tuesday and thursday at 7am and remind me", ("07:00", "07:00")),
    ],
)
async def test_the_due_time_completed_or_no_time_said_read_as_before(
    message: str, due_and_reminder: tuple[str, str], fake: FakeTasks
) -> None:
    await Talk(fake).say(message)
    rows = saved(fake)
    assert len(rows) == 2
    assert {(due[-5:], remind[-5:]) for _, due, remind in rows if due and remind} == {due_and_reminder}
