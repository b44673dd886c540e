"""A bare hour said with a part of the day is in that part. User test (Fri 27 Nov 2026, Berlin):
"add pack lunches every weeknight at 9" was due at 09:00 every weekday morning, "add call dad
friday evening at 8" at 08:00 with 'evening' left in the title. Now an hour without am/pm said
with "every night" / "every evening" / "every weeknight" / "nightly", or next to a part of the day
("friday evening at 8", "tomorrow night at 10", "at 8 this evening") is in that part: 21:00,
20:00, 22:00, and the part leaves the title. Guards: "at 9pm" / "at 7am" said outright, "at 12",
a bare hour with no part of the day (1-7 pm, 8-11 am), "movie night at 8" (a word of the title)."""

from datetime import datetime

import pytest
from chat_service.domain.parse import parse, series_due
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk


def task(message: str, now: datetime = FRIDAY) -> tuple[str | None, str | None, str | None]:
    """(title, first due as local 'YYYY-MM-DD HH:MM', rrule) of the task a message adds."""
    request = parse(message, now)
    assert request.intent == "add", request
    due = series_due(request.changes, now)
    return request.changes.title, due.at.strftime("%Y-%m-%d %H:%M") if due else None, request.changes.rrule


WEEKNIGHTS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("add pack lunches every weeknight at 9", ("Pack lunches", "2026-11-27 21:00", WEEKNIGHTS)),
        ("add read to the kids every night at 9", ("Read to the kids", "2026-11-27 21:00", "FREQ=DAILY")),
        ("add walk the dog every evening at 8", ("Walk the dog", "2026-11-27 20:00", "FREQ=DAILY")),
        ("add call dad friday evening at 8", ("Call dad", "2026-12-04 20:00", None)),
        ("add take out trash tomorrow night at 10", ("Take out trash", "2026-11-28 22:00", None)),
        ("add bins out every monday night at 9", ("Bins out", "2026-11-30 21:00", "FREQ=WEEKLY;BYDAY=MO")),
        ("add brush teeth nightly at 9:30", ("Brush teeth", "2026-11-27 21:30", "FREQ=DAILY")),
        ("add read at 9 every night", ("Read", "2026-11-27 21:00", "FREQ=DAILY")),
        ("add dinner at 8 this evening", ("Dinner", "2026-11-27 20:00", None)),
        ("add dinner this evening at 8", ("Dinner", "2026-11-27 20:00", None)),
        ("add call dad at 10 tomorrow night", ("Call dad", "2026-11-28 22:00", None)),
        ("add run saturday morning at 6", ("Run", "2026-11-28 06:00", None)),
        ("add yoga every morning at 6", ("Yoga", "2026-11-28 06:00", "FREQ=DAILY")),
    ],
)
def test_a_bare_hour_in_the_part_of_the_day_said_with_it(
    message: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    assert task(message) == expected


async def test_the_reply_says_the_evening_hour(fake: FakeTasks) -> None:
    said = await Talk(fake).say("add read to the kids every night at 9")
    assert said.startswith("Added 'Read to the kids'") and "21:00" in said, said
    [added] = fake.tasks.values()
    assert (added["due_at"], added["rrule"]) == ("2026-11-27T20:00:00Z", "FREQ=DAILY")


# Guards: an hour said with am/pm, noon, a bare hour with no part of the day, and a part of the
# day that is a word of the title read as before. "friday evening at 7am" keeps its 07:00; since
# h130 the part said with the day leaves the title, as on the web (it was 'Call dad evening').
@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("add stretch every morning at 9", ("Stretch", "2026-11-28 09:00", "FREQ=DAILY")),
        ("add read every night at 9pm", ("Read", "2026-11-27 21:00", "FREQ=DAILY")),
        ("add run every evening at 7am", ("Run", "2026-11-28 07:00", "FREQ=DAILY")),
        ("add lunch every day at 12", ("Lunch", "2026-11-28 12:00", "FREQ=DAILY")),
        ("add call dad friday evening at 7am", ("Call dad", "2026-12-04 07:00", None)),
        ("add call dad at 5", ("Call dad", "2026-11-27 17:00", None)),
        ("add call dad tomorrow at 9", ("Call dad", "2026-11-28 09:00", None)),
        ("add stretch every day at 9", ("Stretch", "2026-11-28 09:00", "FREQ=DAILY")),
        ("add movie night at 8", ("Movie night", "2026-11-28 08:00", None)),
        ("add movie night friday at 8", ("Movie night", "2026-12-04 08:00", None)),
        ("add pack lunches every weeknight", ("Pack lunches", "2026-11-27 20:00", WEEKNIGHTS)),
    ],
)
def test_hours_said_outright_or_without_a_part_read_as_before(
    message: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    assert task(message) == expected
