"""A part of the day right before a bare hour, and 12 at night. User test (Fri 27 Nov 2026,
Berlin): "add call mom evening at 8" added 'Call mom evening' at 08:00 and "add gym morning at 7"
'Gym morning' at 19:00 (only "friday evening at 8", "this evening at 8" were read so); "every
night at 12" and "tonight at 12" were noon. Now "morning", "afternoon", "evening" right before
"at H" put the hour in that half of the day and leave the title; 12 said with night is
midnight: 00:00 of the next day for a one-off ("tonight at 12"), the rule's time 00:00 for a
repeat. Guards: "tomorrow evening at 8", "movie night at 8" (a word of the title), "every day at
12" and "at 12" noon, "every night at 9" 21:00, "tomorrow at 12am", an hour with am/pm."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk, local
from tests.test_part_of_day_hour import task


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("add call mom evening at 8", ("Call mom", "2026-11-27 20:00", None)),
        ("add gym morning at 7", ("Gym", "2026-11-28 07:00", None)),
        ("add walk the dog afternoon at 4", ("Walk the dog", "2026-11-27 16:00", None)),
        ("add read every night at 12", ("Read", "2026-11-28 00:00", "FREQ=DAILY")),
        ("add read tonight at 12", ("Read", "2026-11-28 00:00", None)),
        ("add read at 12 tonight", ("Read", "2026-11-28 00:00", None)),
        ("add read tomorrow night at 12", ("Read", "2026-11-29 00:00", None)),
        ("add read at 12 at night", ("Read", "2026-11-28 00:00", None)),
    ],
)
def test_a_part_word_before_the_hour_and_12_at_night(
    message: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    assert task(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("add call mom tomorrow evening at 8", ("Call mom", "2026-11-28 20:00", None)),
        ("add movie night at 8", ("Movie night", "2026-11-28 08:00", None)),
        ("add lunch every day at 12", ("Lunch", "2026-11-28 12:00", "FREQ=DAILY")),
        ("add lunch at 12", ("Lunch", "2026-11-28 12:00", None)),
        ("add read every night at 9", ("Read", "2026-11-27 21:00", "FREQ=DAILY")),
        ("add read tonight at 9", ("Read", "2026-11-27 21:00", None)),
        ("add read tomorrow at 12am", ("Read", "2026-11-28 00:00", None)),
        ("add call mom evening at 7am", ("Call mom evening", "2026-11-28 07:00", None)),
    ],
)
def test_read_as_before(message: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert task(message) == expected


async def test_the_reply_and_the_task(fake: FakeTasks) -> None:
    said = await Talk(fake).say("add call mom evening at 8")
    assert said == "Added 'Call mom' for today at 20:00.", said
    [added] = fake.tasks.values()
    assert (added["title"], local(added["due_at"])) == ("Call mom", "Fri 27 Nov 20:00")
