"""The assistant writes dates and times as the readers of the user's zone do (user test, Tom
in London, h115): "next due Tue, Dec 8 at 7:00 PM" was written the American way for everyone,
where the web app writes "Tue 8 Dec 19:00" for him. The zone's country (todo_common.datestyle)
says the hour cycle and the order of day and month; UTC and unknown zones as before."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain import reply
from tests.conftest import FakeTasks
from tests.talk import Talk
from todo_common.datestyle import US, Style, style

LONDON = ZoneInfo("Europe/London")
# Wednesday 25 Nov 2026, 14:30 in London.
LONDON_NOW = datetime(2026, 11, 25, 14, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/London", Style(day_first=True, twelve_hours=False)),
        ("Europe/Berlin", Style(day_first=True, twelve_hours=False)),
        ("Australia/Sydney", Style(day_first=True, twelve_hours=True)),
        ("Asia/Kolkata", Style(day_first=True, twelve_hours=True)),
        ("Asia/Calcutta", Style(day_first=True, twelve_hours=True)),  # an old name, as browsers send
        ("Europe/Kiev", Style(day_first=True, twelve_hours=False)),
        ("Asia/Tokyo", Style(day_first=False, twelve_hours=False)),
        ("America/Toronto", Style(day_first=False, twelve_hours=True)),
        ("America/New_York", US),
        ("US/Pacific", US),
        # UTC, a zone of no country, a name no zone has: as before.
        ("UTC", US),
        ("Etc/GMT+5", US),
        ("Mars/Olympus_Mons", US),
        (None, US),
        (UTC, US),
        (timezone(timedelta(hours=1)), US),
        (LONDON, Style(day_first=True, twelve_hours=False)),
    ],
)
def test_the_style_of_a_zone(zone: str | None, expected: Style) -> None:
    assert style(zone) == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        (
            "Europe/London",
            [
                "on Tue 8 Dec at 19:00",
                "on 8 Dec 2027 at 09:05",
                "Monday 30 Nov",
                "Mon 30 Nov \u2013 Sun 6 Dec",
            ],
        ),
        (
            "Australia/Sydney",
            [
                "on Tue 8 Dec at 7:00 PM",
                "on 8 Dec 2027 at 9:05 AM",
                "Monday 30 Nov",
                "Mon 30 Nov \u2013 Sun 6 Dec",
            ],
        ),
        (
            "Asia/Tokyo",
            [
                "on Tue, Dec 8 at 19:00",
                "on Dec 8, 2027 at 09:05",
                "Monday, Nov 30",
                "Mon, Nov 30 \u2013 Sun, Dec 6",
            ],
        ),
        # Guards (written so before too).
        (
            "America/New_York",
            [
                "on Tue, Dec 8 at 7:00 PM",
                "on Dec 8, 2027 at 9:05 AM",
                "Monday, Nov 30",
                "Mon, Nov 30 \u2013 Sun, Dec 6",
            ],
        ),
        (
            "UTC",
            [
                "on Tue, Dec 8 at 7:00 PM",
                "on Dec 8, 2027 at 9:05 AM",
                "Monday, Nov 30",
                "Mon, Nov 30 \u2013 Sun, Dec 6",
            ],
        ),
    ],
)
def test_dates_and_times_in_the_zones_style(zone: str, expected: list[str]) -> None:
    tz = ZoneInfo(zone)
    now = datetime(2026, 11, 25, 14, 30, tzinfo=tz)
    assert [
        reply.when_text(datetime(2026, 12, 8, 19, 0, tzinfo=tz), now, zone),
        reply.when_text(datetime(2027, 12, 8, 9, 5, tzinfo=tz), now, zone),
        reply.dated_day(datetime(2026, 11, 30, 9, 0, tzinfo=tz), now, zone),
        reply.date_span(datetime(2026, 11, 30, tzinfo=tz), datetime(2026, 12, 6, tzinfo=tz)),
    ] == expected


async def test_toms_dentist_on_03_02_in_london(fake: FakeTasks) -> None:
    said = await Talk(fake, LONDON_NOW).say("book dentist for Amy on 03/02 at 4pm")
    assert said == "Added 'Book dentist for Amy' for Wed 3 Feb at 16:00."
    (task,) = fake.tasks.values()
    assert task["due_at"] == "2027-02-03T16:00:00Z"


async def test_the_time_in_london(fake: FakeTasks) -> None:
    said = await Talk(fake, LONDON_NOW).say("what time is it?")
    assert said == "It's 14:31 on Wednesday 25 November."


async def test_the_next_one_of_a_repeating_task_in_london(fake: FakeTasks) -> None:
    fake.seed("alice", title="Yoga", due_at="2026-11-26T19:00:00Z", rrule="FREQ=WEEKLY")
    said = await Talk(fake, LONDON_NOW).say("when is yoga?")
    assert said.startswith("'Yoga' is open: due tomorrow at 19:00"), said
