"""Dates and times in English, in the user's timezone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.when import next_weekday, parse_when

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=NY)  # Wednesday afternoon


@pytest.mark.parametrize(
    ("text", "expected", "rest"),
    [
        ("call the dentist tomorrow at 3pm", "2026-11-26 15:00", "call the dentist"),
        ("take out the trash tonight", "2026-11-25 20:00", "take out the trash"),
        ("this evening", "2026-11-25 18:00", ""),
        ("this afternoon", "2026-11-25 15:00", ""),
        ("tomorrow morning", "2026-11-26 09:00", ""),
        ("tomorrow at noon", "2026-11-26 12:00", ""),
        ("by end of day", "2026-11-25 17:00", ""),
        ("submit the report by Friday", "2026-11-27 09:00", "submit the report"),
        ("on wednesday", "2026-12-02 09:00", ""),  # the next such day after today
        ("pay the bill in 3 days", "2026-11-28 09:00", "pay the bill"),
        ("in two weeks", "2026-12-09 09:00", ""),
        ("in 2 hours", "2026-11-25 16:30", ""),
        ("the day after tomorrow", "2026-11-27 09:00", ""),
        ("at 5pm", "2026-11-25 17:00", ""),
        ("at 9am", "2026-11-26 09:00", ""),  # passed today: tomorrow
        ("dinner at 7", "2026-11-25 19:00", "dinner"),
        ("at 8 tonight", "2026-11-25 20:00", ""),
        ("half past 4", "2026-11-25 16:30", ""),
        ("on March 3rd at 10am", "2027-03-03 10:00", ""),
        ("Dec 25 at 9:30am", "2026-12-25 09:30", ""),
        # A bare h:mm reads like a bare hour (1-7 pm, 8-11 am), as quick-add reads it.
        ("tomorrow at 5:30", "2026-11-26 17:30", ""),
        ("tomorrow at 9:30", "2026-11-26 09:30", ""),
        ("tomorrow at 05:30", "2026-11-26 05:30", ""),
        ("tomorrow at 17:45", "2026-11-26 17:45", ""),
        ("tomorrow at 12:15", "2026-11-26 12:15", ""),
        ("on the 15th", "2026-12-15 09:00", ""),
        ("2027-01-05", "2027-01-05 09:00", ""),
        ("next week", "2026-11-30 09:00", ""),
        ("friday next week", "2026-12-04 09:00", ""),
        ("end of the month", "2026-11-30 17:00", ""),
        ("buy sun cream on sat", "2026-11-28 09:00", "buy sun cream"),
    ],
)
def test_when(text: str, expected: str, rest: str) -> None:
    found, left = parse_when(text, NOW)
    assert found is not None
    assert found.at.strftime("%Y-%m-%d %H:%M") == expected
    assert found.at.tzinfo == NY
    assert left == rest


@pytest.mark.parametrize("text", ["buy milk", "read chapter 4", "call mom about the sun", "I may go"])
def test_no_date(text: str) -> None:
    found, left = parse_when(text, NOW)
    assert found is None
    assert left == text


def test_time_only_and_date_only_are_told_apart() -> None:
    time_only, _ = parse_when("at 4pm", NOW)
    date_only, _ = parse_when("tomorrow", NOW)
    assert time_only is not None and not time_only.date_given and time_only.time_given
    assert date_only is not None and date_only.date_given and not date_only.time_given


def test_next_weekday_is_strictly_after_today() -> None:
    assert next_weekday(NOW.date(), NOW.weekday()).isoformat() == "2026-12-02"
